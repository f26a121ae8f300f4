#include "core/json/JsonReader.h"
#include "core/json/JsonWriter.h"
#include "core/outcomes/ChangeInterpreter.h"
#include "core/outcomes/OutcomeMeasures.h"
#include "core/outcomes/OutcomeResponse.h"
#include "core/outcomes/OutcomeScorer.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

// Feeds arbitrary JSON to every instrument's scorer (through the response flattener when it is a
// QuestionnaireResponse). Invalid input must come back as diagnostics, never a crash; every score must survive
// a JSON round trip and be comparable with itself without undefined behaviour.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace backscreen::core;
    static const auto loaded = OutcomeMeasures::loadDefault();
    if (!loaded.ok()) {
        __builtin_trap();
    }
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto read = JsonReader::parse(text, "fuzz");
    if (!read.ok()) {
        return 0;
    }
    JsonValue answers = *read.value;
    if (const JsonValue* type = answers.find("resourceType"); type != nullptr) {
        auto flat = flattenOutcomeResponse(answers, "fuzz");
        if (!flat.answers) {
            return 0;
        }
        answers = *flat.answers;
    }
    OutcomeScorer scorer(*loaded.measures);
    ChangeInterpreter interpreter(*loaded.measures);
    for (const InstrumentDefinition& instrument : loaded.measures->instruments()) {
        auto result = scorer.score(instrument.id, answers, "fuzz");
        if (!result.ok()) {
            continue;
        }
        auto back =
            OutcomeScore::fromJson(JsonReader::parse(JsonWriter::write(result.score->toJson()), "rt").value.value());
        if (!back || !(back->toJson() == result.score->toJson())) {
            __builtin_trap();
        }
        interpreter.compare(*result.score, *back);
        interpreter.interpretRating(*result.score);
    }
    return 0;
}
