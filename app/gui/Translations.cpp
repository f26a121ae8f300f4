#include "Translations.h"

#include <QCoreApplication>
#include <QTranslator>

namespace backscreen::app {

namespace {

const QString resourceDirectory = QStringLiteral(":/i18n");
const QString baseName = QStringLiteral("backscreen");

} // namespace

int Translations::install(QCoreApplication& application, const QLocale& locale)
{
    int installed = 0;
    // English first: translators installed later are searched first, so a real translation for the user's
    // language wins and English plurals fill in whatever it does not translate.
    auto* english = new QTranslator(&application);
    if (english->load(baseName + QStringLiteral("_en"), resourceDirectory)
        && QCoreApplication::installTranslator(english)) {
        ++installed;
    } else {
        delete english;
    }
    if (locale.language() != QLocale::English && locale.language() != QLocale::C) {
        auto* local = new QTranslator(&application);
        if (local->load(locale, baseName, QStringLiteral("_"), resourceDirectory)
            && QCoreApplication::installTranslator(local)) {
            ++installed;
        } else {
            delete local;
        }
    }
    return installed;
}

} // namespace backscreen::app
