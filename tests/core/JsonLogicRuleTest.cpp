#include "core/jsonlogic/JsonLogicRule.h"

#include "JsonTestSupport.h"

#include "core/json/JsonWriter.h"
#include "core/jsonlogic/JsonLogicCompiler.h"
#include "core/jsonlogic/JsonLogicError.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <thread>
#include <vector>

using backscreen::ErrorCode;
using backscreen::core::JsonLogicCompiler;
using backscreen::core::JsonLogicError;
using backscreen::core::JsonLogicRule;
using backscreen::core::JsonLogicValue;
using backscreen::core::JsonValue;
using backscreen::core::JsonWriter;
using backscreen::tests::parseJson;

namespace {

struct EdgeCase
{
    const char* rule;
    const char* data;
    const char* expected;
};

} // namespace

TEST(JsonLogicRule, MatchesJsonLogicJsOnJavaScriptEdgeCases)
{
    // Expected values printed by json-logic-js 2.0.5 under Node 20.
    const std::vector<EdgeCase> cases = {
        {R"({"*": ["1"]})", "null", R"("1")"}, // one argument comes back unconverted
        {R"({"+": []})", "null", "0"},
        {R"({"-": [{"var": "s"}]})", R"({"s": " 12 "})", "-12"},
        {R"({"cat": [1.0, 0.1, 1e21, 1e-7, null, [1, [2, null]], {"a": 1, "b": 2}]})",
         "null",
         R"("10.11e+211e-71,2,[object Object]")"},
        {R"({"substr": ["h\u00e9llo\ud83d\ude00!", -3]})", "null", R"("\ud83d\ude00!")"},
        {R"({"substr": ["jsonlogic", 2, "-3"]})", "null", R"("")"}, // "7" + "-3" is "7-3", not a number
        {R"({"==": [[1, 2], "1,2"]})", "null", "true"},
        {R"({"==": [{"var": "a"}, {"var": "a"}]})", R"({"a": [1]})", "true"}, // the same array
        {R"({"===": [[1], [1]]})", "null", "false"},                          // two arrays
        {R"({"in": [1, "a1b"]})", "null", "true"},
        {R"({"var": "s.1"})", R"({"s": "h\u00e9llo"})", R"("\u00e9")"},
        {R"({"var": "arr.length"})", R"({"arr": [1, 2, 3]})", "3"},
        {R"({"min": ["3", 2, true]})", "null", "1"},
        {R"({"<": [1, 2, {"and": []}]})", "null", "true"}, // an undefined third argument: plain <
        {R"({"reduce": [[1, 2], {"var": ""}, 0]})",
         "null",
         R"({"current": 2, "accumulator": {"current": 1, "accumulator": 0}})"},
        {R"({"missing_some": [1, ["a", "b"]]})", R"({"b": ""})", R"(["a", "b"])"},
        {R"({"%": [-7, 2]})", "null", "-1"},
        {R"({"if": [{"var": "x"}]})", R"({"x": "yes"})", R"("yes")"},
        {R"({"map": [[1, 2]]})", "null", "[null, null]"}, // undefined elements print as null
    };
    for (const EdgeCase& edge : cases) {
        JsonValue data = parseJson(edge.data);
        JsonLogicRule rule = JsonLogicCompiler::compile(parseJson(edge.rule));
        EXPECT_EQ(rule.evaluateToJson(data), parseJson(edge.expected))
            << edge.rule << " gave " << JsonWriter::write(rule.evaluateToJson(data));
    }
}

TEST(JsonLogicRule, KeepsUndefinedAndInfinityApartFromNull)
{
    JsonLogicRule empty = JsonLogicCompiler::compile(parseJson(R"({"and": []})"));
    EXPECT_TRUE(empty.evaluate(JsonValue()).isUndefined());
    JsonLogicRule max = JsonLogicCompiler::compile(parseJson(R"({"max": []})"));
    JsonLogicValue value = max.evaluate(JsonValue());
    ASSERT_TRUE(value.isNumber());
    EXPECT_EQ(value.asNumber(), -INFINITY);
    EXPECT_EQ(value.toJson(), JsonValue(nullptr)); // as JSON.stringify writes it
}

TEST(JsonLogicRule, RefusesToRunDataAsARule)
{
    // json-logic-js would run {"var": "secret"} from the data as a rule here.
    JsonLogicRule rule = JsonLogicCompiler::compile(parseJson(R"({"missing": {"var": "names"}})"));
    JsonValue data = parseJson(R"({"names": ["a", {"var": "secret"}]})");
    try {
        rule.evaluate(data);
        FAIL() << "data ran as a rule";
    } catch (const JsonLogicError& error) {
        EXPECT_EQ(error.code(), ErrorCode::JsonLogicEvaluationFailed);
        EXPECT_EQ(error.pointer(), "");
    }
}

TEST(JsonLogicRule, ResultBorrowsFromTheDataWithoutCopying)
{
    JsonValue data = parseJson(R"({"episodes": [1, 2, 3]})");
    JsonLogicRule rule = JsonLogicCompiler::compile(parseJson(R"({"var": "episodes"})"));
    JsonLogicValue result = rule.evaluate(data);
    EXPECT_EQ(result.borrowed(), data.find("episodes"));
}

TEST(JsonLogicRule, OneRuleEvaluatesOnManyThreadsAtOnce)
{
    JsonLogicRule rule = JsonLogicCompiler::compile(
        parseJson(R"({"and": [{">=": [{"var": "age"}, 50]}, {"==": [{"var": "sex"}, "female"]}]})"));
    std::vector<JsonValue> people;
    for (int i = 0; i < 8; ++i) {
        // Members in a different order per answer set, so the lookup hints keep changing.
        people.push_back(i % 2 == 0 ? parseJson(R"({"age": )" + std::to_string(45 + i) + R"(, "sex": "female"})")
                                    : parseJson(R"({"sex": "female", "x": 1, "age": )" + std::to_string(45 + i) + "}"));
    }
    std::vector<int> fired(4, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < 2000; ++round) {
                for (const JsonValue& person : people) {
                    fired[static_cast<std::size_t>(t)] += rule.isTruthy(person) ? 1 : 0;
                }
            }
        });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    for (int count : fired) {
        EXPECT_EQ(count, 2000 * 3); // ages 45 to 52: three of the eight reach 50
    }
}

// isTruthy decides common leaves (answers, comparisons with literals, `in` a literal list, sums of ifs)
// straight from the data and falls back to the general walk when a type is not the expected one; evaluate()
// always walks generally. Both must agree for every kind of value, JavaScript's coercions included.
TEST(JsonLogicRule, IsTruthyAgreesWithEvaluateOnEveryValueKind)
{
    const std::vector<std::string> rules = {
        R"({"var": "a"})",
        R"({"var": ["a", 7]})",
        R"({"and": [{"var": "a"}, true]})",
        R"({"or": [false, {"var": "a"}, {"var": "b"}]})",
        R"({"and": [{"var": ["a", 0]}, {"var": "b"}]})",
        R"({"==": [{"var": "a"}, 1]})",
        R"({"==": [1, {"var": "a"}]})",
        R"({"===": [{"var": "a"}, 1]})",
        R"({"!=": [{"var": "a"}, "1"]})",
        R"({"!==": [{"var": "a"}, "positive"]})",
        R"({"==": [{"var": "a"}, true]})",
        R"({"==": [{"var": "a"}, null]})",
        R"({">": [{"var": "a"}, 0]})",
        R"({">=": [{"var": "a"}, 1]})",
        R"({"<": [{"var": "a"}, "2"]})",
        R"({"<=": [0, {"var": "a"}, 50]})",
        R"({"<": [0, {"var": "a"}, {"var": "b"}]})",
        R"({"in": [{"var": "a"}, ["positive", "absent", 1, true, null]]})",
        R"({"in": [{"var": "a"}, []]})",
        R"({"in": [{"var": "a"}, "xpositivex"]})",
        R"({">=": [{"+": [{"if": [{"var": "a"}, 1, 0]}, {"if": [{"==": [{"var": "b"}, "positive"]}, 1, 0]},
                   {"var": "a"}]}, 2]})",
        R"({"==": [{"+": [{"var": "a"}, {"var": "b"}]}, 3]})",
        R"({"<": [{"+": []}, {"var": "a"}]})",
        R"({"==": [{"if": [{"var": "a"}, {"var": "b"}]}, 0]})",
        R"({"if": [{"var": "a"}, {">": [{"var": "b"}, 1]}, {"!": {"var": "b"}}]})",
        R"({"and": [{"in": [{"var": "a"}, ["positive"]]}, {"<=": [{"var": "b"}, 4]}]})",
        R"({"!": {"==": [{"var": "a"}, "positive"]}})",
        R"({"or": [{"var": "a.x"}, {"==": [{"var": "a.x"}, 1]}]})",
        R"({"missing_some": [1, ["a", "b"]]})",
        R"({"!!": {"missing_some": [2, ["a", "b", "c"]]}})",
        R"({"missing_some": [0, ["a", "b"]]})",
        R"({"missing_some": [1, ["a.x", "b"]]})",
        R"({"and": [{"==": [{"var": "a"}, 1]}, {"or": [{"!": {"var": "b"}}, {"in": [{"var": "b"}, [1]]}]}]})",
    };
    const std::vector<std::string> values = {"null",
                                             "true",
                                             "false",
                                             "0",
                                             "-0",
                                             "1",
                                             "2.5",
                                             "50",
                                             "\"1\"",
                                             "\"\"",
                                             "\"positive\"",
                                             "\"absent\"",
                                             "\"0\"",
                                             "[]",
                                             "[1]",
                                             "{\"x\": 1}"};
    ASSERT_FALSE(rules.empty());
    int checked = 0;
    for (const std::string& text : rules) {
        const JsonLogicRule rule = JsonLogicCompiler::compile(parseJson(text));
        for (std::size_t a = 0; a <= values.size(); ++a) {
            for (std::size_t b = 0; b <= values.size(); ++b) {
                // The last index stands for an absent answer; the fillers give the object a key index.
                std::string data =
                    "{\"f0\": 0, \"f1\": 1, \"f2\": 2, \"f3\": 3, \"f4\": 4, \"f5\": 5, \"f6\": 6, \"f7\": 7";
                if (a < values.size()) {
                    data += ", \"a\": " + values[a];
                }
                if (b < values.size()) {
                    data += ", \"b\": " + values[b];
                }
                data += "}";
                const JsonValue answers = parseJson(data);
                EXPECT_EQ(rule.isTruthy(answers), rule.evaluate(answers).truthy()) << text << " on " << data;
                ++checked;
            }
        }
    }
    EXPECT_EQ(checked, static_cast<int>(rules.size() * 17 * 17));
    EXPECT_EQ(rules.size(), 33U);
}

TEST(JsonLogicRule, BooleanAndOrIfGiveTheBooleanTheyDecide)
{
    // and/or/if made only of comparisons take the truth walk's answer for their value; it must be the
    // operand json-logic-js would return, a boolean.
    const JsonLogicRule andRule =
        JsonLogicCompiler::compile(parseJson(R"({"and": [{">": [{"var": "a"}, 1]}, {"!": {"var": "b"}}]})"));
    const JsonLogicRule orRule =
        JsonLogicCompiler::compile(parseJson(R"({"or": [{">": [{"var": "a"}, 1]}, {"!!": {"var": "b"}}]})"));
    const JsonLogicRule ifRule =
        JsonLogicCompiler::compile(parseJson(R"({"if": [{"var": "b"}, {"==": [{"var": "a"}, 2]}, false]})"));
    const JsonLogicRule mixed =
        JsonLogicCompiler::compile(parseJson(R"({"or": [{">": [{"var": "a"}, 1]}, {"var": "b"}]})"));
    EXPECT_EQ(andRule.evaluate(parseJson(R"({"a": 2, "b": 0})")).toJson(), JsonValue(true));
    EXPECT_EQ(andRule.evaluate(parseJson(R"({"a": 2, "b": "x"})")).toJson(), JsonValue(false));
    EXPECT_EQ(orRule.evaluate(parseJson(R"({"a": 0, "b": "x"})")).toJson(), JsonValue(true));
    EXPECT_EQ(orRule.evaluate(parseJson(R"({"a": 0})")).toJson(), JsonValue(false));
    EXPECT_EQ(ifRule.evaluate(parseJson(R"({"a": 2, "b": 1})")).toJson(), JsonValue(true));
    EXPECT_EQ(ifRule.evaluate(parseJson(R"({"a": 2})")).toJson(), JsonValue(false));
    // Not boolean-valued: `or` returns the answer itself.
    EXPECT_EQ(mixed.evaluate(parseJson(R"({"a": 0, "b": "x"})")).toJson(), JsonValue("x"));
}

TEST(JsonLogicRule, CountOfInALiteralListGivesEachKindOfAnswer)
{
    // `in` a literal list may take the numeric fast path of a count; answers of any type must count as
    // json-logic-js counts them (Array#indexOf, strict equality).
    const JsonLogicRule count = JsonLogicCompiler::compile(parseJson(R"({"+": [
        {"if": [{"in": [{"var": "a"}, ["positive", "negative"]]}, 1, 0]},
        {"if": [{"in": [{"var": "b"}, ["positive", "negative", 2]]}, 1, 0]},
        {"if": [{"in": [{"var": "c"}, [true]]}, 1, 0]}]})"));
    const JsonLogicRule atLeastTwo = JsonLogicCompiler::compile(parseJson(R"({">=": [{"+": [
        {"if": [{"in": [{"var": "a"}, ["positive", "negative"]]}, 1, 0]},
        {"if": [{"in": [{"var": "b"}, ["positive", "negative", 2]]}, 1, 0]},
        {"if": [{"in": [{"var": "c"}, [true]]}, 1, 0]}]}, 2]})"));
    const std::vector<std::pair<const char*, double>> cases = {
        {R"({"a": "positive", "b": "negative", "c": true})", 3.0},
        {R"({"a": "positive", "b": 2, "c": false})", 2.0},
        {R"({"a": "positive", "b": "2", "c": "true"})", 1.0},
        {R"({"a": null, "b": [2], "c": 1})", 0.0},
        {R"({})", 0.0},
        {R"({"a": "negativ", "b": {"x": 2}, "c": true})", 1.0}};
    for (const auto& [data, expected] : cases) {
        EXPECT_EQ(count.evaluate(parseJson(data)).toJson(), JsonValue(expected)) << data;
        EXPECT_EQ(atLeastTwo.isTruthy(parseJson(data)), expected >= 2.0) << data;
    }
}
