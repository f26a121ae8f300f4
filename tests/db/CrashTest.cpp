#include "TestDatabase.h"

#include "db/ClientRepository.h"
#include "db/Query.h"

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <sstream>
#include <unistd.h>

using namespace backscreen;
using namespace backscreen::db;
using backscreen::tests::TestDatabase;

namespace {

struct Reported
{
    std::map<RecordId, std::string> clients;
    std::map<RecordId, RecordId> visits;
};

/// Starts the writer, lets it report `lines` committed records, then kills it with SIGKILL (mid-way through
/// whatever it does next: a transaction, a commit, a WAL write). Adds what it reported to `reported`.
void runAndKill(const std::string& url, const std::string& tag, int lines, Reported& reported)
{
    Poco::Pipe outPipe;
    Poco::Process::Env environment{{"BACKSCREEN_PASSWORD", "crash-password"}};
    Poco::ProcessHandle child = Poco::Process::launch(
        BACKSCREEN_CRASH_WRITER_PATH, {url, "admin", tag}, std::string(), nullptr, &outPipe, nullptr, environment);
    Poco::PipeInputStream out(outPipe);
    std::string line;
    int read = 0;
    bool ready = false;
    while (read < lines && std::getline(out, line)) {
        if (line == "ready") {
            ready = true;
            continue;
        }
        std::istringstream fields(line);
        std::string kind;
        RecordId id = 0;
        fields >> kind >> id;
        if (kind == "client") {
            fields >> reported.clients[id];
        } else if (kind == "visit") {
            fields >> reported.visits[id];
        }
        ++read;
    }
    Poco::Process::kill(child);
    int status = child.wait();
    (void)status;
    if (lines > 0) {
        ASSERT_TRUE(ready) << "the writer did not start: " << line;
    }
}

void checkEverythingReportedIsThere(const DatabaseLocation& location, const Reported& reported, int run)
{
    auto database = Database::open(location);
    ASSERT_TRUE(database->checkIntegrity().empty()) << "run " << run;
    std::map<RecordId, std::string> clients;
    for (const ClientRecord& client : ClientRepository(*database).list(true, 10000000, 0)) {
        clients[client.id] = client.familyName;
    }
    std::map<RecordId, RecordId> visits;
    Query allVisits(*database, "SELECT id, client_id FROM visits");
    allVisits.run("read every visit");
    for (std::size_t row = 0; row < allVisits.rowCount(); ++row) {
        visits[allVisits.integer(row, 0)] = allVisits.integer(row, 1);
    }
    for (const auto& [id, name] : reported.clients) {
        auto found = clients.find(id);
        ASSERT_TRUE(found != clients.end()) << "run " << run << ": committed client " << id << " is gone";
        ASSERT_EQ(found->second, name) << "run " << run;
    }
    for (const auto& [id, clientId] : reported.visits) {
        auto found = visits.find(id);
        ASSERT_TRUE(found != visits.end()) << "run " << run << ": committed visit " << id << " is gone";
        ASSERT_EQ(found->second, clientId) << "run " << run;
    }
}

void crashRepeatedly(Backend backend, int runs)
{
    // SIGKILL tests process death, not power loss: what a killed process wrote is in the kernel's page
    // cache either way, so the file may live in memory (/dev/shm), where fsync costs nothing and 200 runs
    // stay fast.
    std::error_code noShm;
    const bool shm = std::filesystem::is_directory("/dev/shm", noShm);
    TestDatabase test(backend, shm ? std::filesystem::path("/dev/shm") : std::filesystem::path());
    {
        auto database = test.open();
        ClinicServiceOptions options = TestDatabase::fastOptions();
        ClinicService(*database, options).createFirstAdmin("admin", "Admin", "crash-password");
    }
    const unsigned seed = std::random_device{}();
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> linesBeforeKill(0, 12);
    Reported reported;
    for (int run = 0; run < runs; ++run) {
        SCOPED_TRACE("seed " + std::to_string(seed) + ", run " + std::to_string(run));
        // Appended rather than "r" + ..., which trips GCC 12's false -Wrestrict at -O3.
        std::string tag = "r";
        tag += std::to_string(run);
        runAndKill(test.url(), tag, linesBeforeKill(random), reported);
        checkEverythingReportedIsThere(test.location(), reported, run);
        if (testing::Test::HasFatalFailure()) {
            return;
        }
    }
    EXPECT_GT(reported.clients.size(), static_cast<std::size_t>(runs));
}

} // namespace

TEST(Crash, SqliteKeepsEveryCommittedRecordThrough200Kills)
{
    crashRepeatedly(Backend::Sqlite, 200);
}

TEST(Crash, PostgresKeepsEveryCommittedRecordThrough30Kills)
{
    crashRepeatedly(Backend::PostgreSql, 30);
}
