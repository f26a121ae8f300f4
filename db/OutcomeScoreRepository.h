#pragma once

#include "db/Records.h"

#include <vector>

namespace backscreen::db {

class Database;

/// Outcome-measure scores per visit, with the raw response they were scored from.
class OutcomeScoreRepository
{
public:
    explicit OutcomeScoreRepository(Database& database);

    OutcomeScoreRecord add(const OutcomeScoreRecord& score);
    std::vector<OutcomeScoreRecord> listForVisit(RecordId visitId);
    std::vector<OutcomeScoreRecord> listForClient(RecordId clientId);

private:
    Database& m_database;
};

} // namespace backscreen::db
