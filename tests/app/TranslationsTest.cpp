#include "app/gui/Translations.h"

#include "app/gui/ClientsPage.h"

#include <QCoreApplication>
#include <QTranslator>

#include <gtest/gtest.h>

using namespace backscreen;

namespace {

QString clientsShown(int count)
{
    return QCoreApplication::translate("backscreen::app::ClientsPage", "%n client(s) shown", nullptr, count);
}

} // namespace

// QtTestMain installs the translations the way the app's Launcher does.
TEST(Translations, EnglishPluralFormsReplaceTheSourceText)
{
    EXPECT_EQ(clientsShown(1), QStringLiteral("1 client shown"));
    EXPECT_EQ(clientsShown(0), QStringLiteral("0 clients shown"));
    EXPECT_EQ(clientsShown(2), QStringLiteral("2 clients shown"));
    EXPECT_EQ(clientsShown(10000), QStringLiteral("10000 clients shown"));
}

TEST(Translations, TheEnglishTranslationIsBuiltIntoTheResources)
{
    QTranslator translator;
    ASSERT_TRUE(translator.load(QStringLiteral("backscreen_en"), QStringLiteral(":/i18n")));
    EXPECT_EQ(translator.language(), QStringLiteral("en"));
    EXPECT_FALSE(translator.isEmpty());
}

TEST(Translations, ALanguageWithoutItsOwnTranslationGetsEnglishOnly)
{
    QCoreApplication* application = QCoreApplication::instance();
    ASSERT_NE(application, nullptr);
    const int before = static_cast<int>(application->findChildren<QTranslator*>().size());
    EXPECT_EQ(app::Translations::install(*application, QLocale(QLocale::German, QLocale::Germany)), 1);
    EXPECT_EQ(static_cast<int>(application->findChildren<QTranslator*>().size()), before + 1);
    EXPECT_EQ(clientsShown(3), QStringLiteral("3 clients shown"));
}
