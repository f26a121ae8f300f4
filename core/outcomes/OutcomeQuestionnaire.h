#pragma once

#include "core/common/Diagnostic.h"
#include "core/json/JsonValue.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace backscreen::core {

class OutcomeMeasures;

struct OutcomeQuestionnaireCheck
{
    /// The instrument the Questionnaire is a form of; empty when it could not be identified.
    std::string instrument;
    /// The Questionnaire's own canonical URL, which responses to it name.
    std::string url;
    std::string version;
    std::vector<Diagnostic> diagnostics;

    bool ok() const { return !instrument.empty() && !hasErrors(diagnostics); }
};

/// Checks that a FHIR R4 Questionnaire is a usable form of an outcome measure: the shipped forms and
/// clinic-supplied ones (for instruments whose item text Backscreen may not ship: a clinic builds a
/// Questionnaire from its licensed copy). The instrument is the one whose canonical URL equals the
/// Questionnaire's `url` or appears in its `derivedFrom`. Item text is free; what scoring relies on is checked:
/// every input of the instrument is an item with that linkId and a matching type (integer → integer,
/// boolean → boolean, with minValue/maxValue extensions if any equal to the input's range, a listed code → choice with
/// exactly those answerOption codes, an open code → string, choice or open-choice, text → string or text), linkIds are
/// unique, and no other answerable item exists (its answers would be refused when scoring). Every mismatch is an
/// OutcomeQuestionnaireMismatch error.
class OutcomeQuestionnaire
{
public:
    /// `expectedInstrument` empty = accept any instrument; otherwise another one is OutcomeWrongQuestionnaire.
    static OutcomeQuestionnaireCheck check(const JsonValue& questionnaire,
                                           const OutcomeMeasures& measures,
                                           const std::string& source,
                                           std::string_view expectedInstrument = {});
    static OutcomeQuestionnaireCheck checkFile(const std::filesystem::path& path,
                                               const OutcomeMeasures& measures,
                                               std::string_view expectedInstrument = {});
};

} // namespace backscreen::core
