#include "support/ProcessRunner.h"

#include "core/json/JsonReader.h"

#include <gtest/gtest.h>

#include <string>

using backscreen::core::JsonReader;
using backscreen::tests::runCli;

namespace {

std::string fixture(const std::string& name)
{
    return std::string(BACKSCREEN_TEST_DATA_DIR) + "/core/outcomes/" + name;
}

} // namespace

TEST(ScoreCommand, ScoresFlatAnswersFromStdinAsText)
{
    auto result = runCli({"score", "-", "--instrument", "nprs"}, R"({"nprs_back": 7, "nprs_leg": 3})");
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out,
              "Numeric Pain Rating Scale (nprs, version 11-point; ruleset outcomes 1.2)\n"
              "Score: 7 (range 0–10, lower is better)\n"
              "Subscale back: 7\n"
              "Subscale leg: 3\n"
              "Qualifier recall: avg_24h\n");
    EXPECT_TRUE(result.err.empty());
}

TEST(ScoreCommand, DetectsTheInstrumentOfAQuestionnaireResponseAndWritesJson)
{
    auto result = runCli({"score", fixture("response-odi.json"), "--format", "json"});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    auto json = JsonReader::parse(result.out, "stdout");
    ASSERT_TRUE(json.ok());
    EXPECT_EQ(json.value->find("instrument")->asString(), "odi");
    EXPECT_EQ(json.value->find("version")->asString(), "2.1a");
    EXPECT_TRUE(json.value->find("scorable")->asBool());
    EXPECT_NEAR(json.value->find("score")->asNumber(), 2300.0 / 45.0, 1e-12);
    EXPECT_EQ(json.value->find("max")->asNumber(), 100.0);
    EXPECT_TRUE(json.value->find("subscales")->isObject());
    EXPECT_EQ(json.value->find("band")->asString(), "ODI_B3");
    EXPECT_TRUE(json.value->find("reason")->isNull());
}

TEST(ScoreCommand, UnscorableResponseIsExplainedAndExitsOne)
{
    std::string answers = R"({"odi_s01": 1, "odi_s02": 1, "odi_s03": 1, "odi_s04": 1, "odi_s05": 1, "odi_s06": 1,
        "odi_s07": 1})";
    auto text = runCli({"score", "-", "--instrument", "odi"}, answers);
    EXPECT_EQ(text.exitCode, 1);
    EXPECT_EQ(text.out,
              "Oswestry Disability Index (odi, version 2.1a; ruleset outcomes 1.2)\n"
              "Not scorable: 3 of 10 sections unanswered; the ODI is scored with at most 2 unanswered\n");
    auto json = runCli({"score", "-", "--instrument", "odi", "--format", "json"}, answers);
    EXPECT_EQ(json.exitCode, 1);
    auto parsed = JsonReader::parse(json.out, "stdout");
    ASSERT_TRUE(parsed.ok());
    EXPECT_FALSE(parsed.value->find("scorable")->asBool());
    EXPECT_TRUE(parsed.value->find("score")->isNull());
    EXPECT_EQ(parsed.value->find("reason")->asString(),
              "3 of 10 sections unanswered; the ODI is scored with at most 2 unanswered");
}

TEST(ScoreCommand, OutOfRangeAnswerIsBadInputNamingTheItem)
{
    auto result = runCli({"score", "-", "--instrument", "nprs"}, R"({"nprs_back": 11})");
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.out.empty());
    EXPECT_EQ(result.err,
              "backscreen-cli score: error: <stdin>: linkId \"nprs_back\" at /nprs_back: 11 is out of range; NPRS "
              "must be 0–10\n");
}

TEST(ScoreCommand, ResponseToAnotherQuestionnaireIsRefused)
{
    auto result = runCli({"score", fixture("response-odi.json"), "--instrument", "nprs"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err,
              "backscreen-cli score: error: " + fixture("response-odi.json")
                  + ": at /questionnaire: a response to the odi questionnaire; expected --instrument nprs\n");
}

TEST(ScoreCommand, FlatAnswersOfAnotherInstrumentAreRefused)
{
    auto result = runCli({"score", "-", "--instrument", "pgic"}, R"({"nprs_back": 4})");
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err,
              "backscreen-cli score: error: <stdin>: linkId \"nprs_back\" at /nprs_back: answers of the NPRS (nprs) "
              "given; expected answers of the PGIC (pgic)\n");
}

TEST(ScoreCommand, ClinicFormIsAcceptedWithQuestionnaireOption)
{
    auto without = runCli({"score", fixture("response-odi-clinic.json")});
    EXPECT_EQ(without.exitCode, 2);
    EXPECT_NE(without.err.find("is not an outcome-measure form"), std::string::npos);
    auto with = runCli({"score", fixture("response-odi-clinic.json"), "--questionnaire", fixture("clinic-odi.json")});
    EXPECT_EQ(with.exitCode, 0) << with.err;
    EXPECT_NE(with.out.find("Score: 51.1 (range 0–100, lower is better)\n"), std::string::npos);
    auto broken = runCli(
        {"score", fixture("response-odi-clinic.json"), "--questionnaire", fixture("clinic-odi-missing-linkid.json")});
    EXPECT_EQ(broken.exitCode, 2);
    EXPECT_EQ(broken.err,
              "backscreen-cli score: error: " + fixture("clinic-odi-missing-linkid.json")
                  + ": linkId \"odi_s08\" at /item: no item has this linkId; expected an item of type integer for ODI "
                    "section 8\n");
}

TEST(ScoreCommand, UsageErrorsExitTwo)
{
    auto noInstrument = runCli({"score", "-"}, R"({"pgic": 2})");
    EXPECT_EQ(noInstrument.exitCode, 2);
    EXPECT_EQ(noInstrument.err.substr(0, noInstrument.err.find('\n')),
              "backscreen-cli score: a flat answers object needs --instrument ID (nprs, odi, rmdq, psfs, sbst, pgic)");
    EXPECT_EQ(runCli({"score"}).exitCode, 2);
    EXPECT_EQ(runCli({"score", "-", "--format", "csv"}, "{}").exitCode, 2);
    auto unknown = runCli({"score", "-", "--instrument", "vas"}, "{}");
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_EQ(unknown.err,
              "backscreen-cli score: error: <stdin>: instrument \"vas\": unknown instrument; expected one of nprs, "
              "odi, rmdq, psfs, sbst, pgic\n");
    auto missing = runCli({"score", "/nonexistent/answers.json", "--instrument", "pgic"});
    EXPECT_EQ(missing.exitCode, 2);
}

TEST(ScoreCommand, WarningsArePrintedButScoringGoesOn)
{
    auto result = runCli({"score", "-", "--instrument", "rmdq"}, R"({"rmdq_item_01": true, "rmdq_total": 9})");
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_EQ(result.err,
              "backscreen-cli score: warning: <stdin>: linkId \"rmdq_total\" at /rmdq_total: paper total ignored; the "
              "items were answered and the items win (§7a)\n");
    EXPECT_NE(result.out.find("Score: 1 (range 0–24, lower is better)\n"), std::string::npos);
}

TEST(ScoreCommand, ResponseWithoutQuestionnaireNeedsInstrument)
{
    std::string response = R"({"resourceType": "QuestionnaireResponse", "status": "completed",
        "item": [{"linkId": "pgic", "answer": [{"valueInteger": 2}]}]})";
    auto without = runCli({"score", "-"}, response);
    EXPECT_EQ(without.exitCode, 2);
    EXPECT_EQ(without.err,
              "backscreen-cli score: error: <stdin>: at /questionnaire: the response names no questionnaire; expected "
              "a questionnaire canonical or --instrument ID\n");
    auto with = runCli({"score", "-", "--instrument", "pgic"}, response);
    EXPECT_EQ(with.exitCode, 0) << with.err;
    EXPECT_EQ(with.out,
              "Patient Global Impression of Change (pgic, version canonical-7; ruleset outcomes 1.2)\n"
              "Score: 2 (range 1–7, lower is better)\n"
              "Band: much improved (PGIC_2)\n");
}
