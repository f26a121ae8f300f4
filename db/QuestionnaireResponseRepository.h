#pragma once

#include "db/Records.h"

#include <vector>

namespace backscreen::db {

class Database;

/// FHIR QuestionnaireResponses, stored as the exact JSON text given.
class QuestionnaireResponseRepository
{
public:
    explicit QuestionnaireResponseRepository(Database& database);

    QuestionnaireResponseRecord add(const QuestionnaireResponseRecord& response);
    /// Overwrites the row `response.id` in place (JSON, questionnaire, created_at/by) when it belongs to
    /// `response.visitId` and is still the newest row of that visit; false (nothing changed) otherwise.
    bool replaceNewest(const QuestionnaireResponseRecord& response);
    std::vector<QuestionnaireResponseRecord> listForVisit(RecordId visitId);
    std::vector<QuestionnaireResponseRecord> listForClient(RecordId clientId);

private:
    Database& m_database;
};

} // namespace backscreen::db
