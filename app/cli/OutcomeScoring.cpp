#include "OutcomeScoring.h"

#include "core/outcomes/OutcomeResponse.h"
#include "core/outcomes/OutcomeScorer.h"

namespace backscreen::app {

OutcomeScoring::OutcomeScoring(const std::vector<std::string>& clinicForms)
{
    auto loaded = core::OutcomeMeasures::loadDefault();
    m_diagnostics = loaded.diagnostics;
    if (!loaded.ok()) {
        return;
    }
    m_measures = std::move(loaded.measures);
    auto forms = core::OutcomeForms::loadShipped(*m_measures);
    m_diagnostics.insert(m_diagnostics.end(), forms.diagnostics.begin(), forms.diagnostics.end());
    if (!forms.ok()) {
        return;
    }
    m_forms = std::move(forms.forms);
    // Clinic forms: each must match its instrument's linkIds and types before its responses are read.
    for (const std::string& form : clinicForms) {
        auto added = m_forms->addClinicFormFile(form, *m_measures);
        m_diagnostics.insert(m_diagnostics.end(), added.begin(), added.end());
        if (core::hasErrors(added)) {
            return;
        }
    }
}

OutcomeScoring::Result
OutcomeScoring::score(const core::JsonValue& input, const std::string& source, const std::string& instrument) const
{
    Result result;
    core::JsonValue answers = input;
    std::string instrumentId = instrument;
    if (input.find("resourceType") != nullptr) {
        core::FlatOutcomeResponse flat = core::OutcomeResponse::read(input, *m_forms, *m_measures, source, instrument);
        result.diagnostics = std::move(flat.diagnostics);
        if (!flat.answers) {
            return result;
        }
        answers = std::move(*flat.answers);
        instrumentId = flat.instrument;
    } else if (instrumentId.empty()) {
        result.instrumentNeeded = true;
        return result;
    }
    core::OutcomeScoreResult scored = core::OutcomeScorer(*m_measures).score(instrumentId, answers, source);
    result.diagnostics.insert(result.diagnostics.end(), scored.diagnostics.begin(), scored.diagnostics.end());
    result.score = std::move(scored.score);
    return result;
}

} // namespace backscreen::app
