#pragma once

#include "core/common/Diagnostic.h"
#include "core/json/JsonValue.h"
#include "core/screening/Clearance.h"
#include "core/screening/Ruleset.h"
#include "core/screening/Triage.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backscreen::core {

/// One decisive answer behind a finding.
struct WhyItem
{
    std::string linkId;
    /// The question text from the intake Questionnaire (for a context value, its description).
    std::string text;
    JsonValue answer;

    bool operator==(const WhyItem& other) const = default;
};

/// What a clearance did in this screening.
enum class ClearanceStatus
{
    /// Valid: the rule's inputs are unchanged; the rule does not count for triage, blocking or suppression.
    Active,
    /// An input changed since the clearance: it no longer applies and the rule counts again.
    Lapsed,
    /// The rule may not be cleared (EMERGENCY or MONITOR tier, or not a red-flag rule): ignored.
    Refused,
};

std::string_view clearanceStatusName(ClearanceStatus status);

/// A fired rule: a red flag (with its tier), a pattern screen's deciding or also-reported outcome rule,
/// or a note (neither tier nor value).
struct Finding
{
    std::string ruleId;
    std::string rulesetId;
    std::string rulesetVersion;
    RuleKind kind = RuleKind::Flag;
    std::optional<Triage> tier;
    /// Pattern rules: the screen and, for outcomes, the value the rule gives.
    std::string screen;
    std::string outcome;
    std::string title;
    std::string reference;
    /// The reference's citation, for display.
    std::string citation;
    std::vector<WhyItem> why;
    /// Items the rule names (e.g. SIJ tests not performed).
    std::vector<std::string> names;
    /// True when an active clearance covers the rule.
    bool cleared = false;

    bool operator==(const Finding& other) const = default;
};

/// A red-flag rule that could not be decided (three-valued logic gave unknown).
struct NotEvaluableRule
{
    std::string ruleId;
    std::string rulesetId;
    std::string rulesetVersion;
    Triage tier = Triage::Monitor;
    std::string title;
    /// Its unanswered `requires` inputs, sorted.
    std::vector<std::string> missing;

    bool operator==(const NotEvaluableRule& other) const = default;
};

/// One pattern screen's result.
struct PatternResult
{
    std::string screen;
    /// From the screen's vocabulary, e.g. ASSESS, LIKELY, SUPPRESSED.
    std::string value;
    bool provisional = false;
    /// The outcome rule that decided the value.
    std::string decidedBy;
    /// `report` derived items ({id: number or bool}); empty object when the screen has none.
    JsonValue report = JsonValue(JsonValue::Object{});

    bool operator==(const PatternResult& other) const = default;
};

/// A clearance as applied to this screening.
struct AppliedClearance
{
    Clearance clearance;
    ClearanceStatus status = ClearanceStatus::Active;
    /// Lapsed: the inputs whose value changed, sorted.
    std::vector<std::string> changedInputs;

    bool operator==(const AppliedClearance& other) const = default;
};

/// The lower-crossed findings the program generator reads (lower-crossed-pattern.md §4; exercises.md G*).
struct LcsFindings
{
    bool t01Positive = false;
    bool t02Positive = false;
    bool t04Positive = false;
    bool t05Positive = false;
    bool t06Positive = false;
    bool flexionRelated = false;

    bool operator==(const LcsFindings& other) const = default;
};

struct RulesetStamp
{
    std::string id;
    std::string version;

    bool operator==(const RulesetStamp& other) const = default;
};

/// Everything one screening found, enough to store it (toJson) and show it again exactly as it was
/// (fromJson), whatever ruleset versions are installed later. Deterministic: the same answers, clearances and
/// rulesets give an identical result and identical JSON.
struct ScreeningResult
{
    std::vector<RulesetStamp> rulesets;
    /// The answers screened (nulls removed), in the order given.
    JsonValue answers = JsonValue(JsonValue::Object{});
    Triage triage = Triage::None;
    bool programBlocked = false;
    /// Why the program is blocked, in words ("EMERGENCY: RF-CES-01 …"); empty when it is not.
    std::string blockingReason;
    /// Red-flag findings in ruleset order, then pattern findings screen by screen.
    std::vector<Finding> findings;
    std::vector<NotEvaluableRule> notEvaluable;
    /// Sorted unanswered inputs of the not-evaluable rules (never optional inputs).
    std::vector<std::string> missing;
    /// sij, radicular, lcs in that order.
    std::vector<PatternResult> patterns;
    LcsFindings lcs;
    std::vector<AppliedClearance> clearances;

    /// Sorted ids of every fired rule (red flags, pattern rules and notes), as the vignettes list them.
    std::vector<std::string> firedIds() const;
    std::vector<std::string> notEvaluableIds() const;
    /// Sorted screen keys whose value is provisional.
    std::vector<std::string> provisionalScreens() const;
    /// The screen's result, or nullptr.
    const PatternResult* pattern(std::string_view screen) const;
    /// The screen's value, or "" when there is no such screen.
    std::string patternValue(std::string_view screen) const;
    const Finding* finding(std::string_view ruleId) const;
    /// Red-flag findings that count for triage and blocking: fired and not cleared.
    std::vector<const Finding*> activeRedFlags() const;

    /// The stored and printed form: {"triage", "programBlocked", "blockingReason", "findings": [{"ruleId",
    /// "rulesetId", "rulesetVersion", "tier", "title", "reference", "why": [{"linkId", "text", "answer"}],
    /// "kind", "screen", "outcome", "citation", "names", "cleared"}], "patterns": {"sij": value, …},
    /// "provisional": [screens], "missing", "notEvaluable": [...], "patternDetails": {...}, "lcsFindings",
    /// "clearances", "rulesets", "answers"}. Member order is fixed.
    JsonValue toJson() const;
    /// The inverse of toJson; problems are ScreeningResultMalformed diagnostics and give nullopt.
    static std::optional<ScreeningResult> fromJson(const JsonValue& json, std::vector<Diagnostic>& diagnostics);

    bool operator==(const ScreeningResult& other) const;
};

} // namespace backscreen::core
