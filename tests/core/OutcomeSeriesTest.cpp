#include "core/outcomes/OutcomeSeries.h"

#include "OutcomeTestSupport.h"

#include <gtest/gtest.h>

using backscreen::core::ChangeCategory;
using backscreen::core::OutcomeSeries;
using backscreen::core::OutcomeSeriesEntry;
using backscreen::tests::outcomeMeasures;
using backscreen::tests::scoreValid;

TEST(OutcomeSeries, BaselineIsTheFirstScorableVisitOfEachInstrumentInDateOrder)
{
    std::vector<OutcomeSeriesEntry> entries = {
        {3, "2024-03-01", 30, scoreValid("nprs", R"({"nprs_back": 3})")},
        {1, "2024-01-01", 10, scoreValid("nprs", R"({"nprs_leg": 4})")}, // not scorable: no back pain
        {2, "2024-02-01", 20, scoreValid("nprs", R"({"nprs_back": 8})")},
        {2,
         "2024-02-01",
         21,
         scoreValid("sbst", R"({"sbst_item_01": "agree", "sbst_item_02": "agree", "sbst_item_03": "agree",
            "sbst_item_04": "agree", "sbst_item_05": "agree", "sbst_item_06": "agree", "sbst_item_07": "agree", "sbst_item_08": "agree",
            "sbst_item_09": "very_much"})")},
        {3, "2024-03-01", 31, scoreValid("pgic", R"({"pgic": 2})")},
    };
    auto rows = OutcomeSeries::build(entries, outcomeMeasures());
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[0].entry.scoreId, 10);
    EXPECT_FALSE(rows[0].isBaseline);
    EXPECT_EQ(rows[0].summary, "not scorable: " + rows[0].entry.score.reason);
    EXPECT_EQ(rows[1].entry.scoreId, 20);
    EXPECT_TRUE(rows[1].isBaseline);
    EXPECT_EQ(rows[1].summary, "baseline");
    EXPECT_EQ(rows[1].headline(), nullptr);
    EXPECT_EQ(rows[2].entry.scoreId, 21);
    EXPECT_FALSE(rows[2].change.has_value());
    EXPECT_EQ(rows[2].summary,
              "no change interpretation: STarT Back stratifies risk at the first contact of an episode; it has no "
              "change threshold");
    EXPECT_EQ(rows[3].entry.scoreId, 30);
    ASSERT_EQ(rows[3].baseline, std::optional<std::size_t>(1));
    ASSERT_NE(rows[3].headline(), nullptr);
    EXPECT_EQ(rows[3].headline()->key, "back");
    EXPECT_EQ(rows[3].headline()->category, ChangeCategory::ImportantImprovement);
    EXPECT_EQ(rows[3].summary.substr(0, rows[3].summary.find(';')),
              "Back pain improved by 5 points (from 8 to 3): an important improvement (MCID 2 points and 30 %, "
              "Ostelo 2008)");
    EXPECT_EQ(rows[4].entry.scoreId, 31);
    EXPECT_FALSE(rows[4].baseline.has_value());
    ASSERT_NE(rows[4].headline(), nullptr);
    EXPECT_EQ(rows[4].headline()->category, ChangeCategory::ImportantImprovement);
}

TEST(OutcomeSeries, DifferentRecallPeriodsAreNotComparedButSaySo)
{
    std::vector<OutcomeSeriesEntry> entries = {
        {1, "2024-01-01", 1, scoreValid("nprs", R"({"nprs_back": 8, "nprs_recall": "avg_24h"})")},
        {2, "2024-02-01", 2, scoreValid("nprs", R"({"nprs_back": 2, "nprs_recall": "now"})")},
    };
    auto rows = OutcomeSeries::build(entries, outcomeMeasures());
    ASSERT_EQ(rows.size(), 2u);
    ASSERT_TRUE(rows[1].change.has_value());
    EXPECT_FALSE(rows[1].change->comparable);
    EXPECT_EQ(rows[1].headline(), nullptr);
    EXPECT_EQ(rows[1].summary.rfind("not comparable: ", 0), 0u) << rows[1].summary;
}
