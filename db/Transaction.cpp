#include "db/Transaction.h"

#include "db/Database.h"

#include <Poco/Data/Session.h>

using namespace Poco::Data::Keywords;

namespace backscreen::db {

Transaction::Transaction(Database& database, TransactionKind kind, std::string operation)
    : m_database(database)
    , m_operation(std::move(operation))
{
    if (m_database.m_transactionDepth == 0) {
        const char* begin =
            kind == TransactionKind::Write ? m_database.dialect().beginWrite() : m_database.dialect().beginRead();
        m_database.guard(m_operation, [&] { m_database.session() << begin, now; });
        m_outermost = true;
        m_database.m_rollbackOnly = false;
        m_database.m_transactionOperation = m_operation;
    }
    ++m_database.m_transactionDepth;
}

Transaction::~Transaction()
{
    if (m_done) {
        return;
    }
    --m_database.m_transactionDepth;
    if (!m_outermost) {
        m_database.m_rollbackOnly = true;
        return;
    }
    try {
        m_database.session() << "ROLLBACK", now;
    } catch (const Poco::Exception&) {
        // The failure that brought us here is the one to report; SQLite may already have rolled back, and
        // a lost PostgreSQL connection has nothing left to roll back.
    }
}

void Transaction::commit()
{
    if (m_done) {
        return;
    }
    m_done = true;
    --m_database.m_transactionDepth;
    if (!m_outermost) {
        return;
    }
    auto rollback = [&] {
        try {
            m_database.session() << "ROLLBACK", now;
        } catch (const Poco::Exception&) {
            // See the destructor.
        }
    };
    if (m_database.m_rollbackOnly) {
        rollback();
        throw m_database.error(
            ErrorCode::DatabaseQueryFailed, m_operation, "a part of the operation failed; nothing was saved");
    }
    try {
        m_database.guard(m_operation, [&] { m_database.session() << "COMMIT", now; });
    } catch (...) {
        rollback();
        throw;
    }
}

} // namespace backscreen::db
