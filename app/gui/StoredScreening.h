#pragma once

#include "core/screening/ScreeningResult.h"
#include "db/Records.h"

namespace backscreen::app {

/// How a screening result is stored with its visit: the triage, whether the program is blocked and the
/// ruleset versions copied out for the indexed columns, and the full result and answers as JSON.
class StoredScreening
{
public:
    static db::ScreeningRecord toRecord(db::RecordId visitId, const core::ScreeningResult& result);
};

} // namespace backscreen::app
