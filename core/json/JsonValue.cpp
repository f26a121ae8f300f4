#include "JsonValue.h"

#include <algorithm>
#include <cassert>

namespace backscreen::core {

namespace {

const std::string& emptyString()
{
    static const std::string empty;
    return empty;
}

const JsonValue::Array& emptyArray()
{
    static const JsonValue::Array empty;
    return empty;
}

const JsonValue::Object& emptyObject()
{
    static const JsonValue::Object empty;
    return empty;
}

} // namespace

JsonValue::JsonValue(bool value)
    : m_value(value)
{}

JsonValue::JsonValue(double value)
    : m_value(Number{value, {}})
{}

JsonValue::JsonValue(int value)
    : m_value(Number{static_cast<double>(value), {}})
{}

JsonValue::JsonValue(long long value)
    : m_value(Number{static_cast<double>(value), {}})
{}

JsonValue::JsonValue(std::string value)
    : m_value(std::move(value))
{}

JsonValue::JsonValue(std::string_view value)
    : m_value(std::string(value))
{}

JsonValue::JsonValue(const char* value)
    : m_value(std::string(value))
{}

JsonValue::JsonValue(Array elements)
    : m_value(std::make_shared<const Array>(std::move(elements)))
{}

JsonValue::JsonValue(Object members)
{
    auto data = std::make_shared<ObjectData>();
    data->members = std::move(members);
    data->sortedIndex.resize(data->members.size());
    for (std::size_t i = 0; i < data->sortedIndex.size(); ++i) {
        data->sortedIndex[i] = i;
    }
    // Stable, so among duplicate keys the first in document order is found first.
    std::stable_sort(data->sortedIndex.begin(), data->sortedIndex.end(), [&](std::size_t a, std::size_t b) {
        return data->members[a].first < data->members[b].first;
    });
    m_value = std::shared_ptr<const ObjectData>(std::move(data));
}

JsonValue JsonValue::numberWithText(double value, std::string text)
{
    JsonValue number;
    number.m_value = Number{value, std::move(text)};
    return number;
}

JsonValue::Type JsonValue::type() const
{
    return static_cast<Type>(m_value.index());
}

bool JsonValue::asBool() const
{
    assert(isBool());
    const bool* value = std::get_if<bool>(&m_value);
    return value != nullptr && *value;
}

double JsonValue::asNumber() const
{
    assert(isNumber());
    const Number* number = std::get_if<Number>(&m_value);
    return number != nullptr ? number->value : 0.0;
}

const std::string& JsonValue::asString() const
{
    assert(isString());
    const std::string* text = std::get_if<std::string>(&m_value);
    return text != nullptr ? *text : emptyString();
}

const JsonValue::Array& JsonValue::asArray() const
{
    assert(isArray());
    const auto* array = std::get_if<std::shared_ptr<const Array>>(&m_value);
    return array != nullptr ? **array : emptyArray();
}

const JsonValue::Object& JsonValue::asObject() const
{
    assert(isObject());
    const auto* object = std::get_if<std::shared_ptr<const ObjectData>>(&m_value);
    return object != nullptr ? (*object)->members : emptyObject();
}

const std::string& JsonValue::numberText() const
{
    const Number* number = std::get_if<Number>(&m_value);
    return number != nullptr ? number->text : emptyString();
}

const JsonValue* JsonValue::find(std::string_view key) const
{
    const auto* object = std::get_if<std::shared_ptr<const ObjectData>>(&m_value);
    if (object == nullptr) {
        return nullptr;
    }
    const ObjectData& data = **object;
    auto it = std::lower_bound(
        data.sortedIndex.begin(), data.sortedIndex.end(), key, [&](std::size_t index, std::string_view wanted) {
            return data.members[index].first < wanted;
        });
    if (it == data.sortedIndex.end() || data.members[*it].first != key) {
        return nullptr;
    }
    return &data.members[*it].second;
}

std::size_t JsonValue::size() const
{
    if (isArray()) {
        return asArray().size();
    }
    if (isObject()) {
        return asObject().size();
    }
    return 0;
}

bool JsonValue::operator==(const JsonValue& other) const
{
    if (type() != other.type()) {
        return false;
    }
    switch (type()) {
    case Type::Null:
        return true;
    case Type::Bool:
        return asBool() == other.asBool();
    case Type::Number:
        return asNumber() == other.asNumber();
    case Type::String:
        return asString() == other.asString();
    case Type::Array:
        return asArray() == other.asArray();
    case Type::Object: {
        if (size() != other.size()) {
            return false;
        }
        for (const auto& [key, value] : asObject()) {
            const JsonValue* counterpart = other.find(key);
            if (counterpart == nullptr || !(*counterpart == value)) {
                return false;
            }
        }
        return true;
    }
    }
    return false;
}

} // namespace backscreen::core
