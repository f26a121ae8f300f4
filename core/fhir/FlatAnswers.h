#pragma once

#include "core/common/Diagnostic.h"
#include "core/fhir/EnableWhenEvaluator.h"
#include "core/fhir/Questionnaire.h"
#include "core/fhir/QuestionnaireResponse.h"
#include "core/json/JsonValue.h"

#include <string>
#include <vector>

namespace backscreen::core {

/// The flat answers object the JsonLogic rulesets read, `{linkId: value}`, in both directions:
/// - flatten(): from a response (or the app's live answers) to the object. Booleans stay booleans, integers
///   and decimals become numbers (keeping their text, "2.50"), dates, times and strings stay strings, a
///   Coding becomes its code, a Quantity its value, a Reference its reference; a repeating item gives an
///   array (also for one answer). Disabled and unanswered items are absent, so JsonLogic `missing` works;
///   display, group and attachment items never appear.
/// - read(): from an object written by hand or by the screen CLI back to typed answers, checking each value
///   against its item. Unknown keys, values of the wrong type (a string for a boolean, 2.5 for an integer, a
///   scalar for a repeating item), codes that are no answerOption, numbers outside minValue/maxValue, text
///   over maxLength and answers to disabled items are errors: invalid input is never turned into
///   "unanswered". A JSON null is treated as absent, as the clinical README says. Required items are not
///   checked: an unanswered input is the rules' business (not evaluable, INCOMPLETE).
class FlatAnswers
{
public:
    static JsonValue flatten(const Questionnaire& questionnaire, const QuestionnaireResponse& response);
    static JsonValue flatten(const Questionnaire& questionnaire, const EnableWhenEvaluator& state);

    struct ReadResult
    {
        /// The typed answers by item index, for EnableWhenEvaluator::setAllAnswers (only the valid ones).
        ItemAnswers answers;
        std::vector<Diagnostic> diagnostics;
    };

    static ReadResult read(const Questionnaire& questionnaire, const JsonValue& answers, const std::string& source);

    /// read(), keeping only the diagnostics.
    static std::vector<Diagnostic>
    validate(const Questionnaire& questionnaire, const JsonValue& answers, const std::string& source);
};

} // namespace backscreen::core
