#pragma once

#include "core/screening/Clearance.h"
#include "core/screening/ScreeningResult.h"
#include "db/Records.h"

#include <optional>
#include <string>

namespace backscreen::db {
class ClinicService;
}

namespace backscreen::core {
class ScreeningEngine;
}

namespace backscreen::app {

/// Records a documented medical clearance of a fired SOON or URGENT red flag, the one way both
/// `backscreen-cli clearances add` and the app's clearance dialog do it: checks the rule may be cleared in
/// the screening, takes the snapshot of the rule's inputs with ScreeningEngine::createClearance and stores
/// it through the clinic service as an `overrides` row of kind "clearance" (audited there).
class ClearanceRecorder
{
public:
    struct Request
    {
        std::string ruleId;
        core::ClearanceReason reason = core::ClearanceReason::MedicallyReviewedNoSeriousPathology;
        std::string note;
        /// The clinician who did the medical review, as documented; may be empty (the CLI without --reviewer).
        std::string reviewedBy;
        /// YYYY-MM-DD, or empty.
        std::string reviewedOn;
    };

    struct Recorded
    {
        db::OverrideRecord row;
        /// As the screening engine applies it (clearedBy and clearedAt as StoredClearances reads them back).
        core::Clearance clearance;
    };

    /// Why `ruleId` cannot be cleared in `result`, or nothing when it can: not fired (or undecided:
    /// INCOMPLETE is completed, never cleared), EMERGENCY (never cleared in the tool), MONITOR or a pattern
    /// rule (nothing blocks). `screeningName` says which screening, e.g. "the latest screening (3, triage SOON)".
    static std::optional<std::string>
    refusal(const core::ScreeningResult& result, const std::string& ruleId, const std::string& screeningName);

    /// Checks with refusal(), makes the clearance on `result`'s answers and saves it for `screening` (a stored
    /// screening of `result`) as the signed-in user. A refusal, a malformed review date or installed rules
    /// that disagree throw Error(ClearanceRefused) with the reason; storage errors pass through.
    static Recorded record(db::ClinicService& service,
                           const core::ScreeningEngine& engine,
                           const db::ScreeningRecord& screening,
                           const core::ScreeningResult& result,
                           const Request& request,
                           const std::string& screeningName);
};

} // namespace backscreen::app
