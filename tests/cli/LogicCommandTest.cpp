#include "support/ProcessRunner.h"

#include "core/json/JsonReader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using backscreen::core::JsonReader;
using backscreen::core::JsonValue;
using backscreen::tests::runCli;

namespace {

class TemporaryFile
{
public:
    TemporaryFile(const std::string& name, const std::string& text)
        : m_path(std::filesystem::temp_directory_path() / (std::to_string(::getpid()) + "-" + name))
    {
        std::ofstream(m_path) << text;
    }

    ~TemporaryFile() { std::filesystem::remove(m_path); }

    std::string path() const { return m_path.string(); }

private:
    std::filesystem::path m_path;
};

JsonValue parsed(const std::string& text)
{
    auto read = JsonReader::parse(text, "output");
    EXPECT_TRUE(read.ok()) << text;
    return read.ok() ? *read.value : JsonValue();
}

} // namespace

TEST(LogicCommand, EvaluatesInlineRuleAndDataAndPrintsJson)
{
    auto result = runCli({"logic", R"({"cat": ["age ", {"var": "age"}, " ", {"/": [3, 2]}]})", R"({"age": 54})"});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out, "\"age 54 1.5\"\n");
    EXPECT_TRUE(result.err.empty());
}

TEST(LogicCommand, ReadsRuleFromFileAndDataFromStandardInput)
{
    TemporaryFile rule("rule.json", R"({">=": [{"var": "age_years"}, 50]})");
    auto result = runCli({"logic", rule.path(), "-"}, R"({"age_years": 50})");
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out, "true\n");
}

TEST(LogicCommand, TracePrintsResultAndDecisiveReads)
{
    auto result = runCli({"logic",
                          R"({"or": [{"var": "a"}, {"==": [{"var": "b"}, "yes"]}]})",
                          R"({"a": false, "b": "yes"})",
                          "--trace"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    JsonValue out = parsed(result.out);
    EXPECT_EQ(*out.find("result"), JsonValue(true));
    const JsonValue::Array& reads = out.find("reads")->asArray();
    ASSERT_EQ(reads.size(), 2u);
    EXPECT_EQ(*reads[0].find("path"), JsonValue("a"));
    EXPECT_EQ(*reads[0].find("decisive"), JsonValue(false));
    EXPECT_EQ(*reads[1].find("path"), JsonValue("b"));
    EXPECT_EQ(*reads[1].find("value"), JsonValue("yes"));
    EXPECT_EQ(*reads[1].find("pointer"), JsonValue("/or/1/==/0"));
    EXPECT_EQ(*reads[1].find("decisive"), JsonValue(true));
}

TEST(LogicCommand, PartialReportsUnknownAndTheUnansweredInputs)
{
    auto result =
        runCli({"logic", R"({"and": [{"var": "fever"}, {"var": "trauma"}]})", R"({"fever": true})", "--partial"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    JsonValue out = parsed(result.out);
    EXPECT_EQ(*out.find("truth"), JsonValue("unknown"));
    EXPECT_EQ(out.find("value"), nullptr);
    EXPECT_EQ(*out.find("unknownInputs"), JsonValue(JsonValue::Array{JsonValue("trauma")}));
}

TEST(LogicCommand, BadRuleNamesItsPointerAndExitsTwo)
{
    auto result = runCli({"logic", R"({"and": [true, {"or": [1]}, {"var": true}]})", "{}"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.out.empty());
    EXPECT_EQ(result.err, "backscreen-cli logic: /and/2/var: expected string or array\n");
}

TEST(LogicCommand, UnknownOperationIsRejectedBeforeEvaluation)
{
    auto result = runCli({"logic", R"({"if": [false, {"frobnicate": [1]}, 2]})", "{}"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("/if/1: unknown operation \"frobnicate\""), std::string::npos) << result.err;
}

TEST(LogicCommand, MalformedJsonGivesPositionAndExitsTwo)
{
    TemporaryFile data("broken.json", "{\"a\": [1, 2,]}");
    auto result = runCli({"logic", R"({"var": "a"})", data.path()});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("broken.json: at /a/2: unexpected ']'"), std::string::npos) << result.err;
}

TEST(LogicCommand, WrongArgumentCountIsAUsageError)
{
    auto result = runCli({"logic", "{}"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("usage: backscreen-cli logic RULE DATA"), std::string::npos);
}

TEST(LogicCommand, LogWritesToStandardErrorNotTheResult)
{
    auto result = runCli({"logic", R"({"log": {"+": [1, 2]}})", "null"});
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_EQ(result.out, "3\n");
    EXPECT_EQ(result.err, "3\n");
}
