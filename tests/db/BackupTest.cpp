#include "TestDatabase.h"

#include "db/AuditLogRepository.h"
#include "db/ClientRepository.h"
#include "db/Query.h"
#include "db/Transaction.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace backscreen;
using namespace backscreen::db;
using backscreen::tests::TempDirectory;
using backscreen::tests::TestDatabase;

namespace {

ClientRecord client(const std::string& family)
{
    ClientRecord record;
    record.familyName = family;
    record.givenName = "Given";
    record.birthDate = "1980-01-01";
    return record;
}

/// A service logged in as the first admin, with `clients` clients, each with a visit, a screening and a
/// two-version program.
void populate(ClinicService& service, int clients)
{
    service.createFirstAdmin("admin", "Admin", "admin-password");
    for (int i = 0; i < clients; ++i) {
        auto added = service.addClient(client("Family" + std::to_string(i)));
        auto visit = service.addVisit({0, added.id, "2026-01-01", "initial", "", "", 0});
        service.saveScreening({0, visit.id, "routine", false, "{}", "{\"n\":" + std::to_string(i) + "}", "{}", 0, ""});
        auto program = service.createHomeProgram({0, added.id, 0, visit.id, "{\"v\":1}", "", 0});
        program.contentJson = "{\"v\":2}";
        service.saveHomeProgram(program);
    }
}

} // namespace

TEST(Backup, RoundTripRestoresThePopulatedDatabase)
{
    TestDatabase test(Backend::Sqlite);
    TempDirectory directory;
    auto database = test.open();
    ClinicService service(*database, TestDatabase::fastOptions());
    populate(service, 20);
    const auto backupFile = directory.path() / "backup.sqlite";

    // A second program is half-way through a write while the backup runs: the backup holds only what was
    // committed.
    auto other = test.open();
    {
        Transaction pending(*other, TransactionKind::Write, "add client");
        ClientRepository(*other).add(client("Uncommitted"), "2026-01-01T00:00:00.000Z", 1);
        // WAL lets the backup read the last committed state while the writer holds the lock.
        database->backupTo(backupFile);
    }
    ASSERT_TRUE(std::filesystem::is_regular_file(backupFile));

    auto expected = service.clientHistory(5);
    for (int i = 20; i < 25; ++i) {
        service.addClient(client("After" + std::to_string(i)));
    }
    EXPECT_EQ(ClientRepository(*database).count(), 25);

    service.restoreFrom(backupFile);
    EXPECT_FALSE(service.currentUser());
    EXPECT_EQ(ClientRepository(*database).count(), 20);
    EXPECT_TRUE(ClientRepository(*database).searchByNamePrefix("uncommitted", true, 10).empty());
    EXPECT_TRUE(database->checkIntegrity().empty());
    service.login("admin", "admin-password");
    auto restored = service.clientHistory(5);
    EXPECT_EQ(restored.client.familyName, expected.client.familyName);
    EXPECT_EQ(restored.visits.size(), 1u);
    ASSERT_EQ(restored.screenings.size(), 1u);
    EXPECT_EQ(restored.screenings[0].resultJson, expected.screenings[0].resultJson);
    ASSERT_EQ(restored.programVersions.size(), 2u);
    EXPECT_EQ(restored.programVersions[1].contentJson, "{\"v\":2}");
    auto audit = service.recentAudit(3);
    ASSERT_EQ(audit.size(), 3u);
    EXPECT_EQ(audit[2].action, "restore");
    EXPECT_EQ(audit[2].detail, backupFile.string());

    // The other connection sees the restored database too.
    EXPECT_EQ(ClientRepository(*other).count(), 20);
}

TEST(Backup, RefusesToOverwriteAnExistingFile)
{
    TestDatabase test(Backend::Sqlite);
    TempDirectory directory;
    auto database = test.open();
    const auto existing = directory.path() / "existing.sqlite";
    std::ofstream(existing) << "keep me";
    try {
        database->backupTo(existing);
        FAIL() << "overwrote a file";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::BackupFailed);
        EXPECT_EQ(std::string(error.what()),
                  test.location().displayName() + ": back up to " + existing.string()
                      + ": the file exists; choose a new file name");
    }
}

TEST(Backup, RestoreRefusesAFileThatIsNotABackscreenDatabaseAndChangesNothing)
{
    TestDatabase test(Backend::Sqlite);
    TempDirectory directory;
    auto database = test.open();
    ClinicService service(*database, TestDatabase::fastOptions());
    populate(service, 3);
    const auto text = directory.path() / "notes.txt";
    std::ofstream(text) << std::string(5000, 'x');
    const auto foreign = directory.path() / "foreign.sqlite";
    {
        auto other = Database::open(DatabaseLocation::parse(foreign.string()));
        Query(*other, "PRAGMA user_version = 0").run("reset");
    }
    for (const auto& file : {text, foreign, directory.path() / "missing.sqlite"}) {
        try {
            service.restoreFrom(file);
            FAIL() << "restored " << file;
        } catch (const Error& error) {
            EXPECT_EQ(error.code(), ErrorCode::RestoreFailed) << error.what();
            EXPECT_EQ(
                std::string(error.what()).rfind(test.location().displayName() + ": restore from " + file.string(), 0),
                0u)
                << error.what();
        }
    }
    EXPECT_EQ(ClientRepository(*database).count(), 3);
}

TEST(Backup, RestoreRefusesABackupNewerThanTheProgram)
{
    TestDatabase test(Backend::Sqlite);
    TempDirectory directory;
    auto database = test.open();
    const auto newer = directory.path() / "newer.sqlite";
    database->backupTo(newer);
    {
        auto other = Database::open(DatabaseLocation::parse(newer.string()));
        Query(*other, "PRAGMA user_version = 99").run("set version");
    }
    try {
        database->restoreFrom(newer);
        FAIL() << "restored a newer backup";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::RestoreFailed);
        EXPECT_NE(std::string(error.what()).find("the backup has schema version 99"), std::string::npos)
            << error.what();
    }
    EXPECT_EQ(database->schemaVersion(), Database::latestSchemaVersion());
}

TEST(Backup, PostgresBackupPointsToPgDump)
{
    TestDatabase test(Backend::PostgreSql);
    auto database = test.open();
    try {
        database->backupTo("/tmp/never-written.sqlite");
        FAIL() << "backed up PostgreSQL";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::BackupFailed);
        EXPECT_NE(std::string(error.what()).find("use pg_dump"), std::string::npos);
    }
}
