#include "db/OutcomeScoreRepository.h"

#include "db/Database.h"
#include "db/Query.h"

namespace backscreen::db {

namespace {

const char* const scoreColumns = "SELECT o.id, o.visit_id, o.instrument_id, o.instrument_version, o.score_json, "
                                 "o.response_json, o.created_at, o.created_by FROM outcome_scores o ";

std::vector<OutcomeScoreRecord> readScores(const Query& query)
{
    std::vector<OutcomeScoreRecord> scores;
    for (std::size_t row = 0; row < query.rowCount(); ++row) {
        scores.push_back({query.integer(row, 0),
                          query.integer(row, 1),
                          query.text(row, 2),
                          query.text(row, 3),
                          query.text(row, 4),
                          query.text(row, 5),
                          query.text(row, 6),
                          query.integer(row, 7)});
    }
    return scores;
}

} // namespace

OutcomeScoreRepository::OutcomeScoreRepository(Database& database)
    : m_database(database)
{}

OutcomeScoreRecord OutcomeScoreRepository::add(const OutcomeScoreRecord& score)
{
    Query query(m_database,
                "INSERT INTO outcome_scores (visit_id, instrument_id, instrument_version, score_json, response_json, "
                "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id");
    query.bind(score.visitId)
        .bind(score.instrumentId)
        .bind(score.instrumentVersion)
        .bind(score.scoreJson)
        .bind(score.responseJson)
        .bind(score.createdAt)
        .bind(score.createdBy)
        .run("save an outcome score for visit " + std::to_string(score.visitId));
    OutcomeScoreRecord added = score;
    added.id = query.integer(0, 0);
    return added;
}

std::vector<OutcomeScoreRecord> OutcomeScoreRepository::listForVisit(RecordId visitId)
{
    Query query(m_database, std::string(scoreColumns) + "WHERE o.visit_id = ? ORDER BY o.id");
    query.bind(visitId).run("read the outcome scores of visit " + std::to_string(visitId));
    return readScores(query);
}

std::vector<OutcomeScoreRecord> OutcomeScoreRepository::listForClient(RecordId clientId)
{
    Query query(m_database,
                std::string(scoreColumns) + "JOIN visits v ON v.id = o.visit_id WHERE v.client_id = ? ORDER BY o.id");
    query.bind(clientId).run("read the outcome scores of client " + std::to_string(clientId));
    return readScores(query);
}

} // namespace backscreen::db
