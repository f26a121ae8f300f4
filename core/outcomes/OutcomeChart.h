#pragma once

#include "core/outcomes/OutcomeSeries.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace backscreen::core {

class OutcomeMeasures;
struct InstrumentDefinition;

/// One plotted score: the visit date and the raw score.
struct OutcomeChartPoint
{
    /// "YYYY-MM-DD".
    std::string date;
    double value = 0.0;
    /// Index of the series row the point comes from.
    std::size_t row = 0;
};

/// The band between the baseline and the score a follow-up must reach for an important improvement
/// (outcome-measures.md §1): the absolute threshold, or the relative one when it asks more of this baseline,
/// laid off in the instrument's better direction and kept within its range. A score beyond `edge` is an
/// important improvement; one inside the band is not (yet).
struct OutcomeChartBand
{
    double baseline = 0.0;
    double edge = 0.0;
    /// min(baseline, edge) and max(baseline, edge), for drawing.
    double lower = 0.0;
    double upper = 0.0;
    /// "MCID" or "MDC", as the catalogue calls the threshold.
    std::string thresholdName;
    /// The thresholds of the change rule: score points, and the fraction of the baseline when the rule has a
    /// relative criterion and the baseline is not 0.
    double absolute = 0.0;
    std::optional<double> relative;
};

/// What a progress chart of one instrument shows: its scorable scores over time, the baseline and the
/// improvement band, and the rows whose interpretations go beside it.
struct OutcomeChartData
{
    std::string instrument;
    std::string title;
    std::string shortTitle;
    double min = 0.0;
    double max = 0.0;
    bool lowerIsBetter = true;
    int displayDecimals = 0;
    /// Scorable scores in visit order.
    std::vector<OutcomeChartPoint> points;
    /// The baseline score and its date, for instruments compared with a baseline (NPRS, ODI, RMDQ, PSFS).
    std::optional<OutcomeChartPoint> baseline;
    /// Present with the baseline.
    std::optional<OutcomeChartBand> band;
    /// Every row of the instrument (scorable or not), in visit order: their summaries are the interpretation.
    std::vector<std::size_t> rows;
};

/// Turns a client's outcome series (OutcomeSeries::build) into one chart per instrument that has a score, in
/// the catalogue's instrument order.
class OutcomeChart
{
public:
    static std::vector<OutcomeChartData> build(const std::vector<OutcomeSeriesRow>& rows,
                                               const OutcomeMeasures& measures);

    /// The improvement band from `baseline` for an instrument with a threshold change rule; nullopt for
    /// instruments without one (STarT Back, PGIC).
    static std::optional<OutcomeChartBand> improvementBand(const InstrumentDefinition& instrument, double baseline);
};

} // namespace backscreen::core
