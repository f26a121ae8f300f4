#include "core/outcomes/ChangeInterpreter.h"

#include "OutcomeTestSupport.h"

#include "core/json/JsonWriter.h"

#include <gtest/gtest.h>

#include <string>

using backscreen::core::ChangeCategory;
using backscreen::core::ChangeInterpreter;
using backscreen::core::ComponentChange;
using backscreen::core::JsonWriter;
using backscreen::core::OutcomeChange;
using backscreen::core::OutcomeScore;
using backscreen::tests::outcomeMeasures;
using backscreen::tests::scoreValid;

namespace {

OutcomeChange compare(const std::string& instrument, const std::string& baseline, const std::string& followup)
{
    return ChangeInterpreter(outcomeMeasures())
        .compare(scoreValid(instrument, baseline), scoreValid(instrument, followup));
}

std::string nprs(int back)
{
    return "{\"nprs_back\": " + std::to_string(back) + "}";
}

ChangeCategory nprsCategory(int baseline, int followup)
{
    OutcomeChange change = compare("nprs", nprs(baseline), nprs(followup));
    EXPECT_TRUE(change.comparable) << change.reason;
    EXPECT_EQ(change.components.size(), 2u);
    return change.components.at(0).category.value_or(ChangeCategory::NoImportantChange);
}

std::string rmdq(int total)
{
    return "{\"rmdq_total\": " + std::to_string(total) + "}";
}

// Sections summing to `sum` over `answered` sections, for exact ODI scores.
std::string odi(int sum, int answered)
{
    std::string text = "{";
    for (int section = 1; section <= answered; ++section) {
        int value = std::min(5, sum);
        sum -= value;
        // Appended piece by piece: GCC 12 -O3 warns falsely (-Wrestrict) on "literal" + std::string.
        text += section > 1 ? ",\"odi_s" : "\"odi_s";
        text += section < 10 ? "0" : "";
        text += std::to_string(section);
        text += "\":";
        text += std::to_string(value);
    }
    return text + "}";
}

std::string psfs(const std::vector<std::pair<std::string, int>>& activities)
{
    std::string text = "{";
    for (std::size_t i = 0; i < activities.size(); ++i) {
        std::string slot = std::to_string(i + 1);
        text += i > 0 ? ",\"psfs_activity_" : "\"psfs_activity_";
        text += slot + "_label\":\"" + activities[i].first + "\",\"psfs_activity_" + slot
                + "_score\":" + std::to_string(activities[i].second);
    }
    return text + "}";
}

const ComponentChange& component(const OutcomeChange& change, const std::string& key, std::size_t nth = 0)
{
    for (const ComponentChange& candidate : change.components) {
        if (candidate.key == key && nth-- == 0) {
            return candidate;
        }
    }
    static const ComponentChange none;
    ADD_FAILURE() << "no component " << key;
    return none;
}

} // namespace

TEST(ChangeInterpreter, SummarySentenceNamesChangeThresholdsAndReference)
{
    OutcomeChange change = compare("nprs", nprs(7), nprs(4));
    const ComponentChange& back = component(change, "back");
    EXPECT_EQ(back.summary,
              "Back pain improved by 3 points (from 7 to 4): an important improvement (MCID 2 points and 30 %, "
              "Ostelo 2008)");
    EXPECT_EQ(back.thresholds.name, "MCID");
    EXPECT_EQ(back.thresholds.absolute, 2.0);
    EXPECT_EQ(back.thresholds.relative, 0.30);
    ASSERT_EQ(back.thresholds.references.size(), 1u);
    EXPECT_EQ(back.thresholds.references[0], "O1");
    EXPECT_NEAR(*back.relativeChange, 3.0 / 7.0, 1e-12);
    EXPECT_EQ(compare("nprs", nprs(3), nprs(6)).components[0].summary,
              "Back pain worsened by 3 points (from 3 to 6): an important worsening (MCID 2 points and 30 %, "
              "Ostelo 2008)");
    EXPECT_EQ(compare("nprs", nprs(3), nprs(2)).components[0].summary,
              "Back pain improved by 1 point (from 3 to 2): a possible improvement (MCID 2 points and 30 %, "
              "Ostelo 2008)");
}

TEST(ChangeInterpreter, NprsAbsoluteThresholdAtAndEitherSide)
{
    // Baseline 3: every improvement meets 30 %, so only the absolute criterion changes.
    EXPECT_EQ(nprsCategory(3, 2), ChangeCategory::PossibleImprovement);  // delta 1: below
    EXPECT_EQ(nprsCategory(3, 1), ChangeCategory::ImportantImprovement); // delta 2: at
    EXPECT_EQ(nprsCategory(3, 0), ChangeCategory::ImportantImprovement); // delta 3: above
    EXPECT_EQ(nprsCategory(5, 4), ChangeCategory::NoImportantChange);    // delta 1, 20 %: neither criterion
}

TEST(ChangeInterpreter, NprsRelativeThresholdAtAndEitherSide)
{
    EXPECT_EQ(nprsCategory(7, 5), ChangeCategory::PossibleImprovement);   // 28.6 %: below
    EXPECT_EQ(nprsCategory(10, 7), ChangeCategory::ImportantImprovement); // 30.0 %: at, exact
    EXPECT_EQ(nprsCategory(6, 4), ChangeCategory::ImportantImprovement);  // 33.3 %: above
    EXPECT_EQ(nprsCategory(10, 8), ChangeCategory::PossibleImprovement);  // 20 %: absolute met only
}

TEST(ChangeInterpreter, WorseningUsesTheAbsoluteThresholdOnly)
{
    EXPECT_EQ(nprsCategory(2, 3), ChangeCategory::NoImportantChange);  // +1, 50 % relative rise
    EXPECT_EQ(nprsCategory(2, 4), ChangeCategory::ImportantWorsening); // +2: at
    EXPECT_EQ(nprsCategory(2, 5), ChangeCategory::ImportantWorsening);
    EXPECT_EQ(nprsCategory(10, 10), ChangeCategory::NoImportantChange);
}

TEST(ChangeInterpreter, BaselineZeroHasNoRelativeCriterion)
{
    OutcomeChange change = compare("nprs", nprs(0), nprs(2));
    const ComponentChange& back = component(change, "back");
    EXPECT_EQ(back.category, ChangeCategory::ImportantWorsening);
    EXPECT_FALSE(back.relativeChange.has_value());
    EXPECT_EQ(back.summary,
              "Back pain worsened by 2 points (from 0 to 2): an important worsening (MCID 2 points; no relative "
              "criterion from a baseline of 0, Ostelo 2008)");
    EXPECT_EQ(nprsCategory(0, 0), ChangeCategory::NoImportantChange);
    EXPECT_EQ(compare("rmdq", rmdq(0), rmdq(4)).components[0].category, ChangeCategory::NoImportantChange);
    EXPECT_EQ(compare("rmdq", rmdq(0), rmdq(5)).components[0].category, ChangeCategory::ImportantWorsening);
}

TEST(ChangeInterpreter, NprsComparesLegPainSeparately)
{
    OutcomeChange change = compare("nprs", R"({"nprs_back": 6, "nprs_leg": 8})", R"({"nprs_back": 5, "nprs_leg": 3})");
    EXPECT_EQ(component(change, "back").category, ChangeCategory::NoImportantChange); // 1 point, 16.7 %
    EXPECT_EQ(component(change, "leg").category, ChangeCategory::ImportantImprovement);
    EXPECT_EQ(component(change, "leg").label, "Leg pain");
    OutcomeChange withoutLeg = compare("nprs", R"({"nprs_back": 6, "nprs_leg": 8})", nprs(5));
    EXPECT_TRUE(withoutLeg.comparable);
    EXPECT_FALSE(component(withoutLeg, "leg").comparable);
    EXPECT_EQ(component(withoutLeg, "leg").reason, "leg pain not rated at both visits");
}

TEST(ChangeInterpreter, OdiThresholdsAtAndEitherSideOnRawScores)
{
    // 50.0 → 40.0: delta 10 at the absolute threshold, 20 % → possible.
    EXPECT_EQ(compare("odi", odi(25, 10), odi(20, 10)).components[0].category, ChangeCategory::PossibleImprovement);
    // 50.0 → 42.0: delta 8, below both.
    EXPECT_EQ(compare("odi", odi(25, 10), odi(21, 10)).components[0].category, ChangeCategory::NoImportantChange);
    // 30.0 → 20.0: delta 10 and 33.3 % → important.
    EXPECT_EQ(compare("odi", odi(15, 10), odi(10, 10)).components[0].category, ChangeCategory::ImportantImprovement);
    // 9 answered: 88.89 → 77.78, delta 11.1 on unrounded values but only 12.5 % → possible.
    EXPECT_EQ(compare("odi", odi(40, 9), odi(35, 9)).components[0].category, ChangeCategory::PossibleImprovement);
    // Worsening: 20.0 → 30.0 at the threshold; 20.0 → 28.0 below it.
    EXPECT_EQ(compare("odi", odi(10, 10), odi(15, 10)).components[0].category, ChangeCategory::ImportantWorsening);
    EXPECT_EQ(compare("odi", odi(10, 10), odi(14, 10)).components[0].category, ChangeCategory::NoImportantChange);
    EXPECT_EQ(compare("odi", odi(24, 10), odi(15, 10)).components[0].summary,
              "Disability (ODI) improved by 18.0 points (from 48.0 to 30.0): an important improvement (MCID 10 points "
              "and 30 %, Ostelo 2008)");
}

TEST(ChangeInterpreter, RmdqFloorAndCeilingFlags)
{
    EXPECT_TRUE(compare("rmdq", rmdq(4), rmdq(0)).components[0].flags.empty());
    auto floor = compare("rmdq", rmdq(3), rmdq(0)).components[0];
    ASSERT_EQ(floor.flags.size(), 1u);
    EXPECT_EQ(floor.flags[0], "floor_effect");
    EXPECT_EQ(floor.summary,
              "Disability (RMDQ) improved by 3 points (from 3 to 0): a possible improvement (MCID 5 points and 30 %, "
              "Ostelo 2008); floor effect: from a baseline below 4 the RMDQ cannot reliably show improvement");
    EXPECT_TRUE(compare("rmdq", rmdq(20), rmdq(24)).components[0].flags.empty());
    auto ceiling = compare("rmdq", rmdq(21), rmdq(24)).components[0];
    ASSERT_EQ(ceiling.flags.size(), 1u);
    EXPECT_EQ(ceiling.flags[0], "ceiling_effect");
}

TEST(ChangeInterpreter, RmdqThresholdsAtAndEitherSide)
{
    EXPECT_EQ(compare("rmdq", rmdq(20), rmdq(16)).components[0].category, ChangeCategory::NoImportantChange); // 4, 20 %
    EXPECT_EQ(compare("rmdq", rmdq(20), rmdq(15)).components[0].category,
              ChangeCategory::PossibleImprovement); // 5, 25 %
    EXPECT_EQ(compare("rmdq", rmdq(10), rmdq(5)).components[0].category, ChangeCategory::ImportantImprovement);
    EXPECT_EQ(compare("rmdq", rmdq(20), rmdq(14)).components[0].category, ChangeCategory::ImportantImprovement);
    EXPECT_EQ(compare("rmdq", rmdq(10), rmdq(14)).components[0].category, ChangeCategory::NoImportantChange);
}

TEST(ChangeInterpreter, PsfsMeanThresholdAtAndEitherSide)
{
    auto at = compare("psfs", psfs({{"a", 3}, {"b", 3}}), psfs({{"a", 5}, {"b", 5}}));
    EXPECT_EQ(component(at, "score").category, ChangeCategory::ImportantImprovement);
    auto below = compare("psfs", psfs({{"a", 3}, {"b", 3}}), psfs({{"a", 5}, {"b", 4}}));
    EXPECT_EQ(component(below, "score").category, ChangeCategory::NoImportantChange); // +1.5
    auto worse = compare("psfs", psfs({{"a", 5}, {"b", 5}}), psfs({{"a", 3}, {"b", 3}}));
    EXPECT_EQ(component(worse, "score").category, ChangeCategory::ImportantWorsening); // −2: at
    EXPECT_EQ(component(worse, "score").summary,
              "Function (PSFS mean) worsened by 2.0 points (from 5.0 to 3.0): an important worsening (MDC 2 points, "
              "Stratford 1995)");
    EXPECT_FALSE(component(worse, "score").thresholds.relative.has_value());
}

TEST(ChangeInterpreter, PsfsSingleActivityThresholdIsThree)
{
    auto change = compare("psfs", psfs({{"sit", 2}, {"walk", 2}}), psfs({{"sit", 5}, {"walk", 4}}));
    EXPECT_EQ(component(change, "activity", 0).category, ChangeCategory::ImportantImprovement); // +3: at
    EXPECT_EQ(component(change, "activity", 0).thresholds.absolute, 3.0);
    EXPECT_EQ(component(change, "activity", 1).category, ChangeCategory::NoImportantChange); // +2: below
    EXPECT_EQ(component(change, "activity", 1).label, "Activity \"walk\"");
    auto worse = compare("psfs", psfs({{"sit", 6}}), psfs({{"sit", 3}}));
    EXPECT_EQ(component(worse, "activity").category, ChangeCategory::ImportantWorsening);
}

TEST(ChangeInterpreter, PsfsComparesOnlyActivitiesRatedAtBothVisits)
{
    // "lift" is new at follow-up (its own baseline); "walk" is matched despite case and spaces.
    auto change = compare("psfs",
                          psfs({{"sit", 2}, {"Walk", 4}, {"run", 1}}),
                          R"({"psfs_activity_1_label": " walk ", "psfs_activity_1_score": 6,
                              "psfs_activity_2_label": "sit", "psfs_activity_2_score": 4,
                              "psfs_activity_3_label": "lift", "psfs_activity_3_score": 9,
                              "psfs_activity_4_label": "run"})");
    ASSERT_TRUE(change.comparable);
    EXPECT_EQ(component(change, "score").baseline, 3.0);
    EXPECT_EQ(component(change, "score").followup, 5.0);
    EXPECT_EQ(component(change, "score").category, ChangeCategory::ImportantImprovement);
    EXPECT_EQ(change.components.size(), 3u);
}

TEST(ChangeInterpreter, PsfsWithNoCommonActivityIsNotComparable)
{
    auto change = compare("psfs", psfs({{"sit", 2}}), psfs({{"walk", 6}}));
    EXPECT_FALSE(change.comparable);
    EXPECT_EQ(change.reason, "not comparable: no activity rated at both visits");
    ASSERT_EQ(change.components.size(), 1u);
    EXPECT_FALSE(change.components[0].category.has_value());
}

TEST(ChangeInterpreter, DifferentVersionsOrRecallPeriodsAreNotComparable)
{
    auto versions = compare("odi",
                            R"({"odi_version": "2.1a", "odi_s01": 2, "odi_s02": 2, "odi_s03": 2, "odi_s04": 2,
        "odi_s05": 2, "odi_s06": 2, "odi_s07": 2, "odi_s08": 2})",
                            R"({"odi_version": "2.0", "odi_s01": 1, "odi_s02": 1,
        "odi_s03": 1, "odi_s04": 1, "odi_s05": 1, "odi_s06": 1, "odi_s07": 1, "odi_s08": 1})");
    EXPECT_FALSE(versions.comparable);
    EXPECT_EQ(versions.reason, "different instrument versions (2.1a and 2.0); such scores are not compared");
    EXPECT_TRUE(versions.components.empty());
    auto recall = compare("nprs", nprs(7), R"({"nprs_back": 3, "nprs_recall": "now"})");
    EXPECT_FALSE(recall.comparable);
    EXPECT_EQ(recall.reason, "different recall periods (avg_24h and now); such scores are not compared");
}

TEST(ChangeInterpreter, UnscorableOrDifferentInstrumentsAreNotComparable)
{
    ChangeInterpreter interpreter(outcomeMeasures());
    auto unscorable = interpreter.compare(scoreValid("odi", "{}"), scoreValid("odi", odi(10, 10)));
    EXPECT_FALSE(unscorable.comparable);
    EXPECT_EQ(unscorable.reason,
              "baseline not scorable: 10 of 10 sections unanswered; the ODI is scored with at most 2 unanswered");
    auto mixed = interpreter.compare(scoreValid("odi", odi(10, 10)), scoreValid("rmdq", rmdq(3)));
    EXPECT_FALSE(mixed.comparable);
    EXPECT_EQ(mixed.reason, "baseline is odi and follow-up is rmdq; expected the same instrument");
}

TEST(ChangeInterpreter, StartBackAndPgicHaveNoBaselineComparison)
{
    std::string answers = R"({"sbst_item_01": "agree", "sbst_item_02": "agree", "sbst_item_03": "agree",
        "sbst_item_04": "agree", "sbst_item_05": "agree", "sbst_item_06": "agree", "sbst_item_07": "agree",
        "sbst_item_08": "agree", "sbst_item_09": "extremely"})";
    auto startBack = compare("sbst", answers, answers);
    EXPECT_FALSE(startBack.comparable);
    EXPECT_EQ(startBack.reason,
              "STarT Back stratifies risk at the first contact of an episode; it has no change threshold");
    auto pgic = compare("pgic", R"({"pgic": 4})", R"({"pgic": 2})");
    EXPECT_FALSE(pgic.comparable);
    EXPECT_EQ(pgic.reason, "the PGIC is a change rating in itself; each follow-up rating is read on its own");
}

TEST(ChangeInterpreter, PgicRatingCategoriesAndSummary)
{
    ChangeInterpreter interpreter(outcomeMeasures());
    const ChangeCategory expected[] = {ChangeCategory::ImportantImprovement,
                                       ChangeCategory::ImportantImprovement,
                                       ChangeCategory::NoImportantChange,
                                       ChangeCategory::NoImportantChange,
                                       ChangeCategory::NoImportantChange,
                                       ChangeCategory::ImportantWorsening,
                                       ChangeCategory::ImportantWorsening};
    for (int rating = 1; rating <= 7; ++rating) {
        auto change = interpreter.interpretRating(scoreValid("pgic", "{\"pgic\": " + std::to_string(rating) + "}"));
        ASSERT_TRUE(change.comparable);
        EXPECT_EQ(change.components.at(0).category, expected[rating - 1]) << rating;
    }
    EXPECT_EQ(interpreter.interpretRating(scoreValid("pgic", R"({"pgic": 2})")).components[0].summary,
              "Patient Global Impression of Change: 2 (much improved): an important improvement (ratings 1 and 2, "
              "Farrar 2001, Mohebbi 2018)");
    EXPECT_FALSE(interpreter.interpretRating(scoreValid("pgic", "{}")).comparable);
    // A stored rating read back from elsewhere is checked again, never cast blindly.
    OutcomeScore stored = scoreValid("pgic", R"({"pgic": 2})");
    stored.score = 1e300;
    auto outOfRange = interpreter.interpretRating(stored);
    EXPECT_FALSE(outOfRange.comparable);
    EXPECT_EQ(outOfRange.reason, "rating 1e+300 is not a whole number from 1 to 7");
    EXPECT_FALSE(interpreter.interpretRating(scoreValid("nprs", nprs(3))).comparable);
}

TEST(ChangeInterpreter, ChangeJsonCarriesCategoryThresholdsAndSummary)
{
    auto json = compare("nprs", nprs(7), nprs(4)).toJson();
    const auto& first = json.find("components")->asArray()[0];
    EXPECT_EQ(first.find("category")->asString(), "IMPORTANT_IMPROVEMENT");
    EXPECT_EQ(JsonWriter::write(*first.find("thresholds")),
              R"({"name":"MCID","absolute":2,"relative":0.3,"references":["O1"],"citation":"Ostelo 2008"})");
    EXPECT_EQ(json.find("components")->asArray()[1].find("reason")->asString(), "leg pain not rated at both visits");
}
