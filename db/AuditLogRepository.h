#pragma once

#include "db/Records.h"

#include <optional>
#include <vector>

namespace backscreen::db {

class Database;

/// The append-only audit log. There is deliberately no update or delete here, and the database's triggers
/// refuse both (see SqlDialect).
class AuditLogRepository
{
public:
    explicit AuditLogRepository(Database& database);

    AuditEntry append(const AuditEntry& entry);
    /// Every entry about one client, oldest first.
    std::vector<AuditEntry> listForClient(RecordId clientId);
    /// The newest `limit` entries, newest first.
    std::vector<AuditEntry> listRecent(std::size_t limit);
    std::int64_t count();

private:
    Database& m_database;
};

} // namespace backscreen::db
