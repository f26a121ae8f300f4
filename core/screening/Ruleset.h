#pragma once

#include "core/json/JsonValue.h"
#include "core/jsonlogic/JsonLogicRule.h"
#include "core/screening/Triage.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace backscreen::core {

/// A compiled `false`, the value of rule members before the loader sets them.
const JsonLogicRule& falseJsonLogicRule();

enum class RuleKind
{
    /// A red flag with a tier.
    Flag,
    /// A pattern-table row giving its screen a value.
    Outcome,
    /// A pattern finding with no tier and no value.
    Note,
};

/// An item a rule names when it decides or fires (e.g. the SIJ tests not performed).
struct RulesetNameItem
{
    std::string item;
    std::vector<std::string> inputs;
    /// Compiled with derived items substituted.
    JsonLogicRule logic = falseJsonLogicRule();
};

/// One rule of a ruleset, as loaded and checked by RulesetLoader (format: forms/rules/README.md).
struct RulesetRule
{
    std::string id;
    RuleKind kind = RuleKind::Flag;
    std::string title;
    std::string category;
    /// Flags only.
    std::optional<Triage> tier;
    std::string strength;
    std::string evidence;
    /// Outcomes and notes: the screen key (`sij`, `radicular`, `lcs`).
    std::string screen;
    /// Outcomes only: the value from the screen's vocabulary.
    std::string outcome;
    /// Notes only: the outcome rule that must have decided the screen, or empty.
    std::string attachedTo;
    std::vector<std::string> requiredInputs;
    std::vector<std::string> optionalInputs;
    std::string reference;
    std::vector<std::string> seeAlso;
    std::string text;
    std::string rationale;
    /// JSON pointer of the rule in its file, e.g. "/rules/3".
    std::string pointer;
    /// The logic as written and with every derived item substituted (what json-logic-js would be given).
    JsonValue logic;
    JsonValue expandedLogic;
    /// expandedLogic compiled, for ordinary evaluation and the trace behind "why".
    JsonLogicRule compiled = falseJsonLogicRule();
    /// For three-valued evaluation: expandedLogic with each `{"var": [name, default]}` rewritten so that an
    /// absent input takes its default instead of being unknown (red-flags.md §2.2: the optional
    /// `temperature_c` never makes a rule not evaluable).
    JsonLogicRule partial = falseJsonLogicRule();
    std::vector<RulesetNameItem> names;
    /// Every input expandedLogic reads with a `var` without default, sorted and unique. When all are
    /// answered, three-valued evaluation equals the ordinary one, which the engine then uses (it is faster).
    std::vector<std::string> readInputs;
    /// JsonValue::keyHash of each readInputs entry, so the engine's "all answered" check hashes nothing.
    std::vector<std::uint64_t> readInputHashes;
    /// For each readInputs entry, the answers' member position where it was last found, tried first next
    /// time (answer sets share their shape). Only ever a hint, checked before use; shared by copies.
    std::shared_ptr<std::atomic<std::uint32_t>[]> readInputHints;
    /// `requires` followed by `optional`: every input whose change lapses a clearance.
    std::vector<std::string> inputs() const;
};

/// One pattern screen of a first-match ruleset.
struct RulesetScreen
{
    std::string screen;
    /// Indices into Ruleset::rules, in order of evaluation.
    std::vector<std::size_t> order;
    /// Groups of rule indices reported together when one of them decides.
    std::vector<std::vector<std::size_t>> alsoReport;
    JsonLogicRule provisionalWhen = falseJsonLogicRule();

    struct Report
    {
        std::string id;
        JsonLogicRule logic = falseJsonLogicRule();
    };

    /// Derived items shown with the result, compiled.
    std::vector<Report> report;
};

/// A derived item with its logic expanded (earlier derived items substituted) and compiled.
struct RulesetDerived
{
    std::string id;
    JsonValue expandedLogic;
    JsonLogicRule logic = falseJsonLogicRule();
};

/// A value the engine supplies to a pattern ruleset from earlier steps (`triage`, `radicular`).
struct RulesetContext
{
    std::string id;
    std::string description;
};

struct RulesetReference
{
    std::string id;
    std::string citation;
    std::string url;
};

/// A loaded ruleset (only RulesetLoader makes one, and only from a file without errors). Immutable once
/// loaded; copies share the compiled rules.
struct Ruleset
{
    enum class Mode
    {
        ThreeValued,
        FirstMatch,
    };

    std::string id;
    std::string version;
    int schemaVersion = 1;
    std::string title;
    std::string sourceDocument;
    std::string documentVersion;
    std::string source;
    Mode mode = Mode::ThreeValued;
    std::vector<RulesetReference> references;
    std::vector<RulesetContext> context;
    std::vector<RulesetDerived> derived;
    std::vector<RulesetRule> rules;
    std::vector<RulesetScreen> screens;

    const RulesetRule* findRule(std::string_view ruleId) const;
    const RulesetReference* findReference(std::string_view referenceId) const;
    const RulesetDerived* findDerived(std::string_view derivedId) const;
    const RulesetContext* findContext(std::string_view contextId) const;
};

} // namespace backscreen::core
