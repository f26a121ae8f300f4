#include "core/json/JsonReader.h"

#include <benchmark/benchmark.h>

#include <string>

namespace {

// An 80-answer flat answers object, the size of a full intake.
std::string answersDocument()
{
    std::string text = "{";
    for (int i = 0; i < 80; ++i) {
        if (i > 0) {
            text += ",";
        }
        text += "\"answer_" + std::to_string(i) + "\":";
        text += (i % 3 == 0) ? "true" : (i % 3 == 1) ? std::to_string(i * 1.5) : "\"code_" + std::to_string(i) + "\"";
    }
    return text + "}";
}

void readAnswersObject(benchmark::State& state)
{
    const std::string text = answersDocument();
    for (auto _ : state) {
        auto result = backscreen::core::JsonReader::parse(text, "bench");
        benchmark::DoNotOptimize(result);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}

} // namespace

BENCHMARK(readAnswersObject);

BENCHMARK_MAIN();
