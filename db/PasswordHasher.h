#pragma once

#include <cstddef>
#include <string>

namespace backscreen::db {

/// Argon2id work factors (libsodium's opslimit and memlimit).
struct PasswordHashCost
{
    unsigned long long operations;
    std::size_t memoryBytes;

    /// libsodium's INTERACTIVE limits (2 passes, 64 MiB): what stored passwords use.
    static PasswordHashCost interactive();
    /// libsodium's minimum: for tests only, where hashing speed matters and strength does not.
    static PasswordHashCost minimal();
};

/// Argon2id password hashes in libsodium's self-describing string form ("$argon2id$v=19$m=...,t=...,p=1$
/// salt$hash"): a fresh random salt per hash, and verification in constant time. Hashes made with other
/// costs still verify, so the cost can change without invalidating passwords.
class PasswordHasher
{
public:
    explicit PasswordHasher(PasswordHashCost cost = PasswordHashCost::interactive());

    std::string hash(const std::string& password) const;
    bool verify(const std::string& hash, const std::string& password) const;

private:
    PasswordHashCost m_cost;
};

} // namespace backscreen::db
