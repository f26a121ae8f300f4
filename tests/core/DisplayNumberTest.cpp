#include "core/outcomes/DisplayNumber.h"

#include <gtest/gtest.h>

using backscreen::core::formatDisplayNumber;
using backscreen::core::roundHalfAwayFromZero;

TEST(DisplayNumber, RoundsHalfAwayFromZero)
{
    EXPECT_EQ(formatDisplayNumber(3.25, 1), "3.3");
    EXPECT_EQ(formatDisplayNumber(-2.25, 1), "-2.3");
    EXPECT_EQ(formatDisplayNumber(1.15, 1), "1.2"); // stored as 1.149999…
    EXPECT_EQ(formatDisplayNumber(0.05, 1), "0.1");
    EXPECT_EQ(formatDisplayNumber(2.5, 0), "3");
    EXPECT_EQ(formatDisplayNumber(-2.5, 0), "-3");
}

TEST(DisplayNumber, ClinicalFileExamples)
{
    EXPECT_EQ(formatDisplayNumber(3400.0 / 45.0, 1), "75.6"); // 75.55…
    EXPECT_EQ(formatDisplayNumber(1600.0 / 45.0, 1), "35.6"); // O4: not the sheet's truncated 35.5
    EXPECT_EQ(formatDisplayNumber(2300.0 / 45.0, 1), "51.1");
    EXPECT_EQ(formatDisplayNumber(11.0 / 3.0, 1), "3.7");
    EXPECT_EQ(formatDisplayNumber(16.0 / 3.0, 1), "5.3");
    EXPECT_EQ(formatDisplayNumber(48.0, 1), "48.0");
}

TEST(DisplayNumber, NeverShowsNegativeZero)
{
    EXPECT_EQ(formatDisplayNumber(-0.04, 1), "0.0");
    EXPECT_EQ(formatDisplayNumber(-0.0, 0), "0");
    EXPECT_EQ(roundHalfAwayFromZero(-0.04, 1), 0.0);
}
