#pragma once

#include "db/Records.h"

#include <optional>
#include <string>
#include <vector>

namespace backscreen::db {

class Database;

/// Home programs, versioned: every save adds a version row; older versions stay and can be listed. The
/// program's current version is the optimistic-concurrency check for the next save.
class HomeProgramRepository
{
public:
    explicit HomeProgramRepository(Database& database);

    /// A new program for `first.clientId` whose version 1 is `first` (programId and version ignored).
    HomeProgramVersionRecord create(const HomeProgramVersionRecord& first);

    /// Saves `next` as a new version of program `next.programId`. `next.version` is the version the caller
    /// edited; the saved one is version + 1. A stale save (someone saved in between) writes nothing and
    /// throws Error(RecordStale) naming the program and both versions.
    HomeProgramVersionRecord saveVersion(const HomeProgramVersionRecord& next);

    /// One version, or the current one when `version` is empty.
    std::optional<HomeProgramVersionRecord> find(RecordId programId, std::optional<std::int64_t> version = {});

    /// Every version of a program, oldest first.
    std::vector<HomeProgramVersionRecord> listVersions(RecordId programId);

    /// Every version of every program of a client, by program then version.
    std::vector<HomeProgramVersionRecord> listForClient(RecordId clientId);

private:
    Database& m_database;
};

} // namespace backscreen::db
