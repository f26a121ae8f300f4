#include "IntakeAnswers.h"

#include "core/common/ErrorCode.h"
#include "core/fhir/EnableWhenEvaluator.h"
#include "core/fhir/FlatAnswers.h"
#include "core/fhir/Questionnaire.h"
#include "core/fhir/QuestionnaireResponse.h"
#include "core/fhir/ResponseBuilder.h"
#include "core/fhir/ResponseValidator.h"
#include "core/json/JsonReader.h"

#include <istream>
#include <iterator>

namespace backscreen::app {

IntakeAnswers readIntakeAnswers(const std::string& file,
                                std::istream& in,
                                const core::Questionnaire& intake,
                                const std::string& authored)
{
    core::JsonReadResult read;
    if (file == "-") {
        const std::string text(std::istreambuf_iterator<char>(in), {});
        read = core::JsonReader::parse(text, "<stdin>");
    } else {
        read = core::JsonReader::parseFile(file);
    }
    if (!read.ok()) {
        IntakeAnswers result;
        result.diagnostics = std::move(read.diagnostics);
        return result;
    }
    return intakeAnswersOf(*read.value, file == "-" ? "<stdin>" : file, intake, authored);
}

IntakeAnswers intakeAnswersOf(const core::JsonValue& document,
                              const std::string& source,
                              const core::Questionnaire& intake,
                              const std::string& authored)
{
    IntakeAnswers result;
    core::JsonValue answers;
    const core::JsonValue* resourceType = document.find("resourceType");
    if (resourceType != nullptr) {
        if (!resourceType->isString() || resourceType->asString() != "QuestionnaireResponse") {
            result.refusal = source
                             + ": resourceType is not QuestionnaireResponse; expected a QuestionnaireResponse or a "
                               "flat answers object";
            return result;
        }
        auto parsed = core::QuestionnaireResponse::parse(document, source);
        result.diagnostics = parsed.diagnostics;
        if (!parsed.response.questionnaire.empty() && !intake.matchesReference(parsed.response.questionnaire)) {
            result.refusal = source + ": the response answers \"" + parsed.response.questionnaire
                             + "\"; expected the intake form " + intake.canonical();
            return result;
        }
        for (core::Diagnostic& diagnostic : core::ResponseValidator::validate(intake, parsed.response, source)) {
            // An unanswered required question is the rules' business (not evaluable, INCOMPLETE), not invalid.
            if (diagnostic.code != ErrorCode::FhirResponseRequiredMissing) {
                result.diagnostics.push_back(std::move(diagnostic));
            }
        }
        if (!core::hasErrors(result.diagnostics)) {
            answers = core::FlatAnswers::flatten(intake, parsed.response);
            result.response = document;
        }
    } else if (document.isObject()) {
        core::FlatAnswers::ReadResult typed = core::FlatAnswers::read(intake, document, source);
        result.diagnostics = std::move(typed.diagnostics);
        answers = document;
        if (!core::hasErrors(result.diagnostics) && !authored.empty()) {
            // Stored as FHIR like every other response, so the record reads the same whichever way it came.
            core::EnableWhenEvaluator state(intake);
            state.setAllAnswers(std::move(typed.answers));
            result.response = core::ResponseBuilder::build(intake, state, "completed", authored).toJson();
        }
    } else {
        result.refusal = source + ": not an object; expected a QuestionnaireResponse or a flat answers object";
        return result;
    }
    if (!core::hasErrors(result.diagnostics)) {
        result.answers = std::move(answers);
    }
    return result;
}

} // namespace backscreen::app
