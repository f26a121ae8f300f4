#pragma once

#include "db/DatabaseLocation.h"

#include <string>
#include <string_view>
#include <vector>

namespace backscreen::db {

/// The one place that knows how SQLite and PostgreSQL differ for Backscreen: placeholders, auto-numbered
/// keys, byte-ordered text, append-only triggers, transaction starts and where the schema version lives.
/// Everything else (upserts are avoided, RETURNING works on both, types are TEXT/BIGINT) is portable SQL.
class SqlDialect
{
public:
    explicit SqlDialect(Backend backend);

    Backend backend() const { return m_backend; }

    /// `sql` with its `?` placeholders numbered `$1`, `$2`, ... for PostgreSQL; unchanged for SQLite.
    /// Question marks inside quoted literals are left alone.
    std::string statement(std::string_view sql) const;

    /// A migration file's statements with the dialect tokens expanded ({{id}}, {{key_text}},
    /// {{append_only TABLE}}); see db/migrations/0001_initial.sql.
    std::vector<std::string> migrationStatements(std::string_view migrationSql) const;

    /// Starts a transaction that will write. On SQLite it takes the write lock at once (BEGIN IMMEDIATE), so
    /// waiting for another writer happens under the busy timeout instead of failing half-way.
    const char* beginWrite() const;
    const char* beginRead() const;

    /// The exclusive upper bound of a prefix range over byte-ordered text: every string that starts with
    /// `prefix` is >= prefix and < the result.
    static std::string prefixUpperBound(const std::string& prefix);

private:
    std::vector<std::string> appendOnlyStatements(const std::string& table) const;

    Backend m_backend;
};

} // namespace backscreen::db
