#include "db/Database.h"

#include "db/Migrations.h"
#include "db/Transaction.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

#include <libpq-fe.h>
#include <mutex>
#include <sqlite3.h>

using namespace Poco::Data::Keywords;

namespace backscreen::db {

namespace {

void registerConnectors()
{
    static std::once_flag once;
    std::call_once(once, [] {
        Poco::Data::SQLite::Connector::registerConnector();
        Poco::Data::PostgreSQL::Connector::registerConnector();
    });
}

bool contains(const std::string& text, const char* part)
{
    return text.find(part) != std::string::npos;
}

/// SQLite URI form of a path, for opening read-only ("file:/path?mode=ro").
std::string sqliteUri(const std::filesystem::path& path, const char* parameters)
{
    std::string uri = "file:";
    for (char c : std::filesystem::absolute(path).string()) {
        if (c == '%' || c == '?' || c == '#') {
            static const char* hex = "0123456789ABCDEF";
            uri += '%';
            uri += hex[static_cast<unsigned char>(c) >> 4];
            uri += hex[static_cast<unsigned char>(c) & 15];
        } else {
            uri += c;
        }
    }
    return uri + "?" + parameters;
}

/// Runs an online backup to its end: `pages` pages a step (-1: all at once), waiting 50 ms and retrying while the
/// source or target is busy or locked, and asking `progress` (when set) after every step whether to go on.
/// Returns the last sqlite3_backup_step result (SQLITE_DONE on success); `cancelled` tells whether progress stopped
/// it. The caller still calls sqlite3_backup_finish.
int copyPages(sqlite3_backup* backup, int pages, const Database::BackupProgress& progress, bool& cancelled)
{
    int result = SQLITE_OK;
    cancelled = false;
    do {
        result = sqlite3_backup_step(backup, pages);
        if (result == SQLITE_BUSY || result == SQLITE_LOCKED) {
            sqlite3_sleep(50);
        }
        if (progress) {
            const std::int64_t total = sqlite3_backup_pagecount(backup);
            const std::int64_t copied = total - sqlite3_backup_remaining(backup);
            cancelled = !progress(copied, total);
        }
    } while (!cancelled && (result == SQLITE_OK || result == SQLITE_BUSY || result == SQLITE_LOCKED));
    return result;
}

} // namespace

Database::Database(const DatabaseLocation& location, const DatabaseOptions& options)
    : m_location(location)
    , m_options(options)
    , m_dialect(location.backend())
{}

Database::~Database() = default;

std::unique_ptr<Database> Database::open(const DatabaseLocation& location, const DatabaseOptions& options)
{
    registerConnectors();
    std::unique_ptr<Database> database(new Database(location, options));
    if (location.backend() == Backend::Sqlite) {
        database->openSqlite();
    } else {
        database->openPostgres();
    }
    database->migrate();
    return database;
}

int Database::latestSchemaVersion()
{
    return migrations().empty() ? 0 : migrations().back().version;
}

Poco::Data::Session& Database::session()
{
    return *m_session;
}

void Database::execute(const std::string& sql)
{
    *m_session << sql, now;
}

void Database::openSqlite()
{
    const std::filesystem::path& path = m_location.sqlitePath();
    std::error_code ignored;
    if (!std::filesystem::exists(path, ignored)) {
        if (m_options.readOnly) {
            throw error(ErrorCode::DatabaseUnreachable, "open", "no such file; check the path");
        }
        if (path.has_parent_path()) {
            std::error_code failure;
            std::filesystem::create_directories(path.parent_path(), failure);
            if (failure) {
                throw error(ErrorCode::DatabaseUnreachable,
                            "open",
                            "cannot create the directory " + path.parent_path().string() + " (" + failure.message()
                                + "); check the path and its permissions");
            }
        }
    } else if (std::filesystem::is_directory(path, ignored)) {
        throw error(ErrorCode::DatabaseUnreachable, "open", "this is a directory; expected a database file");
    }
    guard("open", [&] {
        std::string connect = m_options.readOnly ? sqliteUri(path, "mode=ro") : path.string();
        m_session = std::make_unique<Poco::Data::Session>("SQLite", connect);
        execute("PRAGMA busy_timeout = " + std::to_string(m_options.busyTimeout.count()));
    });
    // Read the version before anything writes to the file: a database that is too new, or not a database,
    // must be left exactly as it was.
    int version = guard("open", [&] { return readSchemaVersion(); });
    if (version > latestSchemaVersion()) {
        throw error(ErrorCode::DatabaseTooNew,
                    "open",
                    "the database has schema version " + std::to_string(version) + " but this program knows only up to "
                        + std::to_string(latestSchemaVersion()) + "; use a newer Backscreen");
    }
    guard("open", [&] {
        if (!m_options.readOnly) {
            std::string journalMode;
            *m_session << "PRAGMA journal_mode = WAL", into(journalMode), now;
        }
        execute("PRAGMA foreign_keys = ON");
        if (m_options.maxPageCount > 0) {
            Poco::Int64 pages = 0;
            *m_session << "PRAGMA max_page_count = " + std::to_string(m_options.maxPageCount), into(pages), now;
        }
    });
}

void Database::openPostgres()
{
    // Probe with libpq first: POCO 1.11 leaks the connection object of a failed connect, and libpq's own
    // message is the one worth showing.
    PGconn* probe = PQconnectdb(m_location.postgresParameters().c_str());
    bool reachable = probe != nullptr && PQstatus(probe) == CONNECTION_OK;
    std::string why = probe != nullptr ? PQerrorMessage(probe) : "out of memory";
    PQfinish(probe);
    if (!reachable) {
        while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) {
            why.pop_back();
        }
        for (auto& c : why) {
            c = c == '\n' ? ' ' : c;
        }
        throw error(ErrorCode::DatabaseUnreachable,
                    "connect",
                    "the PostgreSQL server cannot be reached (" + why + "); check that it runs and the URL is right");
    }
    guard("connect", [&] {
        m_session = std::make_unique<Poco::Data::Session>("PostgreSQL", m_location.postgresParameters());
        // libpq prints server notices ("schema already exists, skipping") to stderr; keep the output clean.
        execute("SET client_min_messages TO warning");
        if (!m_location.postgresSchema().empty()) {
            if (!m_options.readOnly) {
                try {
                    execute("CREATE SCHEMA IF NOT EXISTS " + m_location.postgresSchema());
                } catch (const Poco::Exception&) {
                    // Two programs creating it at the same moment: one wins, the other's IF NOT EXISTS
                    // raced; fine as long as the schema is there now.
                    Poco::Int64 schemas = 0;
                    *m_session << "SELECT count(*) FROM information_schema.schemata WHERE schema_name = $1",
                        useRef(m_location.postgresSchema()), into(schemas), now;
                    if (schemas == 0) {
                        throw;
                    }
                }
            }
            execute("SET search_path TO " + m_location.postgresSchema());
        }
        execute("SET lock_timeout = " + std::to_string(m_options.busyTimeout.count()));
    });
    int version = guard("open", [&] { return readSchemaVersion(); });
    if (version > latestSchemaVersion()) {
        throw error(ErrorCode::DatabaseTooNew,
                    "open",
                    "the database has schema version " + std::to_string(version) + " but this program knows only up to "
                        + std::to_string(latestSchemaVersion()) + "; use a newer Backscreen");
    }
    if (m_options.readOnly) {
        guard("open", [&] { execute("SET default_transaction_read_only = on"); });
    }
}

int Database::readSchemaVersion()
{
    Poco::Int64 version = 0;
    if (m_dialect.backend() == Backend::Sqlite) {
        *m_session << "PRAGMA user_version", into(version), now;
        return static_cast<int>(version);
    }
    Poco::Int64 tables = 0;
    *m_session << "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"
                  " AND table_name = 'schema_version'",
        into(tables), now;
    if (tables == 0) {
        return 0;
    }
    std::vector<Poco::Int64> versions;
    *m_session << "SELECT version FROM schema_version", into(versions), now;
    return versions.empty() ? 0 : static_cast<int>(versions.front());
}

int Database::schemaVersion()
{
    return guard("read the schema version", [&] { return readSchemaVersion(); });
}

void Database::migrate()
{
    int current = schemaVersion();
    if (current >= latestSchemaVersion()) {
        return;
    }
    if (m_options.readOnly) {
        throw error(ErrorCode::DatabaseReadOnly,
                    "open",
                    "the database has schema version " + std::to_string(current) + " and needs migrating to "
                        + std::to_string(latestSchemaVersion()) + ", which a read-only connection cannot do");
    }
    for (const Migration& migration : migrations()) {
        if (migration.version <= current) {
            continue;
        }
        const std::string operation = std::string("apply migration ") + migration.fileName;
        Transaction transaction(*this, TransactionKind::Write, operation);
        try {
            guard(operation, [&] {
                if (m_dialect.backend() == Backend::PostgreSql) {
                    // Two programs opening a fresh server database at once: the second waits, then sees the
                    // new version and skips.
                    execute("SELECT pg_advisory_xact_lock(hashtext(current_schema()))");
                    execute("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)");
                }
            });
            if (guard(operation, [&] { return readSchemaVersion(); }) >= migration.version) {
                transaction.commit();
                continue;
            }
            for (const std::string& statement : m_dialect.migrationStatements(migration.sql)) {
                guard(operation, [&] { execute(statement); });
            }
            guard(operation, [&] {
                if (m_dialect.backend() == Backend::Sqlite) {
                    execute("PRAGMA user_version = " + std::to_string(migration.version));
                } else {
                    execute("DELETE FROM schema_version");
                    execute("INSERT INTO schema_version (version) VALUES (" + std::to_string(migration.version) + ")");
                }
            });
            transaction.commit();
        } catch (const Error& failure) {
            if (failure.code() != ErrorCode::DatabaseQueryFailed) {
                throw;
            }
            throw Error(ErrorCode::DatabaseMigrationFailed,
                        std::string(failure.what()) + " (rolled back; the database keeps schema version "
                            + std::to_string(current) + ")");
        }
        current = migration.version;
    }
}

std::vector<std::string> Database::checkIntegrity()
{
    return guard("check integrity", [&] {
        std::vector<std::string> problems;
        if (m_dialect.backend() == Backend::Sqlite) {
            std::vector<std::string> rows;
            *m_session << "PRAGMA integrity_check", into(rows), now;
            for (const std::string& row : rows) {
                if (row != "ok") {
                    problems.push_back(row);
                }
            }
        } else {
            Poco::Int64 one = 0;
            *m_session << "SELECT 1", into(one), now;
        }
        return problems;
    });
}

void Database::backupTo(const std::filesystem::path& file)
{
    const std::string operation = "back up to " + file.string();
    if (m_dialect.backend() != Backend::Sqlite) {
        throw error(
            ErrorCode::BackupFailed, operation, "a PostgreSQL database is backed up on the server; use pg_dump");
    }
    std::error_code ignored;
    if (std::filesystem::exists(file, ignored)) {
        throw error(ErrorCode::BackupFailed, operation, "the file exists; choose a new file name");
    }
    std::string target = file.string();
    try {
        guard(operation, [&] { *m_session << "VACUUM INTO ?", use(target), now; });
    } catch (const Error& failure) {
        std::filesystem::remove(file, ignored);
        throw Error(failure.code() == ErrorCode::DatabaseQueryFailed ? ErrorCode::BackupFailed : failure.code(),
                    failure.what());
    }
}

void Database::backupTo(const std::filesystem::path& file, const BackupProgress& progress, int pagesPerStep)
{
    const std::string operation = "back up to " + file.string();
    if (m_dialect.backend() != Backend::Sqlite) {
        throw error(
            ErrorCode::BackupFailed, operation, "a PostgreSQL database is backed up on the server; use pg_dump");
    }
    if (m_transactionDepth > 0) {
        throw error(ErrorCode::BackupFailed, operation, "a transaction is open");
    }
    std::error_code ignored;
    if (std::filesystem::exists(file, ignored)) {
        throw error(ErrorCode::BackupFailed, operation, "the file exists; choose a new file name");
    }
    sqlite3* target = nullptr;
    // The partial file is removed on every way out but success.
    auto fail = [&](ErrorCode code, const std::string& why) {
        if (target != nullptr) {
            sqlite3_close(target);
        }
        std::filesystem::remove(file, ignored);
        std::filesystem::remove(file.string() + "-journal", ignored);
        return error(code, operation, why);
    };
    if (sqlite3_open_v2(file.string().c_str(), &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr)
        != SQLITE_OK) {
        std::string why = target != nullptr ? sqlite3_errmsg(target) : "out of memory";
        throw fail(ErrorCode::BackupFailed,
                   "the file cannot be created (" + why + "); check the folder exists and may be written");
    }
    sqlite3* source = Poco::Data::SQLite::Utility::dbHandle(*m_session);
    sqlite3_backup* backup = sqlite3_backup_init(target, "main", source, "main");
    if (backup == nullptr) {
        throw fail(ErrorCode::BackupFailed, sqlite3_errmsg(target));
    }
    bool cancelled = false;
    const int result = copyPages(backup, pagesPerStep > 0 ? pagesPerStep : -1, progress, cancelled);
    const int finished = sqlite3_backup_finish(backup);
    if (cancelled && result != SQLITE_DONE) {
        throw fail(ErrorCode::BackupCancelled, "cancelled; the partial file was removed");
    }
    if (result != SQLITE_DONE || finished != SQLITE_OK) {
        const int code = result != SQLITE_DONE ? result : finished;
        throw fail(code == SQLITE_FULL ? ErrorCode::DatabaseFull : ErrorCode::BackupFailed,
                   std::string(sqlite3_errstr(code)) + "; the partial file was removed");
    }
    if (sqlite3_close(target) != SQLITE_OK) {
        target = nullptr;
        throw fail(ErrorCode::BackupFailed, "the file could not be closed; the partial file was removed");
    }
}

void Database::restoreFrom(const std::filesystem::path& file)
{
    const std::string operation = "restore from " + file.string();
    auto refuse = [&](const std::string& why) { return error(ErrorCode::RestoreFailed, operation, why); };
    if (m_dialect.backend() != Backend::Sqlite) {
        throw refuse("a PostgreSQL database is restored on the server; use pg_restore");
    }
    if (m_transactionDepth > 0) {
        throw refuse("a transaction is open");
    }
    std::error_code ignored;
    if (!std::filesystem::is_regular_file(file, ignored)) {
        throw refuse("no such file");
    }
    std::unique_ptr<Poco::Data::Session> source;
    try {
        source = std::make_unique<Poco::Data::Session>("SQLite", sqliteUri(file, "mode=ro"));
        Poco::Int64 version = 0;
        *source << "PRAGMA user_version", into(version), now;
        if (version > latestSchemaVersion()) {
            throw refuse("the backup has schema version " + std::to_string(version) + ", newer than this program's "
                         + std::to_string(latestSchemaVersion()));
        }
        Poco::Int64 tables = 0;
        *source << "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('users', 'clients', "
                   "'audit_log')",
            into(tables), now;
        if (version < 1 || tables != 3) {
            throw refuse("the file is not a Backscreen database");
        }
        std::vector<std::string> rows;
        *source << "PRAGMA integrity_check", into(rows), now;
        if (rows.size() != 1 || rows.front() != "ok") {
            throw refuse("the backup is damaged (" + (rows.empty() ? std::string("no answer") : rows.front()) + ")");
        }
    } catch (const Poco::Exception& failure) {
        throw refuse("the backup cannot be read (" + failure.displayText() + ")");
    }
    sqlite3* target = Poco::Data::SQLite::Utility::dbHandle(*m_session);
    sqlite3* from = Poco::Data::SQLite::Utility::dbHandle(*source);
    sqlite3_backup* backup = sqlite3_backup_init(target, "main", from, "main");
    if (backup == nullptr) {
        throw refuse(sqlite3_errmsg(target));
    }
    bool cancelled = false;
    const int result = copyPages(backup, -1, {}, cancelled);
    sqlite3_backup_finish(backup);
    if (result != SQLITE_DONE) {
        throw error(result == SQLITE_FULL ? ErrorCode::DatabaseFull : ErrorCode::RestoreFailed,
                    operation,
                    std::string(sqlite3_errstr(result)) + "; the database is unchanged");
    }
    migrate();
}

Error Database::error(ErrorCode code, std::string_view operation, const std::string& what) const
{
    std::string where(operation);
    if (m_transactionDepth > 0 && !m_transactionOperation.empty() && m_transactionOperation != where) {
        where = m_transactionOperation + ": " + where;
    }
    return Error(code, name() + ": " + where + ": " + what);
}

Error Database::translate(std::string_view operation, const Poco::Exception& failure) const
{
    namespace SQLite = Poco::Data::SQLite;
    const std::string detail = failure.displayText();
    const std::string waited = "waited " + std::to_string(m_options.busyTimeout.count()) + " ms";
    if (m_dialect.backend() == Backend::Sqlite) {
        if (dynamic_cast<const SQLite::DBLockedException*>(&failure) != nullptr
            || dynamic_cast<const SQLite::TableLockedException*>(&failure) != nullptr) {
            return error(ErrorCode::DatabaseLocked,
                         operation,
                         "the database is locked by another program (" + waited
                             + "); close the other program or try again");
        }
        if (contains(detail, "file is not a database")) {
            return error(ErrorCode::DatabaseNotADatabase,
                         operation,
                         "the file is not a database (" + detail + "); check the path, or restore from a backup");
        }
        if (dynamic_cast<const SQLite::CorruptImageException*>(&failure) != nullptr || contains(detail, "malformed")) {
            return error(ErrorCode::DatabaseCorrupt,
                         operation,
                         "the database file is damaged (" + detail
                             + "); nothing was changed; restore it from a backup");
        }
        if (dynamic_cast<const SQLite::ReadOnlyException*>(&failure) != nullptr || contains(detail, "readonly")) {
            return error(ErrorCode::DatabaseReadOnly,
                         operation,
                         "the database is read-only (" + detail + "); nothing was saved; check the file's permissions");
        }
        if (dynamic_cast<const SQLite::DatabaseFullException*>(&failure) != nullptr
            || contains(detail, "database or disk is full")) {
            return error(ErrorCode::DatabaseFull,
                         operation,
                         "the disk or the database is full (" + detail
                             + "); nothing of this operation was saved; free some space and try again");
        }
        if (dynamic_cast<const SQLite::CantOpenDBFileException*>(&failure) != nullptr) {
            return error(ErrorCode::DatabaseUnreachable,
                         operation,
                         "the file cannot be opened (" + detail + "); check the path and its permissions");
        }
        return error(ErrorCode::DatabaseQueryFailed, operation, detail);
    }
    if (contains(detail, "terminating connection") || contains(detail, "server closed the connection")
        || contains(detail, "no connection to the server") || contains(detail, "connection to server")
        || contains(detail, "could not receive data") || contains(detail, "could not send data")
        || contains(detail, "Connection Error") || contains(detail, "connection not established")) {
        bool connecting = operation == "connect";
        return error(connecting ? ErrorCode::DatabaseUnreachable : ErrorCode::DatabaseConnectionLost,
                     operation,
                     connecting ? "the PostgreSQL server cannot be reached (" + detail
                                      + "); check that it runs and the URL is right"
                                : "the connection to the PostgreSQL server was lost (" + detail
                                      + "); the operation was not saved; reconnect and try again");
    }
    if (contains(detail, "lock timeout")) {
        return error(ErrorCode::DatabaseLocked,
                     operation,
                     "the records are locked by another connection (" + waited + "); try again");
    }
    if (contains(detail, "read-only transaction")) {
        return error(ErrorCode::DatabaseReadOnly, operation, "the connection is read-only (" + detail + ")");
    }
    if (contains(detail, "No space left") || contains(detail, "could not extend file")) {
        return error(ErrorCode::DatabaseFull, operation, "the server's disk is full (" + detail + ")");
    }
    return error(ErrorCode::DatabaseQueryFailed, operation, detail);
}

} // namespace backscreen::db
