#include "OutcomeSeries.h"

#include "core/outcomes/ChangeInterpreter.h"
#include "core/outcomes/OutcomeMeasures.h"

#include <algorithm>
#include <map>

namespace backscreen::core {

namespace {

std::string summaryOf(const OutcomeChange& change)
{
    if (!change.comparable) {
        return change.reason.rfind("not comparable", 0) == 0 ? change.reason : "not comparable: " + change.reason;
    }
    std::string text;
    for (const ComponentChange& component : change.components) {
        std::string part = component.comparable ? component.summary : component.label + ": " + component.reason;
        text += (text.empty() ? "" : "; ") + part;
    }
    return text;
}

} // namespace

const ComponentChange* OutcomeSeriesRow::headline() const
{
    if (!change || change->components.empty()) {
        return nullptr;
    }
    for (const ComponentChange& component : change->components) {
        if (component.key == "score") {
            return &component;
        }
    }
    return &change->components.front();
}

std::vector<OutcomeSeriesRow> OutcomeSeries::build(std::vector<OutcomeSeriesEntry> entries,
                                                   const OutcomeMeasures& measures)
{
    std::stable_sort(entries.begin(), entries.end(), [](const OutcomeSeriesEntry& a, const OutcomeSeriesEntry& b) {
        if (a.visitDate != b.visitDate) {
            return a.visitDate < b.visitDate;
        }
        if (a.visitId != b.visitId) {
            return a.visitId < b.visitId;
        }
        return a.scoreId < b.scoreId;
    });
    ChangeInterpreter interpreter(measures);
    std::map<std::string, std::size_t> baselines;
    std::vector<OutcomeSeriesRow> rows;
    rows.reserve(entries.size());
    for (OutcomeSeriesEntry& entry : entries) {
        OutcomeSeriesRow row;
        row.entry = std::move(entry);
        const OutcomeScore& score = row.entry.score;
        const InstrumentDefinition* instrument = measures.find(score.instrument);
        if (!score.scorable) {
            row.summary = "not scorable: " + score.reason;
        } else if (instrument == nullptr || instrument->change.kind == ChangeRuleKind::None) {
            row.summary = instrument == nullptr ? "unknown instrument; no change interpretation"
                                                : "no change interpretation: " + instrument->change.reason;
        } else if (instrument->change.kind == ChangeRuleKind::Rating) {
            row.change = interpreter.interpretRating(score);
            row.summary = summaryOf(*row.change);
        } else if (auto found = baselines.find(score.instrument); found == baselines.end()) {
            baselines.emplace(score.instrument, rows.size());
            row.isBaseline = true;
            row.summary = "baseline";
        } else {
            row.baseline = found->second;
            row.change = interpreter.compare(rows[found->second].entry.score, score);
            row.summary = summaryOf(*row.change);
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace backscreen::core
