#pragma once

#include "core/common/Diagnostic.h"
#include "core/json/JsonValue.h"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace backscreen::core {
class Questionnaire;
}

namespace backscreen::app {

/// An intake file read for screening: the flat answers, or why they cannot be screened.
struct IntakeAnswers
{
    /// Present only when the file was valid against the intake form.
    std::optional<core::JsonValue> answers;
    /// The QuestionnaireResponse to store for the answers: the response as given, or, for flat answers when
    /// an `authored` time was passed, one built with ResponseBuilder (status completed); null otherwise.
    core::JsonValue response;
    /// Parse and validation problems (only errors refuse the file).
    std::vector<core::Diagnostic> diagnostics;
    /// A one-line refusal when the document is not an intake at all ("…: resourceType is not
    /// QuestionnaireResponse; …"); empty otherwise.
    std::string refusal;

    bool ok() const { return answers.has_value(); }
};

/// Reads what `screen` and `handout --from` screen: a FHIR QuestionnaireResponse to the intake form
/// (detected by its resourceType, validated, then flattened) or a flat {linkId: value} answers object
/// (validated as it is). `file` "-" reads `in`. An unanswered required question is not invalid: it is the
/// rules' business (not evaluable, INCOMPLETE).
IntakeAnswers readIntakeAnswers(const std::string& file,
                                std::istream& in,
                                const core::Questionnaire& intake,
                                const std::string& authored = {});

/// The same for a document already parsed; `source` names it in messages.
IntakeAnswers intakeAnswersOf(const core::JsonValue& document,
                              const std::string& source,
                              const core::Questionnaire& intake,
                              const std::string& authored = {});

} // namespace backscreen::app
