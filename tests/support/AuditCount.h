#pragma once

#include "db/Records.h"

#include <algorithm>
#include <string>
#include <vector>

namespace backscreen::tests {

/// How many rows of `audit` record `action` ("create", "update", …) on a record of `recordType`.
inline long
auditCount(const std::vector<db::AuditEntry>& audit, const std::string& action, const std::string& recordType)
{
    return static_cast<long>(std::count_if(audit.begin(), audit.end(), [&](const db::AuditEntry& entry) {
        return entry.action == action && entry.recordType == recordType;
    }));
}

} // namespace backscreen::tests
