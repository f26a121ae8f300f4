#pragma once

#include "core/common/Diagnostic.h"
#include "core/fhir/EnableWhenEvaluator.h"
#include "core/fhir/Questionnaire.h"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace backscreen::core {

/// Evaluates the cross-item form checks: the `questionnaire-constraint` extensions of the items, through
/// their Backscreen JsonLogic twins (docs/fhir.md, "Cross-item constraints"). The FHIRPath expression is
/// never evaluated.
class ConstraintChecker
{
public:
    /// Whether any item of `questionnaire` has a constraint with a compiled JsonLogic twin.
    static bool hasConstraints(const Questionnaire& questionnaire);

    /// Evaluates each compiled constraint of every enabled item over the flat answers of `state`
    /// (FlatAnswers::flatten). A rule whose result is falsy gives FhirResponseConstraintFailed with the
    /// constraint's severity, the carrying item as subject, `pointerOf(item index)` as pointer and the
    /// constraint's `human` text as message. A rule that cannot be evaluated is an error of the same code.
    static void check(const Questionnaire& questionnaire,
                      const EnableWhenEvaluator& state,
                      const std::function<std::string(std::size_t)>& pointerOf,
                      const std::string& source,
                      std::vector<Diagnostic>& diagnostics);
};

} // namespace backscreen::core
