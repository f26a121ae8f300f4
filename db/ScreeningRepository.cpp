#include "db/ScreeningRepository.h"

#include "db/Database.h"
#include "db/Query.h"

namespace backscreen::db {

namespace {

const char* const screeningColumns = "SELECT s.id, s.visit_id, s.triage, s.program_blocked, s.ruleset_versions, "
                                     "s.result_json, s.answers_json, s.created_by, s.created_at "
                                     "FROM screening_results s ";

std::vector<ScreeningRecord> readScreenings(const Query& query)
{
    std::vector<ScreeningRecord> screenings;
    for (std::size_t row = 0; row < query.rowCount(); ++row) {
        screenings.push_back({query.integer(row, 0),
                              query.integer(row, 1),
                              query.text(row, 2),
                              query.flag(row, 3),
                              query.text(row, 4),
                              query.text(row, 5),
                              query.text(row, 6),
                              query.integer(row, 7),
                              query.text(row, 8)});
    }
    return screenings;
}

} // namespace

ScreeningRepository::ScreeningRepository(Database& database)
    : m_database(database)
{}

ScreeningRecord ScreeningRepository::add(const ScreeningRecord& screening)
{
    Query query(m_database,
                "INSERT INTO screening_results (visit_id, triage, program_blocked, ruleset_versions, result_json, "
                "answers_json, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
    query.bind(screening.visitId)
        .bind(screening.triage)
        .bind(screening.programBlocked)
        .bind(screening.rulesetVersions)
        .bind(screening.resultJson)
        .bind(screening.answersJson)
        .bind(screening.createdAt)
        .bind(screening.createdBy)
        .run("save a screening result for visit " + std::to_string(screening.visitId));
    ScreeningRecord added = screening;
    added.id = query.integer(0, 0);
    return added;
}

std::optional<ScreeningRecord> ScreeningRepository::find(RecordId id)
{
    Query query(m_database, std::string(screeningColumns) + "WHERE s.id = ?");
    query.bind(id).run("read screening result " + std::to_string(id));
    auto screenings = readScreenings(query);
    return screenings.empty() ? std::nullopt : std::optional<ScreeningRecord>(screenings.front());
}

std::vector<ScreeningRecord> ScreeningRepository::listForVisit(RecordId visitId)
{
    Query query(m_database, std::string(screeningColumns) + "WHERE s.visit_id = ? ORDER BY s.id");
    query.bind(visitId).run("read the screening results of visit " + std::to_string(visitId));
    return readScreenings(query);
}

std::vector<ScreeningRecord> ScreeningRepository::listForClient(RecordId clientId)
{
    Query query(m_database,
                std::string(screeningColumns)
                    + "JOIN visits v ON v.id = s.visit_id WHERE v.client_id = ? ORDER BY s.id");
    query.bind(clientId).run("read the screening results of client " + std::to_string(clientId));
    return readScreenings(query);
}

} // namespace backscreen::db
