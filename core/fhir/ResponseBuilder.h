#pragma once

#include "core/fhir/EnableWhenEvaluator.h"
#include "core/fhir/Questionnaire.h"
#include "core/fhir/QuestionnaireResponse.h"

#include <string>

namespace backscreen::core {

/// Builds a QuestionnaireResponse from live answers (the app's EnableWhenEvaluator state), shaped as R4
/// wants it: items in the Questionnaire's order, a group's items under the group, a question's child items
/// under its (first) answer. Only enabled items with answers are written, and groups only when something in
/// them is, so the result passes ResponseValidator whenever the answers themselves are valid.
class ResponseBuilder
{
public:
    /// `status` e.g. "in-progress" or "completed"; `authored` an R4 dateTime or empty. The questionnaire
    /// reference is the Questionnaire's canonical (url|version).
    static QuestionnaireResponse build(const Questionnaire& questionnaire,
                                       const EnableWhenEvaluator& state,
                                       const std::string& status,
                                       const std::string& authored = {});
};

} // namespace backscreen::core
