#pragma once

#include "core/common/Diagnostic.h"
#include "core/outcomes/OutcomeForms.h"
#include "core/outcomes/OutcomeMeasures.h"

#include <vector>

namespace backscreen::app {

/// The outcome-measure catalogue (forms/outcomes/measures.json) and the shipped forms, loaded once for the
/// whole app: the progress review, the outcome history and the outcome entry dialog all read them, and they
/// never change while the app runs.
class OutcomeCatalogue
{
public:
    /// The shared catalogue, loaded on first use; nullptr when the catalogue or a form has errors (see
    /// problems()).
    static const OutcomeCatalogue* shared();

    /// What loading the shared catalogue reported (warnings too).
    static const std::vector<core::Diagnostic>& problems();

    const core::OutcomeMeasures& measures() const { return m_measures; }

    const core::OutcomeForms& forms() const { return m_forms; }

    OutcomeCatalogue(core::OutcomeMeasures measures, core::OutcomeForms forms);

private:
    core::OutcomeMeasures m_measures;
    core::OutcomeForms m_forms;
};

} // namespace backscreen::app
