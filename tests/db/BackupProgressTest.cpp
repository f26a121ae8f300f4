#include "TestDatabase.h"

#include "db/AuditLogRepository.h"
#include "db/ClientRepository.h"
#include "db/Query.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <vector>

using namespace backscreen;
using namespace backscreen::db;
using backscreen::tests::TempDirectory;
using backscreen::tests::TestDatabase;

namespace {

void populate(ClinicService& service, int clients)
{
    service.createFirstAdmin("admin", "Admin", "admin-password");
    for (int i = 0; i < clients; ++i) {
        ClientRecord client;
        client.familyName = "Family" + std::to_string(i);
        client.givenName = "Given";
        client.birthDate = "1980-01-01";
        client.notes = std::string(2000, 'n');
        service.addClient(client);
    }
}

} // namespace

TEST(BackupProgress, ReportsEveryStepAndWritesAValidDatabaseWithTheData)
{
    TestDatabase test(Backend::Sqlite);
    TempDirectory directory;
    auto database = test.open();
    ClinicService service(*database, TestDatabase::fastOptions());
    populate(service, 60);
    const auto file = directory.path() / "backup.sqlite";
    std::vector<std::pair<std::int64_t, std::int64_t>> steps;
    service.backupTo(file, [&](std::int64_t copied, std::int64_t total) {
        steps.emplace_back(copied, total);
        return true;
    });
    // 60 clients with 2 kB notes need well over 8 pages of 4 kB: the 64-page steps are reported one by one
    // only when there are several, so check with a small step as well below.
    ASSERT_FALSE(steps.empty());
    EXPECT_EQ(steps.back().first, steps.back().second);
    EXPECT_GT(steps.back().second, 8);

    // The copy is a Backscreen database with the data, readable on its own.
    auto copy = Database::open(DatabaseLocation::parse(file.string()));
    EXPECT_TRUE(copy->checkIntegrity().empty());
    EXPECT_EQ(copy->schemaVersion(), Database::latestSchemaVersion());
    EXPECT_EQ(ClientRepository(*copy).count(), 60);
    const auto audit = AuditLogRepository(*database).listRecent(1);
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit.front().action, "backup");
    EXPECT_EQ(audit.front().detail, file.string());

    const auto small = directory.path() / "small-steps.sqlite";
    steps.clear();
    database->backupTo(
        small,
        [&](std::int64_t copied, std::int64_t total) {
            steps.emplace_back(copied, total);
            return true;
        },
        4);
    ASSERT_GT(steps.size(), 2u);
    for (std::size_t i = 1; i < steps.size(); ++i) {
        EXPECT_GT(steps[i].first, steps[i - 1].first);
    }
    EXPECT_EQ(steps.back().first, steps.back().second);
    EXPECT_EQ(ClientRepository(*Database::open(DatabaseLocation::parse(small.string()))).count(), 60);
}

TEST(BackupProgress, CancelLeavesNoFileAndNoAuditRow)
{
    TestDatabase test(Backend::Sqlite);
    TempDirectory directory;
    auto database = test.open();
    ClinicService service(*database, TestDatabase::fastOptions());
    populate(service, 60);
    const auto file = directory.path() / "cancelled.sqlite";
    int calls = 0;
    try {
        // Through ClinicService, which audits a completed backup: the audit check below can then fail.
        service.backupTo(
            file,
            [&](std::int64_t, std::int64_t) {
                ++calls;
                return calls < 2;
            },
            4);
        FAIL() << "the backup was not cancelled";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::BackupCancelled);
        EXPECT_EQ(std::string(error.what()),
                  test.location().displayName() + ": back up to " + file.string()
                      + ": cancelled; the partial file was removed");
    }
    EXPECT_EQ(calls, 2);
    EXPECT_FALSE(std::filesystem::exists(file));
    const auto audit = AuditLogRepository(*database).listRecent(1);
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_NE(audit.front().action, "backup");
    for (const AuditEntry& entry : AuditLogRepository(*database).listRecent(1000)) {
        EXPECT_NE(entry.action, "backup");
    }
}

TEST(BackupProgress, UnwritableFolderIsAClearErrorNamingTheFile)
{
    TestDatabase test(Backend::Sqlite);
    TempDirectory directory;
    auto database = test.open();
    const auto file = directory.path() / "no-such-folder" / "backup.sqlite";
    try {
        database->backupTo(file, [](std::int64_t, std::int64_t) { return true; });
        FAIL() << "wrote into a missing folder";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::BackupFailed);
        EXPECT_EQ(std::string(error.what())
                      .rfind(test.location().displayName() + ": back up to " + file.string()
                                 + ": the file cannot be created (",
                             0),
                  0u)
            << error.what();
    }
    EXPECT_FALSE(std::filesystem::exists(file));
}

TEST(BackupProgress, ExistingFileIsNeverOverwritten)
{
    TestDatabase test(Backend::Sqlite);
    TempDirectory directory;
    auto database = test.open();
    const auto existing = directory.path() / "existing.sqlite";
    std::ofstream(existing) << "keep me";
    EXPECT_THROW(database->backupTo(existing, [](std::int64_t, std::int64_t) { return true; }), Error);
    std::ifstream in(existing);
    std::string content;
    std::getline(in, content);
    EXPECT_EQ(content, "keep me");
}

TEST(BackupProgress, PostgresPointsToPgDumpAndExportIsAudited)
{
    TestDatabase test(Backend::PostgreSql);
    auto database = test.open();
    ClinicService service(*database, TestDatabase::fastOptions());
    populate(service, 1);
    try {
        service.backupTo("/tmp/never-written.sqlite", [](std::int64_t, std::int64_t) { return true; });
        FAIL() << "backed up PostgreSQL";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::BackupFailed);
        EXPECT_NE(std::string(error.what()).find("use pg_dump"), std::string::npos);
    }
    const RecordId clientId = service.listClients().front().id;
    const ClientHistory history = service.exportClientHistory(clientId, "/home/x/export.json");
    EXPECT_EQ(history.client.familyName, "Family0");
    const auto audit = AuditLogRepository(*database).listForClient(clientId);
    ASSERT_FALSE(audit.empty());
    EXPECT_EQ(audit.back().action, "export");
    EXPECT_EQ(audit.back().recordType, "client-history");
    EXPECT_EQ(audit.back().detail, "/home/x/export.json");
}

TEST(BackupProgress, ExportDoesNotHoldTheDatabaseWhileItIsPrepared)
{
    // The app prepares an export under a progress dialog for as long as it takes; meanwhile another
    // workstation must still be able to write (here with a 100 ms patience, where a held write transaction
    // would make it fail with DatabaseLocked). The export's row follows once the file is made final.
    TestDatabase test(Backend::Sqlite);
    auto database = test.open();
    ClinicService service(*database, TestDatabase::fastOptions());
    populate(service, 1);
    const RecordId clientId = service.listClients().front().id;
    DatabaseOptions impatient;
    impatient.busyTimeout = std::chrono::milliseconds(100);
    auto other = test.open(impatient);
    ClinicService otherService(*other, TestDatabase::fastOptions());
    otherService.login("admin", "admin-password");
    bool finished = false;
    service.exportClientHistory(clientId, "/home/x/export.json", [&](const ClientHistory& history) {
        EXPECT_EQ(history.client.familyName, "Family0");
        ClientRecord client;
        client.familyName = "Meanwhile";
        client.givenName = "Given";
        client.birthDate = "1990-01-01";
        otherService.addClient(client);
        return std::function<void()>([&] { finished = true; });
    });
    EXPECT_TRUE(finished);
    EXPECT_EQ(service.listClients().size(), 2U);
    const auto audit = AuditLogRepository(*database).listForClient(clientId);
    ASSERT_FALSE(audit.empty());
    EXPECT_EQ(audit.back().action, "export");
}

TEST(BackupProgress, ExportWhoseFileCannotBeMadeFinalLeavesNoAuditRow)
{
    TestDatabase test(Backend::Sqlite);
    auto database = test.open();
    ClinicService service(*database, TestDatabase::fastOptions());
    populate(service, 1);
    const RecordId clientId = service.listClients().front().id;
    try {
        service.exportClientHistory(clientId, "/home/x/export.json", [](const ClientHistory&) {
            return std::function<void()>([] { throw Error(ErrorCode::ExportFailed, "/home/x/export.json: no"); });
        });
        FAIL() << "the failed export passed";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::ExportFailed);
    }
    const auto audit = AuditLogRepository(*database).listForClient(clientId);
    ASSERT_FALSE(audit.empty());
    for (const AuditEntry& entry : audit) {
        EXPECT_NE(entry.action, "export");
    }
}

TEST(BackupProgress, OnlyAdministratorsBackUp)
{
    TestDatabase test(Backend::Sqlite);
    TempDirectory directory;
    auto database = test.open();
    ClinicService service(*database, TestDatabase::fastOptions());
    populate(service, 1);
    service.addUser("anna", "Anna", Role::Therapist, "anna-password");
    service.addUser("vic", "Vic", Role::Viewer, "vic-password");
    for (const auto& [user, password] : {std::pair{"anna", "anna-password"}, std::pair{"vic", "vic-password"}}) {
        service.login(user, password);
        try {
            service.backupTo(directory.path() / "b.sqlite", [](std::int64_t, std::int64_t) { return true; });
            FAIL() << user << " backed up";
        } catch (const Error& error) {
            EXPECT_EQ(error.code(), ErrorCode::PermissionDenied);
        }
        EXPECT_FALSE(std::filesystem::exists(directory.path() / "b.sqlite"));
    }
}
