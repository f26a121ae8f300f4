#include "ConstraintChecker.h"

#include "core/common/Error.h"
#include "core/fhir/FlatAnswers.h"

#include <algorithm>

namespace backscreen::core {

bool ConstraintChecker::hasConstraints(const Questionnaire& questionnaire)
{
    return std::any_of(questionnaire.items().begin(), questionnaire.items().end(), [](const QuestionnaireItem& item) {
        return std::any_of(item.constraints.begin(), item.constraints.end(), [](const ItemConstraint& constraint) {
            return constraint.rule.has_value();
        });
    });
}

void ConstraintChecker::check(const Questionnaire& questionnaire,
                              const EnableWhenEvaluator& state,
                              const std::function<std::string(std::size_t)>& pointerOf,
                              const std::string& source,
                              std::vector<Diagnostic>& diagnostics)
{
    if (!hasConstraints(questionnaire)) {
        return;
    }
    const JsonValue answers = FlatAnswers::flatten(questionnaire, state);
    const auto& items = questionnaire.items();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const QuestionnaireItem& item = items[i];
        // A constraint belongs to its item: where the item is disabled (not part of the response) it does not
        // apply, as a FHIRPath constraint evaluated on the response item would not run.
        if (item.constraints.empty() || !state.isEnabled(i)) {
            continue;
        }
        for (const ItemConstraint& constraint : item.constraints) {
            if (!constraint.rule) {
                continue;
            }
            try {
                if (constraint.rule->isTruthy(answers)) {
                    continue;
                }
                std::string message = constraint.human.empty() ? "the form check \"" + constraint.key
                                                                     + "\" is not satisfied; expected answers "
                                                                       "that satisfy it"
                                                               : constraint.human;
                diagnostics.push_back({ErrorCode::FhirResponseConstraintFailed,
                                       constraint.severity,
                                       source,
                                       pointerOf(i),
                                       item.subject(),
                                       std::move(message)});
            } catch (const Error& error) {
                diagnostics.push_back({ErrorCode::FhirResponseConstraintFailed,
                                       Severity::Error,
                                       source,
                                       pointerOf(i),
                                       item.subject(),
                                       "the form check \"" + constraint.key + "\" cannot be evaluated (" + error.what()
                                           + "); expected a JsonLogic rule that runs on the answers"});
            }
        }
    }
}

} // namespace backscreen::core
