#include "db/ClientRepository.h"

#include "db/Database.h"
#include "db/Query.h"

#include <Poco/String.h>
#include <Poco/UTF8String.h>

namespace backscreen::db {

namespace {

const char* const clientColumns = "SELECT id, family_name, given_name, birth_date, contact, notes, archived, version, "
                                  "created_at, created_by, updated_at, updated_by FROM clients ";

std::vector<ClientRecord> readClients(const Query& query)
{
    std::vector<ClientRecord> clients;
    clients.reserve(query.rowCount());
    for (std::size_t row = 0; row < query.rowCount(); ++row) {
        ClientRecord client;
        client.id = query.integer(row, 0);
        client.familyName = query.text(row, 1);
        client.givenName = query.text(row, 2);
        client.birthDate = query.text(row, 3);
        client.contact = query.text(row, 4);
        client.notes = query.text(row, 5);
        client.archived = query.flag(row, 6);
        client.version = query.integer(row, 7);
        client.createdAt = query.text(row, 8);
        client.createdBy = query.integer(row, 9);
        client.updatedAt = query.text(row, 10);
        client.updatedBy = query.integer(row, 11);
        clients.push_back(std::move(client));
    }
    return clients;
}

std::string archivedFilter(bool includeArchived)
{
    return includeArchived ? "" : " AND archived = 0";
}

} // namespace

ClientRepository::ClientRepository(Database& database)
    : m_database(database)
{}

std::string ClientRepository::nameKey(const std::string& name)
{
    return Poco::UTF8::toLower(Poco::trim(name));
}

ClientRecord ClientRepository::add(const ClientRecord& client, const std::string& at, RecordId by)
{
    Query query(m_database,
                "INSERT INTO clients (family_name, given_name, family_key, given_key, birth_date, contact, notes, "
                "archived, version, created_at, created_by, updated_at, updated_by) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?) RETURNING id");
    query.bind(client.familyName)
        .bind(client.givenName)
        .bind(nameKey(client.familyName))
        .bind(nameKey(client.givenName))
        .bind(client.birthDate)
        .bind(client.contact)
        .bind(client.notes)
        .bind(client.archived)
        .bind(at)
        .bind(by)
        .bind(at)
        .bind(by)
        .run("add client");
    ClientRecord added = client;
    added.id = query.integer(0, 0);
    added.version = 1;
    added.createdAt = added.updatedAt = at;
    added.createdBy = added.updatedBy = by;
    return added;
}

std::optional<ClientRecord> ClientRepository::find(RecordId id)
{
    Query query(m_database, std::string(clientColumns) + "WHERE id = ?");
    query.bind(id).run("read client " + std::to_string(id));
    auto clients = readClients(query);
    return clients.empty() ? std::nullopt : std::optional<ClientRecord>(clients.front());
}

ClientRecord ClientRepository::update(const ClientRecord& client, const std::string& at, RecordId by)
{
    const std::string operation = "save client " + std::to_string(client.id);
    Query query(m_database,
                "UPDATE clients SET family_name = ?, given_name = ?, family_key = ?, given_key = ?, birth_date = ?, "
                "contact = ?, notes = ?, archived = ?, version = version + 1, updated_at = ?, updated_by = ? "
                "WHERE id = ? AND version = ? RETURNING version");
    query.bind(client.familyName)
        .bind(client.givenName)
        .bind(nameKey(client.familyName))
        .bind(nameKey(client.givenName))
        .bind(client.birthDate)
        .bind(client.contact)
        .bind(client.notes)
        .bind(client.archived)
        .bind(at)
        .bind(by)
        .bind(client.id)
        .bind(client.version)
        .run(operation);
    if (query.rowCount() == 0) {
        auto current = find(client.id);
        if (!current) {
            throw m_database.error(ErrorCode::RecordNotFound, operation, "no such client");
        }
        throw m_database.error(ErrorCode::RecordStale,
                               operation,
                               "the client was changed by someone else: you edited version "
                                   + std::to_string(client.version) + " but the database holds version "
                                   + std::to_string(current->version)
                                   + "; reload the client and apply your change again");
    }
    ClientRecord saved = client;
    saved.version = query.integer(0, 0);
    saved.updatedAt = at;
    saved.updatedBy = by;
    return saved;
}

std::vector<ClientRecord>
ClientRepository::searchByNamePrefix(const std::string& prefix, bool includeArchived, std::size_t limit)
{
    const std::string key = nameKey(prefix);
    const std::string upper = SqlDialect::prefixUpperBound(key);
    // Two index walks that each stop at `limit` (a UNION sorted afterwards would read every match: 8,000
    // rows for "sch" in a 100k-client database): family-name matches first, by family then given name,
    // then given-name matches, by given then family name.
    Query byFamily(m_database,
                   std::string(clientColumns) + "WHERE family_key >= ? AND family_key < ?"
                       + archivedFilter(includeArchived) + " ORDER BY family_key, given_key, id LIMIT ?");
    byFamily.bind(key).bind(upper).bind(static_cast<std::int64_t>(limit)).run("search clients by name");
    std::vector<ClientRecord> found = readClients(byFamily);
    if (found.size() >= limit) {
        return found;
    }
    Query byGiven(m_database,
                  std::string(clientColumns) + "WHERE given_key >= ? AND given_key < ?"
                      + archivedFilter(includeArchived) + " ORDER BY given_key, family_key, id LIMIT ?");
    byGiven.bind(key).bind(upper).bind(static_cast<std::int64_t>(limit)).run("search clients by name");
    for (ClientRecord& client : readClients(byGiven)) {
        if (found.size() >= limit) {
            break;
        }
        bool already = false;
        for (const ClientRecord& seen : found) {
            already = already || seen.id == client.id;
        }
        if (!already) {
            found.push_back(std::move(client));
        }
    }
    return found;
}

std::vector<ClientRecord>
ClientRepository::searchByBirthDate(const std::string& birthDate, bool includeArchived, std::size_t limit)
{
    Query query(m_database,
                std::string(clientColumns) + "WHERE birth_date = ?" + archivedFilter(includeArchived)
                    + " ORDER BY family_key, given_key, id LIMIT ?");
    query.bind(birthDate).bind(static_cast<std::int64_t>(limit)).run("search clients by date of birth");
    return readClients(query);
}

std::vector<ClientRecord> ClientRepository::list(bool includeArchived, std::size_t limit, std::size_t offset)
{
    Query query(m_database,
                std::string(clientColumns) + "WHERE 1 = 1" + archivedFilter(includeArchived)
                    + " ORDER BY family_key, given_key, id LIMIT ? OFFSET ?");
    query.bind(static_cast<std::int64_t>(limit)).bind(static_cast<std::int64_t>(offset)).run("list clients");
    return readClients(query);
}

std::int64_t ClientRepository::count()
{
    Query query(m_database, "SELECT count(*) FROM clients");
    query.run("count clients");
    return query.integer(0, 0);
}

} // namespace backscreen::db
