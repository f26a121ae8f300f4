#pragma once

#include "db/Records.h"

#include <vector>

namespace backscreen::db {

class Database;

/// Overrides and clearances of screening findings, each with the input snapshot it was made on.
class OverrideRepository
{
public:
    explicit OverrideRepository(Database& database);

    OverrideRecord add(const OverrideRecord& entry);
    std::vector<OverrideRecord> listForScreening(RecordId screeningResultId);
    std::vector<OverrideRecord> listForClient(RecordId clientId);

private:
    Database& m_database;
};

} // namespace backscreen::db
