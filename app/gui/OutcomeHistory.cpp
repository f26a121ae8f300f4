#include "OutcomeHistory.h"

#include "core/common/Error.h"
#include "core/json/JsonReader.h"
#include "core/outcomes/OutcomeMeasures.h"

#include <map>

namespace backscreen::app {

OutcomeHistory OutcomeHistory::build(const db::ClientHistory& history, const core::OutcomeMeasures& measures)
{
    std::map<db::RecordId, const db::VisitRecord*> visits;
    for (const db::VisitRecord& visit : history.visits) {
        visits[visit.id] = &visit;
    }
    std::vector<core::OutcomeSeriesEntry> entries;
    for (const db::OutcomeScoreRecord& record : history.outcomeScores) {
        const auto json = core::JsonReader::parse(record.scoreJson, "outcome score " + std::to_string(record.id));
        std::optional<core::OutcomeScore> score =
            json.ok() ? core::OutcomeScore::fromJson(*json.value) : std::optional<core::OutcomeScore>();
        const auto visit = visits.find(record.visitId);
        if (!score || visit == visits.end()) {
            throw Error(ErrorCode::RecordInvalid,
                        "stored outcome score " + std::to_string(record.id)
                            + " cannot be read; expected the score JSON Backscreen wrote");
        }
        entries.push_back({record.visitId, visit->second->visitDate, record.id, std::move(*score)});
    }
    OutcomeHistory result;
    result.m_rows = core::OutcomeSeries::build(std::move(entries), measures);
    result.m_charts = core::OutcomeChart::build(result.m_rows, measures);
    for (const db::HomeProgramVersionRecord& version : history.programVersions) {
        ProgramMarker marker;
        marker.version = version.version;
        // A version is prescribed at its visit; the creation time only tells when it was typed in.
        const auto visit = version.visitId ? visits.find(*version.visitId) : visits.end();
        marker.date = visit != visits.end() ? visit->second->visitDate : version.createdAt.substr(0, 10);
        result.m_markers.push_back(std::move(marker));
    }
    return result;
}

} // namespace backscreen::app
