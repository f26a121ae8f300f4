// Feeds arbitrary bytes through the FHIR layer: JSON reading, Questionnaire / QuestionnaireResponse / Bundle
// parsing, structural and response validation, enableWhen evaluation and flattening. Besides crashes and
// sanitizer reports it traps on broken invariants: a clean parse must write back to an equal JSON value, and
// the incremental enabled set must equal the one computed from scratch.
#include "core/fhir/EnableWhenEvaluator.h"
#include "core/fhir/FhirDocument.h"
#include "core/fhir/FlatAnswers.h"
#include "core/fhir/ResponseBuilder.h"
#include "core/fhir/ResponseValidator.h"
#include "core/json/JsonReader.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

using namespace backscreen;
using namespace backscreen::core;

bool hasCode(const std::vector<Diagnostic>& diagnostics, ErrorCode code)
{
    for (const Diagnostic& diagnostic : diagnostics) {
        if (diagnostic.code == code) {
            return true;
        }
    }
    return false;
}

void checkIncremental(const Questionnaire& questionnaire, const ItemAnswers& answers)
{
    EnableWhenEvaluator whole(questionnaire);
    whole.setAllAnswers(answers);
    EnableWhenEvaluator stepwise(questionnaire);
    for (std::size_t i = 0; i < answers.size(); ++i) {
        if (!answers[i].empty()) {
            stepwise.setAnswers(i, answers[i]);
        }
    }
    for (std::size_t i = 0; i < questionnaire.items().size(); ++i) {
        if (whole.isEnabled(i) != stepwise.isEnabled(i)) {
            __builtin_trap();
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto read = JsonReader::parse(text, "fuzz");
    if (!read.ok()) {
        return 0;
    }
    FhirDocument document = FhirDocument::load(*read.value, "fuzz");
    bool clean = !hasErrors(document.diagnostics);
    bool acyclic = !hasCode(document.diagnostics, ErrorCode::FhirEnableWhenCycle);
    for (const Questionnaire& questionnaire : document.questionnaires) {
        if (clean && !(questionnaire.toJson() == questionnaire.json)) {
            __builtin_trap();
        }
        EnableWhenEvaluator state(questionnaire);
        JsonValue flat = FlatAnswers::flatten(questionnaire, state);
        (void)FlatAnswers::read(questionnaire, flat, "fuzz-flat");
        for (const QuestionnaireResponse& response : document.responses) {
            bool valid = !hasErrors(ResponseValidator::validate(questionnaire, response, "fuzz"));
            ItemAnswers answers = EnableWhenEvaluator::collectAnswers(questionnaire, response);
            if (acyclic) {
                checkIncremental(questionnaire, answers);
            }
            JsonValue flattened = FlatAnswers::flatten(questionnaire, response);
            (void)FlatAnswers::read(questionnaire, flattened, "fuzz-flat");
            // What the app would save from a valid response's answers must flatten to the same rules input.
            EnableWhenEvaluator live(questionnaire);
            live.setAllAnswers(answers);
            QuestionnaireResponse rebuilt = ResponseBuilder::build(questionnaire, live, "in-progress");
            if (valid && clean && !(FlatAnswers::flatten(questionnaire, rebuilt) == flattened)) {
                __builtin_trap();
            }
        }
        // The input itself as a flat answers object: any JSON object may arrive from the screen CLI.
        (void)FlatAnswers::read(questionnaire, *read.value, "fuzz-flat");
    }
    for (const QuestionnaireResponse& response : document.responses) {
        if (clean && !(response.toJson() == response.json)) {
            __builtin_trap();
        }
    }
    return 0;
}
