#pragma once

#include "db/Records.h"

#include <optional>
#include <vector>

namespace backscreen::db {

class Database;

/// Screening results: the engine's result JSON and answer snapshot as given, triage and programBlocked
/// in indexed columns.
class ScreeningRepository
{
public:
    explicit ScreeningRepository(Database& database);

    ScreeningRecord add(const ScreeningRecord& screening);
    std::optional<ScreeningRecord> find(RecordId id);
    std::vector<ScreeningRecord> listForVisit(RecordId visitId);
    std::vector<ScreeningRecord> listForClient(RecordId clientId);

private:
    Database& m_database;
};

} // namespace backscreen::db
