#pragma once

#include "db/Records.h"

#include <optional>
#include <vector>

namespace backscreen::db {

class Database;

class VisitRepository
{
public:
    explicit VisitRepository(Database& database);

    /// Inserts `visit` (id ignored); returns it with its id.
    VisitRecord add(const VisitRecord& visit);
    std::optional<VisitRecord> find(RecordId id);
    /// A client's visits by date, then id.
    std::vector<VisitRecord> listForClient(RecordId clientId);

private:
    Database& m_database;
};

} // namespace backscreen::db
