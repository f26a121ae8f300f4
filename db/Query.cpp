#include "db/Query.h"

#include "db/Database.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

using namespace Poco::Data::Keywords;

namespace backscreen::db {

Query::Query(Database& database, std::string_view sql)
    : m_database(database)
    , m_statement(std::make_unique<Poco::Data::Statement>(database.session()))
{
    *m_statement << database.dialect().statement(sql);
}

Query::~Query() = default;

Query& Query::bind(std::int64_t value)
{
    *m_statement, Poco::Data::Keywords::bind(static_cast<Poco::Int64>(value));
    return *this;
}

Query& Query::bind(const std::string& value)
{
    *m_statement, Poco::Data::Keywords::bind(value);
    return *this;
}

Query& Query::bind(const std::optional<std::int64_t>& value)
{
    Poco::Nullable<Poco::Int64> nullable;
    if (value) {
        nullable = static_cast<Poco::Int64>(*value);
    }
    *m_statement, Poco::Data::Keywords::bind(nullable);
    return *this;
}

Query& Query::run(std::string_view operation)
{
    m_database.guard(operation, [&] {
        m_statement->execute();
        // Statements without a result (UPDATE without RETURNING, DDL) give an empty record set.
        m_rows = std::make_unique<Poco::Data::RecordSet>(*m_statement);
    });
    return *this;
}

std::size_t Query::rowCount() const
{
    return m_rows ? m_rows->rowCount() : 0;
}

std::string Query::text(std::size_t row, std::size_t column) const
{
    const Poco::Dynamic::Var& value = m_rows->value(column, row);
    return value.isEmpty() ? std::string() : value.convert<std::string>();
}

std::int64_t Query::integer(std::size_t row, std::size_t column) const
{
    const Poco::Dynamic::Var& value = m_rows->value(column, row);
    return value.isEmpty() ? 0 : value.convert<Poco::Int64>();
}

std::optional<std::int64_t> Query::optionalInteger(std::size_t row, std::size_t column) const
{
    const Poco::Dynamic::Var& value = m_rows->value(column, row);
    if (value.isEmpty()) {
        return std::nullopt;
    }
    return value.convert<Poco::Int64>();
}

} // namespace backscreen::db
