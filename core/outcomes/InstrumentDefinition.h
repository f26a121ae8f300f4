#pragma once

#include "core/outcomes/ChangeCategory.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backscreen::core {

/// The answer types of outcome-measures.md §0.1.
enum class OutcomeInputType
{
    /// A JSON number with an integral value within [min, max].
    Integer,
    /// JSON true or false.
    Boolean,
    /// A JSON string; one of `values` when the list is not empty, otherwise any non-empty code.
    Code,
    /// A non-empty JSON string (a PSFS activity name).
    Text,
};

/// One input (linkId) of an instrument, as forms/outcomes/measures.json describes it.
struct OutcomeInput
{
    std::string linkId;
    OutcomeInputType type = OutcomeInputType::Integer;
    int min = 0;
    int max = 0;
    std::vector<std::string> values;
    /// Used when the answer is absent (e.g. `nprs_recall` → `avg_24h`); empty when there is none.
    std::string defaultValue;
    /// Names the input in messages: "NPRS", "ODI section 9".
    std::string label;
    /// Topic of a copyrighted item (its text is not shipped); empty otherwise.
    std::string topic;
};

/// A score band (ODI bands, STarT Back risk groups, PGIC ratings). `upper` is the inclusive upper edge on the
/// raw score; bands are listed in ascending order. STarT Back groups have no edge: the published rule decides.
struct ScoreBand
{
    std::string id;
    std::string label;
    std::optional<double> upper;
    std::vector<std::string> references;
};

enum class ChangeRuleKind
{
    /// Baseline and follow-up compared with an absolute (and optionally relative) threshold (§1).
    Threshold,
    /// The score is itself a change rating (PGIC, §7a).
    Rating,
    /// No change interpretation (STarT Back).
    None,
};

struct ChangeComponentDefinition
{
    /// "score" for the instrument's score, otherwise a subscale key ("back", "leg").
    std::string key;
    /// Starts the summary sentence: "Back pain", "Disability (ODI)".
    std::string label;
};

struct RatingCategory
{
    std::vector<int> values;
    ChangeCategory category = ChangeCategory::NoImportantChange;
};

struct ChangeRule
{
    ChangeRuleKind kind = ChangeRuleKind::None;
    /// "MCID" or "MDC": what the source calls the threshold.
    std::string thresholdName;
    double absolute = 0.0;
    /// Fraction of the baseline (0.30 for 30 %); absent when the instrument has no relative criterion.
    std::optional<double> relative;
    /// PSFS: the threshold for a single activity.
    std::optional<double> perActivityAbsolute;
    std::vector<std::string> references;
    std::vector<ChangeComponentDefinition> components;
    std::vector<RatingCategory> categories;
    /// Why there is no change interpretation (kind None).
    std::string reason;
};

struct OutcomeReference
{
    std::string id;
    /// "Ostelo 2008", used in summaries.
    std::string shortName;
    std::string citation;
    std::string url;
};

/// Everything Backscreen knows about one instrument apart from its published scoring algorithm, which is code
/// (core/outcomes/OutcomeScorer.cpp). Loaded from forms/outcomes/measures.json.
struct InstrumentDefinition
{
    std::string id;
    std::string title;
    std::string shortTitle;
    /// The instrument version a score carries unless `versionInput` is answered.
    std::string version;
    /// The linkId whose answer names the form version used (`odi_version`), or empty.
    std::string versionInput;
    /// Canonical URL of the shipped Questionnaire.
    std::string questionnaire;
    double min = 0.0;
    double max = 0.0;
    bool lowerIsBetter = true;
    int displayDecimals = 0;
    std::string unit;
    std::vector<OutcomeInput> inputs;
    /// Named figures of the scoring rules that are conventions rather than the published algorithm
    /// (e.g. `minAnsweredSections`).
    std::map<std::string, double, std::less<>> parameters;
    std::vector<std::string> references;
    ChangeRule change;
    std::vector<ScoreBand> bands;
    bool shipItemText = false;
    std::string licence;
    std::vector<std::string> licenceReferences;

    /// The input with this linkId, or nullptr.
    const OutcomeInput* input(std::string_view linkId) const;
    /// A parameter the loader has checked to be present.
    double parameter(std::string_view name) const;
    /// The band with this id, or nullptr.
    const ScoreBand* band(std::string_view bandId) const;
};

} // namespace backscreen::core
