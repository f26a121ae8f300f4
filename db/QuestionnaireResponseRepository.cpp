#include "db/QuestionnaireResponseRepository.h"

#include "db/Database.h"
#include "db/Query.h"

namespace backscreen::db {

namespace {

const char* const responseColumns = "SELECT r.id, r.visit_id, r.questionnaire_canonical, r.questionnaire_version, "
                                    "r.response_json, r.created_at, r.created_by FROM questionnaire_responses r ";

std::vector<QuestionnaireResponseRecord> readResponses(const Query& query)
{
    std::vector<QuestionnaireResponseRecord> responses;
    for (std::size_t row = 0; row < query.rowCount(); ++row) {
        responses.push_back({query.integer(row, 0),
                             query.integer(row, 1),
                             query.text(row, 2),
                             query.text(row, 3),
                             query.text(row, 4),
                             query.text(row, 5),
                             query.integer(row, 6)});
    }
    return responses;
}

} // namespace

QuestionnaireResponseRepository::QuestionnaireResponseRepository(Database& database)
    : m_database(database)
{}

QuestionnaireResponseRecord QuestionnaireResponseRepository::add(const QuestionnaireResponseRecord& response)
{
    Query query(m_database,
                "INSERT INTO questionnaire_responses (visit_id, questionnaire_canonical, questionnaire_version, "
                "response_json, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
    query.bind(response.visitId)
        .bind(response.questionnaireCanonical)
        .bind(response.questionnaireVersion)
        .bind(response.responseJson)
        .bind(response.createdAt)
        .bind(response.createdBy)
        .run("save a questionnaire response for visit " + std::to_string(response.visitId));
    QuestionnaireResponseRecord added = response;
    added.id = query.integer(0, 0);
    return added;
}

bool QuestionnaireResponseRepository::replaceNewest(const QuestionnaireResponseRecord& response)
{
    Query query(m_database,
                "UPDATE questionnaire_responses SET questionnaire_canonical = ?, questionnaire_version = ?, "
                "response_json = ?, created_at = ?, created_by = ? WHERE id = ? AND visit_id = ? AND NOT EXISTS "
                "(SELECT 1 FROM questionnaire_responses n WHERE n.visit_id = ? AND n.id > ?) RETURNING id");
    query.bind(response.questionnaireCanonical)
        .bind(response.questionnaireVersion)
        .bind(response.responseJson)
        .bind(response.createdAt)
        .bind(response.createdBy)
        .bind(response.id)
        .bind(response.visitId)
        .bind(response.visitId)
        .bind(response.id)
        .run("update the draft questionnaire response " + std::to_string(response.id));
    return query.rowCount() == 1;
}

std::vector<QuestionnaireResponseRecord> QuestionnaireResponseRepository::listForVisit(RecordId visitId)
{
    Query query(m_database, std::string(responseColumns) + "WHERE r.visit_id = ? ORDER BY r.id");
    query.bind(visitId).run("read the questionnaire responses of visit " + std::to_string(visitId));
    return readResponses(query);
}

std::vector<QuestionnaireResponseRecord> QuestionnaireResponseRepository::listForClient(RecordId clientId)
{
    Query query(m_database,
                std::string(responseColumns)
                    + "JOIN visits v ON v.id = r.visit_id WHERE v.client_id = ? ORDER BY r.id");
    query.bind(clientId).run("read the questionnaire responses of client " + std::to_string(clientId));
    return readResponses(query);
}

} // namespace backscreen::db
