#include "app/print/HandoutRenderer.h"
#include "core/program/ExerciseCatalogue.h"
#include "core/program/ProgramRuleset.h"

#include <QBuffer>
#include <QGuiApplication>

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <stdexcept>

namespace {

using namespace backscreen;

// An 8-exercise handout (more than G8 allows a generated one, as a therapist's edited program may have),
// every exercise with its two illustrations, rendered to an A4 PDF in memory. Illustrations are parsed on
// the first render and reused, as the app and the CLI do with one renderer.
void renderEightExerciseHandout(benchmark::State& state)
{
    core::ExerciseCatalogueLoadResult catalogue = core::ExerciseCatalogue::loadDefault();
    if (!catalogue.ok()) {
        throw std::runtime_error(catalogue.diagnostics.front().toString());
    }
    auto [ruleset, diagnostics] = core::ProgramRuleset::loadDefault(*catalogue.catalogue);
    if (!ruleset) {
        throw std::runtime_error(diagnostics.front().toString());
    }
    core::Program program;
    for (const char* id :
         {"EX-LM-01", "EX-CO-01", "EX-GL-01", "EX-HF-01", "EX-HS-01", "EX-GM-01", "EX-CO-03", "EX-LM-02"}) {
        core::ProgramExercise exercise;
        exercise.exerciseId = id;
        exercise.dosage = catalogue.catalogue->find(id)->dosage;
        program.exercises.push_back(exercise);
    }
    app::HandoutRenderer renderer(*catalogue.catalogue, *ruleset);
    app::HandoutDetails details{"Riverside Physiotherapy", "Alex Example", "Sam Therapist", "2026-11-24"};
    std::int64_t bytes = 0;
    for (auto _ : state) {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        app::HandoutLayout layout = renderer.writePdf(program, details, app::HandoutPageSize::A4, buffer);
        benchmark::DoNotOptimize(layout);
        bytes = buffer.size();
    }
    state.counters["pdf_bytes"] = static_cast<double>(bytes);
}

BENCHMARK(renderEightExerciseHandout)->Unit(benchmark::kMillisecond);

} // namespace

// Painting needs a QGuiApplication; the offscreen platform keeps the benchmark headless.
int main(int argc, char** argv)
{
    setenv("QT_QPA_PLATFORM", "offscreen", 0);
    QGuiApplication application(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
