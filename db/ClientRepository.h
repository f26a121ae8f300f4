#pragma once

#include "db/Records.h"

#include <optional>
#include <string>
#include <vector>

namespace backscreen::db {

class Database;

/// The clients table, with optimistic concurrency on the version column.
class ClientRepository
{
public:
    explicit ClientRepository(Database& database);

    /// Inserts `client` (id and version ignored) as version 1, created and updated at `at` by `by`.
    ClientRecord add(const ClientRecord& client, const std::string& at, RecordId by);

    std::optional<ClientRecord> find(RecordId id);

    /// Saves `client`, whose `version` is the version the caller loaded and edited. The saved record has
    /// version + 1. When the database holds another version (someone else saved in between) nothing is
    /// written and Error(RecordStale) names the client and both versions; RecordNotFound when it is gone.
    ClientRecord update(const ClientRecord& client, const std::string& at, RecordId by);

    /// Clients whose family or given name starts with `prefix` (case-insensitive), at most `limit`: those
    /// whose family name matches first (by family name, given name, id), then those whose given name
    /// matches (by given name, family name, id).
    std::vector<ClientRecord> searchByNamePrefix(const std::string& prefix, bool includeArchived, std::size_t limit);

    /// Clients born on `birthDate` (YYYY-MM-DD).
    std::vector<ClientRecord> searchByBirthDate(const std::string& birthDate, bool includeArchived, std::size_t limit);

    /// All clients by family name, given name, id; `limit` from `offset`.
    std::vector<ClientRecord> list(bool includeArchived, std::size_t limit, std::size_t offset);

    std::int64_t count();

    /// The search key of a name: lower case (Unicode-aware), surrounding spaces removed.
    static std::string nameKey(const std::string& name);

private:
    Database& m_database;
};

} // namespace backscreen::db
