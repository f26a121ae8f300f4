#pragma once

#include "core/common/Diagnostic.h"
#include "core/json/JsonValue.h"
#include "core/outcomes/OutcomeForms.h"
#include "core/outcomes/OutcomeMeasures.h"
#include "core/outcomes/OutcomeScore.h"

#include <optional>
#include <string>
#include <vector>

namespace backscreen::app {

/// What `score` and `outcomes add` share: the catalogue, the shipped and clinic-supplied forms, and scoring one
/// input, a QuestionnaireResponse (read by core::OutcomeResponse against its form) or a flat answers object
/// with an instrument id.
class OutcomeScoring
{
public:
    struct Result
    {
        /// Present when the answers were valid, scorable or not.
        std::optional<core::OutcomeScore> score;
        /// Errors (then no score) and warnings, in the order they were found.
        std::vector<core::Diagnostic> diagnostics;
        /// A flat answers object came without an instrument id: a usage error, not a diagnostic.
        bool instrumentNeeded = false;
    };

    /// Loads forms/outcomes (catalogue and forms) and each clinic form file; see ok() and diagnostics().
    explicit OutcomeScoring(const std::vector<std::string>& clinicForms);

    bool ok() const { return m_measures.has_value() && m_forms.has_value() && !core::hasErrors(m_diagnostics); }

    /// What loading reported, warnings included.
    const std::vector<core::Diagnostic>& diagnostics() const { return m_diagnostics; }

    /// Only when ok().
    const core::OutcomeMeasures& measures() const { return *m_measures; }

    /// Scores `input` (a QuestionnaireResponse, or flat answers when it has no resourceType). `instrument` may be
    /// empty for a response naming its questionnaire; when both are given they must agree.
    Result score(const core::JsonValue& input, const std::string& source, const std::string& instrument) const;

private:
    std::optional<core::OutcomeMeasures> m_measures;
    std::optional<core::OutcomeForms> m_forms;
    std::vector<core::Diagnostic> m_diagnostics;
};

} // namespace backscreen::app
