#include "IntakeAnswers.h"

#include "core/common/ErrorCode.h"
#include "core/fhir/FlatAnswers.h"
#include "core/fhir/Questionnaire.h"
#include "core/fhir/QuestionnaireResponse.h"
#include "core/fhir/ResponseValidator.h"
#include "core/json/JsonReader.h"

#include <istream>
#include <iterator>

namespace backscreen::app {

IntakeAnswers readIntakeAnswers(const std::string& file, std::istream& in, const core::Questionnaire& intake)
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
    return intakeAnswersOf(*read.value, file == "-" ? "<stdin>" : file, intake);
}

IntakeAnswers
intakeAnswersOf(const core::JsonValue& document, const std::string& source, const core::Questionnaire& intake)
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
        }
    } else if (document.isObject()) {
        result.diagnostics = core::FlatAnswers::validate(intake, document, source);
        answers = document;
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
