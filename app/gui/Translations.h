#pragma once

#include <QLocale>

class QCoreApplication;

namespace backscreen::app {

/// Installs the app's translations: always the English one, which holds only the plural forms of the
/// "%n ..." messages ("1 client shown", "2 clients shown"), then the translation for `locale` when one is
/// built in, which Qt consults first. The .qm files are compiled from app/translations/*.ts into the
/// library's resources under :/i18n.
class Translations
{
public:
    /// Returns how many translations were installed (at least the English one, unless resources are missing).
    static int install(QCoreApplication& application, const QLocale& locale = QLocale());
};

} // namespace backscreen::app
