#include "OutcomeCatalogue.h"

#include <memory>

namespace backscreen::app {

namespace {

struct Loaded
{
    std::unique_ptr<OutcomeCatalogue> catalogue;
    std::vector<core::Diagnostic> problems;
};

// The forms' Questionnaires are referenced by the widgets built from them, so the catalogue lives as long as
// the app and never moves.
const Loaded& loaded()
{
    static const Loaded result = [] {
        Loaded out;
        core::OutcomeMeasuresLoadResult measures = core::OutcomeMeasures::loadDefault();
        out.problems = measures.diagnostics;
        if (!measures.ok()) {
            return out;
        }
        core::OutcomeFormsLoadResult forms = core::OutcomeForms::loadShipped(*measures.measures);
        out.problems.insert(out.problems.end(), forms.diagnostics.begin(), forms.diagnostics.end());
        if (!forms.ok()) {
            return out;
        }
        out.catalogue = std::make_unique<OutcomeCatalogue>(std::move(*measures.measures), std::move(*forms.forms));
        return out;
    }();
    return result;
}

} // namespace

OutcomeCatalogue::OutcomeCatalogue(core::OutcomeMeasures measures, core::OutcomeForms forms)
    : m_measures(std::move(measures))
    , m_forms(std::move(forms))
{}

const OutcomeCatalogue* OutcomeCatalogue::shared()
{
    return loaded().catalogue.get();
}

const std::vector<core::Diagnostic>& OutcomeCatalogue::problems()
{
    return loaded().problems;
}

} // namespace backscreen::app
