#pragma once

#include "db/Records.h"

#include <optional>
#include <string>
#include <vector>

namespace backscreen::db {

class Database;

/// The users table. Knows nothing of roles' meaning or passwords; ClinicService does.
class UserRepository
{
public:
    explicit UserRepository(Database& database);

    /// Inserts `user` (id ignored); returns it with its id.
    UserRecord add(const UserRecord& user);
    std::optional<UserRecord> findByUsername(const std::string& username);
    std::optional<UserRecord> findById(RecordId id);
    /// All users by username.
    std::vector<UserRecord> list();
    std::int64_t count();
    void setPasswordHash(RecordId id, const std::string& passwordHash);
    /// Stores the failed-login count and the lock-out end ("" when not locked).
    void setLoginFailures(RecordId id, std::int64_t failedAttempts, const std::string& lockedUntil);

private:
    Database& m_database;
};

} // namespace backscreen::db
