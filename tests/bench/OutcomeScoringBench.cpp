#include "core/json/JsonReader.h"
#include "core/outcomes/ChangeInterpreter.h"
#include "core/outcomes/OutcomeMeasures.h"
#include "core/outcomes/OutcomeScorer.h"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>

namespace {

const backscreen::core::OutcomeMeasures& measures()
{
    static const auto loaded = backscreen::core::OutcomeMeasures::loadFile(std::filesystem::path(BACKSCREEN_FORMS_DIR)
                                                                           / "outcomes" / "measures.json");
    return *loaded.measures;
}

backscreen::core::JsonValue rmdqAnswers()
{
    std::string text = "{";
    for (int item = 1; item <= 24; ++item) {
        text += std::string(item > 1 ? "," : "") + "\"rmdq_item_" + (item < 10 ? "0" : "") + std::to_string(item)
                + "\":" + (item % 3 == 0 ? "true" : "false");
    }
    return *backscreen::core::JsonReader::parse(text + "}", "bench").value;
}

// Loading and checking forms/outcomes/measures.json, as the app does once at start.
void loadCatalogue(benchmark::State& state)
{
    auto path = std::filesystem::path(BACKSCREEN_FORMS_DIR) / "outcomes" / "measures.json";
    for (auto _ : state) {
        auto loaded = backscreen::core::OutcomeMeasures::loadFile(path);
        benchmark::DoNotOptimize(loaded);
    }
}

// Scoring a full 24-item RMDQ response, the largest answer set.
void scoreRmdq(benchmark::State& state)
{
    backscreen::core::OutcomeScorer scorer(measures());
    const auto answers = rmdqAnswers();
    for (auto _ : state) {
        auto result = scorer.score("rmdq", answers, "bench");
        benchmark::DoNotOptimize(result);
    }
}

// Score two visits and classify the change, per row of an outcomes series.
void compareNprs(benchmark::State& state)
{
    backscreen::core::OutcomeScorer scorer(measures());
    backscreen::core::ChangeInterpreter interpreter(measures());
    auto baseline =
        *scorer
             .score("nprs", *backscreen::core::JsonReader::parse(R"({"nprs_back": 7, "nprs_leg": 5})", "b").value, "b")
             .score;
    auto followup =
        *scorer
             .score("nprs", *backscreen::core::JsonReader::parse(R"({"nprs_back": 4, "nprs_leg": 2})", "f").value, "f")
             .score;
    for (auto _ : state) {
        auto change = interpreter.compare(baseline, followup);
        benchmark::DoNotOptimize(change);
    }
}

} // namespace

BENCHMARK(loadCatalogue);
BENCHMARK(scoreRmdq);
BENCHMARK(compareNprs);
BENCHMARK_MAIN();
