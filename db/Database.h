#pragma once

#include "core/common/Error.h"
#include "db/DatabaseLocation.h"
#include "db/SqlDialect.h"

#include <Poco/Exception.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace Poco::Data {
class Session;
}

namespace backscreen::db {

struct DatabaseOptions
{
    /// Open without write access: SQLite's mode=ro, PostgreSQL's default_transaction_read_only. Every write
    /// then fails with ErrorCode::DatabaseReadOnly. A database that needs a migration cannot be opened so.
    bool readOnly = false;
    /// How long a statement waits for another connection's lock before failing with DatabaseLocked.
    std::chrono::milliseconds busyTimeout{5000};
    /// SQLite only, when > 0: the file may not grow beyond this many pages (PRAGMA max_page_count); a
    /// write that needs more fails with DatabaseFull. Caps a database, and lets tests fill one for real.
    std::int64_t maxPageCount = 0;
};

/// One open connection to a Backscreen database, migrated to the schema this program knows. Repositories
/// run their SQL through it; every failure leaves as a backscreen::Error with a 7xx code whose message names
/// the database and the operation ("/home/x/backscreen.sqlite: save client 12: the database is locked ...").
/// Not thread-safe: one Database per thread.
class Database
{
public:
    /// Opens (creating an SQLite file and its directory when missing) and applies pending migrations, each
    /// in its own transaction. A database whose schema is newer than this program is refused with
    /// DatabaseTooNew and left exactly as it was.
    static std::unique_ptr<Database> open(const DatabaseLocation& location, const DatabaseOptions& options = {});

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const DatabaseLocation& location() const { return m_location; }

    /// What messages call this database: its file path or URL without password.
    const std::string& name() const { return m_location.displayName(); }

    const SqlDialect& dialect() const { return m_dialect; }

    const DatabaseOptions& options() const { return m_options; }

    /// The schema version stored in the database (PRAGMA user_version / table schema_version).
    int schemaVersion();

    /// The newest schema version this program knows (the last migration's number).
    static int latestSchemaVersion();

    /// SQLite's PRAGMA integrity_check: empty when the file is sound, else SQLite's complaints. On
    /// PostgreSQL it only checks that the server answers.
    std::vector<std::string> checkIntegrity();

    /// Writes a consistent copy of the whole SQLite database to `file` (VACUUM INTO), also while other
    /// connections write. Refuses to overwrite an existing file. PostgreSQL databases are backed up with
    /// the server's pg_dump; this throws BackupFailed for them.
    void backupTo(const std::filesystem::path& file);

    /// Told after each step of a backup how many pages are copied of how many; returns false to cancel.
    using BackupProgress = std::function<bool(std::int64_t copiedPages, std::int64_t totalPages)>;

    /// Writes a copy of the whole SQLite database to `file` with SQLite's online backup API, `pagesPerStep`
    /// pages at a time, calling `progress` after each step (so a dialog can show real progress and offer
    /// Cancel). A step that finds the source changed by another connection starts over, so the copy is
    /// consistent. Refuses to overwrite an existing file; on failure or cancel (BackupCancelled) the partial
    /// file is removed. PostgreSQL databases throw BackupFailed (use pg_dump), as backupTo(file) does.
    void backupTo(const std::filesystem::path& file, const BackupProgress& progress, int pagesPerStep = 64);

    /// Replaces this SQLite database's content with the backup in `file` (SQLite's online backup API, so
    /// other connections see either the old or the new database), then migrates it. The backup is checked
    /// first (an SQLite Backscreen database, not newer than this program, integrity ok); when it fails the
    /// check nothing changes and RestoreFailed names the reason.
    void restoreFrom(const std::filesystem::path& file);

    /// Runs `function` and turns any POCO Data failure into a backscreen::Error naming this database and
    /// `operation`. Repositories wrap each statement group in it.
    template <typename Function>
    auto guard(std::string_view operation, Function&& function) -> decltype(function())
    {
        try {
            return function();
        } catch (const Poco::Exception& error) {
            throw translate(operation, error);
        }
    }

    /// The error a POCO Data failure during `operation` means, classified into a 7xx code.
    Error translate(std::string_view operation, const Poco::Exception& error) const;

    /// An Error of `code` whose message is "<database>: <operation>: <what>"; inside a transaction begun for
    /// another operation, that one comes first ("log in as \"anna\": record the login attempts of user 2").
    Error error(ErrorCode code, std::string_view operation, const std::string& what) const;

    /// The POCO session, for the repositories in db/ only.
    Poco::Data::Session& session();

private:
    friend class Transaction;

    Database(const DatabaseLocation& location, const DatabaseOptions& options);
    void openSqlite();
    void openPostgres();
    void migrate();
    int readSchemaVersion();
    void execute(const std::string& sql);

    DatabaseLocation m_location;
    DatabaseOptions m_options;
    SqlDialect m_dialect;
    std::unique_ptr<Poco::Data::Session> m_session;
    int m_transactionDepth = 0;
    std::string m_transactionOperation;
    bool m_rollbackOnly = false;
};

} // namespace backscreen::db
