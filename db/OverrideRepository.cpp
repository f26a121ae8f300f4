#include "db/OverrideRepository.h"

#include "db/Database.h"
#include "db/Query.h"

namespace backscreen::db {

namespace {

const char* const overrideColumns =
    "SELECT o.id, o.screening_result_id, o.rule_id, o.kind, o.reason_code, "
    "o.reason_text, o.input_snapshot_json, o.created_at, o.created_by, o.reviewed_by, o.reviewed_on "
    "FROM overrides o ";

std::vector<OverrideRecord> readOverrides(const Query& query)
{
    std::vector<OverrideRecord> entries;
    for (std::size_t row = 0; row < query.rowCount(); ++row) {
        entries.push_back({query.integer(row, 0),
                           query.integer(row, 1),
                           query.text(row, 2),
                           query.text(row, 3),
                           query.text(row, 4),
                           query.text(row, 5),
                           query.text(row, 6),
                           query.text(row, 7),
                           query.integer(row, 8),
                           query.text(row, 9),
                           query.text(row, 10)});
    }
    return entries;
}

} // namespace

OverrideRepository::OverrideRepository(Database& database)
    : m_database(database)
{}

OverrideRecord OverrideRepository::add(const OverrideRecord& entry)
{
    Query query(
        m_database,
        "INSERT INTO overrides (screening_result_id, rule_id, kind, reason_code, reason_text, "
        "input_snapshot_json, created_at, created_by, reviewed_by, reviewed_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "RETURNING id");
    query.bind(entry.screeningResultId)
        .bind(entry.ruleId)
        .bind(entry.kind)
        .bind(entry.reasonCode)
        .bind(entry.reasonText)
        .bind(entry.inputSnapshotJson)
        .bind(entry.createdAt)
        .bind(entry.createdBy)
        .bind(entry.reviewedBy)
        .bind(entry.reviewedOn)
        .run("save an override of rule \"" + entry.ruleId + "\"");
    OverrideRecord added = entry;
    added.id = query.integer(0, 0);
    return added;
}

std::vector<OverrideRecord> OverrideRepository::listForScreening(RecordId screeningResultId)
{
    Query query(m_database, std::string(overrideColumns) + "WHERE o.screening_result_id = ? ORDER BY o.id");
    query.bind(screeningResultId).run("read the overrides of screening result " + std::to_string(screeningResultId));
    return readOverrides(query);
}

std::vector<OverrideRecord> OverrideRepository::listForClient(RecordId clientId)
{
    Query query(m_database,
                std::string(overrideColumns)
                    + "JOIN screening_results s ON s.id = o.screening_result_id JOIN visits v ON v.id = s.visit_id "
                      "WHERE v.client_id = ? ORDER BY o.id");
    query.bind(clientId).run("read the overrides of client " + std::to_string(clientId));
    return readOverrides(query);
}

} // namespace backscreen::db
