#include "db/AuditLogRepository.h"

#include "db/Database.h"
#include "db/Query.h"

namespace backscreen::db {

namespace {

const char* const auditColumns =
    "SELECT id, at, user_id, username, action, record_type, record_id, client_id, detail FROM audit_log ";

std::vector<AuditEntry> readEntries(const Query& query)
{
    std::vector<AuditEntry> entries;
    for (std::size_t row = 0; row < query.rowCount(); ++row) {
        entries.push_back({query.integer(row, 0),
                           query.text(row, 1),
                           query.optionalInteger(row, 2),
                           query.text(row, 3),
                           query.text(row, 4),
                           query.text(row, 5),
                           query.optionalInteger(row, 6),
                           query.optionalInteger(row, 7),
                           query.text(row, 8)});
    }
    return entries;
}

} // namespace

AuditLogRepository::AuditLogRepository(Database& database)
    : m_database(database)
{}

AuditEntry AuditLogRepository::append(const AuditEntry& entry)
{
    Query query(m_database,
                "INSERT INTO audit_log (at, user_id, username, action, record_type, record_id, client_id, detail) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
    query.bind(entry.at)
        .bind(entry.userId)
        .bind(entry.username)
        .bind(entry.action)
        .bind(entry.recordType)
        .bind(entry.recordId)
        .bind(entry.clientId)
        .bind(entry.detail)
        .run("write the audit log");
    AuditEntry added = entry;
    added.id = query.integer(0, 0);
    return added;
}

std::vector<AuditEntry> AuditLogRepository::listForClient(RecordId clientId)
{
    Query query(m_database, std::string(auditColumns) + "WHERE client_id = ? ORDER BY id");
    query.bind(clientId).run("read the audit log of client " + std::to_string(clientId));
    return readEntries(query);
}

std::vector<AuditEntry> AuditLogRepository::listRecent(std::size_t limit)
{
    Query query(m_database, std::string(auditColumns) + "ORDER BY id DESC LIMIT ?");
    query.bind(static_cast<std::int64_t>(limit)).run("read the audit log");
    return readEntries(query);
}

std::int64_t AuditLogRepository::count()
{
    Query query(m_database, "SELECT count(*) FROM audit_log");
    query.run("count the audit log");
    return query.integer(0, 0);
}

} // namespace backscreen::db
