#include "core/outcomes/OutcomeChart.h"

#include "OutcomeTestSupport.h"

#include <gtest/gtest.h>

using backscreen::core::OutcomeChart;
using backscreen::core::OutcomeSeries;
using backscreen::core::OutcomeSeriesEntry;
using backscreen::tests::outcomeMeasures;
using backscreen::tests::scoreValid;

TEST(OutcomeChart, OneChartPerMeasureWithScorablePointsBaselineAndBandInCatalogueOrder)
{
    std::vector<OutcomeSeriesEntry> entries = {
        {1, "2024-01-01", 1, scoreValid("pgic", R"({"pgic": 3})")},
        {1, "2024-01-01", 2, scoreValid("nprs", R"({"nprs_leg": 4})")}, // not scorable: no back pain
        {2, "2024-02-01", 3, scoreValid("nprs", R"({"nprs_back": 8})")},
        {3, "2024-03-01", 4, scoreValid("nprs", R"({"nprs_back": 3})")},
    };
    const auto rows = OutcomeSeries::build(entries, outcomeMeasures());
    const auto charts = OutcomeChart::build(rows, outcomeMeasures());
    ASSERT_EQ(charts.size(), 2u);
    EXPECT_EQ(charts[0].instrument, "nprs");
    EXPECT_EQ(charts[0].min, 0.0);
    EXPECT_EQ(charts[0].max, 10.0);
    EXPECT_TRUE(charts[0].lowerIsBetter);
    ASSERT_EQ(charts[0].points.size(), 2u);
    EXPECT_EQ(charts[0].points[0].date, "2024-02-01");
    EXPECT_EQ(charts[0].points[0].value, 8.0);
    EXPECT_EQ(charts[0].points[1].date, "2024-03-01");
    EXPECT_EQ(charts[0].points[1].value, 3.0);
    // The unscorable row has no point but its interpretation is listed.
    EXPECT_EQ(charts[0].rows, (std::vector<std::size_t>{1, 2, 3}));
    ASSERT_TRUE(charts[0].baseline.has_value());
    EXPECT_EQ(charts[0].baseline->date, "2024-02-01");
    ASSERT_TRUE(charts[0].band.has_value());
    // From 8, 30 % (2.4) asks more than the 2 points.
    EXPECT_DOUBLE_EQ(charts[0].band->edge, 5.6);
    EXPECT_DOUBLE_EQ(charts[0].band->lower, 5.6);
    EXPECT_EQ(charts[0].band->upper, 8.0);
    EXPECT_EQ(charts[0].band->thresholdName, "MCID");
    EXPECT_EQ(charts[0].band->absolute, 2.0);
    EXPECT_EQ(charts[0].band->relative, std::optional<double>(0.3));

    // The PGIC is a rating in itself: points, no baseline, no band.
    EXPECT_EQ(charts[1].instrument, "pgic");
    ASSERT_EQ(charts[1].points.size(), 1u);
    EXPECT_EQ(charts[1].points[0].value, 3.0);
    EXPECT_FALSE(charts[1].baseline.has_value());
    EXPECT_FALSE(charts[1].band.has_value());
}

TEST(OutcomeChart, BandFollowsTheBetterDirectionAndStaysInRange)
{
    const auto* nprs = outcomeMeasures().find("nprs");
    const auto* psfs = outcomeMeasures().find("psfs");
    const auto* sbst = outcomeMeasures().find("sbst");
    ASSERT_NE(nprs, nullptr);
    ASSERT_NE(psfs, nullptr);
    ASSERT_NE(sbst, nullptr);
    // Low baseline: the absolute 2 points asks more than 30 %; from 1 the band stops at 0.
    EXPECT_EQ(OutcomeChart::improvementBand(*nprs, 4.0)->edge, 2.0);
    EXPECT_EQ(OutcomeChart::improvementBand(*nprs, 1.0)->edge, 0.0);
    // A baseline of 0 has no relative criterion.
    EXPECT_FALSE(OutcomeChart::improvementBand(*nprs, 0.0)->relative.has_value());
    EXPECT_EQ(OutcomeChart::improvementBand(*nprs, 0.0)->edge, 0.0);
    // PSFS: higher is better, 2 points on the mean (MDC), capped at 10.
    const auto psfsBand = OutcomeChart::improvementBand(*psfs, 4.5);
    ASSERT_TRUE(psfsBand.has_value());
    EXPECT_EQ(psfsBand->edge, 6.5);
    EXPECT_EQ(psfsBand->lower, 4.5);
    EXPECT_EQ(psfsBand->upper, 6.5);
    EXPECT_EQ(psfsBand->thresholdName, "MDC");
    EXPECT_FALSE(psfsBand->relative.has_value());
    EXPECT_EQ(OutcomeChart::improvementBand(*psfs, 9.0)->edge, 10.0);
    // STarT Back has no change rule, so no band.
    EXPECT_FALSE(OutcomeChart::improvementBand(*sbst, 5.0).has_value());
}

TEST(OutcomeChart, NoChartWithoutAScorableScore)
{
    std::vector<OutcomeSeriesEntry> entries = {
        {1, "2024-01-01", 1, scoreValid("nprs", R"({"nprs_leg": 4})")},
    };
    const auto rows = OutcomeSeries::build(entries, outcomeMeasures());
    EXPECT_TRUE(OutcomeChart::build(rows, outcomeMeasures()).empty());
}
