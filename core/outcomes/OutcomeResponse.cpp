#include "OutcomeResponse.h"

#include "core/fhir/FlatAnswers.h"
#include "core/fhir/QuestionnaireResponse.h"
#include "core/fhir/ResponseValidator.h"
#include "core/outcomes/OutcomeForms.h"
#include "core/outcomes/OutcomeMeasures.h"

namespace backscreen::core {

namespace {

Diagnostic error(ErrorCode code, const std::string& source, std::string pointer, std::string message)
{
    return {code, Severity::Error, source, std::move(pointer), "", std::move(message)};
}

} // namespace

FlatOutcomeResponse OutcomeResponse::read(const JsonValue& response,
                                          const OutcomeForms& forms,
                                          const OutcomeMeasures& measures,
                                          const std::string& source,
                                          std::string_view expectedInstrument)
{
    FlatOutcomeResponse result;
    auto& diagnostics = result.diagnostics;
    if (!response.isObject()) {
        diagnostics.push_back(error(ErrorCode::OutcomeResponseInvalid,
                                    source,
                                    "",
                                    "the response is not a JSON object; expected a QuestionnaireResponse"));
        return result;
    }
    const JsonValue* resourceType = response.find("resourceType");
    if (resourceType == nullptr || !resourceType->isString() || resourceType->asString() != "QuestionnaireResponse") {
        diagnostics.push_back(error(ErrorCode::OutcomeResponseInvalid,
                                    source,
                                    "/resourceType",
                                    "resourceType is not QuestionnaireResponse; expected \"QuestionnaireResponse\""));
        return result;
    }
    QuestionnaireResponseParseResult parsed = QuestionnaireResponse::parse(response, source);
    diagnostics = std::move(parsed.diagnostics);
    if (hasErrors(diagnostics)) {
        return result;
    }
    const QuestionnaireResponse& parsedResponse = parsed.response;
    result.questionnaire = parsedResponse.questionnaire;
    result.status = parsedResponse.status;

    const OutcomeForm* form = nullptr;
    if (!result.questionnaire.empty()) {
        form = forms.find(result.questionnaire);
        if (form == nullptr) {
            diagnostics.push_back(
                error(ErrorCode::OutcomeWrongQuestionnaire,
                      source,
                      "/questionnaire",
                      "questionnaire \"" + result.questionnaire
                          + "\" is not an outcome-measure form; expected a shipped form "
                            "(http://backscreen.local/fhir/Questionnaire/<instrument>) or one given with "
                            "--questionnaire"));
            return result;
        }
        if (!expectedInstrument.empty() && form->instrument != expectedInstrument) {
            diagnostics.push_back(error(ErrorCode::OutcomeWrongQuestionnaire,
                                        source,
                                        "/questionnaire",
                                        "a response to the " + form->instrument
                                            + " questionnaire; expected --instrument "
                                            + std::string(expectedInstrument)));
            return result;
        }
    } else if (expectedInstrument.empty()) {
        diagnostics.push_back(error(ErrorCode::OutcomeWrongQuestionnaire,
                                    source,
                                    "/questionnaire",
                                    "the response names no questionnaire; expected a questionnaire canonical or "
                                    "--instrument ID"));
        return result;
    } else {
        form = forms.shipped(expectedInstrument);
        if (form == nullptr) {
            std::string known;
            for (const InstrumentDefinition& instrument : measures.instruments()) {
                known += (known.empty() ? "" : ", ") + instrument.id;
            }
            diagnostics.push_back({ErrorCode::OutcomeUnknownInstrument,
                                   Severity::Error,
                                   source,
                                   "",
                                   "instrument \"" + std::string(expectedInstrument) + "\"",
                                   "unknown instrument; expected one of " + known});
            return result;
        }
    }
    result.instrument = form->instrument;

    if (result.status != "completed" && result.status != "amended") {
        diagnostics.push_back(
            {ErrorCode::OutcomeResponseNotCompleted,
             Severity::Warning,
             source,
             "/status",
             "",
             "status is \"" + result.status + "\"; expected \"completed\" or \"amended\" for a response to score"});
    }
    for (Diagnostic& diagnostic : ResponseValidator::validate(form->questionnaire, parsedResponse, source)) {
        if (diagnostic.code == ErrorCode::FhirResponseRequiredMissing) {
            diagnostic.severity = Severity::Warning;
        }
        diagnostics.push_back(std::move(diagnostic));
    }
    if (!hasErrors(diagnostics)) {
        result.answers = FlatAnswers::flatten(form->questionnaire, parsedResponse);
    }
    return result;
}

} // namespace backscreen::core
