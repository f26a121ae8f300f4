#include "support/ProcessRunner.h"

#include "db/Database.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <unistd.h>

using backscreen::tests::runCli;

namespace {

/// A temp directory holding the test's database, and the environment that names it.
class StorageCli : public testing::Test
{
protected:
    void SetUp() override
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "backscreen-cli-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        m_directory = pattern;
        m_database = (m_directory / "clinic.sqlite").string();
    }

    void TearDown() override { std::filesystem::remove_all(m_directory); }

    std::map<std::string, std::string> as(const std::string& user, const std::string& password) const
    {
        return {{"BACKSCREEN_DB", m_database}, {"BACKSCREEN_USER", user}, {"BACKSCREEN_PASSWORD", password}};
    }

    void initialise()
    {
        auto result = runCli({"init"}, "", as("admin", "admin-password"));
        ASSERT_EQ(result.exitCode, 0) << result.err;
    }

    std::filesystem::path m_directory;
    std::string m_database;
};

} // namespace

TEST_F(StorageCli, InitCreatesTheDatabaseAndItsAdministrator)
{
    auto result = runCli(
        {"init", "--db", m_database}, "", {{"BACKSCREEN_USER", "admin"}, {"BACKSCREEN_PASSWORD", "admin-password"}});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out,
              "created " + m_database + " (schema version "
                  + std::to_string(backscreen::db::Database::latestSchemaVersion()) + ") with administrator admin\n");
    EXPECT_TRUE(std::filesystem::is_regular_file(m_database));
    auto again = runCli(
        {"init", "--db", m_database}, "", {{"BACKSCREEN_USER", "other"}, {"BACKSCREEN_PASSWORD", "other-password"}});
    EXPECT_EQ(again.exitCode, 2);
    EXPECT_EQ(again.err,
              "backscreen-cli init: " + m_database + ": init: the database has users already; nothing was changed\n");
}

TEST_F(StorageCli, InitPromptsForNameAndPasswordTwice)
{
    auto result = runCli({"init", "--db", m_database},
                         "boss\nboss-password\nboss-password\n",
                         {{"BACKSCREEN_USER", ""}, {"BACKSCREEN_PASSWORD", ""}});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.err, "Administrator username: New password: Repeat the new password: ");
    auto list = runCli({"users", "list", "--db", m_database},
                       "",
                       {{"BACKSCREEN_USER", "boss"}, {"BACKSCREEN_PASSWORD", "boss-password"}});
    EXPECT_EQ(list.exitCode, 0) << list.err;
    EXPECT_EQ(list.out, "boss\tadmin\tboss\n");
}

TEST_F(StorageCli, MismatchedPasswordsCreateNothing)
{
    auto result = runCli({"init", "--db", m_database},
                         "boss\nfirst-password\nsecond-password\n",
                         {{"BACKSCREEN_USER", ""}, {"BACKSCREEN_PASSWORD", ""}});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("the two entries differ"), std::string::npos) << result.err;
    auto list = runCli({"users", "list", "--db", m_database},
                       "",
                       {{"BACKSCREEN_USER", "boss"}, {"BACKSCREEN_PASSWORD", "first-password"}});
    EXPECT_EQ(list.exitCode, 2);
    EXPECT_NE(list.err.find("the database has no users yet"), std::string::npos) << list.err;
}

TEST_F(StorageCli, FirstUsersAddCreatesTheAdministrator)
{
    auto result = runCli({"users", "add", "root", "--db", m_database}, "", {{"BACKSCREEN_PASSWORD", "root-password"}});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out, "added user root (admin)\n");
}

TEST_F(StorageCli, PasswordsAreNeverTakenFromTheCommandLine)
{
    initialise();
    auto result = runCli({"users", "add", "anna", "--role", "therapist", "--password", "anna-password"},
                         "",
                         as("admin", "admin-password"));
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err,
              "backscreen-cli users: usage: passwords are never taken from the command line; set BACKSCREEN_PASSWORD "
              "or type it at the prompt; see 'backscreen-cli help'\n");
}

TEST_F(StorageCli, UsersAddListAndPasswdWithJson)
{
    initialise();
    auto env = as("admin", "admin-password");
    env["BACKSCREEN_NEW_PASSWORD"] = "anna-password";
    auto added = runCli(
        {"users", "add", "anna", "--role", "therapist", "--display-name", "Anna T", "--format", "json"}, "", env);
    EXPECT_EQ(added.exitCode, 0) << added.err;
    EXPECT_EQ(added.out,
              "{\n  \"id\": 2,\n  \"username\": \"anna\",\n  \"displayName\": \"Anna T\",\n  \"role\": \"therapist\",\n"
              "  \"lockedUntil\": null\n}\n");
    auto list = runCli({"users", "list"}, "", as("admin", "admin-password"));
    EXPECT_EQ(list.out, "admin\tadmin\tadmin\nanna\ttherapist\tAnna T\n");
    env["BACKSCREEN_NEW_PASSWORD"] = "anna-new-password";
    auto changed = runCli({"users", "passwd", "anna"}, "", env);
    EXPECT_EQ(changed.exitCode, 0) << changed.err;
    EXPECT_EQ(runCli({"clients", "list"}, "", as("anna", "anna-password")).exitCode, 2);
    EXPECT_EQ(runCli({"clients", "list"}, "", as("anna", "anna-new-password")).exitCode, 0);
}

TEST_F(StorageCli, ClientsAddSearchListAndShow)
{
    initialise();
    auto env = as("admin", "admin-password");
    auto added = runCli({"clients",
                         "add",
                         "--family-name",
                         "Smith",
                         "--given-name",
                         "Jane",
                         "--birth-date",
                         "1980-01-02",
                         "--contact",
                         "0400 111 222"},
                        "",
                        env);
    EXPECT_EQ(added.exitCode, 0) << added.err;
    EXPECT_EQ(added.out, "added client 1: Smith, Jane\n");
    runCli({"clients", "add", "--family-name", "Brown", "--given-name", "Amy", "--birth-date", "1975-05-06"}, "", env);
    EXPECT_EQ(runCli({"clients", "search", "--name", "SMI"}, "", env).out, "1\tSmith, Jane\t1980-01-02\n");
    EXPECT_EQ(runCli({"clients", "search", "--birth-date", "1975-05-06"}, "", env).out, "2\tBrown, Amy\t1975-05-06\n");
    EXPECT_EQ(runCli({"clients", "list"}, "", env).out, "2\tBrown, Amy\t1975-05-06\n1\tSmith, Jane\t1980-01-02\n");
    auto json = runCli({"clients", "search", "--name", "smith", "--format", "json"}, "", env);
    EXPECT_EQ(
        json.out,
        "[\n  {\n    \"id\": 1,\n    \"familyName\": \"Smith\",\n    \"givenName\": \"Jane\",\n    \"birthDate\": "
        "\"1980-01-02\",\n    \"contact\": \"0400 111 222\",\n    \"notes\": \"\",\n    \"archived\": false,\n"
        "    \"version\": 1\n  }\n]\n");
    auto show = runCli({"clients", "show", "1"}, "", env);
    EXPECT_EQ(show.exitCode, 0) << show.err;
    EXPECT_EQ(show.out,
              "client 1: Smith, Jane\nborn 1980-01-02\ncontact 0400 111 222\nnotes \nversion 1\n"
              "0 questionnaire responses, 0 overrides, 0 program versions, 0 outcome scores\n");
    auto missing = runCli({"clients", "show", "99"}, "", env);
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_EQ(missing.err,
              "backscreen-cli clients: " + m_database + ": read the history of client 99: no such client\n");
}

TEST_F(StorageCli, ViewerMayReadButNotAdd)
{
    initialise();
    auto env = as("admin", "admin-password");
    env["BACKSCREEN_NEW_PASSWORD"] = "vic-password";
    ASSERT_EQ(runCli({"users", "add", "vic", "--role", "viewer"}, "", env).exitCode, 0);
    auto viewer = as("vic", "vic-password");
    EXPECT_EQ(runCli({"clients", "list"}, "", viewer).exitCode, 0);
    auto refused =
        runCli({"clients", "add", "--family-name", "X", "--given-name", "Y", "--birth-date", "1990-01-01"}, "", viewer);
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_EQ(refused.err,
              "backscreen-cli clients: " + m_database
                  + ": add client: user \"vic\" has the role viewer, which may not change client records\n");
}

TEST_F(StorageCli, BadLoginIsRefusedWithoutSayingWhichPartWasWrong)
{
    initialise();
    auto result = runCli({"clients", "list"}, "", as("admin", "wrong-password"));
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err,
              "backscreen-cli clients: " + m_database + ": log in as \"admin\": unknown user or wrong password\n");
    auto unknown = runCli({"clients", "list"}, "", as("nobody", "wrong-password"));
    EXPECT_EQ(unknown.err,
              "backscreen-cli clients: " + m_database + ": log in as \"nobody\": unknown user or wrong password\n");
}

TEST_F(StorageCli, BackupAndRestoreRoundTrip)
{
    initialise();
    auto env = as("admin", "admin-password");
    runCli({"clients", "add", "--family-name", "Kept", "--given-name", "A", "--birth-date", "1980-01-01"}, "", env);
    const std::string backup = (m_directory / "backup.sqlite").string();
    auto backedUp = runCli({"backup", backup}, "", env);
    EXPECT_EQ(backedUp.exitCode, 0) << backedUp.err;
    EXPECT_EQ(backedUp.out, "backed up " + m_database + " to " + backup + "\n");
    runCli({"clients", "add", "--family-name", "Later", "--given-name", "B", "--birth-date", "1980-01-01"}, "", env);
    auto restored = runCli({"restore", backup}, "", env);
    EXPECT_EQ(restored.exitCode, 0) << restored.err;
    EXPECT_EQ(runCli({"clients", "list"}, "", env).out, "1\tKept, A\t1980-01-01\n");
    auto again = runCli({"backup", backup}, "", env);
    EXPECT_EQ(again.exitCode, 2);
    EXPECT_NE(again.err.find("the file exists; choose a new file name"), std::string::npos) << again.err;
}

TEST_F(StorageCli, NotADatabaseIsNamedAndLeftAlone)
{
    {
        std::FILE* file = std::fopen(m_database.c_str(), "w");
        ASSERT_NE(file, nullptr);
        for (int i = 0; i < 100; ++i) {
            std::fputs("just some text, not a database\n", file);
        }
        std::fclose(file);
    }
    auto result = runCli({"clients", "list"}, "", as("admin", "admin-password"));
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err.rfind("backscreen-cli clients: " + m_database + ": open: the file is not a database", 0), 0u)
        << result.err;
    EXPECT_EQ(std::filesystem::file_size(m_database), 3100u);
}

TEST_F(StorageCli, PostgresUrlWorksLikeAFile)
{
    const char* server = std::getenv("BACKSCREEN_TEST_POSTGRES_URL");
    ASSERT_TRUE(server != nullptr && *server != '\0')
        << "BACKSCREEN_TEST_POSTGRES_URL is not set; run the tests with scripts/test";
    std::string schema = "cli_" + std::to_string(getpid());
    std::string url =
        std::string(server) + (std::string(server).find('?') == std::string::npos ? "?" : "&") + "schema=" + schema;
    std::map<std::string, std::string> env{{"BACKSCREEN_USER", "admin"}, {"BACKSCREEN_PASSWORD", "admin-password"}};
    auto init = runCli({"init", "--db", url}, "", env);
    ASSERT_EQ(init.exitCode, 0) << init.err;
    auto added = runCli(
        {"clients", "add", "--db", url, "--family-name", "Pg", "--given-name", "Client", "--birth-date", "1970-07-07"},
        "",
        env);
    EXPECT_EQ(added.exitCode, 0) << added.err;
    EXPECT_EQ(runCli({"clients", "search", "--db", url, "--name", "pg"}, "", env).out, "1\tPg, Client\t1970-07-07\n");
    auto backup = runCli({"backup", "--db", url, (m_directory / "pg.sqlite").string()}, "", env);
    EXPECT_EQ(backup.exitCode, 2);
    EXPECT_NE(backup.err.find("use pg_dump"), std::string::npos) << backup.err;
}
