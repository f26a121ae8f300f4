#include "support/ProcessRunner.h"

#include <gtest/gtest.h>

using backscreen::tests::runCli;

TEST(CommandLine, HelpListsCommandsAndExitsZero)
{
    auto result = runCli({"help"});
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_NE(result.out.find("Usage: backscreen-cli COMMAND"), std::string::npos);
    EXPECT_NE(result.out.find("version"), std::string::npos);
}

TEST(CommandLine, NoArgumentsPrintsHelpToStderrAndExitsTwo)
{
    auto result = runCli({});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.out.empty());
    EXPECT_NE(result.err.find("Usage: backscreen-cli COMMAND"), std::string::npos);
}

TEST(CommandLine, UnknownCommandIsNamedAndExitsTwo)
{
    auto result = runCli({"frobnicate"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err, "backscreen-cli: unknown command \"frobnicate\"; see 'backscreen-cli help'\n");
}

TEST(CommandLine, VersionPrintsProjectVersion)
{
    auto result = runCli({"version"});
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_EQ(result.out.rfind("backscreen-cli ", 0), 0u);
}
