#pragma once

#include "core/common/Diagnostic.h"
#include "core/json/JsonValue.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backscreen::core {

class OutcomeForms;
class OutcomeMeasures;

/// A FHIR R4 QuestionnaireResponse to an outcome-measure form, reduced to what scoring reads.
struct FlatOutcomeResponse
{
    /// The instrument whose form the response answers; empty when it could not be identified.
    std::string instrument;
    /// The `questionnaire` canonical as written (possibly "url|version"); empty when absent.
    std::string questionnaire;
    std::string status;
    /// `{linkId: value}` (FlatAnswers::flatten against the form); present only when there were no errors.
    std::optional<JsonValue> answers;
    /// Errors (then no answers) and warnings (a status other than completed or amended, a required item left
    /// unanswered).
    std::vector<Diagnostic> diagnostics;
};

/// Reads an outcome-measure QuestionnaireResponse with core/fhir, the one response reader: the response is
/// parsed (QuestionnaireResponse::parse), its form is found by its `questionnaire` canonical among `forms`
/// (shipped or clinic-supplied; the instrument's shipped form when the response names none and
/// `expectedInstrument` is given), validated against that form (ResponseValidator: unknown or misplaced linkIds,
/// answer types, answer options, min/max, several answers to one item) and flattened (FlatAnswers::flatten).
///
/// Outcome-specific errors: not a QuestionnaireResponse (OutcomeResponseInvalid); no canonical and no expected
/// instrument, a canonical that is no outcome-measure form, or a form of another instrument than the expected
/// one (OutcomeWrongQuestionnaire); an unknown expected instrument (OutcomeUnknownInstrument). A status other
/// than completed or amended is warning OutcomeResponseNotCompleted. A required item left unanswered is only a
/// warning: the scoring rules say what missing answers mean (ODI rescaling, not scorable).
class OutcomeResponse
{
public:
    static FlatOutcomeResponse read(const JsonValue& response,
                                    const OutcomeForms& forms,
                                    const OutcomeMeasures& measures,
                                    const std::string& source,
                                    std::string_view expectedInstrument = {});
};

} // namespace backscreen::core
