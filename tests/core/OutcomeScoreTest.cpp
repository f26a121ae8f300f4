#include "core/outcomes/OutcomeScore.h"

#include "OutcomeTestSupport.h"

#include "core/json/JsonWriter.h"

#include <gtest/gtest.h>

using backscreen::core::JsonWriter;
using backscreen::core::OutcomeScore;
using backscreen::tests::parseJson;
using backscreen::tests::scoreValid;

TEST(OutcomeScore, JsonCarriesInstrumentVersionScoreAndBand)
{
    auto score = scoreValid("odi", R"({"odi_s01": 3, "odi_s02": 2, "odi_s03": 3, "odi_s04": 2, "odi_s05": 4,
        "odi_s06": 2, "odi_s07": 3, "odi_s09": 2, "odi_s10": 2})");
    EXPECT_EQ(JsonWriter::write(score.toJson()),
              R"({"instrument":"odi","version":"2.1a","rulesetId":"outcomes","rulesetVersion":"1.2","scorable":true,)"
              R"("score":51.111111111111114,"scoreText":"51.1","min":0,"max":100,"displayDecimals":1,"subscales":{},)"
              R"("band":"ODI_B3","bandLabel":"severe disability","reason":null,"qualifiers":{},"activities":[],)"
              R"("notes":["1 section unanswered: scored out of 45"]})");
}

TEST(OutcomeScore, UnscorableJsonHasNullScoreAndAReason)
{
    auto json = scoreValid("sbst", R"({"sbst_item_01": "agree"})").toJson();
    EXPECT_FALSE(json.find("scorable")->asBool());
    EXPECT_TRUE(json.find("score")->isNull());
    EXPECT_TRUE(json.find("band")->isNull());
    EXPECT_EQ(json.find("reason")->asString(),
              "all nine items are required; unanswered: sbst_item_02, sbst_item_03, sbst_item_04, sbst_item_05, "
              "sbst_item_06, sbst_item_07, sbst_item_08, sbst_item_09");
}

TEST(OutcomeScore, RoundTripsThroughJson)
{
    for (const auto& [instrument, answers] : std::vector<std::pair<std::string, std::string>>{
             {"nprs", R"({"nprs_back": 4, "nprs_leg": 2, "nprs_recall": "avg_7d"})"},
             {"psfs",
              R"({"psfs_activity_1_label": "sit", "psfs_activity_1_score": 4, "psfs_activity_2_label": "run"})"},
             {"sbst", R"({"sbst_item_01": "agree"})"},
             {"rmdq", R"({"rmdq_item_01": true, "rmdq_total": 3})"}}) {
        OutcomeScore score = scoreValid(instrument, answers);
        auto back = OutcomeScore::fromJson(parseJson(JsonWriter::write(score.toJson())));
        ASSERT_TRUE(back.has_value()) << instrument;
        EXPECT_EQ(back->toJson(), score.toJson()) << instrument;
    }
}

TEST(OutcomeScore, FromJsonRefusesInconsistentOrIncompleteJson)
{
    auto json = JsonWriter::write(scoreValid("pgic", R"({"pgic": 2})").toJson());
    auto noScore = json;
    noScore.replace(noScore.find("\"score\":2"), 9, "\"score\":null");
    EXPECT_FALSE(OutcomeScore::fromJson(parseJson(noScore)).has_value());
    EXPECT_FALSE(OutcomeScore::fromJson(parseJson(R"({"instrument": "pgic"})")).has_value());
    EXPECT_TRUE(OutcomeScore::fromJson(parseJson(json)).has_value());
    auto hugeDecimals = json;
    hugeDecimals.replace(hugeDecimals.find("\"displayDecimals\":0"), 19, "\"displayDecimals\":1e300");
    EXPECT_FALSE(OutcomeScore::fromJson(parseJson(hugeDecimals)).has_value());
}
