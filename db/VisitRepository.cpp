#include "db/VisitRepository.h"

#include "db/Database.h"
#include "db/Query.h"

namespace backscreen::db {

namespace {

const char* const visitColumns = "SELECT id, client_id, visit_date, kind, notes, created_at, created_by FROM visits ";

std::vector<VisitRecord> readVisits(const Query& query)
{
    std::vector<VisitRecord> visits;
    visits.reserve(query.rowCount());
    for (std::size_t row = 0; row < query.rowCount(); ++row) {
        visits.push_back({query.integer(row, 0),
                          query.integer(row, 1),
                          query.text(row, 2),
                          query.text(row, 3),
                          query.text(row, 4),
                          query.text(row, 5),
                          query.integer(row, 6)});
    }
    return visits;
}

} // namespace

VisitRepository::VisitRepository(Database& database)
    : m_database(database)
{}

VisitRecord VisitRepository::add(const VisitRecord& visit)
{
    Query query(
        m_database,
        "INSERT INTO visits (client_id, visit_date, kind, notes, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?) "
        "RETURNING id");
    query.bind(visit.clientId)
        .bind(visit.visitDate)
        .bind(visit.kind)
        .bind(visit.notes)
        .bind(visit.createdAt)
        .bind(visit.createdBy)
        .run("add a visit to client " + std::to_string(visit.clientId));
    VisitRecord added = visit;
    added.id = query.integer(0, 0);
    return added;
}

std::optional<VisitRecord> VisitRepository::find(RecordId id)
{
    Query query(m_database, std::string(visitColumns) + "WHERE id = ?");
    query.bind(id).run("read visit " + std::to_string(id));
    auto visits = readVisits(query);
    return visits.empty() ? std::nullopt : std::optional<VisitRecord>(visits.front());
}

std::vector<VisitRecord> VisitRepository::listForClient(RecordId clientId)
{
    Query query(m_database, std::string(visitColumns) + "WHERE client_id = ? ORDER BY visit_date, id");
    query.bind(clientId).run("list the visits of client " + std::to_string(clientId));
    return readVisits(query);
}

} // namespace backscreen::db
