#include "app/gui/Launcher.h"

#include <QApplication>

int main(int argc, char** argv)
{
    QApplication application(argc, argv);
    return backscreen::app::Launcher::run(application);
}
