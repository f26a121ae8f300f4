#include "ClearanceRecorder.h"

#include "StoredClearances.h"

#include "core/common/Error.h"
#include "core/fhir/FhirValue.h"
#include "core/json/JsonWriter.h"
#include "core/screening/ScreeningEngine.h"
#include "db/ClinicService.h"

#include <algorithm>
#include <vector>

namespace backscreen::app {

std::optional<std::string> ClearanceRecorder::refusal(const core::ScreeningResult& result,
                                                      const std::string& ruleId,
                                                      const std::string& screeningName)
{
    const core::Finding* finding = result.finding(ruleId);
    if (finding == nullptr || finding->kind != core::RuleKind::Flag) {
        const bool undecided = std::any_of(result.notEvaluable.begin(),
                                           result.notEvaluable.end(),
                                           [&](const core::NotEvaluableRule& rule) { return rule.ruleId == ruleId; });
        if (undecided) {
            return ruleId + " could not be decided in " + screeningName
                   + ": its questions are unanswered, and an INCOMPLETE screening cannot be cleared; answer the "
                     "missing questions and screen again";
        }
        return ruleId + " did not fire in " + screeningName + "; only a fired SOON or URGENT red flag can be cleared";
    }
    if (finding->tier == core::Triage::Emergency) {
        return ruleId + " is an EMERGENCY red flag: it cannot be cleared in Backscreen; "
               + std::string(core::triageAction(core::Triage::Emergency));
    }
    if (finding->tier != core::Triage::Soon && finding->tier != core::Triage::Urgent) {
        return ruleId + " is a " + std::string(core::triageName(finding->tier.value_or(core::Triage::None)))
               + " finding: it does not block the home program, so there is nothing to clear";
    }
    return std::nullopt;
}

ClearanceRecorder::Recorded ClearanceRecorder::record(db::ClinicService& service,
                                                      const core::ScreeningEngine& engine,
                                                      const db::ScreeningRecord& screening,
                                                      const core::ScreeningResult& result,
                                                      const Request& request,
                                                      const std::string& screeningName)
{
    if (auto why = refusal(result, request.ruleId, screeningName)) {
        throw Error(ErrorCode::ClearanceRefused, *why);
    }
    if (!request.reviewedOn.empty() && !core::isCalendarDate(request.reviewedOn)) {
        throw Error(ErrorCode::ClearanceRefused,
                    "review date \"" + request.reviewedOn + "\" is not a date; expected YYYY-MM-DD");
    }
    const std::string username = service.currentUser() ? service.currentUser()->username : std::string();
    std::vector<core::Diagnostic> diagnostics;
    auto clearance = engine.createClearance(request.ruleId,
                                            request.reviewedBy.empty() ? username : request.reviewedBy,
                                            request.reviewedOn,
                                            request.reason,
                                            request.note,
                                            result.answers,
                                            diagnostics);
    if (!clearance) {
        // The screening says the rule fired, but the installed rules disagree (they changed since).
        const std::string why =
            diagnostics.empty() ? std::string("the installed rules refuse it") : diagnostics.front().message;
        throw Error(ErrorCode::ClearanceRefused,
                    request.ruleId + ": " + why + "; screen the client again with the installed rules");
    }
    db::OverrideRecord row;
    row.screeningResultId = screening.id;
    row.ruleId = request.ruleId;
    row.kind = StoredClearances::kind;
    row.reasonCode = std::string(core::clearanceReasonName(request.reason));
    row.reasonText = request.note;
    row.inputSnapshotJson = core::JsonWriter::write(clearance->inputs);
    row.reviewedBy = request.reviewedBy;
    row.reviewedOn = request.reviewedOn;
    Recorded recorded{service.saveOverride(row), *clearance};
    if (recorded.clearance.clearedAt.empty()) {
        recorded.clearance.clearedAt = recorded.row.createdAt;
    }
    return recorded;
}

} // namespace backscreen::app
