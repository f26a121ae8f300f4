#pragma once

#include "core/common/Diagnostic.h"
#include "core/json/JsonValue.h"
#include "core/screening/Clearance.h"
#include "core/screening/Ruleset.h"
#include "core/screening/ScreeningResult.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace backscreen::core {

class Questionnaire;
class ScreeningEngine;

struct ScreeningEngineLoadResult
{
    /// Present only when the intake form and all three rulesets loaded without error.
    std::shared_ptr<const ScreeningEngine> engine;
    std::vector<Diagnostic> diagnostics;

    bool ok() const { return engine != nullptr; }
};

/// Screens a flat answers object `{linkId: value}` with the three rulesets (forms/rules/README.md,
/// "Evaluation"; clinical README, "Order of evaluation"):
/// 1. red flags, each rule with Kleene three-valued logic (fired / not evaluable / not fired), clinician
///    clearances applied, then the triage, `programBlocked` and `missing`;
/// 2. the `sij` and `radicular` screens and 3. the `lcs` screen, first match in the listed order with the
///    context values `triage` (after clearances) and `radicular`, with notes, names, provisional and report.
/// Every fired rule carries its "why": the decisive answers of an ordinary evaluation with trace, each with
/// the question text of the intake form. Answers must have been validated against the form already (types,
/// ranges, codes): invalid input is the caller's to refuse. A JSON null counts as unanswered.
/// Immutable once made; screen() may be called from several threads.
class ScreeningEngine
{
public:
    /// Needs the intake form (for question texts) and the rulesets `redflags` (three-valued) and
    /// `sij_radicular`, `lcs` (first-match). Throws Error(ScreeningRulesetMissing) when one is absent.
    ScreeningEngine(const Questionnaire& intake, std::vector<Ruleset> rulesets);

    /// Loads forms/intake/low-back-intake.json and forms/rules/{redflags,sij-radicular,lcs}.json from
    /// `formsDirectory`, checking every ruleset against the form's linkIds.
    static ScreeningEngineLoadResult load(const std::filesystem::path& formsDirectory);
    /// load(core::formsDirectory()).
    static ScreeningEngineLoadResult loadDefault();

    ScreeningResult screen(const JsonValue& answers) const;
    /// Clearances that cannot apply (unknown rule, EMERGENCY/MONITOR tier) are refused with a
    /// ClearanceNotAllowed/ClearanceUnknownRule diagnostic; lapsed ones give a ClearanceLapsed information.
    /// All of them are listed in the result with their status.
    ScreeningResult screen(const JsonValue& answers,
                           const std::vector<Clearance>& clearances,
                           std::vector<Diagnostic>* diagnostics = nullptr) const;

    /// Records a clearance of `ruleId` with the snapshot of its inputs in `answers`. Refused (nullopt and a
    /// ClearanceNotAllowed diagnostic) unless the rule is a SOON or URGENT red flag that fires on `answers`:
    /// EMERGENCY rules cannot be cleared in the tool, INCOMPLETE is completed, never cleared, and MONITOR
    /// does not block.
    std::optional<Clearance> createClearance(const std::string& ruleId,
                                             const std::string& clearedBy,
                                             const std::string& clearedAt,
                                             ClearanceReason reason,
                                             const std::string& note,
                                             const JsonValue& answers,
                                             std::vector<Diagnostic>& diagnostics) const;

    const std::vector<Ruleset>& rulesets() const { return m_rulesets; }

    const Ruleset& redFlags() const { return m_rulesets[m_redFlags]; }

    /// The intake question text of `linkId`, or "" when the form has no such item.
    const std::string& questionText(const std::string& linkId) const;

private:
    const RulesetRule* findRedFlag(const std::string& ruleId) const;

    std::vector<Ruleset> m_rulesets;
    std::size_t m_redFlags = 0;
    std::size_t m_sijRadicular = 0;
    std::size_t m_lcs = 0;
    std::unordered_map<std::string, std::string> m_texts;
};

} // namespace backscreen::core
