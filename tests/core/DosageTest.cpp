#include "core/program/Dosage.h"

#include "core/common/Error.h"
#include "core/json/JsonReader.h"
#include "core/json/JsonWriter.h"

#include <gtest/gtest.h>

using namespace backscreen;
using namespace backscreen::core;

namespace {

Dosage hold(int seconds, int holds)
{
    Dosage dosage;
    dosage.mode = DosageMode::Hold;
    dosage.holdSeconds = DosageRange::single(seconds);
    dosage.holds = DosageRange::single(holds);
    dosage.timesPerDay = DosageRange::single(1);
    return dosage;
}

} // namespace

TEST(Dosage, HoldThreeTimesOnceADayFiveDaysAWeek)
{
    Dosage dosage = hold(30, 3);
    dosage.daysPerWeek = DosageRange::single(5);
    EXPECT_EQ(dosageInWords(dosage), "Hold 30 seconds, 3 times, once a day, 5 days a week");
}

TEST(Dosage, SingleHoldPerSideWithDayRange)
{
    Dosage dosage = hold(30, 1);
    dosage.perSide = true;
    dosage.daysPerWeek = DosageRange{5, 7};
    EXPECT_EQ(dosageInWords(dosage), "Hold 30 seconds, once on each side, once a day, 5 to 7 days a week");
}

TEST(Dosage, HoldRangeWithRestBetweenHolds)
{
    Dosage dosage = hold(5, 6);
    dosage.holdSeconds = DosageRange{5, 10};
    dosage.restSeconds = DosageRange::single(10);
    dosage.perSide = true;
    dosage.daysPerWeek = DosageRange{3, 7};
    EXPECT_EQ(dosageInWords(dosage),
              "Hold 5 to 10 seconds, 6 times on each side, resting 10 seconds between holds, once a day, 3 to 7 "
              "days a week");
}

TEST(Dosage, OnceOrTwiceADayEveryDay)
{
    Dosage dosage = hold(10, 10);
    dosage.timesPerDay = DosageRange{1, 2};
    dosage.daysPerWeek = DosageRange::single(7);
    EXPECT_EQ(dosageInWords(dosage), "Hold 10 seconds, 10 times, once or twice a day, every day");
}

TEST(Dosage, SetsOfRepetitionsWithPauseAndRestInMinutes)
{
    Dosage dosage;
    dosage.mode = DosageMode::Repetitions;
    dosage.sets = DosageRange::single(2);
    dosage.repetitions = DosageRange::single(10);
    dosage.pauseSeconds = DosageRange::single(3);
    dosage.restSeconds = DosageRange::single(60);
    dosage.timesPerDay = DosageRange::single(1);
    dosage.daysPerWeek = DosageRange::single(3);
    EXPECT_EQ(dosageInWords(dosage),
              "2 sets of 10 repetitions, holding each for 3 seconds, resting 1 minute between sets, once a day, 3 "
              "days a week");
}

TEST(Dosage, RepetitionsEveryFewHoursWhileSymptomatic)
{
    Dosage dosage;
    dosage.mode = DosageMode::Repetitions;
    dosage.repetitions = DosageRange::single(10);
    dosage.pauseSeconds = DosageRange{1, 2};
    dosage.everyHours = DosageRange{2, 3};
    dosage.timing = DosageTiming::WhileSymptomatic;
    dosage.daysPerWeek = DosageRange::single(7);
    EXPECT_EQ(dosageInWords(dosage),
              "10 repetitions, holding each for 1 to 2 seconds, every 2 to 3 hours while you have symptoms, every day");
}

TEST(Dosage, RepetitionsAfterSittingWithoutSchedule)
{
    Dosage dosage;
    dosage.mode = DosageMode::Repetitions;
    dosage.repetitions = DosageRange::single(10);
    dosage.timing = DosageTiming::AfterProlongedSitting;
    EXPECT_EQ(dosageInWords(dosage), "10 repetitions, after each long spell of sitting");
}

TEST(Dosage, SingularUnitsAndTwiceADay)
{
    Dosage dosage = hold(1, 2);
    dosage.timesPerDay = DosageRange::single(2);
    dosage.daysPerWeek = DosageRange::single(1);
    EXPECT_EQ(dosageInWords(dosage), "Hold 1 second, twice, twice a day, 1 day a week");
}

TEST(Dosage, JsonRoundTripKeepsRangesAndTiming)
{
    Dosage dosage;
    dosage.mode = DosageMode::Repetitions;
    dosage.sets = DosageRange{2, 3};
    dosage.repetitions = DosageRange{8, 12};
    dosage.pauseSeconds = DosageRange{1, 2};
    dosage.everyHours = DosageRange{2, 3};
    dosage.timing = DosageTiming::WhileSymptomatic;
    dosage.daysPerWeek = DosageRange::single(7);
    dosage.perSide = true;
    JsonValue json = dosageToJson(dosage);
    EXPECT_EQ(JsonWriter::write(json),
              R"({"mode":"reps","sets":[2,3],"repetitions":[8,12],"pauseSeconds":[1,2],"everyHours":[2,3],)"
              R"("timing":"while_symptomatic","daysPerWeek":7,"perSide":true})");
    EXPECT_EQ(dosageFromJson(json, "/dosage"), dosage);
}

TEST(Dosage, InvertedRangeIsRejectedWithPointer)
{
    JsonValue json = *JsonReader::parse(R"({"mode":"hold","holdSeconds":[30,10]})", "test").value;
    try {
        dosageFromJson(json, "/exercises/0/dosage");
        FAIL() << "expected an error";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::ProgramInvalid);
        EXPECT_EQ(std::string(error.what()),
                  "program at /exercises/0/dosage/holdSeconds: range low is above high; expected [low, high]");
    }
}
