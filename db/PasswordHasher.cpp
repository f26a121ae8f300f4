#include "db/PasswordHasher.h"

#include "core/common/Error.h"

#include <sodium.h>
#include <vector>

namespace backscreen::db {

namespace {

void initialiseSodium()
{
    static const int result = sodium_init();
    if (result < 0) {
        throw Error(ErrorCode::DatabaseQueryFailed, "password hashing: libsodium cannot be initialised");
    }
}

} // namespace

PasswordHashCost PasswordHashCost::interactive()
{
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordHashCost PasswordHashCost::minimal()
{
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

PasswordHasher::PasswordHasher(PasswordHashCost cost)
    : m_cost(cost)
{
    initialiseSodium();
}

std::string PasswordHasher::hash(const std::string& password) const
{
    std::vector<char> out(crypto_pwhash_STRBYTES);
    if (crypto_pwhash_str_alg(out.data(),
                              password.data(),
                              password.size(),
                              m_cost.operations,
                              m_cost.memoryBytes,
                              crypto_pwhash_ALG_ARGON2ID13)
        != 0) {
        throw Error(ErrorCode::DatabaseQueryFailed, "password hashing: out of memory");
    }
    return std::string(out.data());
}

bool PasswordHasher::verify(const std::string& hash, const std::string& password) const
{
    if (hash.size() >= crypto_pwhash_STRBYTES) {
        return false;
    }
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

} // namespace backscreen::db
