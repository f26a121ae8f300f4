#include "core/jsonlogic/JsonLogicCompiler.h"

#include "JsonTestSupport.h"

#include "core/jsonlogic/JsonLogicError.h"

#include <gtest/gtest.h>

#include <string>

using backscreen::Error;
using backscreen::ErrorCode;
using backscreen::core::JsonLogicCompiler;
using backscreen::core::JsonLogicError;
using backscreen::core::JsonLogicRule;
using backscreen::core::JsonValue;
using backscreen::tests::parseJson;

namespace {

// The error compiling `rule` gives; fails the test when it compiles.
JsonLogicError compileError(const std::string& rule)
{
    try {
        JsonLogicCompiler::compile(parseJson(rule));
    } catch (const JsonLogicError& error) {
        return error;
    }
    ADD_FAILURE() << rule << " compiled; expected an error";
    return JsonLogicError(ErrorCode::JsonLogicBadArgument, "", "none");
}

} // namespace

TEST(JsonLogicCompiler, UnknownOperationIsRejectedAtCompileTimeWithItsPointer)
{
    // The operation sits in a branch that would never run: it is still an error.
    JsonLogicError error = compileError(R"({"if": [true, 1, {"and": [true, {"frobnicate": 1}]}]})");
    EXPECT_EQ(error.code(), ErrorCode::JsonLogicUnknownOperation);
    EXPECT_EQ(error.pointer(), "/if/2/and/1");
    EXPECT_STREQ(
        error.what(),
        "/if/2/and/1: unknown operation \"frobnicate\"; expected a JsonLogic operation (var, if, and, ==, ...)");
}

TEST(JsonLogicCompiler, VarWithABooleanPathNamesTheArgument)
{
    JsonLogicError error = compileError(R"({"and": [true, {"!": 1}, {"var": true}]})");
    EXPECT_EQ(error.code(), ErrorCode::JsonLogicBadArgument);
    EXPECT_STREQ(error.what(), "/and/2/var: expected string or array");
    JsonLogicError inArray = compileError(R"({"var": [{"a": 1, "b": 2}, 0]})");
    EXPECT_STREQ(inArray.what(), "/var/0: expected a path: a string, a number or null");
}

TEST(JsonLogicCompiler, RejectsWhatJsonLogicJsWouldThrowOnWhenRun)
{
    EXPECT_STREQ(compileError(R"({"*": []})").what(), "/*: expected at least one argument");
    EXPECT_STREQ(compileError(R"({"missing_some": [1]})").what(),
                 "/missing_some: expected 2 arguments: a count and a list of names");
    EXPECT_STREQ(compileError(R"({"missing_some": [1, null]})").what(), "/missing_some/1: expected a list of names");
}

TEST(JsonLogicCompiler, RootProblemIsNamedRule)
{
    JsonLogicError error = compileError(R"({"nope": []})");
    EXPECT_EQ(error.pointer(), "");
    EXPECT_STREQ(error.what(),
                 "rule: unknown operation \"nope\"; expected a JsonLogic operation (var, if, and, ==, ...)");
}

TEST(JsonLogicCompiler, TenThousandLevelsBuiltAsJsonValueGiveAnErrorNotACrash)
{
    JsonValue rule = JsonValue(true);
    for (int i = 0; i < 10000; ++i) {
        rule = JsonValue(JsonValue::Object{{"!", JsonValue(JsonValue::Array{rule})}});
    }
    try {
        JsonLogicCompiler::compile(rule);
        FAIL() << "a 10,000-level rule compiled";
    } catch (const JsonLogicError& error) {
        EXPECT_EQ(error.code(), ErrorCode::JsonLogicTooDeep);
        EXPECT_EQ(std::string(error.what()).find("rule nests deeper than 256 levels"), error.pointer().size() + 2);
        EXPECT_EQ(error.pointer().substr(0, 10), "/!/0/!/0/!");
    }
    // Release the deep value level by level: its own destructor would recurse 10,000 times.
    while (rule.isObject()) {
        JsonValue inner = rule.asObject().front().second.asArray().front();
        rule = inner;
    }
}

TEST(JsonLogicCompiler, TenThousandLevelsAsTextAreRefusedByTheReader)
{
    std::string text;
    for (int i = 0; i < 10000; ++i) {
        text += R"({"!":[)";
    }
    text += "true";
    for (int i = 0; i < 10000; ++i) {
        text += "]}";
    }
    try {
        JsonLogicCompiler::compileText(text, "deep.json");
        FAIL() << "a 10,000-level rule text compiled";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::JsonTooDeep);
        EXPECT_EQ(std::string(error.what()).rfind("deep.json: at /!/0", 0), 0u) << error.what();
    }
}

TEST(JsonLogicCompiler, NestingUpToTheLimitCompilesAndEvaluates)
{
    JsonValue rule = JsonValue(true);
    for (int i = 0; i < 127; ++i) { // 2 JSON levels each: 254 of the 256 allowed
        rule = JsonValue(JsonValue::Object{{"!", JsonValue(JsonValue::Array{rule})}});
    }
    JsonLogicRule compiled = JsonLogicCompiler::compile(rule);
    EXPECT_EQ(compiled.evaluateToJson(JsonValue()), JsonValue(false)); // 127 negations of true
}

TEST(JsonLogicCompiler, MalformedTextGivesTheReadersError)
{
    try {
        JsonLogicCompiler::compileText(R"({"var": "a",})", "rule.json");
        FAIL() << "malformed text compiled";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::JsonSyntax);
        EXPECT_EQ(std::string(error.what()).rfind("rule.json: ", 0), 0u) << error.what();
    }
}

TEST(JsonLogicCompiler, ObjectsThatAreNotOperationsAreLiterals)
{
    JsonLogicRule rule = JsonLogicCompiler::compile(parseJson(R"([{}, {"a": 1, "b": {"var": "x"}}, {"var": "x"}])"));
    EXPECT_EQ(rule.evaluateToJson(parseJson(R"({"x": 7})")), parseJson(R"([{}, {"a": 1, "b": {"var": "x"}}, 7])"));
}

TEST(JsonLogicCompiler, RuntimeTypeErrorOfJsonLogicJsIsATypedError)
{
    JsonLogicRule rule = JsonLogicCompiler::compile(parseJson(R"({"missing_some": [1, {"var": "names"}]})"));
    try {
        rule.evaluate(parseJson(R"({"names": null})"));
        FAIL() << "missing_some over null evaluated";
    } catch (const JsonLogicError& error) {
        EXPECT_EQ(error.code(), ErrorCode::JsonLogicEvaluationFailed);
        EXPECT_EQ(error.pointer(), "");
    }
}

TEST(JsonLogicCompiler, RunawayGrowthHitsTheResourceLimit)
{
    // Doubling a string 40 times would need a terabyte.
    JsonLogicRule rule = JsonLogicCompiler::compile(
        parseJson(R"({"reduce": [{"var": "xs"}, {"cat": [{"var": "accumulator"}, {"var": "accumulator"}]}, "ab"]})"));
    JsonValue::Array xs(40, JsonValue(1));
    try {
        rule.evaluate(JsonValue(JsonValue::Object{{"xs", JsonValue(xs)}}));
        FAIL() << "runaway growth evaluated";
    } catch (const JsonLogicError& error) {
        EXPECT_EQ(error.code(), ErrorCode::JsonLogicLimitExceeded);
        EXPECT_EQ(error.pointer(), "/reduce/1");
    }
}
