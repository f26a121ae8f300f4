#include "Clearance.h"

#include <array>

namespace backscreen::core {

namespace {

constexpr std::array<std::string_view, 4> kReasons = {
    "medically_reviewed_no_serious_pathology", "imaging_normal", "specialist_managing", "other"};

} // namespace

std::string_view clearanceReasonName(ClearanceReason reason)
{
    return kReasons.at(static_cast<std::size_t>(reason));
}

std::optional<ClearanceReason> parseClearanceReason(std::string_view name)
{
    for (std::size_t i = 0; i < kReasons.size(); ++i) {
        if (kReasons[i] == name) {
            return static_cast<ClearanceReason>(i);
        }
    }
    return std::nullopt;
}

JsonValue Clearance::toJson() const
{
    return JsonValue(JsonValue::Object{
        {"ruleId", JsonValue(ruleId)},
        {"clearedBy", JsonValue(clearedBy)},
        {"clearedAt", JsonValue(clearedAt)},
        {"reason", JsonValue(std::string(clearanceReasonName(reason)))},
        {"note", JsonValue(note)},
        {"inputs", inputs.isObject() ? inputs : JsonValue(JsonValue::Object{})},
    });
}

std::optional<Clearance>
Clearance::fromJson(const JsonValue& json, const std::string& pointer, std::vector<Diagnostic>& diagnostics)
{
    auto fail = [&](const std::string& where, const std::string& message) {
        Diagnostic d;
        d.code = ErrorCode::ClearanceMalformed;
        d.source = "clearance";
        d.pointer = pointer + where;
        d.message = message;
        diagnostics.push_back(std::move(d));
        return std::nullopt;
    };
    if (!json.isObject()) {
        return fail("", "clearance: wrong type; expected an object");
    }
    Clearance clearance;
    for (const char* key : {"ruleId", "clearedBy", "clearedAt", "reason", "note"}) {
        const JsonValue* member = json.find(key);
        if (member == nullptr || !member->isString()) {
            return fail(std::string("/") + key, std::string(key) + ": missing or not a string; expected a string");
        }
    }
    clearance.ruleId = json.find("ruleId")->asString();
    clearance.clearedBy = json.find("clearedBy")->asString();
    clearance.clearedAt = json.find("clearedAt")->asString();
    clearance.note = json.find("note")->asString();
    std::optional<ClearanceReason> reason = parseClearanceReason(json.find("reason")->asString());
    if (!reason) {
        return fail("/reason",
                    "unknown reason \"" + json.find("reason")->asString()
                        + "\"; expected medically_reviewed_no_serious_pathology, imaging_normal, "
                          "specialist_managing or other");
    }
    clearance.reason = *reason;
    const JsonValue* inputs = json.find("inputs");
    if (inputs == nullptr || !inputs->isObject()) {
        return fail("/inputs", "inputs: missing or not an object; expected the snapshot of the rule's inputs");
    }
    clearance.inputs = *inputs;
    return clearance;
}

bool Clearance::operator==(const Clearance& other) const
{
    return ruleId == other.ruleId && clearedBy == other.clearedBy && clearedAt == other.clearedAt
           && reason == other.reason && note == other.note && inputs == other.inputs;
}

} // namespace backscreen::core
