#pragma once

#include "core/common/Diagnostic.h"
#include "core/fhir/Questionnaire.h"
#include "core/fhir/QuestionnaireResponse.h"

#include <string>
#include <vector>

namespace backscreen::core {

/// Checks a QuestionnaireResponse against its Questionnaire and reports every problem as a Diagnostic
/// (subject `item "linkId"`, pointer into the response), never by throwing:
/// - linkIds the Questionnaire lacks, or items nested under the wrong parent;
/// - enabled required items without an answer in a completed or amended response (reported at the enclosing
///   item; R4 lets a response in progress lack them); answers on disabled items
///   (enableWhen evaluated over the whole response, see EnableWhenEvaluator);
/// - answers on group and display items; child items of a question outside its answers;
/// - the answer type per item type; answerOption membership (a Coding without a system matches on its
///   code); answerValueSet membership when the ValueSet could be resolved; SDC minValue/maxValue;
///   maxLength; several answers, or several copies of an item, where repeats is not true.
class ResponseValidator
{
public:
    static std::vector<Diagnostic>
    validate(const Questionnaire& questionnaire, const QuestionnaireResponse& response, const std::string& source);

    /// The value checks shared with flat answers: answerOption and ValueSet membership (open-choice free text
    /// is allowed), minValue / maxValue, maxLength. Appends errors naming `pointer` and the item.
    static void checkValue(const FhirValue& value,
                           const QuestionnaireItem& definition,
                           const std::string& pointer,
                           const std::string& source,
                           std::vector<Diagnostic>& diagnostics);
};

} // namespace backscreen::core
