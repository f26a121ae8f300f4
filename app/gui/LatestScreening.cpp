#include "LatestScreening.h"

#include "StoredClearances.h"
#include "StoredJson.h"

#include "core/common/Error.h"
#include "core/json/JsonReader.h"
#include "core/screening/ScreeningEngine.h"

#include <algorithm>

namespace backscreen::app {

namespace {

std::string clientText(db::RecordId clientId)
{
    return "client " + std::to_string(clientId);
}

/// The clearances recorded on a stored screening after it ran, as the engine applies them.
std::vector<core::Clearance> recordedClearances(const std::vector<db::OverrideRecord>& overrides,
                                                db::RecordId screeningId)
{
    std::vector<core::Clearance> clearances;
    for (const db::OverrideRecord& entry : overrides) {
        if (entry.screeningResultId != screeningId || entry.kind != StoredClearances::kind) {
            continue;
        }
        const std::string what = "override " + std::to_string(entry.id);
        core::Clearance clearance;
        clearance.ruleId = entry.ruleId;
        clearance.clearedBy = "user " + std::to_string(entry.createdBy);
        clearance.clearedAt = entry.createdAt;
        clearance.reason = core::parseClearanceReason(entry.reasonCode).value_or(core::ClearanceReason::Other);
        clearance.note = entry.reasonText;
        clearance.inputs = StoredJson::parse(entry.inputSnapshotJson, what);
        clearances.push_back(std::move(clearance));
    }
    return clearances;
}

} // namespace

LatestScreening LatestScreening::read(db::ClinicService& service,
                                      db::RecordId clientId,
                                      std::optional<db::RecordId> visitId,
                                      const core::ScreeningEngine* engine)
{
    return of(service.clientHistory(clientId), visitId, engine);
}

LatestScreening LatestScreening::of(const db::ClientHistory& history,
                                    std::optional<db::RecordId> visitId,
                                    const core::ScreeningEngine* engine)
{
    const db::RecordId clientId = history.client.id;
    if (visitId && std::none_of(history.visits.begin(), history.visits.end(), [&](const db::VisitRecord& visit) {
            return visit.id == *visitId;
        })) {
        throw Error(ErrorCode::RecordNotFound,
                    clientText(clientId) + ": no visit " + std::to_string(*visitId)
                        + "; expected one of the client's visits");
    }
    const db::ScreeningRecord* latest = nullptr;
    for (const db::ScreeningRecord& screening : history.screenings) {
        if (!visitId || screening.visitId == *visitId) {
            latest = &screening;
        }
    }
    if (latest == nullptr) {
        throw Error(ErrorCode::RecordNotFound,
                    clientText(clientId) + ": no stored screening"
                        + (visitId ? " at visit " + std::to_string(*visitId) : std::string())
                        + "; expected the intake to be screened and stored first");
    }
    const std::string what = "screening " + std::to_string(latest->id);
    std::vector<core::Diagnostic> diagnostics;
    std::optional<core::ScreeningResult> result =
        core::ScreeningResult::fromJson(StoredJson::parse(latest->resultJson, what), diagnostics);
    if (!result) {
        throw Error(ErrorCode::RecordInvalid,
                    what + ": the stored result is malformed: "
                        + (diagnostics.empty() ? std::string("unknown") : diagnostics.front().toString()));
    }
    std::vector<core::Clearance> added = recordedClearances(history.overrides, latest->id);
    if (!added.empty()) {
        std::vector<core::Clearance> clearances;
        for (const core::AppliedClearance& applied : result->clearances) {
            clearances.push_back(applied.clearance);
        }
        for (core::Clearance& clearance : added) {
            if (std::none_of(clearances.begin(), clearances.end(), [&](const core::Clearance& known) {
                    return known.ruleId == clearance.ruleId;
                })) {
                clearances.push_back(std::move(clearance));
            }
        }
        // The desktop app passes the engine it loaded at start-up; only the CLI loads the rules here.
        core::ScreeningEngineLoadResult loaded;
        if (engine == nullptr) {
            loaded = core::ScreeningEngine::loadDefault();
            if (!loaded.ok()) {
                throw Error(ErrorCode::ScreeningRulesetMissing,
                            "cannot load the screening rules: "
                                + (loaded.diagnostics.empty() ? std::string("unknown")
                                                              : loaded.diagnostics.front().toString()));
            }
            engine = loaded.engine.get();
        }
        result = engine->screen(result->answers, clearances);
    }
    return LatestScreening{*latest, std::move(*result)};
}

std::string
LatestScreening::handoutRefusal(db::ClinicService& service, db::RecordId clientId, const core::ScreeningEngine* engine)
{
    return handoutRefusal(service.clientHistory(clientId), engine);
}

LatestScreening LatestScreening::forVisitOrLatest(const db::ClientHistory& history,
                                                  std::optional<db::RecordId> visitId,
                                                  const core::ScreeningEngine* engine)
{
    if (visitId) {
        try {
            return of(history, visitId, engine);
        } catch (const Error& error) {
            if (error.code() != ErrorCode::RecordNotFound) {
                throw;
            }
        }
    }
    return of(history, {}, engine);
}

std::string LatestScreening::handoutRefusal(const db::ClientHistory& history, const core::ScreeningEngine* engine)
{
    LatestScreening latest;
    try {
        latest = of(history, {}, engine);
    } catch (const Error& error) {
        if (error.code() == ErrorCode::RecordNotFound) {
            return {};
        }
        throw;
    }
    if (!latest.result.programBlocked) {
        return {};
    }
    std::string when;
    for (const db::VisitRecord& visit : history.visits) {
        if (visit.id == latest.record.visitId) {
            when = ", " + visit.visitDate;
        }
    }
    return "the latest screening (screening " + std::to_string(latest.record.id) + when
           + ") blocks the home program: " + latest.result.blockingReason;
}

void LatestScreening::requireHandoutAllowed(db::ClinicService& service, db::RecordId clientId)
{
    requireHandoutAllowed(service.clientHistory(clientId));
}

void LatestScreening::requireHandoutAllowed(const db::ClientHistory& history)
{
    const std::string refusal = handoutRefusal(history);
    if (!refusal.empty()) {
        throw Error(ErrorCode::HandoutBlocked,
                    clientText(history.client.id) + ": not printed: " + refusal
                        + "; expected the red flag cleared or the red-flag screen completed first (exercises.md G1)");
    }
}

} // namespace backscreen::app
