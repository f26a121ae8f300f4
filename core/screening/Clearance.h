#pragma once

#include "core/common/Diagnostic.h"
#include "core/json/JsonValue.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backscreen::core {

/// Why a clinician cleared a fired rule (a small fixed list, so results can be counted and audited).
enum class ClearanceReason
{
    MedicallyReviewedNoSeriousPathology,
    ImagingNormal,
    SpecialistManaging,
    Other,
};

/// "medically_reviewed_no_serious_pathology", "imaging_normal", "specialist_managing", "other".
std::string_view clearanceReasonName(ClearanceReason reason);
std::optional<ClearanceReason> parseClearanceReason(std::string_view name);

/// A clinician's record that a fired SOON or URGENT red-flag rule was medically reviewed (clinical README,
/// "Overrides"). Stored per rule id and shown on later visits. It holds while every input of the rule
/// (its `requires` and `optional` lists) has the value it had when cleared (`inputs`, a snapshot
/// `{linkId: value}` with null for unanswered); any change lapses it. Make one with
/// ScreeningEngine::createClearance, which takes the snapshot and refuses EMERGENCY and MONITOR rules.
struct Clearance
{
    std::string ruleId;
    std::string clearedBy;
    /// ISO 8601 date-time as entered, e.g. "2026-11-24T10:30:00Z".
    std::string clearedAt;
    ClearanceReason reason = ClearanceReason::MedicallyReviewedNoSeriousPathology;
    std::string note;
    JsonValue inputs;

    /// {"ruleId", "clearedBy", "clearedAt", "reason", "note", "inputs"}.
    JsonValue toJson() const;
    /// The inverse; problems (ClearanceMalformed) are appended to `diagnostics` and give nullopt.
    static std::optional<Clearance>
    fromJson(const JsonValue& json, const std::string& pointer, std::vector<Diagnostic>& diagnostics);

    bool operator==(const Clearance& other) const;
};

} // namespace backscreen::core
