#include "app/gui/Translations.h"

#include <QApplication>
#include <QLocale>

#include <gtest/gtest.h>

#include <clocale>
#include <cstdlib>

// The main of tests_app: a QApplication must exist before anything paints or renders SVG, and tests run on
// the offscreen platform unless the environment chose another, with the app's translations installed.
int main(int argc, char** argv)
{
    setenv("LC_ALL", "C.UTF-8", 1);
    setenv("QT_QPA_PLATFORM", "offscreen", 0);
    std::setlocale(LC_ALL, "C.UTF-8");
    QApplication application(argc, argv);
    QLocale::setDefault(QLocale::c());
    // The same words the app shows: its English plural forms.
    backscreen::app::Translations::install(application);
    testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
