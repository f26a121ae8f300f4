#include "core/jsonlogic/JsonLogicTrace.h"

#include "JsonTestSupport.h"

#include "core/jsonlogic/JsonLogicCompiler.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using backscreen::core::JsonLogicCompiler;
using backscreen::core::JsonLogicRead;
using backscreen::core::JsonLogicRule;
using backscreen::core::JsonLogicTrace;
using backscreen::core::JsonLogicValue;
using backscreen::core::JsonValue;
using backscreen::tests::parseJson;

namespace {

std::vector<std::string> paths(const std::vector<JsonLogicRead>& reads)
{
    std::vector<std::string> result;
    for (const JsonLogicRead& read : reads) {
        result.push_back(read.path);
    }
    return result;
}

// SIJ-style cluster: at least 3 of 4 provocation tests positive.
const char* const sijCluster = R"({">=": [{"+": [
    {"if": [{"==": [{"var": "sij_distraction"}, "positive"]}, 1, 0]},
    {"if": [{"==": [{"var": "sij_thigh_thrust"}, "positive"]}, 1, 0]},
    {"if": [{"==": [{"var": "sij_compression"}, "positive"]}, 1, 0]},
    {"if": [{"==": [{"var": "sij_sacral_thrust"}, "positive"]}, 1, 0]}]}, 3]})";

} // namespace

TEST(JsonLogicTrace, CountListsOnlyThePositiveTestsAsDecisive)
{
    JsonLogicRule rule = JsonLogicCompiler::compile(parseJson(sijCluster));
    JsonValue data = parseJson(R"({"sij_distraction": "positive", "sij_thigh_thrust": "negative",
                              "sij_compression": "positive", "sij_sacral_thrust": "positive"})");
    JsonLogicTrace trace;
    EXPECT_TRUE(rule.evaluate(data, trace).truthy());
    ASSERT_EQ(trace.size(), 4u);
    EXPECT_EQ(paths(trace.decisiveReads()),
              (std::vector<std::string>{"sij_distraction", "sij_compression", "sij_sacral_thrust"}));
    std::vector<JsonLogicRead> reads = trace.reads();
    EXPECT_EQ(reads[1].path, "sij_thigh_thrust");
    EXPECT_EQ(*reads[1].value, JsonValue("negative"));
    EXPECT_TRUE(reads[1].onDecidingPath);
    EXPECT_FALSE(reads[1].predicateTruthy);
    EXPECT_EQ(reads[1].predicatePointer, "/>=/0/+/1/if/0");
    EXPECT_EQ(reads[1].pointer, "/>=/0/+/1/if/0/==/0");
}

TEST(JsonLogicTrace, TrueAndMakesEveryOperandDecisive)
{
    JsonLogicRule rule = JsonLogicCompiler::compile(
        parseJson(R"({"and": [{"var": "fever"}, {">": [{"var": "age"}, 50]}, {"!": {"var": "trauma"}}]})"));
    JsonLogicTrace trace;
    JsonValue data = parseJson(R"({"fever": true, "age": 61, "trauma": false})"); // the trace borrows from the data
    EXPECT_TRUE(rule.evaluate(data, trace).truthy());
    EXPECT_EQ(paths(trace.decisiveReads()), (std::vector<std::string>{"fever", "age", "trauma"}));
}

TEST(JsonLogicTrace, TrueOrKeepsOnlyTheDecidingOperand)
{
    JsonLogicRule rule = JsonLogicCompiler::compile(
        parseJson(R"({"or": [{"and": [{"var": "a"}, {"var": "b"}]}, {"==": [{"var": "c"}, 1]}, {"var": "d"}]})"));
    JsonLogicTrace trace;
    JsonValue data = parseJson(R"({"a": true, "b": false, "c": 1, "d": true})"); // the trace borrows from the data
    EXPECT_TRUE(rule.evaluate(data, trace).truthy());
    // d is never read: `or` stops at c.
    EXPECT_EQ(paths(trace.reads()), (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(paths(trace.decisiveReads()), (std::vector<std::string>{"c"}));
    EXPECT_FALSE(trace.reads()[0].onDecidingPath);
}

TEST(JsonLogicTrace, IfIsDecidedByItsConditionAndTheChosenBranch)
{
    JsonLogicRule rule = JsonLogicCompiler::compile(
        parseJson(R"({"if": [{"var": "smoker"}, {">=": [{"var": "age"}, 40]}, {">=": [{"var": "age"}, 60]}]})"));
    JsonLogicTrace trace;
    JsonValue data = parseJson(R"({"smoker": true, "age": 45})"); // the trace borrows from the data
    EXPECT_TRUE(rule.evaluate(data, trace).truthy());
    std::vector<JsonLogicRead> reads = trace.reads();
    ASSERT_EQ(reads.size(), 2u);
    EXPECT_EQ(reads[0].path, "smoker");
    EXPECT_EQ(reads[0].predicatePointer, "/if/0"); // a bare condition is its own predicate
    EXPECT_EQ(reads[1].pointer, "/if/1/>=/0");
    EXPECT_EQ(paths(trace.decisiveReads()), (std::vector<std::string>{"smoker", "age"}));
}

TEST(JsonLogicTrace, NegatedComparisonIsOnePredicate)
{
    JsonLogicRule rule = JsonLogicCompiler::compile(
        parseJson(R"({"and": [{"!": {"==": [{"var": "relief_lying"}, true]}}, {"var": "night_pain"}]})"));
    JsonLogicTrace trace;
    JsonValue data = parseJson(R"({"relief_lying": false, "night_pain": true})"); // the trace borrows from the data
    EXPECT_TRUE(rule.evaluate(data, trace).truthy());
    std::vector<JsonLogicRead> reads = trace.reads();
    EXPECT_EQ(reads[0].predicatePointer, "/and/0");
    EXPECT_TRUE(reads[0].predicateTruthy);
    EXPECT_EQ(paths(trace.decisiveReads()), (std::vector<std::string>{"relief_lying", "night_pain"}));
}

TEST(JsonLogicTrace, AbsentInputIsRecordedAsAbsent)
{
    JsonLogicRule rule = JsonLogicCompiler::compile(parseJson(R"({"!": {"var": ["bladder_change", false]}})"));
    JsonLogicTrace trace;
    EXPECT_TRUE(rule.evaluate(parseJson("{}"), trace).truthy());
    std::vector<JsonLogicRead> reads = trace.reads();
    ASSERT_EQ(reads.size(), 1u);
    EXPECT_FALSE(reads[0].value.has_value());
    EXPECT_TRUE(reads[0].decisive);
    EXPECT_EQ(
        trace.toJson(),
        parseJson(R"({"reads": [{"path": "bladder_change", "absent": true, "pointer": "/!", "onDecidingPath": true,
                       "decisive": true, "predicate": "", "predicateTruthy": true}]})"));
}

TEST(JsonLogicTrace, ArrayElementsAreNotInputsButTheArrayIs)
{
    JsonLogicRule rule =
        JsonLogicCompiler::compile(parseJson(R"({"some": [{"var": "episodes"}, {">": [{"var": "days"}, 42]}]})"));
    JsonLogicTrace trace;
    JsonValue data = parseJson(R"({"episodes": [{"days": 3}, {"days": 50}]})"); // the trace borrows from the data
    EXPECT_TRUE(rule.evaluate(data, trace).truthy());
    EXPECT_EQ(paths(trace.reads()), (std::vector<std::string>{"episodes"}));
    EXPECT_TRUE(trace.reads()[0].decisive);
}

TEST(JsonLogicTrace, MissingRecordsEachNameItChecked)
{
    JsonLogicRule rule = JsonLogicCompiler::compile(parseJson(R"({"missing": ["age", "sex"]})"));
    JsonLogicTrace trace;
    JsonValue data = parseJson(R"({"age": 40})"); // the trace borrows from the data
    EXPECT_EQ(rule.evaluate(data, trace).toJson(), parseJson(R"(["sex"])"));
    std::vector<JsonLogicRead> reads = trace.reads();
    ASSERT_EQ(reads.size(), 2u);
    EXPECT_EQ(reads[0].path, "age");
    EXPECT_EQ(*reads[0].value, JsonValue(40));
    EXPECT_EQ(reads[1].path, "sex");
    EXPECT_EQ(*reads[1].value, JsonValue(nullptr)); // missing looks up with a null default
}

TEST(JsonLogicTrace, EachEvaluationStartsAFreshTraceAndGivesThePlainResult)
{
    JsonLogicRule rule = JsonLogicCompiler::compile(parseJson(sijCluster));
    JsonLogicTrace trace;
    JsonValue none = parseJson(R"({"sij_distraction": "negative"})");
    JsonValue data = parseJson(R"({"sij_distraction": "positive"})"); // the trace borrows from the data
    rule.evaluate(data, trace);
    EXPECT_EQ(rule.evaluate(none, trace).toJson(), rule.evaluateToJson(none));
    EXPECT_EQ(trace.size(), 4u);
    EXPECT_TRUE(trace.decisiveReads().empty());
}

TEST(JsonLogicTrace, DecisiveInputsArePathAndValueOfTheDecisiveReads)
{
    // Counts, and/or, if, negation, absent inputs, computed paths and missing: the reduced form keeps the
    // order, paths and values of decisiveReads.
    const std::vector<std::pair<std::string, std::string>> cases = {
        {sijCluster,
         R"({"sij_distraction": "positive", "sij_thigh_thrust": "negative", "sij_compression": "positive",
             "sij_sacral_thrust": "positive"})"},
        {R"({"and": [{"var": "a"}, {"or": [{"var": "b"}, {"var": "c"}]}]})", R"({"a": true, "b": false, "c": 3})"},
        {R"({"if": [{"!": {"==": [{"var": "x"}, 1]}}, {"var": "y"}, {"var": "z"}]})", R"({"x": 2, "y": "yes"})"},
        {R"({"or": [{"var": "absent"}, {"var": ["missing_default", 1]}]})", R"({})"},
        {R"({"var": {"cat": ["p", "q"]}})", R"({"pq": [1, 2]})"},
        {R"({"missing": ["m1", "m2"]})", R"({"m1": 0})"},
    };
    ASSERT_FALSE(cases.empty());
    for (const auto& [rule, data] : cases) {
        const JsonLogicRule compiled = JsonLogicCompiler::compile(parseJson(rule));
        const JsonValue answers = parseJson(data);
        JsonLogicTrace trace;
        compiled.evaluate(answers, trace);
        const std::vector<JsonLogicRead> reads = trace.decisiveReads();
        std::vector<std::pair<std::string, std::optional<JsonValue>>> inputs;
        trace.forEachDecisiveInput([&](std::string_view path, const JsonLogicValue& value) {
            inputs.emplace_back(std::string(path),
                                value.isUndefined() ? std::nullopt : std::optional<JsonValue>(value.toJson()));
        });
        ASSERT_FALSE(reads.empty()) << rule;
        ASSERT_EQ(inputs.size(), reads.size()) << rule;
        for (std::size_t i = 0; i < reads.size(); ++i) {
            EXPECT_EQ(inputs[i].first, reads[i].path) << rule;
            ASSERT_EQ(inputs[i].second.has_value(), reads[i].value.has_value()) << rule;
            if (reads[i].value) {
                EXPECT_EQ(*inputs[i].second, *reads[i].value) << rule;
            }
        }
    }
}

// A comparison of an answer with a constant is traced on the answer itself (no operand values built); it
// must record exactly what the general traced walk records when the constant is computed instead.
TEST(JsonLogicTrace, ComparisonLeavesTraceAsTheGeneralWalk)
{
    const std::vector<std::string> operations = {"==", "===", "!=", "!==", "<", "<=", ">", ">="};
    const std::vector<std::string> constants = {R"("positive")", "30", "true", "0"};
    const std::vector<std::string> data = {R"({"a": "positive", "b": 1})",
                                           R"({"a": "negative", "b": 0})",
                                           R"({"a": 30, "b": 1})",
                                           R"({"a": 29.5, "b": true})",
                                           R"({"a": true, "b": 1})",
                                           R"({"a": false, "b": 1})",
                                           R"({"a": "30", "b": 1})",
                                           R"({"a": null, "b": 1})",
                                           R"({"b": 1})",
                                           R"({"a": [30], "b": 1})",
                                           R"({"a": {"x": 1}, "b": 1})",
                                           R"({"a": 0, "b": 1})"};
    std::vector<std::pair<std::string, std::string>> rules; // fast form, general form
    for (const std::string& op : operations) {
        for (const std::string& constant : constants) {
            const std::string computed = R"({"if": [true, )" + constant + ", 0]}";
            rules.emplace_back(R"({"and": [{")" + op + R"(": [{"var": "a"}, )" + constant + R"(]}, {"var": "b"}]})",
                               R"({"and": [{")" + op + R"(": [{"var": "a"}, )" + computed + R"(]}, {"var": "b"}]})");
            rules.emplace_back(R"({"or": [{")" + op + R"(": [)" + constant + R"(, {"var": "a"}]}, {"var": "b"}]})",
                               R"({"or": [{")" + op + R"(": [)" + computed + R"(, {"var": "a"}]}, {"var": "b"}]})");
            rules.emplace_back(R"({"!": {")" + op + R"(": [{"var": "a"}, )" + constant + R"(]}})",
                               R"({"!": {")" + op + R"(": [{"var": "a"}, )" + computed + R"(]}})");
        }
    }
    rules.emplace_back(R"({"and": [{"in": [{"var": "a"}, ["positive", 30, true]]}, {"var": "b"}]})",
                       R"({"and": [{"in": [{"var": "a"}, {"if": [true, ["positive", 30, true], 0]}]}, {"var": "b"}]})");
    ASSERT_FALSE(rules.empty());
    for (const auto& [fast, general] : rules) {
        const JsonLogicRule fastRule = JsonLogicCompiler::compile(parseJson(fast));
        const JsonLogicRule generalRule = JsonLogicCompiler::compile(parseJson(general));
        for (const std::string& text : data) {
            const JsonValue value = parseJson(text);
            JsonLogicTrace fastTrace;
            JsonLogicTrace generalTrace;
            EXPECT_EQ(fastRule.evaluate(value, fastTrace).toJson(), generalRule.evaluate(value, generalTrace).toJson())
                << fast << " on " << text;
            EXPECT_EQ(fastTrace.toJson(), generalTrace.toJson()) << fast << " on " << text;
        }
    }
}
