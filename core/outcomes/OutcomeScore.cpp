#include "OutcomeScore.h"

#include "core/outcomes/DisplayNumber.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace backscreen::core {

namespace {

JsonValue textOrNull(const std::string& text)
{
    return text.empty() ? JsonValue() : JsonValue(text);
}

bool readText(const JsonValue& json, const char* key, std::string& out, bool nullable)
{
    const JsonValue* value = json.find(key);
    if (value == nullptr) {
        return false;
    }
    if (value->isNull() && nullable) {
        out.clear();
        return true;
    }
    if (!value->isString()) {
        return false;
    }
    out = value->asString();
    return true;
}

bool readNumber(const JsonValue& json, const char* key, double& out)
{
    const JsonValue* value = json.find(key);
    if (value == nullptr || !value->isNumber()) {
        return false;
    }
    out = value->asNumber();
    return true;
}

} // namespace

std::string activityMatchKey(const std::string& label)
{
    auto isSpace = [](unsigned char c) { return std::isspace(c) != 0; };
    auto begin = std::find_if_not(label.begin(), label.end(), isSpace);
    auto end = std::find_if_not(label.rbegin(), label.rend(), isSpace).base();
    std::string key = begin >= end ? std::string() : std::string(begin, end);
    std::transform(
        key.begin(), key.end(), key.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return key;
}

std::optional<double> OutcomeScore::subscale(std::string_view key) const
{
    auto found =
        std::find_if(subscales.begin(), subscales.end(), [&](const auto& entry) { return entry.first == key; });
    return found == subscales.end() ? std::nullopt : std::optional<double>(found->second);
}

std::string OutcomeScore::qualifier(std::string_view key) const
{
    auto found =
        std::find_if(qualifiers.begin(), qualifiers.end(), [&](const auto& entry) { return entry.first == key; });
    return found == qualifiers.end() ? std::string() : found->second;
}

JsonValue OutcomeScore::toJson() const
{
    JsonValue::Object subscaleMembers;
    for (const auto& [key, value] : subscales) {
        subscaleMembers.emplace_back(key, JsonValue(value));
    }
    JsonValue::Object qualifierMembers;
    for (const auto& [key, value] : qualifiers) {
        qualifierMembers.emplace_back(key, JsonValue(value));
    }
    JsonValue::Array activityElements;
    for (const OutcomeActivity& activity : activities) {
        activityElements.emplace_back(JsonValue::Object{
            {"slot", JsonValue(activity.slot)},
            {"label", JsonValue(activity.label)},
            {"rating", activity.rating ? JsonValue(*activity.rating) : JsonValue()},
        });
    }
    JsonValue::Array noteElements;
    for (const std::string& note : notes) {
        noteElements.emplace_back(note);
    }
    return JsonValue(JsonValue::Object{
        {"instrument", JsonValue(instrument)},
        {"version", JsonValue(version)},
        {"rulesetId", JsonValue(rulesetId)},
        {"rulesetVersion", JsonValue(rulesetVersion)},
        {"scorable", JsonValue(scorable)},
        {"score", score ? JsonValue(*score) : JsonValue()},
        {"scoreText", score ? JsonValue(formatDisplayNumber(*score, displayDecimals)) : JsonValue()},
        {"min", JsonValue(min)},
        {"max", JsonValue(max)},
        {"displayDecimals", JsonValue(displayDecimals)},
        {"subscales", JsonValue(std::move(subscaleMembers))},
        {"band", textOrNull(bandId)},
        {"bandLabel", textOrNull(bandLabel)},
        {"reason", textOrNull(reason)},
        {"qualifiers", JsonValue(std::move(qualifierMembers))},
        {"activities", JsonValue(std::move(activityElements))},
        {"notes", JsonValue(std::move(noteElements))},
    });
}

std::optional<OutcomeScore> OutcomeScore::fromJson(const JsonValue& json)
{
    OutcomeScore result;
    if (!json.isObject() || !readText(json, "instrument", result.instrument, false)
        || !readText(json, "version", result.version, false) || !readText(json, "rulesetId", result.rulesetId, false)
        || !readText(json, "rulesetVersion", result.rulesetVersion, false) || !readNumber(json, "min", result.min)
        || !readNumber(json, "max", result.max) || !readText(json, "band", result.bandId, true)
        || !readText(json, "bandLabel", result.bandLabel, true) || !readText(json, "reason", result.reason, true)) {
        return std::nullopt;
    }
    const JsonValue* scorable = json.find("scorable");
    const JsonValue* score = json.find("score");
    const JsonValue* decimals = json.find("displayDecimals");
    if (scorable == nullptr || !scorable->isBool() || score == nullptr || !(score->isNull() || score->isNumber())
        || decimals == nullptr || !decimals->isNumber()) {
        return std::nullopt;
    }
    result.scorable = scorable->asBool();
    if (score->isNumber()) {
        result.score = score->asNumber();
    }
    if (result.scorable != result.score.has_value()) {
        return std::nullopt;
    }
    double places = decimals->asNumber();
    if (places != std::trunc(places) || places < 0.0 || places > 3.0) {
        return std::nullopt;
    }
    result.displayDecimals = static_cast<int>(places);
    const JsonValue* subscales = json.find("subscales");
    const JsonValue* qualifiers = json.find("qualifiers");
    const JsonValue* activities = json.find("activities");
    const JsonValue* notes = json.find("notes");
    if (subscales == nullptr || !subscales->isObject() || qualifiers == nullptr || !qualifiers->isObject()
        || activities == nullptr || !activities->isArray() || notes == nullptr || !notes->isArray()) {
        return std::nullopt;
    }
    for (const auto& [key, value] : subscales->asObject()) {
        if (!value.isNumber()) {
            return std::nullopt;
        }
        result.subscales.emplace_back(key, value.asNumber());
    }
    for (const auto& [key, value] : qualifiers->asObject()) {
        if (!value.isString()) {
            return std::nullopt;
        }
        result.qualifiers.emplace_back(key, value.asString());
    }
    for (const JsonValue& element : activities->asArray()) {
        OutcomeActivity activity;
        double slot = 0.0;
        const JsonValue* rating = element.find("rating");
        if (!element.isObject() || !readNumber(element, "slot", slot)
            || !readText(element, "label", activity.label, false) || rating == nullptr
            || !(rating->isNull() || rating->isNumber())) {
            return std::nullopt;
        }
        if (slot != std::trunc(slot) || slot < 1.0 || slot > 99.0) {
            return std::nullopt;
        }
        activity.slot = static_cast<int>(slot);
        if (rating->isNumber()) {
            activity.rating = rating->asNumber();
        }
        result.activities.push_back(std::move(activity));
    }
    for (const JsonValue& note : notes->asArray()) {
        if (!note.isString()) {
            return std::nullopt;
        }
        result.notes.push_back(note.asString());
    }
    return result;
}

} // namespace backscreen::core
