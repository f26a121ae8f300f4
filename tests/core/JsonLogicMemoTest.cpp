#include "core/jsonlogic/JsonLogicMemo.h"

#include "JsonTestSupport.h"
#include "ScreeningTestSupport.h"

#include "core/json/JsonWriter.h"
#include "core/jsonlogic/JsonLogicCompiler.h"
#include "core/jsonlogic/JsonLogicRule.h"
#include "core/jsonlogic/JsonLogicTrace.h"

#include <gtest/gtest.h>

#include <optional>
#include <sstream>
#include <string>
#include <vector>

using backscreen::core::JsonLogicCompiler;
using backscreen::core::JsonLogicMemo;
using backscreen::core::JsonLogicRule;
using backscreen::core::JsonLogicTrace;
using backscreen::core::JsonLogicValue;
using backscreen::core::JsonValue;
using backscreen::core::JsonWriter;
using backscreen::tests::parseJson;

namespace {

const char* const kCount = R"({"+": [{"if": [{"log": {"var": "a"}}, 1, 0]}, {"if": [{"var": "b"}, 1, 0]}]})";

} // namespace

TEST(JsonLogicMemo, ComputesAMemoizedExpressionOncePerData)
{
    // `log` makes each evaluation of the count visible: two rules naming it write it once with a memo.
    const std::vector<JsonValue> memoized = {parseJson(kCount)};
    std::ostringstream log;
    JsonLogicCompiler::Options options;
    options.memoized = &memoized;
    options.log = &log;
    const std::string count = kCount;
    const JsonLogicRule atLeastOne = JsonLogicCompiler::compile(parseJson(R"({">=": [)" + count + R"(, 1]})"), options);
    const JsonLogicRule exactlyTwo = JsonLogicCompiler::compile(parseJson(R"({"==": [)" + count + R"(, 2]})"), options);
    const JsonValue data = parseJson(R"({"a": true, "b": 1})");

    JsonLogicMemo memo(memoized.size(), data);
    EXPECT_EQ(memo.filled(), 0U);
    EXPECT_TRUE(atLeastOne.isTruthy(data, memo));
    EXPECT_TRUE(exactlyTwo.isTruthy(data, memo));
    EXPECT_EQ(exactlyTwo.evaluate(data, memo).toJson(), JsonValue(true));
    EXPECT_EQ(memo.filled(), 1U);
    EXPECT_EQ(log.str(), "true\n");

    // Without a memo each rule computes it again, with the same results.
    log.str("");
    EXPECT_TRUE(atLeastOne.isTruthy(data));
    EXPECT_TRUE(exactlyTwo.isTruthy(data));
    EXPECT_EQ(log.str(), "true\ntrue\n");
}

TEST(JsonLogicMemo, IsIgnoredForOtherDataThanItsOwn)
{
    const std::vector<JsonValue> memoized = {parseJson(kCount)};
    JsonLogicCompiler::Options options;
    options.memoized = &memoized;
    const JsonLogicRule rule =
        JsonLogicCompiler::compile(parseJson(std::string(R"({">=": [)") + kCount + ", 2]}"), options);
    const JsonValue both = parseJson(R"({"a": true, "b": true})");
    const JsonValue one = parseJson(R"({"a": true, "b": false})");
    JsonLogicMemo memo(memoized.size(), both);
    EXPECT_TRUE(rule.isTruthy(both, memo));
    // A memo bound to `both` must not answer for `one`.
    EXPECT_FALSE(rule.isTruthy(one, memo));
    EXPECT_EQ(rule.evaluate(one, memo).toJson(), JsonValue(false));
}

TEST(JsonLogicMemo, KeepsValuesAndTruthApartForNonBooleanExpressions)
{
    // Filled first by a truth test, then asked for the value: the value must be the expression's own.
    const std::vector<JsonValue> memoized = {parseJson(R"({"or": [{"var": "a"}, {"var": "b"}]})")};
    JsonLogicCompiler::Options options;
    options.memoized = &memoized;
    const JsonLogicRule truthTest =
        JsonLogicCompiler::compile(parseJson(R"({"!": {"or": [{"var": "a"}, {"var": "b"}]}})"), options);
    const JsonLogicRule value = JsonLogicCompiler::compile(memoized.front(), options);
    const JsonValue data = parseJson(R"({"a": 0, "b": "text"})");
    JsonLogicMemo memo(memoized.size(), data);
    EXPECT_FALSE(truthTest.isTruthy(data, memo));
    EXPECT_EQ(value.evaluate(data, memo).toJson(), JsonValue("text"));
}

TEST(JsonLogicMemo, LeavesResultsAndTracesOfEveryScreeningRuleUnchanged)
{
    // Every compiled rule, name, provisional test and report of the three rulesets carries the ruleset's
    // derived items as Memo nodes. On every vignette, each must give what the same logic compiled without
    // them gives: the truth, the value, the full trace and the three-valued truth.
    const auto& engine = backscreen::tests::screeningEngine();
    int checked = 0;
    for (const auto& file : backscreen::tests::filesIn(backscreen::tests::testDataDir() / "vignettes", ".json")) {
        const JsonValue answers = *backscreen::tests::readJsonFile(file).find("answers");
        for (const auto& ruleset : engine.rulesets()) {
            JsonValue::Object members = answers.asObject();
            for (const auto& context : ruleset.context) {
                members.emplace_back(context.id, JsonValue(context.id == "triage" ? "NONE" : "ASSESS"));
            }
            const JsonValue data(std::move(members));
            JsonLogicMemo memo(ruleset.derived.size(), data);
            auto check = [&](const JsonLogicRule& compiled, const std::string& what) {
                const JsonLogicRule plain = JsonLogicCompiler::compile(compiled.source());
                EXPECT_EQ(compiled.isTruthy(data, memo), plain.isTruthy(data)) << what << " on " << file.filename();
                EXPECT_EQ(compiled.evaluate(data, memo).toJson(), plain.evaluate(data).toJson())
                    << what << " on " << file.filename();
                JsonLogicTrace memoTrace;
                JsonLogicTrace plainTrace;
                compiled.evaluate(data, memoTrace);
                plain.evaluate(data, plainTrace);
                EXPECT_EQ(JsonWriter::write(memoTrace.toJson()), JsonWriter::write(plainTrace.toJson()))
                    << what << " on " << file.filename();
                EXPECT_EQ(compiled.truthPartial(data), plain.evaluatePartial(data).truth) << what;
                // The engine's why reads the decisive inputs one by one; they must be decisiveReads().
                std::vector<std::pair<std::string, std::optional<JsonValue>>> visited;
                memoTrace.forEachDecisiveInput([&](std::string_view path, const JsonLogicValue& found) {
                    visited.emplace_back(std::string(path),
                                         found.isUndefined() ? std::nullopt : std::optional<JsonValue>(found.toJson()));
                });
                const std::vector<backscreen::core::JsonLogicRead> inputs = plainTrace.decisiveReads();
                ASSERT_EQ(visited.size(), inputs.size()) << what;
                for (std::size_t i = 0; i < inputs.size(); ++i) {
                    EXPECT_EQ(visited[i].first, inputs[i].path) << what;
                    EXPECT_EQ(visited[i].second, inputs[i].value) << what;
                }
                ++checked;
            };
            for (const auto& rule : ruleset.rules) {
                check(rule.compiled, rule.id);
                for (const auto& name : rule.names) {
                    check(name.logic, rule.id + " names " + name.item);
                }
            }
            for (const auto& derived : ruleset.derived) {
                check(derived.logic, derived.id);
            }
            for (const auto& screen : ruleset.screens) {
                check(screen.provisionalWhen, screen.screen + " provisionalWhen");
                for (const auto& report : screen.report) {
                    check(report.logic, screen.screen + " report " + report.id);
                }
            }
        }
    }
    EXPECT_GT(checked, 25 * 100);
}
