#include "app/gui/Launcher.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cstdlib>

using backscreen::app::Launcher;
using backscreen::app::LaunchOptions;

TEST(Launcher, ParsesDemoAndDatabaseArguments)
{
    const LaunchOptions demo = LaunchOptions::parse({QStringLiteral("backscreen"), QStringLiteral("--demo")});
    EXPECT_TRUE(demo.demo);
    EXPECT_FALSE(demo.database.has_value());
    EXPECT_TRUE(demo.error.isEmpty());

    const LaunchOptions real = LaunchOptions::parse(
        {QStringLiteral("backscreen"), QStringLiteral("--db"), QStringLiteral("/srv/clinic.sqlite")});
    EXPECT_FALSE(real.demo);
    EXPECT_EQ(real.database, std::optional<std::string>("/srv/clinic.sqlite"));

    const LaunchOptions equals =
        LaunchOptions::parse({QStringLiteral("backscreen"), QStringLiteral("--db=postgresql://clinic/db")});
    EXPECT_EQ(equals.database, std::optional<std::string>("postgresql://clinic/db"));

    const LaunchOptions none = LaunchOptions::parse({QStringLiteral("backscreen")});
    EXPECT_FALSE(none.demo);
    EXPECT_FALSE(none.database.has_value());
}

TEST(Launcher, RejectsUnknownArgumentsAndDemoWithADatabase)
{
    const LaunchOptions unknown = LaunchOptions::parse({QStringLiteral("backscreen"), QStringLiteral("--seed")});
    EXPECT_EQ(unknown.error, QStringLiteral("unknown argument \"--seed\"; usage: backscreen [--demo] [--db PATH|URL]"));
    const LaunchOptions both = LaunchOptions::parse(
        {QStringLiteral("backscreen"), QStringLiteral("--demo"), QStringLiteral("--db"), QStringLiteral("x.sqlite")});
    EXPECT_EQ(both.error, QStringLiteral("--demo opens its own database; leave out --db"));
}

TEST(Launcher, DemoDatabaseIsBesideButNeverTheClinicDatabase)
{
    QTemporaryDir home;
    ASSERT_TRUE(home.isValid());
    const char* previous = std::getenv("XDG_DATA_HOME");
    const std::string saved = previous != nullptr ? previous : "";
    setenv("XDG_DATA_HOME", home.path().toUtf8().constData(), 1);
    EXPECT_EQ(Launcher::demoDatabasePath(),
              std::filesystem::path(home.path().toStdString()) / "backscreen" / "demo.sqlite");
    if (previous != nullptr) {
        setenv("XDG_DATA_HOME", saved.c_str(), 1);
    } else {
        unsetenv("XDG_DATA_HOME");
    }
}
