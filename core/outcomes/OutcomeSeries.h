#pragma once

#include "core/outcomes/OutcomeChange.h"
#include "core/outcomes/OutcomeScore.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace backscreen::core {

class OutcomeMeasures;

/// One stored score with the visit it belongs to.
struct OutcomeSeriesEntry
{
    std::int64_t visitId = 0;
    /// "YYYY-MM-DD".
    std::string visitDate;
    std::int64_t scoreId = 0;
    OutcomeScore score;
};

/// One row of a client's series: a score, its baseline and the change since.
struct OutcomeSeriesRow
{
    OutcomeSeriesEntry entry;
    /// Index (into the rows) of the baseline this row is compared with; absent for the baseline itself, for
    /// instruments without baseline comparison (STarT Back, PGIC) and for unscorable rows.
    std::optional<std::size_t> baseline;
    bool isBaseline = false;
    /// ChangeInterpreter::compare(baseline, score) for instruments with a change threshold (possibly not
    /// comparable, with the reason), interpretRating(score) for the PGIC; absent otherwise.
    std::optional<OutcomeChange> change;
    /// Plain-English interpretation: the component summaries joined with "; ", "baseline", "not scorable: …",
    /// "not comparable: …" or the instrument's reason for having no change rule.
    std::string summary;

    /// The component a one-line view shows: `score` when present, else the first (NPRS `back`); nullptr when
    /// there is no change.
    const ComponentChange* headline() const;
};

/// Builds a client's outcome series: rows in visit order (date, then visit id, then score id), and for each
/// instrument the baseline is the first visit with a scorable score of it (outcome-measures.md §1 compares
/// each follow-up with the baseline, not with the previous visit).
class OutcomeSeries
{
public:
    static std::vector<OutcomeSeriesRow> build(std::vector<OutcomeSeriesEntry> entries,
                                               const OutcomeMeasures& measures);
};

} // namespace backscreen::core
