#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace backscreen::db {

enum class Backend
{
    Sqlite,
    PostgreSql,
};

/// Where the database is: an SQLite file (the default) or a PostgreSQL server named by a URL
/// postgresql://[user[:password]@][host][:port]/dbname[?host=/socket/dir&schema=name&sslmode=...].
/// `schema` is ours: the connection uses that PostgreSQL schema (search_path), so one server database can
/// hold several Backscreen databases (the tests use one schema each).
class DatabaseLocation
{
public:
    /// An SQLite file path or a postgresql:// (or postgres://) URL. Throws Error(DatabaseLocationInvalid).
    static DatabaseLocation parse(const std::string& pathOrUrl);

    /// The database to use: `commandLine` (--db) when given, else the environment variable BACKSCREEN_DB,
    /// else the first line of the config file configFilePath() when it exists (how a clinic workstation
    /// is pointed at its server once), else defaultSqlitePath().
    static DatabaseLocation resolve(const std::optional<std::string>& commandLine);

    /// $XDG_CONFIG_HOME/backscreen/database, else ~/.config/backscreen/database.
    static std::filesystem::path configFilePath();

    /// $XDG_DATA_HOME/backscreen/backscreen.sqlite, else ~/.local/share/backscreen/backscreen.sqlite.
    static std::filesystem::path defaultSqlitePath();

    Backend backend() const { return m_backend; }

    /// The SQLite file path (empty for PostgreSQL).
    const std::filesystem::path& sqlitePath() const { return m_sqlitePath; }

    /// What messages call the database: the file path, or the URL without its password.
    const std::string& displayName() const { return m_displayName; }

    /// libpq "key=value" parameters for PostgreSQL (empty for SQLite).
    const std::string& postgresParameters() const { return m_postgresParameters; }

    /// The PostgreSQL schema to use, empty for the default search path.
    const std::string& postgresSchema() const { return m_postgresSchema; }

private:
    Backend m_backend = Backend::Sqlite;
    std::filesystem::path m_sqlitePath;
    std::string m_displayName;
    std::string m_postgresParameters;
    std::string m_postgresSchema;
};

} // namespace backscreen::db
