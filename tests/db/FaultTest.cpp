#include "TestDatabase.h"

#include "db/ClientRepository.h"
#include "db/Query.h"
#include "db/Transaction.h"
#include "db/UserRepository.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/mount.h>
#include <unistd.h>

using namespace backscreen;
using namespace backscreen::db;
using backscreen::tests::TempDirectory;
using backscreen::tests::TestDatabase;

namespace {

ClientRecord sampleClient(int number, std::size_t notesSize = 20)
{
    ClientRecord client;
    client.familyName = "Family" + std::to_string(number);
    client.givenName = "Given";
    client.birthDate = "1980-01-01";
    client.notes = std::string(notesSize, 'n');
    return client;
}

/// A real SQLite database with a user and `clients` clients, closed (so the WAL is checkpointed).
void populate(const DatabaseLocation& location, int clients, std::size_t notesSize = 200)
{
    auto database = Database::open(location);
    auto user = UserRepository(*database).add({0, "anna", "Anna", Role::Therapist, "h", 0, "", "now"});
    Transaction transaction(*database, TransactionKind::Write, "populate");
    for (int i = 0; i < clients; ++i) {
        ClientRepository(*database).add(sampleClient(i, notesSize), "2026-01-01T00:00:00.000Z", user.id);
    }
    transaction.commit();
}

std::string fileContent(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

void writeFile(const std::filesystem::path& path, const std::string& content)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
}

/// What opening `location` and reading every client throws (code 0 when nothing does).
Error openAndReadAll(const DatabaseLocation& location)
{
    try {
        auto database = Database::open(location);
        ClientRepository(*database).list(true, 100000, 0);
        auto problems = database->checkIntegrity();
        if (!problems.empty()) {
            return Error(ErrorCode::DatabaseCorrupt, problems.front());
        }
    } catch (const Error& error) {
        return error;
    }
    return Error(static_cast<ErrorCode>(0), "no error");
}

} // namespace

TEST(SqliteFaults, TruncatedCopyIsReportedCorruptAndTheOriginalIsIntact)
{
    TempDirectory directory;
    auto original = DatabaseLocation::parse((directory.path() / "real.sqlite").string());
    populate(original, 300);
    const auto copyPath = directory.path() / "truncated.sqlite";
    std::string content = fileContent(original.sqlitePath());
    ASSERT_GT(content.size(), 40000u);
    writeFile(copyPath, content.substr(0, content.size() / 2));
    Error error = openAndReadAll(DatabaseLocation::parse(copyPath.string()));
    EXPECT_EQ(error.code(), ErrorCode::DatabaseCorrupt) << error.what();
    EXPECT_EQ(std::string(error.what()).rfind(copyPath.string() + ": ", 0), 0u) << error.what();
    EXPECT_NE(std::string(error.what()).find("restore it from a backup"), std::string::npos) << error.what();
    auto database = Database::open(original);
    EXPECT_EQ(ClientRepository(*database).count(), 300);
}

TEST(SqliteFaults, GarbledCopyIsReportedCorrupt)
{
    TempDirectory directory;
    auto original = DatabaseLocation::parse((directory.path() / "real.sqlite").string());
    populate(original, 300);
    std::string content = fileContent(original.sqlitePath());
    // Keep the header page; overwrite every later page's first bytes (the b-tree page headers).
    for (std::size_t page = 4096; page < content.size(); page += 4096) {
        for (std::size_t i = 0; i < 16; ++i) {
            content[page + i] = static_cast<char>(0xA5);
        }
    }
    const auto copyPath = directory.path() / "garbled.sqlite";
    writeFile(copyPath, content);
    Error error = openAndReadAll(DatabaseLocation::parse(copyPath.string()));
    EXPECT_EQ(error.code(), ErrorCode::DatabaseCorrupt) << error.what();
    EXPECT_EQ(std::string(error.what()).rfind(copyPath.string() + ": ", 0), 0u) << error.what();
}

TEST(SqliteFaults, FileThatIsNotADatabaseIsRefusedAndLeftAlone)
{
    TempDirectory directory;
    const auto path = directory.path() / "notes.txt";
    std::string text;
    for (int i = 0; i < 200; ++i) {
        text += "These are my notes, not a database.\n";
    }
    writeFile(path, text);
    try {
        Database::open(DatabaseLocation::parse(path.string()));
        FAIL() << "a text file was opened as a database";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::DatabaseNotADatabase);
        EXPECT_EQ(std::string(error.what()).rfind(path.string() + ": open: the file is not a database", 0), 0u)
            << error.what();
    }
    EXPECT_EQ(fileContent(path), text);
}

TEST(SqliteFaults, ReadOnlyFileRefusesWritesAndKeepsItsData)
{
    TempDirectory directory;
    auto location = DatabaseLocation::parse((directory.path() / "real.sqlite").string());
    populate(location, 5);
    // Root ignores permission bits, so as root the file is also made immutable (chattr +i): then not even
    // root may write it, which is what a read-only file means for SQLite.
    std::filesystem::permissions(location.sqlitePath(),
                                 std::filesystem::perms::owner_read | std::filesystem::perms::group_read);
    bool immutable = false;
    if (geteuid() == 0) {
        ASSERT_EQ(std::system(("chattr +i '" + location.sqlitePath().string() + "'").c_str()), 0)
            << "chattr +i failed; the read-only test needs it when run as root";
        immutable = true;
    }
    std::string failure;
    ErrorCode code = static_cast<ErrorCode>(0);
    try {
        auto database = Database::open(location);
        auto user = UserRepository(*database).findByUsername("anna");
        ClientRepository(*database).add(sampleClient(99), "2026-01-01T00:00:00.000Z", user->id);
    } catch (const Error& error) {
        code = error.code();
        failure = error.what();
    }
    if (immutable) {
        std::system(("chattr -i '" + location.sqlitePath().string() + "'").c_str());
    }
    EXPECT_EQ(code, ErrorCode::DatabaseReadOnly) << failure;
    EXPECT_EQ(failure.rfind(location.displayName() + ": ", 0), 0u) << failure;
    auto database = Database::open(location);
    EXPECT_EQ(ClientRepository(*database).count(), 5);
}

TEST(SqliteFaults, LockedDatabaseWaitsTheBusyTimeoutThenSaysSo)
{
    TestDatabase test(Backend::Sqlite);
    auto holder = test.open();
    auto user = UserRepository(*holder).add({0, "anna", "Anna", Role::Therapist, "h", 0, "", "now"});
    DatabaseOptions options;
    options.busyTimeout = std::chrono::milliseconds(100);
    auto waiter = test.open(options);
    Transaction lock(*holder, TransactionKind::Write, "hold the lock");
    ClientRepository(*holder).add(sampleClient(1), "2026-01-01T00:00:00.000Z", user.id);
    try {
        Transaction transaction(*waiter, TransactionKind::Write, "add client");
        ClientRepository(*waiter).add(sampleClient(2), "2026-01-01T00:00:00.000Z", user.id);
        transaction.commit();
        FAIL() << "wrote through another connection's lock";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::DatabaseLocked);
        EXPECT_EQ(std::string(error.what()),
                  test.location().displayName()
                      + ": add client: the database is locked by another program (waited 100 ms); close the other "
                        "program or try again");
    }
    lock.commit();
    EXPECT_EQ(ClientRepository(*waiter).count(), 1);
}

TEST(SqliteFaults, FullDatabaseRefusesTheWriteAndKeepsEveryCommittedRecord)
{
    TestDatabase test(Backend::Sqlite);
    test.open();
    DatabaseOptions options;
    options.maxPageCount = 64;
    auto database = test.open(options);
    auto user = UserRepository(*database).add({0, "anna", "Anna", Role::Therapist, "h", 0, "", "now"});
    int committed = 0;
    std::string failure;
    for (int i = 0; i < 10000 && failure.empty(); ++i) {
        try {
            Transaction transaction(*database, TransactionKind::Write, "add client");
            ClientRepository(*database).add(sampleClient(i, 3000), "2026-01-01T00:00:00.000Z", user.id);
            transaction.commit();
            ++committed;
        } catch (const Error& error) {
            EXPECT_EQ(error.code(), ErrorCode::DatabaseFull) << error.what();
            failure = error.what();
        }
    }
    ASSERT_FALSE(failure.empty()) << "the database never filled up";
    EXPECT_EQ(failure.rfind(test.location().displayName() + ": add client: the disk or the database is full", 0), 0u)
        << failure;
    EXPECT_GT(committed, 0);
    database.reset();
    auto reopened = test.open();
    EXPECT_EQ(ClientRepository(*reopened).count(), committed);
    EXPECT_TRUE(reopened->checkIntegrity().empty());
}

TEST(SqliteFaults, FullDiskRefusesTheWriteAndKeepsEveryCommittedRecord)
{
    TempDirectory directory;
    const auto mountPoint = directory.path() / "small-disk";
    std::filesystem::create_directory(mountPoint);
    // A real, tiny file system: a 512 KiB tmpfs (the tests run as root in the build container).
    ASSERT_EQ(mount("tmpfs", mountPoint.c_str(), "tmpfs", 0, "size=512k"), 0)
        << "cannot mount a small tmpfs (" << std::strerror(errno) << "); the full-disk test needs root";

    struct Unmount
    {
        std::filesystem::path path;

        ~Unmount() { umount2(path.c_str(), MNT_DETACH); }
    } unmount{mountPoint};

    auto location = DatabaseLocation::parse((mountPoint / "backscreen.sqlite").string());
    int committed = 0;
    std::string failure;
    {
        auto database = Database::open(location);
        auto user = UserRepository(*database).add({0, "anna", "Anna", Role::Therapist, "h", 0, "", "now"});
        for (int i = 0; i < 10000 && failure.empty(); ++i) {
            try {
                Transaction transaction(*database, TransactionKind::Write, "add client");
                ClientRepository(*database).add(sampleClient(i, 4000), "2026-01-01T00:00:00.000Z", user.id);
                transaction.commit();
                ++committed;
            } catch (const Error& error) {
                EXPECT_EQ(error.code(), ErrorCode::DatabaseFull) << error.what();
                failure = error.what();
            }
        }
    }
    ASSERT_FALSE(failure.empty()) << "the disk never filled up";
    EXPECT_EQ(failure.rfind(location.displayName() + ": add client: the disk or the database is full", 0), 0u)
        << failure;
    EXPECT_GT(committed, 0);
    DatabaseOptions readOnly;
    readOnly.readOnly = true;
    auto reopened = Database::open(location, readOnly);
    EXPECT_EQ(ClientRepository(*reopened).count(), committed);
}

namespace {

/// A private PostgreSQL server (scripts/postgres-cluster) that a test may stop and start.
class PrivateServer
{
public:
    PrivateServer()
    {
        // The server runs as the postgres user, which must be able to reach its directory.
        std::filesystem::permissions(m_directory.path(),
                                     std::filesystem::perms::owner_all | std::filesystem::perms::group_read
                                         | std::filesystem::perms::group_exec | std::filesystem::perms::others_read
                                         | std::filesystem::perms::others_exec);
        m_url = run("start");
        while (!m_url.empty() && m_url.back() == '\n') {
            m_url.pop_back();
        }
    }

    ~PrivateServer() { stop(); }

    const std::string& url() const { return m_url; }

    void stop() { run("stop", "immediate"); }

    void start() { run("start"); }

private:
    std::string run(const std::string& command, const std::string& mode = "")
    {
        const std::string line = std::string(BACKSCREEN_SOURCE_DIR) + "/scripts/postgres-cluster " + command + " '"
                                 + m_directory.path().string() + "/pg' " + mode;
        FILE* pipe = popen(line.c_str(), "r");
        if (pipe == nullptr) {
            throw std::runtime_error("cannot run " + line);
        }
        std::string output;
        char buffer[256];
        while (fgets(buffer, sizeof buffer, pipe) != nullptr) {
            output += buffer;
        }
        if (pclose(pipe) != 0) {
            throw std::runtime_error(line + " failed");
        }
        return output;
    }

    TempDirectory m_directory;
    std::string m_url;
};

} // namespace

TEST(PostgresFaults, UnreachableServerIsNamedWithTheUrl)
{
    TempDirectory empty;
    const std::string url = "postgresql://postgres@/postgres?host=" + empty.path().string();
    try {
        Database::open(DatabaseLocation::parse(url));
        FAIL() << "connected to no server";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::DatabaseUnreachable);
        EXPECT_EQ(std::string(error.what()).rfind(url + ": connect: the PostgreSQL server cannot be reached (", 0), 0u)
            << error.what();
    }
}

TEST(PostgresFaults, ServerStoppedMidSessionLosesNothingCommitted)
{
    PrivateServer server;
    auto location = DatabaseLocation::parse(server.url() + "&schema=clinic");
    auto database = Database::open(location);
    auto user = UserRepository(*database).add({0, "anna", "Anna", Role::Therapist, "h", 0, "", "now"});
    ClientRepository(*database).add(sampleClient(1), "2026-01-01T00:00:00.000Z", user.id);
    Transaction open(*database, TransactionKind::Write, "add client");
    ClientRepository(*database).add(sampleClient(2), "2026-01-01T00:00:00.000Z", user.id);
    server.stop();
    try {
        ClientRepository(*database).add(sampleClient(3), "2026-01-01T00:00:00.000Z", user.id);
        open.commit();
        FAIL() << "wrote to a stopped server";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::DatabaseConnectionLost) << error.what();
        EXPECT_EQ(std::string(error.what())
                      .rfind(location.displayName()
                                 + ": add client: the connection to the "
                                   "PostgreSQL server was lost",
                             0),
                  0u)
            << error.what();
    }
    try {
        Database::open(location);
        FAIL() << "connected to a stopped server";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::DatabaseUnreachable) << error.what();
    }
    server.start();
    auto reopened = Database::open(location);
    auto clients = ClientRepository(*reopened).list(true, 10, 0);
    ASSERT_EQ(clients.size(), 1u);
    EXPECT_EQ(clients[0].familyName, "Family1");
}

TEST(PostgresFaults, ConnectionDroppedMidTransactionCommitsNothingOfIt)
{
    TestDatabase test(Backend::PostgreSql);
    auto database = test.open();
    auto user = UserRepository(*database).add({0, "anna", "Anna", Role::Therapist, "h", 0, "", "now"});
    ClientRepository(*database).add(sampleClient(1), "2026-01-01T00:00:00.000Z", user.id);
    Query pid(*database, "SELECT pg_backend_pid()");
    std::int64_t backend = pid.run("read the backend").integer(0, 0);
    {
        Transaction transaction(*database, TransactionKind::Write, "add client");
        ClientRepository(*database).add(sampleClient(2), "2026-01-01T00:00:00.000Z", user.id);
        auto killer = test.open();
        Query(*killer, "SELECT pg_terminate_backend(?)").bind(backend).run("terminate");
        try {
            ClientRepository(*database).add(sampleClient(3), "2026-01-01T00:00:00.000Z", user.id);
            transaction.commit();
            FAIL() << "wrote through a terminated connection";
        } catch (const Error& error) {
            EXPECT_EQ(error.code(), ErrorCode::DatabaseConnectionLost) << error.what();
            EXPECT_EQ(std::string(error.what()).rfind(test.location().displayName() + ": add client: ", 0), 0u)
                << error.what();
        }
    }
    auto reopened = test.open();
    auto clients = ClientRepository(*reopened).list(true, 10, 0);
    ASSERT_EQ(clients.size(), 1u);
    EXPECT_EQ(clients[0].familyName, "Family1");
}

TEST(PostgresFaults, LockedRowWaitsTheLockTimeoutThenSaysSo)
{
    TestDatabase test(Backend::PostgreSql);
    auto holder = test.open();
    auto user = UserRepository(*holder).add({0, "anna", "Anna", Role::Therapist, "h", 0, "", "now"});
    auto client = ClientRepository(*holder).add(sampleClient(1), "2026-01-01T00:00:00.000Z", user.id);
    DatabaseOptions options;
    options.busyTimeout = std::chrono::milliseconds(100);
    auto waiter = test.open(options);
    Transaction lock(*holder, TransactionKind::Write, "hold the row");
    ClientRepository(*holder).update(client, "2026-01-01T00:00:01.000Z", user.id);
    try {
        ClientRepository(*waiter).update(client, "2026-01-01T00:00:02.000Z", user.id);
        FAIL() << "updated a row locked by another connection";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::DatabaseLocked) << error.what();
        EXPECT_EQ(std::string(error.what())
                      .rfind(test.location().displayName() + ": save client " + std::to_string(client.id)
                                 + ": the records are locked by another connection (waited 100 ms)",
                             0),
                  0u)
            << error.what();
    }
    lock.commit();
    EXPECT_EQ(ClientRepository(*waiter).find(client.id)->version, 2);
}
