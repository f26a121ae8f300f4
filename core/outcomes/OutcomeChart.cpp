#include "OutcomeChart.h"

#include "core/outcomes/OutcomeMeasures.h"

#include <algorithm>

namespace backscreen::core {

std::optional<OutcomeChartBand> OutcomeChart::improvementBand(const InstrumentDefinition& instrument, double baseline)
{
    const ChangeRule& rule = instrument.change;
    if (rule.kind != ChangeRuleKind::Threshold) {
        return std::nullopt;
    }
    // §1: an important improvement needs the absolute threshold and, where the rule has one, the relative
    // one; a baseline of 0 has no relative criterion.
    OutcomeChartBand band;
    band.absolute = rule.absolute;
    double needed = rule.absolute;
    if (rule.relative && baseline > 0.0) {
        band.relative = rule.relative;
        needed = std::max(needed, *rule.relative * baseline);
    }
    band.baseline = baseline;
    band.edge = instrument.lowerIsBetter ? std::max(instrument.min, baseline - needed)
                                         : std::min(instrument.max, baseline + needed);
    band.lower = std::min(band.baseline, band.edge);
    band.upper = std::max(band.baseline, band.edge);
    band.thresholdName = rule.thresholdName;
    return band;
}

std::vector<OutcomeChartData> OutcomeChart::build(const std::vector<OutcomeSeriesRow>& rows,
                                                  const OutcomeMeasures& measures)
{
    std::vector<OutcomeChartData> charts;
    for (const InstrumentDefinition& instrument : measures.instruments()) {
        OutcomeChartData chart;
        chart.instrument = instrument.id;
        chart.title = instrument.title;
        chart.shortTitle = instrument.shortTitle;
        chart.min = instrument.min;
        chart.max = instrument.max;
        chart.lowerIsBetter = instrument.lowerIsBetter;
        chart.displayDecimals = instrument.displayDecimals;
        for (std::size_t index = 0; index < rows.size(); ++index) {
            const OutcomeSeriesRow& row = rows[index];
            const OutcomeScore& score = row.entry.score;
            if (score.instrument != instrument.id) {
                continue;
            }
            chart.rows.push_back(index);
            if (!score.scorable || !score.score) {
                continue;
            }
            OutcomeChartPoint point{row.entry.visitDate, *score.score, index};
            chart.points.push_back(point);
            if (row.isBaseline && !chart.baseline) {
                chart.baseline = point;
                chart.band = improvementBand(instrument, point.value);
            }
        }
        if (!chart.points.empty()) {
            charts.push_back(std::move(chart));
        }
    }
    return charts;
}

} // namespace backscreen::core
