#include "core/program/Dosage.h"
#include "core/program/ExerciseCatalogue.h"

#include <gtest/gtest.h>

#include <map>

using namespace backscreen::core;

// Every dose shape in the shipped catalogue (hold and repetitions, per side, ranges of days, sessions,
// seconds and hours, timing, rest-day spacing) in the words the handout prints.
TEST(DosageCatalogue, EveryCatalogueDoseInPlainWords)
{
    const std::map<std::string, std::string> expected = {
        {"EX-HS-01", "Hold 30 seconds, once on each side, once a day, 5 to 7 days a week"},
        {"EX-HS-02", "Hold 30 seconds, once on each side, once a day, 5 to 7 days a week"},
        {"EX-HS-03", "Hold 30 seconds, once on each side, once a day, 5 to 7 days a week"},
        {"EX-HF-01", "Hold 30 seconds, once on each side, once a day, 5 to 7 days a week"},
        {"EX-HF-02", "Hold 30 seconds, once on each side, once a day, 5 to 7 days a week"},
        {"EX-LM-01",
         "10 repetitions, holding each for 1 to 2 seconds, every 2 to 3 hours while you have symptoms, every day"},
        {"EX-LM-02", "10 repetitions, holding each for 1 to 2 seconds, after each long spell of sitting, every day"},
        {"EX-LM-03", "10 repetitions, holding each for 2 seconds, once or twice a day, every day"},
        {"EX-GL-01",
         "2 sets of 10 repetitions, holding each for 3 seconds, resting 1 minute between sets, once a day, 3 days a "
         "week, with a rest day in between"},
        {"EX-GL-02",
         "2 sets of 8 repetitions on each side, holding each for 3 seconds, resting 1 minute between sets, once a day, "
         "3 days a week, with a rest day in between"},
        {"EX-GM-01",
         "2 sets of 12 repetitions on each side, holding each for 2 seconds, resting 1 minute between sets, once a "
         "day, 3 days a week, with a rest day in between"},
        {"EX-GM-02",
         "2 sets of 10 repetitions on each side, holding each for 2 seconds, resting 1 minute between sets, once a "
         "day, 3 days a week, with a rest day in between"},
        {"EX-CO-01", "Hold 10 seconds, 10 times, resting 10 seconds between holds, once or twice a day, every day"},
        {"EX-CO-02",
         "2 sets of 8 repetitions on each side, holding each for 2 seconds, resting 1 minute between sets, once a day, "
         "3 to 7 days a week"},
        {"EX-CO-03",
         "Hold 5 to 10 seconds, 6 times on each side, resting 10 seconds between holds, once a day, 3 to 7 days a "
         "week"},
        {"EX-CO-04",
         "Hold 10 seconds, 5 times on each side, resting 10 seconds between holds, once a day, 3 to 7 days a week"},
    };
    ExerciseCatalogueLoadResult catalogue = ExerciseCatalogue::loadDefault();
    ASSERT_TRUE(catalogue.ok());
    ASSERT_EQ(catalogue.catalogue->exercises().size(), 16u);
    ASSERT_EQ(expected.size(), catalogue.catalogue->exercises().size());
    for (const Exercise& exercise : catalogue.catalogue->exercises()) {
        auto wording = expected.find(exercise.id);
        ASSERT_NE(wording, expected.end()) << exercise.id;
        EXPECT_EQ(dosageInWords(exercise.dosage), wording->second) << exercise.id;
    }
}
