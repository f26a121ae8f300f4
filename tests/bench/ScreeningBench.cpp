#include "core/json/JsonReader.h"
#include "core/json/JsonWriter.h"
#include "core/screening/ScreeningEngine.h"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <stdexcept>
#include <string>

namespace {

using backscreen::core::JsonValue;
using backscreen::core::ScreeningEngine;

const ScreeningEngine& engine()
{
    static const auto loaded = ScreeningEngine::load(BACKSCREEN_FORMS_DIR);
    if (!loaded.ok()) {
        throw std::runtime_error("screening engine did not load");
    }
    return *loaded.engine;
}

JsonValue vignetteAnswers(const std::string& name)
{
    auto read =
        backscreen::core::JsonReader::parseFile(std::filesystem::path(BACKSCREEN_TEST_DATA_DIR) / "vignettes" / name);
    if (!read.ok()) {
        throw std::runtime_error("cannot read " + name);
    }
    return *read.value->find("answers");
}

// Issue 5 target: one full screening (44 red flags three-valued, the sij, radicular and lcs screens, why for
// every fired rule) under 10 µs.
void screenIntake(benchmark::State& state, const std::string& vignette)
{
    const JsonValue answers = vignetteAnswers(vignette);
    const ScreeningEngine& screening = engine();
    for (auto _ : state) {
        auto result = screening.screen(answers);
        benchmark::DoNotOptimize(result);
    }
}

// The same plus writing the result as JSON, as the CLI and the database store it.
void screenAndWriteJson(benchmark::State& state)
{
    const JsonValue answers = vignetteAnswers("v10-radiculopathy.json");
    const ScreeningEngine& screening = engine();
    for (auto _ : state) {
        std::string text = backscreen::core::JsonWriter::write(screening.screen(answers).toJson());
        benchmark::DoNotOptimize(text);
    }
}

// The share of the 44 three-valued red-flag evaluations alone.
void redFlagsThreeValued(benchmark::State& state)
{
    const JsonValue answers = vignetteAnswers("v10-radiculopathy.json");
    const ScreeningEngine& screening = engine();
    for (auto _ : state) {
        int fired = 0;
        for (const auto& rule : screening.redFlags().rules) {
            fired += rule.partial.evaluatePartial(answers).truth == backscreen::core::JsonLogicTruth::True ? 1 : 0;
        }
        benchmark::DoNotOptimize(fired);
    }
}

// The pattern rules alone, two-valued, on answers plus context (what the first-match screens evaluate).
void patternRulesTwoValued(benchmark::State& state)
{
    const JsonValue answers = vignetteAnswers("v10-radiculopathy.json");
    JsonValue::Object members = answers.asObject();
    members.emplace_back("triage", JsonValue("NONE"));
    members.emplace_back("radicular", JsonValue("ASSESS"));
    const JsonValue data(std::move(members));
    const ScreeningEngine& screening = engine();
    for (auto _ : state) {
        int truthy = 0;
        for (const auto& ruleset : screening.rulesets()) {
            if (ruleset.id == "redflags") {
                continue;
            }
            for (const auto& rule : ruleset.rules) {
                truthy += rule.compiled.isTruthy(data) ? 1 : 0;
            }
        }
        benchmark::DoNotOptimize(truthy);
    }
}

} // namespace

BENCHMARK(redFlagsThreeValued);
BENCHMARK(patternRulesTwoValued);
BENCHMARK_CAPTURE(screenIntake, radiculopathy, std::string("v10-radiculopathy.json"));
BENCHMARK_CAPTURE(screenIntake, caudaEquina, std::string("v01-cauda-equina.json"));
BENCHMARK_CAPTURE(screenIntake, clearClient, std::string("v13-clear-acute-strain.json"));
BENCHMARK_CAPTURE(screenIntake, incomplete, std::string("v15-incomplete-intake.json"));
BENCHMARK(screenAndWriteJson);

BENCHMARK_MAIN();
