#include "db/Records.h"

namespace backscreen::db {

const char* roleName(Role role)
{
    switch (role) {
    case Role::Admin:
        return "admin";
    case Role::Therapist:
        return "therapist";
    case Role::Viewer:
        return "viewer";
    }
    return "viewer";
}

std::optional<Role> parseRole(const std::string& name)
{
    if (name == "admin") {
        return Role::Admin;
    }
    if (name == "therapist") {
        return Role::Therapist;
    }
    if (name == "viewer") {
        return Role::Viewer;
    }
    return std::nullopt;
}

} // namespace backscreen::db
