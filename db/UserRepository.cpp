#include "db/UserRepository.h"

#include "db/Database.h"
#include "db/Query.h"

namespace backscreen::db {

namespace {

const char* const userColumns =
    "SELECT id, username, display_name, role, password_hash, failed_attempts, locked_until, created_at FROM users ";

std::vector<UserRecord> readUsers(const Query& query)
{
    std::vector<UserRecord> users;
    for (std::size_t row = 0; row < query.rowCount(); ++row) {
        UserRecord user;
        user.id = query.integer(row, 0);
        user.username = query.text(row, 1);
        user.displayName = query.text(row, 2);
        user.role = parseRole(query.text(row, 3)).value_or(Role::Viewer);
        user.passwordHash = query.text(row, 4);
        user.failedAttempts = query.integer(row, 5);
        user.lockedUntil = query.text(row, 6);
        user.createdAt = query.text(row, 7);
        users.push_back(std::move(user));
    }
    return users;
}

} // namespace

UserRepository::UserRepository(Database& database)
    : m_database(database)
{}

UserRecord UserRepository::add(const UserRecord& user)
{
    Query query(m_database,
                "INSERT INTO users (username, display_name, role, password_hash, failed_attempts, locked_until, "
                "created_at) VALUES (?, ?, ?, ?, 0, '', ?) RETURNING id");
    query.bind(user.username)
        .bind(user.displayName)
        .bind(roleName(user.role))
        .bind(user.passwordHash)
        .bind(user.createdAt)
        .run("add user \"" + user.username + "\"");
    UserRecord added = user;
    added.id = query.integer(0, 0);
    added.failedAttempts = 0;
    added.lockedUntil.clear();
    return added;
}

std::optional<UserRecord> UserRepository::findByUsername(const std::string& username)
{
    Query query(m_database, std::string(userColumns) + "WHERE username = ?");
    query.bind(username).run("find user \"" + username + "\"");
    auto users = readUsers(query);
    return users.empty() ? std::nullopt : std::optional<UserRecord>(users.front());
}

std::optional<UserRecord> UserRepository::findById(RecordId id)
{
    Query query(m_database, std::string(userColumns) + "WHERE id = ?");
    query.bind(id).run("find user " + std::to_string(id));
    auto users = readUsers(query);
    return users.empty() ? std::nullopt : std::optional<UserRecord>(users.front());
}

std::vector<UserRecord> UserRepository::list()
{
    Query query(m_database, std::string(userColumns) + "ORDER BY username");
    query.run("list users");
    return readUsers(query);
}

std::int64_t UserRepository::count()
{
    Query query(m_database, "SELECT count(*) FROM users");
    query.run("count users");
    return query.integer(0, 0);
}

void UserRepository::setPasswordHash(RecordId id, const std::string& passwordHash)
{
    Query query(m_database, "UPDATE users SET password_hash = ?, failed_attempts = 0, locked_until = '' WHERE id = ?");
    query.bind(passwordHash).bind(id).run("change the password of user " + std::to_string(id));
}

void UserRepository::setLoginFailures(RecordId id, std::int64_t failedAttempts, const std::string& lockedUntil)
{
    Query query(m_database, "UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?");
    query.bind(failedAttempts)
        .bind(lockedUntil)
        .bind(id)
        .run("record the login attempts of user " + std::to_string(id));
}

} // namespace backscreen::db
