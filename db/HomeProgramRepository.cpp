#include "db/HomeProgramRepository.h"

#include "db/Database.h"
#include "db/Query.h"
#include "db/Transaction.h"

namespace backscreen::db {

namespace {

const char* const versionColumns = "SELECT p.id, p.client_id, v.version, v.visit_id, v.content_json, v.created_at, "
                                   "v.created_by FROM home_program_versions v JOIN home_programs p ON p.id = "
                                   "v.program_id ";

std::vector<HomeProgramVersionRecord> readVersions(const Query& query)
{
    std::vector<HomeProgramVersionRecord> versions;
    for (std::size_t row = 0; row < query.rowCount(); ++row) {
        versions.push_back({query.integer(row, 0),
                            query.integer(row, 1),
                            query.integer(row, 2),
                            query.optionalInteger(row, 3),
                            query.text(row, 4),
                            query.text(row, 5),
                            query.integer(row, 6)});
    }
    return versions;
}

void insertVersion(Database& database, const HomeProgramVersionRecord& version, const std::string& operation)
{
    Query query(database,
                "INSERT INTO home_program_versions (program_id, version, visit_id, content_json, created_at, "
                "created_by) VALUES (?, ?, ?, ?, ?, ?)");
    query.bind(version.programId)
        .bind(version.version)
        .bind(version.visitId)
        .bind(version.contentJson)
        .bind(version.createdAt)
        .bind(version.createdBy)
        .run(operation);
}

} // namespace

HomeProgramRepository::HomeProgramRepository(Database& database)
    : m_database(database)
{}

HomeProgramVersionRecord HomeProgramRepository::create(const HomeProgramVersionRecord& first)
{
    const std::string operation = "create a home program for client " + std::to_string(first.clientId);
    Transaction transaction(m_database, TransactionKind::Write, operation);
    Query query(m_database,
                "INSERT INTO home_programs (client_id, current_version, created_at, created_by) VALUES (?, 1, ?, ?) "
                "RETURNING id");
    query.bind(first.clientId).bind(first.createdAt).bind(first.createdBy).run(operation);
    HomeProgramVersionRecord created = first;
    created.programId = query.integer(0, 0);
    created.version = 1;
    insertVersion(m_database, created, operation);
    transaction.commit();
    return created;
}

HomeProgramVersionRecord HomeProgramRepository::saveVersion(const HomeProgramVersionRecord& next)
{
    const std::string operation = "save home program " + std::to_string(next.programId);
    Transaction transaction(m_database, TransactionKind::Write, operation);
    Query bump(m_database,
               "UPDATE home_programs SET current_version = current_version + 1 WHERE id = ? AND current_version = ? "
               "RETURNING current_version, client_id");
    bump.bind(next.programId).bind(next.version).run(operation);
    if (bump.rowCount() == 0) {
        auto current = find(next.programId);
        if (!current) {
            throw m_database.error(ErrorCode::RecordNotFound, operation, "no such home program");
        }
        throw m_database.error(ErrorCode::RecordStale,
                               operation,
                               "the program was changed by someone else: you edited version "
                                   + std::to_string(next.version) + " but the database holds version "
                                   + std::to_string(current->version)
                                   + "; reload the program and apply your change again");
    }
    HomeProgramVersionRecord saved = next;
    saved.version = bump.integer(0, 0);
    saved.clientId = bump.integer(0, 1);
    insertVersion(m_database, saved, operation);
    transaction.commit();
    return saved;
}

std::optional<HomeProgramVersionRecord> HomeProgramRepository::find(RecordId programId,
                                                                    std::optional<std::int64_t> version)
{
    Query query(m_database,
                std::string(versionColumns)
                    + "WHERE p.id = ? AND v.version = " + (version ? "?" : "p.current_version"));
    query.bind(programId);
    if (version) {
        query.bind(*version);
    }
    query.run("read home program " + std::to_string(programId));
    auto versions = readVersions(query);
    return versions.empty() ? std::nullopt : std::optional<HomeProgramVersionRecord>(versions.front());
}

std::vector<HomeProgramVersionRecord> HomeProgramRepository::listVersions(RecordId programId)
{
    Query query(m_database, std::string(versionColumns) + "WHERE p.id = ? ORDER BY v.version");
    query.bind(programId).run("list the versions of home program " + std::to_string(programId));
    return readVersions(query);
}

std::vector<HomeProgramVersionRecord> HomeProgramRepository::listForClient(RecordId clientId)
{
    Query query(m_database, std::string(versionColumns) + "WHERE p.client_id = ? ORDER BY p.id, v.version");
    query.bind(clientId).run("read the home programs of client " + std::to_string(clientId));
    return readVersions(query);
}

} // namespace backscreen::db
