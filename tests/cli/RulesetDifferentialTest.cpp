// Differential check of the rulesets (issue 5): every rule's logic and every derived item, with derived
// items substituted, is evaluated by our JsonLogic engine and by json-logic-js (installed into build/node by
// scripts/prepare-test-tools, run in a real node process through tests/support/json-logic-reference.js) on
// the answers of every vignette and rule case, with the context values (triage, radicular) our engine
// computed. The results must be identical: same JavaScript type and same JSON value.
#include "support/JsonLogicReference.h"

#include "core/json/JsonReader.h"
#include "core/json/JsonWriter.h"
#include "core/jsonlogic/JsonLogicCompiler.h"
#include "core/screening/ScreeningEngine.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

using backscreen::core::JsonLogicValue;
using backscreen::core::JsonReader;
using backscreen::core::JsonValue;
using backscreen::core::JsonWriter;

namespace {

JsonValue readJson(const std::filesystem::path& path)
{
    auto read = JsonReader::parseFile(path);
    if (!read.ok()) {
        throw std::runtime_error("cannot read " + path.string());
    }
    return *read.value;
}

/// Every answer set of the vignettes and rule cases.
std::vector<JsonValue> answerSets()
{
    const std::filesystem::path data(BACKSCREEN_TEST_DATA_DIR);
    std::vector<JsonValue> sets;
    std::vector<std::filesystem::path> vignettes;
    for (const auto& entry : std::filesystem::directory_iterator(data / "vignettes")) {
        vignettes.push_back(entry.path());
    }
    std::sort(vignettes.begin(), vignettes.end());
    for (const auto& path : vignettes) {
        sets.push_back(*readJson(path).find("answers"));
    }
    for (const char* file : {"redflags.json", "sij-radicular.json", "lcs.json", "redflags-sessions.json"}) {
        const JsonValue cases = readJson(data / "rule-cases" / file);
        for (const JsonValue& item : cases.asArray()) {
            if (item.find("invalid") == nullptr) {
                sets.push_back(*item.find("answers"));
            }
        }
    }
    return sets;
}

} // namespace

TEST(RulesetDifferential, EveryRuleAgreesWithJsonLogicJsOnEveryVignetteAndCase)
{
    auto loaded = backscreen::core::ScreeningEngine::load(BACKSCREEN_FORMS_DIR);
    ASSERT_TRUE(loaded.ok());
    const auto& engine = *loaded.engine;

    std::vector<std::pair<std::string, JsonValue>> logics;
    for (const auto& ruleset : engine.rulesets()) {
        for (const auto& rule : ruleset.rules) {
            logics.emplace_back(rule.id, rule.expandedLogic);
        }
        for (const auto& derived : ruleset.derived) {
            logics.emplace_back(ruleset.id + "/" + derived.id, derived.expandedLogic);
        }
    }
    const std::vector<JsonValue> sets = answerSets();
    ASSERT_GE(sets.size(), 300u);
    ASSERT_GE(logics.size(), 71u);

    // One case per answer set: the rule is the array of every logic, which JsonLogic evaluates element by
    // element, so node returns one array of results per answer set (undefined and NaN become null in it).
    JsonValue::Array all;
    for (const auto& entry : logics) {
        all.push_back(entry.second);
    }
    const JsonValue allLogic(std::move(all));
    JsonValue::Array cases;
    for (const JsonValue& answers : sets) {
        const auto result = engine.screen(answers);
        JsonValue::Object data = result.answers.asObject();
        data.emplace_back("triage", JsonValue(std::string(backscreen::core::triageName(result.triage))));
        data.emplace_back("radicular", JsonValue(result.patternValue("radicular")));
        cases.emplace_back(JsonValue::Array{allLogic, JsonValue(std::move(data))});
    }
    const std::string casesText = JsonWriter::write(JsonValue(cases));
    const auto reference = backscreen::tests::runJsonLogicReference(casesText, "ruleset-differential");
    ASSERT_EQ(reference.error, "");
    const JsonValue& expected = reference.results;
    ASSERT_EQ(expected.size(), cases.size());

    // Our side reads the very text node read, so both engines see the same numbers.
    auto ours = JsonReader::parse(casesText, "cases");
    ASSERT_TRUE(ours.ok());
    std::vector<backscreen::core::JsonLogicRule> compiled;
    for (const JsonValue& logic : ours.value->asArray().at(0).asArray().at(0).asArray()) {
        compiled.push_back(backscreen::core::JsonLogicCompiler::compile(logic));
    }
    std::size_t disagreements = 0;
    std::size_t truthy = 0;
    std::size_t total = 0;
    for (std::size_t s = 0; s < cases.size(); ++s) {
        const JsonValue& data = ours.value->asArray()[s].asArray()[1];
        const JsonValue& want = expected.asArray()[s];
        ASSERT_EQ(want.asArray()[0].asString(), "array");
        const JsonValue& values = want.asArray()[1];
        ASSERT_EQ(values.size(), compiled.size());
        for (std::size_t r = 0; r < compiled.size(); ++r) {
            ++total;
            const JsonLogicValue got = compiled[r].evaluate(data);
            truthy += compiled[r].isTruthy(data) ? 1 : 0;
            const std::string tag = backscreen::tests::javaScriptTag(got);
            if (tag == "undefined" || tag == "nan" || tag == "infinity" || tag == "-infinity") {
                ADD_FAILURE() << logics[r].first << " on answer set " << s << " gives " << tag;
            }
            if (!(got.toJson() == values.asArray()[r]) && ++disagreements <= 20) {
                ADD_FAILURE() << logics[r].first << " on answer set " << s << ": json-logic-js gives "
                              << JsonWriter::write(values.asArray()[r]) << ", we give "
                              << JsonWriter::write(got.toJson());
            }
        }
    }
    const std::size_t evaluations = total;
    EXPECT_EQ(disagreements, 0u);
    // Both truth values must occur often, or the comparison says little.
    EXPECT_GT(truthy, evaluations / 10);
    EXPECT_LT(truthy, evaluations - evaluations / 10);
}
