#pragma once

#include "core/json/JsonValue.h"
#include "core/screening/ScreeningResult.h"

#include <string>
#include <vector>

namespace backscreen::core {

/// What the program generator needs from a screening, as a plain struct the screening engine fills
/// (README.md "Order of evaluation"; exercises.md "Inputs the program generator reads"):
///
/// - `triage`: NONE | MONITOR | INCOMPLETE | SOON | URGENT | EMERGENCY (cleared rules already discounted).
/// - `programBlocked`: true exactly when the triage is SOON, URGENT, EMERGENCY or INCOMPLETE (G1).
/// - `blockingRuleIds`: the fired, uncleared red-flag rules at SOON or above; `missingInputs`: the
///   unanswered inputs of the not-evaluable rules (for INCOMPLETE); `blockingReason`: the engine's one-line
///   summary. All three go into the ProgramBlockedError message.
/// - `firedRuleIds`, `clearedRuleIds`: every fired red-flag and pattern rule, and the cleared ones.
/// - `sij`, `radicular`: ASSESS | CONTINUE | INCOMPLETE | NOT_ASSESSED | SUPPRESSED;
///   `lcs`: LIKELY | POSSIBLE | UNLIKELY | INCOMPLETE | NOT_ASSESSED | SUPPRESSED; each with its
///   provisional qualifier.
/// - `positiveLcsTests`: the LCS-T01/T02/T04/T05/T06 ids that are positive (lower-crossed-pattern.md §3.2;
///   a not-assessable test is not positive); `flexionRelated`: the §4 derived item.
/// - `answers`: the flat answers object {linkId: value}; the generator reads `lcs_s05`, `lcs_s06`,
///   `lcs_t02_leg_symptoms` and `lcs_x01` from it.
struct ProgramRequest
{
    std::string triage = "NONE";
    bool programBlocked = false;
    std::string blockingReason;
    std::vector<std::string> blockingRuleIds;
    std::vector<std::string> missingInputs;
    std::vector<std::string> firedRuleIds;
    std::vector<std::string> clearedRuleIds;
    std::string sij = "NOT_ASSESSED";
    bool sijProvisional = false;
    std::string radicular = "NOT_ASSESSED";
    bool radicularProvisional = false;
    std::string lcs = "NOT_ASSESSED";
    bool lcsProvisional = false;
    std::vector<std::string> positiveLcsTests;
    bool flexionRelated = false;
    JsonValue answers = JsonValue(JsonValue::Object{});

    /// The data object the program rules' JsonLogic reads (docs/handout.md lists the keys):
    /// triage, programBlocked, sij, sij_provisional, radicular, radicular_provisional, lcs, lcs_provisional,
    /// "LCS-T01", "LCS-T02", "LCS-T04", "LCS-T05", "LCS-T06" (bool), flexion_related, lcs_s05 (unanswered
    /// false), lcs_s06 (unanswered "not_tested"), lcs_t02_leg_symptoms (unanswered true, the safer reading
    /// of lower-crossed-pattern.md §3.2), lcs_x01 (unanswered false), fired (array of rule ids) and
    /// answers (the flat answers object).
    JsonValue toData() const;

    /// The "program request" JSON the CLI reads: an object with the keys of this struct (triage,
    /// programBlocked, blockingReason, blockingRuleIds, missingInputs, firedRuleIds, clearedRuleIds, sij,
    /// sijProvisional, radicular, radicularProvisional, lcs, lcsProvisional, positiveLcsTests,
    /// flexionRelated, answers); absent keys keep their defaults. Unknown keys, wrong types, unknown codes and
    /// a programBlocked that contradicts the triage throw backscreen::Error (ProgramRequestInvalid) naming
    /// `source` and the JSON pointer.
    static ProgramRequest fromJson(const JsonValue& value, const std::string& source);
    JsonValue toJson() const;

    /// What the screening engine found, as the generator reads it: triage and programBlocked as screened
    /// (cleared rules already discounted), blockingRuleIds the uncleared fired red flags at SOON or above in
    /// ruleset order, missingInputs the result's missing list, firedRuleIds every fired rule (sorted),
    /// clearedRuleIds the findings an active clearance covers, the three pattern values with their
    /// provisional flags (an absent screen stays NOT_ASSESSED), positiveLcsTests and flexionRelated from the
    /// lower-crossed findings, and the screened answers. A pattern value outside the request's vocabulary
    /// (an edited ruleset) throws backscreen::Error (ProgramRequestInvalid) naming the screen.
    static ProgramRequest fromScreening(const ScreeningResult& result);

    /// The member names of the JSON form (fromJson refuses any other).
    static const std::vector<std::string>& jsonKeys();
};

/// True for the triage values that block a program (G1): SOON, URGENT, EMERGENCY, INCOMPLETE.
bool triageBlocksProgram(const std::string& triage);

} // namespace backscreen::core
