#pragma once

#include "core/outcomes/OutcomeChart.h"
#include "core/outcomes/OutcomeSeries.h"
#include "db/Records.h"

#include <cstdint>
#include <string>
#include <vector>

namespace backscreen::core {
class OutcomeMeasures;
}

namespace backscreen::app {

/// A home-program version as the progress review marks it on the timeline.
struct ProgramMarker
{
    std::int64_t version = 0;
    /// "YYYY-MM-DD": the date of the visit the version was made at, or its creation date when it has no visit.
    std::string date;
};

/// A client's outcome history read from the stored records: the series with change since baseline
/// (core::OutcomeSeries, the rows `backscreen-cli outcomes list` prints), one chart per measure
/// (core::OutcomeChart) and the home-program versions on the same timeline.
class OutcomeHistory
{
public:
    /// Throws backscreen::Error(RecordInvalid) when a stored score cannot be read back.
    static OutcomeHistory build(const db::ClientHistory& history, const core::OutcomeMeasures& measures);

    const std::vector<core::OutcomeSeriesRow>& rows() const { return m_rows; }

    const std::vector<core::OutcomeChartData>& charts() const { return m_charts; }

    const std::vector<ProgramMarker>& programMarkers() const { return m_markers; }

private:
    std::vector<core::OutcomeSeriesRow> m_rows;
    std::vector<core::OutcomeChartData> m_charts;
    std::vector<ProgramMarker> m_markers;
};

} // namespace backscreen::app
