#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace Poco::Data {
class Statement;
class RecordSet;
} // namespace Poco::Data

namespace backscreen::db {

class Database;

/// One SQL statement with its bound values and, after run(), its result rows. Written once in portable
/// SQL with `?` placeholders; the dialect numbers them for PostgreSQL. Used by the repositories only, so
/// that no POCO Data type reaches their callers.
class Query
{
public:
    Query(Database& database, std::string_view sql);
    ~Query();
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;

    Query& bind(std::int64_t value);
    Query& bind(const std::string& value);

    Query& bind(const char* value) { return bind(std::string(value)); }

    Query& bind(bool value) { return bind(static_cast<std::int64_t>(value ? 1 : 0)); }

    Query& bind(const std::optional<std::int64_t>& value);

    /// Executes; failures throw the Error that Database::translate makes of them, naming `operation`.
    Query& run(std::string_view operation);

    std::size_t rowCount() const;
    std::string text(std::size_t row, std::size_t column) const;
    std::int64_t integer(std::size_t row, std::size_t column) const;
    std::optional<std::int64_t> optionalInteger(std::size_t row, std::size_t column) const;

    bool flag(std::size_t row, std::size_t column) const { return integer(row, column) != 0; }

private:
    Database& m_database;
    std::unique_ptr<Poco::Data::Statement> m_statement;
    std::unique_ptr<Poco::Data::RecordSet> m_rows;
};

} // namespace backscreen::db
