#pragma once

#include "core/screening/Clearance.h"
#include "core/screening/ScreeningResult.h"
#include "db/ClinicService.h"

#include <optional>
#include <string>
#include <vector>

namespace backscreen::app {

/// Turns what the database holds about a client's screenings into the screening engine's terms: the
/// clearances stored as `overrides` rows of kind "clearance" (rule id, reason code, note, the snapshot of the
/// rule's inputs, and who and when: the reviewing clinician and review date when documented, else the user
/// who recorded the row and when) and the latest stored ScreeningResult. Plain C++ shared by the CLI and the
/// desktop app (the CLI library links the app library, so it lives here).
class StoredClearances
{
public:
    /// The `overrides.kind` of a clearance.
    static constexpr const char* kind = "clearance";

    /// Every clearance stored for the client, oldest first. A row that cannot be read back (unknown reason,
    /// a snapshot that is not a JSON object) throws Error(ClearanceMalformed) naming the row.
    static std::vector<core::Clearance> all(db::ClinicService& service, const db::ClientHistory& history);

    /// The newest clearance of each rule, in the order of their rules' first clearance: what a new screening
    /// applies (an older clearance of the same rule was replaced by the newer review).
    static std::vector<core::Clearance> latestPerRule(const std::vector<core::Clearance>& clearances);

    /// The client's most recently stored screening (highest id), or nothing.
    static std::optional<db::ScreeningRecord> latestScreening(const db::ClientHistory& history);

    /// A stored result read back (ScreeningResult::fromJson); a malformed one throws
    /// Error(ScreeningResultMalformed) naming the screening.
    static core::ScreeningResult readResult(const db::ScreeningRecord& screening);
};

} // namespace backscreen::app
