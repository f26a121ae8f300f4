#include "StoredClearances.h"

#include "core/common/Error.h"
#include "core/json/JsonReader.h"

#include <algorithm>
#include <map>

namespace backscreen::app {

std::vector<core::Clearance> StoredClearances::all(db::ClinicService& service, const db::ClientHistory& history)
{
    std::map<db::RecordId, std::string> names;
    std::vector<core::Clearance> clearances;
    for (const db::OverrideRecord& row : history.overrides) {
        if (row.kind != kind) {
            continue;
        }
        const std::string where = "clearance " + std::to_string(row.id) + " of rule " + row.ruleId;
        core::Clearance clearance;
        clearance.ruleId = row.ruleId;
        auto name = names.find(row.createdBy);
        if (name == names.end()) {
            name = names.emplace(row.createdBy, service.userName(row.createdBy)).first;
        }
        // A documented review names its clinician and date; without them the recorder and the time of entry
        // stand in (rows from before schema version 2, or the CLI without --reviewer).
        clearance.clearedBy = row.reviewedBy.empty() ? name->second : row.reviewedBy;
        clearance.clearedAt = row.reviewedOn.empty() ? row.createdAt : row.reviewedOn;
        auto reason = core::parseClearanceReason(row.reasonCode);
        if (!reason) {
            throw Error(ErrorCode::ClearanceMalformed,
                        where + ": reason \"" + row.reasonCode + "\" is unknown; expected a clearance reason code");
        }
        clearance.reason = *reason;
        clearance.note = row.reasonText;
        auto inputs = core::JsonReader::parse(row.inputSnapshotJson, where);
        if (!inputs.ok() || !inputs.value->isObject()) {
            throw Error(ErrorCode::ClearanceMalformed,
                        where + ": the input snapshot is not a JSON object; expected {linkId: value}");
        }
        clearance.inputs = *inputs.value;
        clearances.push_back(std::move(clearance));
    }
    return clearances;
}

std::vector<core::Clearance> StoredClearances::latestPerRule(const std::vector<core::Clearance>& clearances)
{
    std::vector<core::Clearance> latest;
    for (const core::Clearance& clearance : clearances) {
        auto same = std::find_if(
            latest.begin(), latest.end(), [&](const core::Clearance& kept) { return kept.ruleId == clearance.ruleId; });
        if (same == latest.end()) {
            latest.push_back(clearance);
        } else {
            *same = clearance;
        }
    }
    return latest;
}

std::optional<db::ScreeningRecord> StoredClearances::latestScreening(const db::ClientHistory& history)
{
    std::optional<db::ScreeningRecord> latest;
    for (const db::ScreeningRecord& screening : history.screenings) {
        if (!latest || screening.id > latest->id) {
            latest = screening;
        }
    }
    return latest;
}

core::ScreeningResult StoredClearances::readResult(const db::ScreeningRecord& screening)
{
    const std::string where = "screening " + std::to_string(screening.id);
    auto json = core::JsonReader::parse(screening.resultJson, where);
    std::vector<core::Diagnostic> diagnostics;
    std::optional<core::ScreeningResult> result;
    if (json.ok()) {
        result = core::ScreeningResult::fromJson(*json.value, diagnostics);
    }
    if (!result) {
        std::string detail = diagnostics.empty() ? std::string("not JSON") : diagnostics.front().toString();
        throw Error(ErrorCode::ScreeningResultMalformed, where + ": the stored result cannot be read (" + detail + ")");
    }
    return *result;
}

} // namespace backscreen::app
