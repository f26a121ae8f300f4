// Speed of the FHIR layer on the intake form: loading it, checking a full response, and the enabled-set
// update the app runs on every keystroke (target: under 20 µs). The large SDC family-history Bundle and its
// 82 KB response from ../shared/testdata/fhir show how it scales.
#include "core/fhir/EnableWhenEvaluator.h"
#include "core/fhir/FhirDocument.h"
#include "core/fhir/FlatAnswers.h"
#include "core/fhir/QuestionnaireLoader.h"
#include "core/fhir/QuestionnaireParser.h"
#include "core/fhir/QuestionnaireValidator.h"
#include "core/fhir/ResponseValidator.h"
#include "core/json/JsonReader.h"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

namespace {

using namespace backscreen::core;

std::string readText(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read " + path.string());
    }
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::filesystem::path formsPath(const char* relative)
{
    return std::filesystem::path(BACKSCREEN_FORMS_DIR) / relative;
}

std::filesystem::path sharedPath(const char* relative)
{
    return std::filesystem::path(BACKSCREEN_SHARED_DIR) / "testdata" / "fhir" / relative;
}

// The example response with the most answers stands for a full intake.
constexpr const char* fullResponse = "examples/radiculopathy.json";

const Questionnaire& intakeForm()
{
    static const Questionnaire form = [] {
        auto loaded = QuestionnaireLoader::loadFile(formsPath("intake/low-back-intake.json"));
        if (!loaded.ok()) {
            throw std::runtime_error("the intake form does not load");
        }
        return *loaded.questionnaire;
    }();
    return form;
}

void loadAndValidateQuestionnaire(benchmark::State& state, const std::filesystem::path& path)
{
    const std::string text = readText(path);
    for (auto _ : state) {
        auto read = JsonReader::parse(text, "bench");
        auto parsed = QuestionnaireParser::parse(*read.value, "bench");
        auto diagnostics = QuestionnaireValidator::validate(parsed.questionnaire, "bench");
        benchmark::DoNotOptimize(diagnostics);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}

void parseAndValidateIntakeForm(benchmark::State& state)
{
    loadAndValidateQuestionnaire(state, formsPath("intake/low-back-intake.json"));
}

void parseAndValidateFullIntakeResponse(benchmark::State& state)
{
    const Questionnaire& form = intakeForm();
    const std::string text = readText(formsPath(fullResponse));
    for (auto _ : state) {
        auto read = JsonReader::parse(text, "bench");
        auto parsed = QuestionnaireResponse::parse(*read.value, "bench");
        auto diagnostics = ResponseValidator::validate(form, parsed.response, "bench");
        benchmark::DoNotOptimize(diagnostics);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}

// One keystroke: the answer of the question most other items depend on changes (answered ↔ unanswered),
// and the enabled set is brought up to date.
void enabledSetUpdateAfterOneAnswer(benchmark::State& state)
{
    const Questionnaire& form = intakeForm();
    auto read = JsonReader::parseFile(formsPath(fullResponse));
    auto response = QuestionnaireResponse::parse(*read.value, "bench").response;
    ItemAnswers answers = EnableWhenEvaluator::collectAnswers(form, response);
    std::vector<std::size_t> dependants(form.items().size(), 0);
    for (const auto& item : form.items()) {
        for (const auto& condition : item.enableWhen) {
            if (condition.target != QuestionnaireItem::npos) {
                ++dependants[condition.target];
            }
        }
    }
    std::size_t busiest = 0;
    for (std::size_t i = 0; i < dependants.size(); ++i) {
        if (dependants[i] > dependants[busiest]
            || (dependants[i] == dependants[busiest] && !answers[i].empty() && answers[busiest].empty())) {
            busiest = i;
        }
    }
    std::vector<FhirValue> answered = answers[busiest];
    if (answered.empty()) {
        answered.push_back(FhirValue::boolean(true));
    }
    EnableWhenEvaluator evaluator(form);
    evaluator.setAllAnswers(answers);
    bool on = true;
    std::size_t changed = 0;
    for (auto _ : state) {
        on = !on;
        changed += evaluator.setAnswers(busiest, on ? answered : std::vector<FhirValue>{}).size();
    }
    state.counters["dependants"] = static_cast<double>(dependants[busiest]);
    state.counters["changedPerUpdate"] = static_cast<double>(changed) / static_cast<double>(state.iterations());
    state.SetLabel(form.items()[busiest].linkId);
}

// The worst keystroke: the answer whose change flips the most items (a gate question hiding a group).
void enabledSetUpdateWorstCase(benchmark::State& state)
{
    const Questionnaire& form = intakeForm();
    auto read = JsonReader::parseFile(formsPath(fullResponse));
    auto response = QuestionnaireResponse::parse(*read.value, "bench").response;
    ItemAnswers answers = EnableWhenEvaluator::collectAnswers(form, response);
    EnableWhenEvaluator evaluator(form);
    evaluator.setAllAnswers(answers);
    std::size_t worst = 0;
    std::size_t worstChanged = 0;
    for (std::size_t i = 0; i < answers.size(); ++i) {
        if (answers[i].empty()) {
            continue;
        }
        std::size_t changed = evaluator.setAnswers(i, {}).size();
        evaluator.setAnswers(i, answers[i]);
        if (changed > worstChanged) {
            worst = i;
            worstChanged = changed;
        }
    }
    bool on = true;
    for (auto _ : state) {
        on = !on;
        benchmark::DoNotOptimize(evaluator.setAnswers(worst, on ? answers[worst] : std::vector<FhirValue>{}));
    }
    state.counters["changedPerUpdate"] = static_cast<double>(worstChanged);
    state.SetLabel(form.items()[worst].linkId);
}

void enabledSetFromScratch(benchmark::State& state)
{
    const Questionnaire& form = intakeForm();
    auto read = JsonReader::parseFile(formsPath(fullResponse));
    auto response = QuestionnaireResponse::parse(*read.value, "bench").response;
    ItemAnswers answers = EnableWhenEvaluator::collectAnswers(form, response);
    EnableWhenEvaluator evaluator(form);
    for (auto _ : state) {
        evaluator.setAllAnswers(answers);
        benchmark::DoNotOptimize(evaluator);
    }
}

void flattenFullIntakeResponse(benchmark::State& state)
{
    const Questionnaire& form = intakeForm();
    auto read = JsonReader::parseFile(formsPath(fullResponse));
    auto response = QuestionnaireResponse::parse(*read.value, "bench").response;
    for (auto _ : state) {
        JsonValue flat = FlatAnswers::flatten(form, response);
        benchmark::DoNotOptimize(flat);
    }
}

void parseAndValidateFamilyHistoryBundle(benchmark::State& state)
{
    const std::string text = readText(sharedPath("hl7-r4/questionnaire-profile-example-ussg-fht.json"));
    for (auto _ : state) {
        auto read = JsonReader::parse(text, "bench");
        auto document = FhirDocument::load(*read.value, "bench");
        benchmark::DoNotOptimize(document);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}

void parseAndValidateFamilyHistoryResponse(benchmark::State& state)
{
    auto bundle = FhirDocument::loadFile(sharedPath("hl7-r4/questionnaire-profile-example-ussg-fht.json"));
    const Questionnaire& form = bundle.questionnaires.front();
    const std::string text = readText(sharedPath("hl7-r4/questionnaireresponse-example-ussg-fht-answers.json"));
    for (auto _ : state) {
        auto read = JsonReader::parse(text, "bench");
        auto parsed = QuestionnaireResponse::parse(*read.value, "bench");
        auto diagnostics = ResponseValidator::validate(form, parsed.response, "bench");
        benchmark::DoNotOptimize(diagnostics);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}

} // namespace

BENCHMARK(parseAndValidateIntakeForm)->Unit(benchmark::kMicrosecond);
BENCHMARK(parseAndValidateFullIntakeResponse)->Unit(benchmark::kMicrosecond);
BENCHMARK(enabledSetUpdateAfterOneAnswer)->Unit(benchmark::kMicrosecond);
BENCHMARK(enabledSetUpdateWorstCase)->Unit(benchmark::kMicrosecond);
BENCHMARK(enabledSetFromScratch)->Unit(benchmark::kMicrosecond);
BENCHMARK(flattenFullIntakeResponse)->Unit(benchmark::kMicrosecond);
BENCHMARK(parseAndValidateFamilyHistoryBundle)->Unit(benchmark::kMicrosecond);
BENCHMARK(parseAndValidateFamilyHistoryResponse)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
