#pragma once

#include "core/common/Diagnostic.h"
#include "core/json/JsonValue.h"

#include <optional>
#include <string>
#include <vector>

namespace backscreen::core {

/// A FHIR R4 QuestionnaireResponse reduced to what outcome scoring reads.
struct FlatOutcomeResponse
{
    /// The `questionnaire` canonical as written (possibly "url|version"); empty when absent.
    std::string questionnaire;
    std::string status;
    /// `{linkId: value}` in document order; present only when the response had no errors.
    std::optional<JsonValue> answers;
    /// Errors (then no answers) and warnings (a status other than completed or amended).
    std::vector<Diagnostic> diagnostics;
};

/// Walks `item` and `answer` (nested items included) and maps each answered linkId to valueInteger,
/// valueDecimal, valueBoolean, valueString or valueCoding.code. A linkId answered twice, several answers to one
/// item or another value[x] is an OutcomeResponseInvalid error. Items without answers are unanswered.
///
/// Deliberately small: it should be replaced by core/fhir's QuestionnaireResponse flattening once that is on main.
FlatOutcomeResponse flattenOutcomeResponse(const JsonValue& response, const std::string& source);

} // namespace backscreen::core
