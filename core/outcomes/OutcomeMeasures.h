#pragma once

#include "core/common/Diagnostic.h"
#include "core/json/JsonValue.h"
#include "core/outcomes/InstrumentDefinition.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backscreen::core {

struct OutcomeMeasuresLoadResult;

/// The outcome-measure catalogue of forms/outcomes/measures.json (ruleset `outcomes`): instrument metadata,
/// inputs, bands, change thresholds and references. Loading checks every figure the scoring code reads, that
/// the inputs match the published algorithms in code (ScoringAlgorithm) and that every reference id resolves.
class OutcomeMeasures
{
public:
    /// The only schema version this build reads; another is refused naming both.
    static constexpr int schemaVersion = 1;

    static OutcomeMeasuresLoadResult load(const JsonValue& document, const std::string& source);
    static OutcomeMeasuresLoadResult loadFile(const std::filesystem::path& path);
    /// formsDirectory()/outcomes/measures.json.
    static OutcomeMeasuresLoadResult loadDefault();

    /// "outcomes".
    const std::string& rulesetId() const { return m_rulesetId; }

    /// The clinical document version encoded ("1.2"); every score carries it.
    const std::string& rulesetVersion() const { return m_rulesetVersion; }

    const std::vector<InstrumentDefinition>& instruments() const { return m_instruments; }

    /// nullptr when no instrument has this id.
    const InstrumentDefinition* find(std::string_view instrumentId) const;
    /// The instrument whose shipped Questionnaire has this canonical URL ("url" or "url|version"), or nullptr.
    const InstrumentDefinition* findByQuestionnaire(std::string_view canonical) const;
    /// The instrument that has an input with this linkId, or nullptr.
    const InstrumentDefinition* findByLinkId(std::string_view linkId) const;

    /// nullptr when no reference has this id.
    const OutcomeReference* reference(std::string_view referenceId) const;
    /// Short names of the references joined with ", " ("Ostelo 2008"); unknown ids are left out.
    std::string citeShort(const std::vector<std::string>& referenceIds) const;

private:
    std::string m_rulesetId;
    std::string m_rulesetVersion;
    std::vector<OutcomeReference> m_references;
    std::vector<InstrumentDefinition> m_instruments;

    friend class OutcomeMeasuresLoader;
};

struct OutcomeMeasuresLoadResult
{
    /// Present only when the document had no errors: a catalogue is never half-loaded.
    std::optional<OutcomeMeasures> measures;
    std::vector<Diagnostic> diagnostics;

    bool ok() const { return measures.has_value(); }
};

} // namespace backscreen::core
