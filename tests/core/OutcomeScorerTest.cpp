#include "core/outcomes/OutcomeScorer.h"

#include "OutcomeTestSupport.h"

#include "core/json/JsonWriter.h"
#include "core/outcomes/DisplayNumber.h"

#include <gtest/gtest.h>

#include <string>

using backscreen::ErrorCode;
using backscreen::core::JsonValue;
using backscreen::core::OutcomeScorer;
using backscreen::core::Severity;
using backscreen::tests::outcomeMeasures;
using backscreen::tests::parseJson;
using backscreen::tests::scoreValid;

namespace {

backscreen::core::OutcomeScoreResult scoreAny(const std::string& instrument, const std::string& answers)
{
    return OutcomeScorer(outcomeMeasures()).score(instrument, parseJson(answers), "answers.json");
}

std::string odiAnswers(const std::vector<int>& sections)
{
    std::string text = "{";
    for (std::size_t i = 0; i < sections.size(); ++i) {
        if (sections[i] < 0) {
            continue;
        }
        // Appended piece by piece: GCC 12 -O3 warns falsely (-Wrestrict) on "literal" + std::string.
        text += text.size() > 1 ? ",\"odi_s" : "\"odi_s";
        text += i < 9 ? "0" : "";
        text += std::to_string(i + 1);
        text += "\":";
        text += std::to_string(sections[i]);
    }
    return text + "}";
}

std::string startBack(int agreeFirstFour, int agreePsychosocial, const std::string& item9)
{
    std::string text = "{";
    for (int item = 1; item <= 8; ++item) {
        bool agree = item <= 4 ? item <= agreeFirstFour : item - 4 <= agreePsychosocial;
        text += "\"sbst_item_0" + std::to_string(item) + "\":\"" + (agree ? "agree" : "disagree") + "\",";
    }
    return text + "\"sbst_item_09\":\"" + item9 + "\"}";
}

} // namespace

TEST(OutcomeScorer, NprsScoresZeroAndTen)
{
    auto zero = scoreValid("nprs", R"({"nprs_back": 0})");
    EXPECT_TRUE(zero.scorable);
    EXPECT_EQ(zero.score, 0.0);
    EXPECT_EQ(zero.max, 10.0);
    auto ten = scoreValid("nprs", R"({"nprs_back": 10, "nprs_leg": 4, "nprs_recall": "now"})");
    EXPECT_EQ(ten.score, 10.0);
    EXPECT_EQ(ten.subscale("back"), 10.0);
    EXPECT_EQ(ten.subscale("leg"), 4.0);
    EXPECT_EQ(ten.qualifier("recall"), "now");
    EXPECT_EQ(ten.instrument, "nprs");
    EXPECT_EQ(ten.version, "11-point");
    EXPECT_EQ(ten.rulesetId, "outcomes");
    EXPECT_EQ(ten.rulesetVersion, "1.2");
}

TEST(OutcomeScorer, NprsRecallDefaultsToAverageOver24Hours)
{
    EXPECT_EQ(scoreValid("nprs", R"({"nprs_back": 3})").qualifier("recall"), "avg_24h");
}

TEST(OutcomeScorer, NprsWithoutBackPainIsNotScorableButKeepsLegPain)
{
    auto score = scoreValid("nprs", R"({"nprs_leg": 6, "nprs_back": null})");
    EXPECT_FALSE(score.scorable);
    EXPECT_FALSE(score.score.has_value());
    EXPECT_EQ(score.subscale("leg"), 6.0);
    EXPECT_EQ(score.reason, "back pain not rated (nprs_back); the NPRS score is back pain intensity");
    EXPECT_EQ(scoreValid("nprs", "{}").reason, "no pain rating given (nprs_back, nprs_leg)");
}

TEST(OutcomeScorer, OdiScoresZeroAndOneHundred)
{
    auto zero = scoreValid("odi", odiAnswers({0, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
    EXPECT_EQ(zero.score, 0.0);
    EXPECT_EQ(zero.bandId, "ODI_B1");
    auto full = scoreValid("odi", odiAnswers({5, 5, 5, 5, 5, 5, 5, 5, 5, 5}));
    EXPECT_EQ(full.score, 100.0);
    EXPECT_EQ(full.bandId, "ODI_B5");
    EXPECT_EQ(full.bandLabel, "bed-bound or exaggerating");
    EXPECT_EQ(full.version, "2.1a");
}

TEST(OutcomeScorer, OdiTwoMissingSectionsIsTheLimitAndThreeIsPastIt)
{
    auto atLimit = scoreValid("odi", odiAnswers({5, 5, 5, 5, 5, 5, 5, 5, -1, -1}));
    EXPECT_TRUE(atLimit.scorable);
    EXPECT_EQ(atLimit.score, 100.0);
    ASSERT_EQ(atLimit.notes.size(), 1u);
    EXPECT_EQ(atLimit.notes[0], "2 sections unanswered: scored out of 40");
    auto pastLimit = scoreValid("odi", odiAnswers({5, 5, 5, 5, 5, 5, 5, -1, -1, -1}));
    EXPECT_FALSE(pastLimit.scorable);
    EXPECT_TRUE(pastLimit.bandId.empty());
    auto blank = scoreValid("odi", "{}");
    EXPECT_FALSE(blank.scorable);
    EXPECT_EQ(blank.reason, "10 of 10 sections unanswered; the ODI is scored with at most 2 unanswered");
}

TEST(OutcomeScorer, OdiBandEdgesAreInclusiveUpperBounds)
{
    struct Case
    {
        std::vector<int> sections;
        const char* band;
    };

    // All ten sections answered: each edge exactly and the next score above it.
    const Case cases[] = {
        {{2, 2, 2, 2, 2, 0, 0, 0, 0, 0}, "ODI_B1"}, // 20.0
        {{2, 2, 2, 2, 2, 1, 0, 0, 0, 0}, "ODI_B2"}, // 22.0
        {{4, 4, 4, 4, 4, 0, 0, 0, 0, 0}, "ODI_B2"}, // 40.0
        {{4, 4, 4, 4, 4, 1, 0, 0, 0, 0}, "ODI_B3"}, // 42.0
        {{5, 5, 5, 5, 5, 5, 0, 0, 0, 0}, "ODI_B3"}, // 60.0
        {{5, 5, 5, 5, 5, 5, 1, 0, 0, 0}, "ODI_B4"}, // 62.0
        {{5, 5, 5, 5, 5, 5, 5, 5, 0, 0}, "ODI_B4"}, // 80.0
        {{5, 5, 5, 5, 5, 5, 5, 5, 1, 0}, "ODI_B5"}, // 82.0
    };
    for (const Case& testCase : cases) {
        auto score = scoreValid("odi", odiAnswers(testCase.sections));
        EXPECT_EQ(score.bandId, testCase.band) << *score.score;
    }
    // 9 answered, sum 9: 20.0 exactly through a division by 45.
    auto nine = scoreValid("odi", odiAnswers({1, 1, 1, 1, 1, 1, 1, 1, 1, -1}));
    EXPECT_EQ(nine.score, 20.0);
    EXPECT_EQ(nine.bandId, "ODI_B1");
}

TEST(OutcomeScorer, OdiVersionComesFromTheAnswer)
{
    auto score = scoreValid("odi", R"({"odi_version": "2.0", "odi_s01": 1, "odi_s02": 1, "odi_s03": 1,
        "odi_s04": 1, "odi_s05": 1, "odi_s06": 1, "odi_s07": 1, "odi_s08": 1})");
    EXPECT_EQ(score.version, "2.0");
}

TEST(OutcomeScorer, RmdqZeroAndTwentyFour)
{
    std::string none = "{";
    std::string all = "{";
    for (int item = 1; item <= 24; ++item) {
        std::string key = std::string("\"rmdq_item_") + (item < 10 ? "0" : "") + std::to_string(item) + "\":";
        none += (item > 1 ? "," : "") + key + "false";
        all += (item > 1 ? "," : "") + key + "true";
    }
    auto zero = scoreValid("rmdq", none + "}");
    EXPECT_TRUE(zero.scorable);
    EXPECT_EQ(zero.score, 0.0);
    EXPECT_EQ(scoreValid("rmdq", all + "}").score, 24.0);
}

TEST(OutcomeScorer, RmdqBlankFormIsNotScorable)
{
    auto blank = scoreValid("rmdq", R"({"rmdq_item_03": null})");
    EXPECT_FALSE(blank.scorable);
    EXPECT_EQ(blank.reason, "blank form: no item answered and no paper total (rmdq_total)");
}

TEST(OutcomeScorer, RmdqUnansweredItemsCountAsNotTicked)
{
    EXPECT_EQ(scoreValid("rmdq", R"({"rmdq_item_01": true, "rmdq_item_24": true})").score, 2.0);
}

TEST(OutcomeScorer, RmdqItemsWinOverPaperTotalWithAWarning)
{
    auto result = OutcomeScorer(outcomeMeasures())
                      .score("rmdq", parseJson(R"({"rmdq_item_01": true, "rmdq_total": 12})"), "answers.json");
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.score->score, 1.0);
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].code, ErrorCode::OutcomeAnswerIgnored);
    EXPECT_EQ(result.diagnostics[0].severity, Severity::Warning);
    EXPECT_EQ(result.diagnostics[0].pointer, "/rmdq_total");
    ASSERT_EQ(result.score->notes.size(), 1u);
    EXPECT_EQ(result.score->notes[0], "rmdq_total 12 ignored: the items were answered and the items win");
}

TEST(OutcomeScorer, RmdqPaperTotalAloneIsTheScore)
{
    auto score = scoreValid("rmdq", R"({"rmdq_total": 24})");
    EXPECT_EQ(score.score, 24.0);
}

TEST(OutcomeScorer, PsfsLeavesUnratedActivitiesOutOfTheMean)
{
    auto score = scoreValid("psfs", R"({"psfs_activity_1_label": "Sit 30 min", "psfs_activity_1_score": 3,
        "psfs_activity_2_label": "Lift a child", "psfs_activity_3_label": "Walk the dog", "psfs_activity_3_score": 6})");
    EXPECT_TRUE(score.scorable);
    EXPECT_EQ(score.score, 4.5);
    ASSERT_EQ(score.activities.size(), 3u);
    EXPECT_EQ(score.activities[1].label, "Lift a child");
    EXPECT_FALSE(score.activities[1].rating.has_value());
    EXPECT_EQ(score.activities[2].slot, 3);
}

TEST(OutcomeScorer, PsfsNamedButUnratedIsNotScorable)
{
    auto score = scoreValid("psfs", R"({"psfs_activity_1_label": "Sit 30 min"})");
    EXPECT_FALSE(score.scorable);
    EXPECT_EQ(score.reason, "no activity rated");
}

TEST(OutcomeScorer, PsfsZeroAndTenAndFiveActivities)
{
    EXPECT_EQ(scoreValid("psfs", R"({"psfs_activity_1_label": "a", "psfs_activity_1_score": 0})").score, 0.0);
    auto five = scoreValid("psfs", R"({"psfs_activity_1_label": "a", "psfs_activity_1_score": 10,
        "psfs_activity_2_label": "b", "psfs_activity_2_score": 10, "psfs_activity_3_label": "c",
        "psfs_activity_3_score": 10, "psfs_activity_4_label": "d", "psfs_activity_4_score": 10,
        "psfs_activity_5_label": "e", "psfs_activity_5_score": 10})");
    EXPECT_EQ(five.score, 10.0);
    EXPECT_EQ(five.activities.size(), 5u);
}

TEST(OutcomeScorer, PsfsRatingWithoutActivityNameIsRefused)
{
    auto result = scoreAny("psfs", R"({"psfs_activity_2_score": 4})");
    EXPECT_FALSE(result.ok());
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].code, ErrorCode::OutcomeAnswersInconsistent);
    EXPECT_EQ(result.diagnostics[0].pointer, "/psfs_activity_2_score");
    EXPECT_EQ(result.diagnostics[0].message, "rating without an activity name; expected psfs_activity_2_label");
}

TEST(OutcomeScorer, PsfsSameActivityTwiceIsRefused)
{
    auto result =
        scoreAny("psfs", R"({"psfs_activity_1_label": "Sit 30 min", "psfs_activity_3_label": " sit 30 MIN"})");
    EXPECT_FALSE(result.ok());
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].pointer, "/psfs_activity_3_label");
    EXPECT_EQ(result.diagnostics[0].message,
              "activity \"sit 30 MIN\" also named in slot 1; expected each activity once");
}

TEST(OutcomeScorer, StartBackRiskGroupCutOffs)
{
    struct Case
    {
        int firstFour;
        int psychosocialAgree;
        const char* item9;
        double total;
        double psychosocial;
        const char* band;
    };

    const Case cases[] = {
        {0, 0, "not_at_all", 0, 0, "SBST_LOW"},    // minimum
        {3, 0, "slightly", 3, 0, "SBST_LOW"},      // total 3: last LOW
        {4, 0, "moderately", 4, 0, "SBST_MEDIUM"}, // total 4: first MEDIUM
        {4, 3, "moderately", 7, 3, "SBST_MEDIUM"}, // psychosocial 3: last MEDIUM
        {0, 3, "very_much", 4, 4, "SBST_HIGH"},    // psychosocial 4 (item 9 counts): first HIGH
        {0, 4, "not_at_all", 4, 4, "SBST_HIGH"},   // psychosocial 4 from items 5–8
        {3, 0, "extremely", 4, 1, "SBST_MEDIUM"},  // item 9 pushes the total to 4
        {4, 4, "extremely", 9, 5, "SBST_HIGH"},    // maximum
    };
    for (const Case& testCase : cases) {
        auto score = scoreValid("sbst", startBack(testCase.firstFour, testCase.psychosocialAgree, testCase.item9));
        SCOPED_TRACE(std::to_string(testCase.firstFour) + "/" + std::to_string(testCase.psychosocialAgree) + "/"
                     + testCase.item9);
        EXPECT_EQ(score.score, testCase.total);
        EXPECT_EQ(score.subscale("psychosocial"), testCase.psychosocial);
        EXPECT_EQ(score.bandId, testCase.band);
    }
    EXPECT_EQ(scoreValid("sbst", startBack(0, 0, "slightly")).bandLabel, "low risk");
}

TEST(OutcomeScorer, StartBackFormVersionIsStored)
{
    std::string answers = startBack(1, 1, "slightly");
    answers.insert(1, R"("sbst_form_version": "keele-2021",)");
    EXPECT_EQ(scoreValid("sbst", answers).version, "keele-2021");
    EXPECT_EQ(scoreValid("sbst", startBack(1, 1, "slightly")).version, "keele-9-item");
}

TEST(OutcomeScorer, PgicScoresOneToSevenWithLabels)
{
    auto best = scoreValid("pgic", R"({"pgic": 1})");
    EXPECT_EQ(best.score, 1.0);
    EXPECT_EQ(best.max, 7.0);
    EXPECT_EQ(best.min, 1.0);
    EXPECT_EQ(best.bandId, "PGIC_1");
    EXPECT_EQ(best.bandLabel, "very much improved");
    EXPECT_EQ(scoreValid("pgic", R"({"pgic": 7})").bandLabel, "very much worse");
    EXPECT_EQ(scoreValid("pgic", "{}").reason, "no rating given (pgic)");
}

TEST(OutcomeScorer, WrongTypesAreRefusedNotConverted)
{
    auto result = scoreAny("nprs", R"({"nprs_back": "7", "nprs_leg": 7.5, "nprs_recall": true})");
    EXPECT_FALSE(result.ok());
    ASSERT_EQ(result.diagnostics.size(), 3u);
    EXPECT_EQ(result.diagnostics[0].code, ErrorCode::OutcomeAnswerWrongType);
    EXPECT_EQ(result.diagnostics[0].toString(),
              "answers.json: linkId \"nprs_back\" at /nprs_back: \"7\" is a string; NPRS must be an integer 0–10");
    EXPECT_EQ(result.diagnostics[1].message, "7.5 is not a whole number; NPRS must be an integer 0–10");
    EXPECT_EQ(result.diagnostics[2].code, ErrorCode::OutcomeAnswerWrongType);
    EXPECT_EQ(result.diagnostics[2].message,
              "true is a boolean; NPRS recall period must be one of avg_24h, now, avg_7d");
}

TEST(OutcomeScorer, OutOfRangeAnswersAreRefusedNotClamped)
{
    auto negative = scoreAny("nprs", R"({"nprs_back": -1})");
    ASSERT_EQ(negative.diagnostics.size(), 1u);
    EXPECT_EQ(negative.diagnostics[0].code, ErrorCode::OutcomeAnswerOutOfRange);
    EXPECT_EQ(negative.diagnostics[0].message, "-1 is out of range; NPRS must be 0–10");
    auto code = scoreAny("sbst", R"({"sbst_item_03": "maybe"})");
    ASSERT_EQ(code.diagnostics.size(), 1u);
    EXPECT_EQ(code.diagnostics[0].code, ErrorCode::OutcomeAnswerOutOfRange);
    EXPECT_EQ(code.diagnostics[0].message,
              "\"maybe\" is not an allowed answer; STarT Back item 3 must be one of agree, disagree");
    auto rmdq = scoreAny("rmdq", R"({"rmdq_item_02": "yes", "rmdq_total": 25})");
    ASSERT_EQ(rmdq.diagnostics.size(), 2u);
    EXPECT_EQ(rmdq.diagnostics[0].message, "\"yes\" is a string; RMDQ item 2 must be true or false");
    EXPECT_EQ(rmdq.diagnostics[1].message, "25 is out of range; RMDQ total must be 0–24");
}

TEST(OutcomeScorer, EmptyActivityNameIsRefused)
{
    auto result = scoreAny("psfs", R"({"psfs_activity_1_label": "  ", "psfs_activity_1_score": 3})");
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(result.diagnostics[0].code, ErrorCode::OutcomeAnswerOutOfRange);
    EXPECT_EQ(result.diagnostics[0].message, "the text is empty; PSFS activity 1 must name the activity");
}

TEST(OutcomeScorer, UnknownLinkIdIsRefused)
{
    auto result = scoreAny("odi", R"({"odi_s01": 1, "odi_s11": 2})");
    EXPECT_FALSE(result.ok());
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].code, ErrorCode::OutcomeUnknownLinkId);
    EXPECT_EQ(result.diagnostics[0].subject, "linkId \"odi_s11\"");
    EXPECT_EQ(result.diagnostics[0].message, "unknown linkId; expected an input of the ODI (odi)");
}

TEST(OutcomeScorer, AnswersOfAnotherQuestionnaireAreRefused)
{
    auto result = scoreAny("nprs", R"({"odi_s01": 1, "odi_s02": 2, "rmdq_total": 4})");
    EXPECT_FALSE(result.ok());
    ASSERT_EQ(result.diagnostics.size(), 2u);
    EXPECT_EQ(result.diagnostics[0].code, ErrorCode::OutcomeWrongQuestionnaire);
    EXPECT_EQ(result.diagnostics[0].pointer, "/odi_s01");
    EXPECT_EQ(result.diagnostics[0].message, "answers of the ODI (odi) given; expected answers of the NPRS (nprs)");
    EXPECT_EQ(result.diagnostics[1].message, "answers of the RMDQ (rmdq) given; expected answers of the NPRS (nprs)");
}

TEST(OutcomeScorer, AnswersMustBeAnObject)
{
    auto result = scoreAny("nprs", "[7]");
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].code, ErrorCode::OutcomeAnswerWrongType);
    EXPECT_EQ(result.diagnostics[0].message, "the answers are an array; expected an object {linkId: value}");
}

TEST(OutcomeScorer, UnknownInstrumentIsNamed)
{
    auto result = scoreAny("vas", "{}");
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].code, ErrorCode::OutcomeUnknownInstrument);
    EXPECT_EQ(
        result.diagnostics[0].toString(),
        "answers.json: instrument \"vas\": unknown instrument; expected one of nprs, odi, rmdq, psfs, sbst, pgic");
}

TEST(OutcomeScorer, NullMeansUnanswered)
{
    auto score = scoreValid("nprs", R"({"nprs_back": 4, "nprs_leg": null})");
    EXPECT_EQ(score.subscales.size(), 1u);
}
