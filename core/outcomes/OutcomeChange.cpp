#include "OutcomeChange.h"

namespace backscreen::core {

namespace {

JsonValue textOrNull(const std::string& text)
{
    return text.empty() ? JsonValue() : JsonValue(text);
}

JsonValue strings(const std::vector<std::string>& values)
{
    JsonValue::Array elements;
    for (const std::string& value : values) {
        elements.emplace_back(value);
    }
    return JsonValue(std::move(elements));
}

} // namespace

JsonValue OutcomeChange::toJson() const
{
    JsonValue::Array componentElements;
    for (const ComponentChange& component : components) {
        JsonValue thresholds(JsonValue::Object{
            {"name", JsonValue(component.thresholds.name)},
            {"absolute", JsonValue(component.thresholds.absolute)},
            {"relative", component.thresholds.relative ? JsonValue(*component.thresholds.relative) : JsonValue()},
            {"references", strings(component.thresholds.references)},
            {"citation", JsonValue(component.thresholds.citation)},
        });
        componentElements.emplace_back(JsonValue::Object{
            {"key", JsonValue(component.key)},
            {"label", JsonValue(component.label)},
            {"comparable", JsonValue(component.comparable)},
            {"reason", textOrNull(component.reason)},
            {"baseline", component.comparable ? JsonValue(component.baseline) : JsonValue()},
            {"followup", component.comparable ? JsonValue(component.followup) : JsonValue()},
            {"delta", component.comparable ? JsonValue(component.delta) : JsonValue()},
            {"relativeChange", component.relativeChange ? JsonValue(*component.relativeChange) : JsonValue()},
            {"category", component.category ? JsonValue(changeCategoryName(*component.category)) : JsonValue()},
            {"thresholds", thresholds},
            {"flags", strings(component.flags)},
            {"summary", textOrNull(component.summary)},
        });
    }
    return JsonValue(JsonValue::Object{
        {"instrument", JsonValue(instrument)},
        {"version", JsonValue(version)},
        {"comparable", JsonValue(comparable)},
        {"reason", textOrNull(reason)},
        {"components", JsonValue(std::move(componentElements))},
    });
}

} // namespace backscreen::core
