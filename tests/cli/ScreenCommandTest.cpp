#include "support/ProcessRunner.h"

#include "core/json/JsonReader.h"
#include "core/json/JsonWriter.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

using backscreen::core::JsonReader;
using backscreen::core::JsonValue;
using backscreen::core::JsonWriter;
using backscreen::tests::runCli;

namespace {

std::string example(const std::string& name)
{
    return (std::filesystem::path(BACKSCREEN_FORMS_DIR) / "examples" / name).string();
}

JsonValue parseOutput(const std::string& text)
{
    auto read = JsonReader::parse(text, "stdout");
    if (!read.ok()) {
        ADD_FAILURE() << "not JSON: " << text;
        return {};
    }
    return *read.value;
}

} // namespace

TEST(ScreenCommand, HelpDocumentsTheExitCodes)
{
    auto result = runCli({"screen", "--help"});
    EXPECT_EQ(result.exitCode, 0);
    for (const char* line :
         {"  0  triage NONE", "  1  findings", "  2  invalid input", "  3  triage INCOMPLETE", "  4  red flag"}) {
        EXPECT_NE(result.out.find(line), std::string::npos) << line;
    }
    EXPECT_NE(runCli({"help"}).out.find("screen FILE [--format text|json]"), std::string::npos);
}

TEST(ScreenCommand, CaudaEquinaResponseIsEmergencyWithWhyAndExitsFour)
{
    auto result = runCli({"screen", example("cauda-equina.json"), "--format", "json"});
    EXPECT_EQ(result.exitCode, 4);
    EXPECT_TRUE(result.err.empty()) << result.err;
    const JsonValue json = parseOutput(result.out);
    ASSERT_TRUE(json.isObject());
    EXPECT_EQ(*json.find("triage"), JsonValue("EMERGENCY"));
    EXPECT_EQ(*json.find("programBlocked"), JsonValue(true));
    const JsonValue& first = json.find("findings")->asArray().at(0);
    EXPECT_EQ(*first.find("ruleId"), JsonValue("RF-CES-01"));
    EXPECT_EQ(*first.find("rulesetId"), JsonValue("redflags"));
    EXPECT_EQ(*first.find("rulesetVersion"), JsonValue("2.0.0"));
    EXPECT_EQ(*first.find("tier"), JsonValue("EMERGENCY"));
    EXPECT_EQ(*first.find("reference"), JsonValue("R5"));
    const JsonValue& why = first.find("why")->asArray().at(0);
    EXPECT_EQ(*why.find("linkId"), JsonValue("bladder_new_dysfunction"));
    EXPECT_EQ(*why.find("answer"), JsonValue(true));
    EXPECT_EQ(why.find("text")->asString().rfind("Have you noticed any new change in passing urine?", 0), 0u);
    EXPECT_EQ(JsonWriter::write(*json.find("patterns")),
              R"({"sij":"SUPPRESSED","radicular":"SUPPRESSED","lcs":"SUPPRESSED"})");
    EXPECT_EQ(JsonWriter::write(*json.find("missing")), "[]");
}

TEST(ScreenCommand, ClearClientExitsZeroAndPrintsTriageFirst)
{
    auto result = runCli({"screen", example("clear-client.json")});
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_EQ(result.out.rfind("Triage: NONE\n", 0), 0u) << result.out;
    EXPECT_NE(result.out.find("Home program: not blocked"), std::string::npos);
    EXPECT_NE(result.out.find("Red flags fired: none"), std::string::npos);
    EXPECT_NE(result.out.find("  lcs: UNLIKELY\n"), std::string::npos);
}

TEST(ScreenCommand, PatternFindingOrMonitorExitsOne)
{
    EXPECT_EQ(runCli({"screen", example("sij-pain.json")}).exitCode, 1);
    auto monitor = runCli({"screen", example("monitor-older-adult.json")});
    EXPECT_EQ(monitor.exitCode, 1);
    EXPECT_EQ(monitor.out.rfind("Triage: MONITOR\n  Record; give safety-net advice", 0), 0u) << monitor.out;
}

TEST(ScreenCommand, IncompleteResponseExitsThreeAndNamesMissingQuestions)
{
    auto text = runCli({"screen", example("incomplete-red-flags.json")});
    EXPECT_EQ(text.exitCode, 3);
    EXPECT_NE(text.out.find("Missing answers:\n  failure_to_improve_4w"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("  sij: NOT_ASSESSED (provisional)"), std::string::npos);
    auto json = runCli({"screen", example("incomplete-red-flags.json"), "--format", "json"});
    EXPECT_EQ(json.exitCode, 3);
    EXPECT_EQ(JsonWriter::write(*parseOutput(json.out).find("missing")),
              R"(["failure_to_improve_4w","saddle_sensory_change","sexual_new_dysfunction"])");
}

TEST(ScreenCommand, FlatAnswersFromStdinScreenLikeTheResponse)
{
    // The JSON output keeps the flat answers it screened; screening them again gives the same result.
    auto fromResponse = runCli({"screen", example("inflammatory-back-pain.json"), "--format", "json"});
    EXPECT_EQ(fromResponse.exitCode, 4);
    const JsonValue first = parseOutput(fromResponse.out);
    auto fromStdin = runCli({"screen", "-", "--format", "json"}, JsonWriter::write(*first.find("answers")));
    EXPECT_EQ(fromStdin.exitCode, 4) << fromStdin.err;
    EXPECT_EQ(fromStdin.out, fromResponse.out);
}

TEST(ScreenCommand, OutOfRangeAnswerIsInvalidInputNotUnanswered)
{
    auto result = runCli({"screen", "-"}, R"({"age_years": 15})");
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.out.empty());
    EXPECT_NE(result.err.find("invalid input: <stdin>: item \"age_years\" at /age_years"), std::string::npos)
        << result.err;
}

TEST(ScreenCommand, WrongTypeAndUnknownLinkIdAreInvalidInput)
{
    auto result = runCli({"screen", "-"}, R"({"bladder_new_dysfunction": "yes", "no_such_item": true})");
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("item \"bladder_new_dysfunction\""), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("item \"no_such_item\""), std::string::npos) << result.err;
}

TEST(ScreenCommand, UnreadableOrMalformedInputExitsTwo)
{
    EXPECT_EQ(runCli({"screen", "/no/such/file.json"}).exitCode, 2);
    EXPECT_EQ(runCli({"screen", "-"}, "{not json").exitCode, 2);
    EXPECT_EQ(runCli({"screen", "-"}, "[1, 2]").exitCode, 2);
    EXPECT_EQ(runCli({"screen", "-"}, R"({"resourceType": "Patient"})").exitCode, 2);
}

TEST(ScreenCommand, UsageErrorsExitTwo)
{
    EXPECT_EQ(runCli({"screen"}).exitCode, 2);
    auto badFormat = runCli({"screen", example("clear-client.json"), "--format", "xml"});
    EXPECT_EQ(badFormat.exitCode, 2);
    EXPECT_EQ(badFormat.err, "backscreen-cli screen: --format needs a value; expected text or json\n");
}

TEST(ScreenCommand, EmptyAnswersAreIncompleteNeverClear)
{
    auto result = runCli({"screen", "-", "--format", "json"}, "{}");
    EXPECT_EQ(result.exitCode, 3);
    const JsonValue json = parseOutput(result.out);
    EXPECT_EQ(*json.find("triage"), JsonValue("INCOMPLETE"));
    EXPECT_EQ(*json.find("programBlocked"), JsonValue(true));
    EXPECT_GT(json.find("missing")->size(), 40u);
}
