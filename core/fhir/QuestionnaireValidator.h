#pragma once

#include "core/common/Diagnostic.h"
#include "core/fhir/Questionnaire.h"

#include <string>
#include <vector>

namespace backscreen::core {

/// Structural checks of a parsed Questionnaire against the R4 rules, each naming the item by linkId and
/// JSON pointer: unique linkIds (que-2), the invariants que-0 … que-13 as they apply to R4 JSON, enableWhen
/// targets (an existing, answerable item other than the item itself and its descendants; a later item is a
/// warning; a dependency cycle an error), enableWhen answer types against the target's type (a warning: the
/// condition can never be true), and initial / answerOption value types against the item's type (errors).
/// docs/fhir.md lists every rule with its code and severity.
class QuestionnaireValidator
{
public:
    static std::vector<Diagnostic> validate(const Questionnaire& questionnaire, const std::string& source);

    /// The answer[x] kinds an enableWhen may compare with `target`: its answer kinds, the kinds of its
    /// answerOption values for choice items, and integer and decimal for each other.
    static std::vector<FhirValueKind> enableWhenKindsFor(const QuestionnaireItem& target);

    /// The answer kinds `item` accepts: answerKindsFor(type), widened for choice items whose answerOptions
    /// use other kinds (valueInteger, valueString, ...).
    static std::vector<FhirValueKind> acceptedAnswerKinds(const QuestionnaireItem& item);
};

} // namespace backscreen::core
