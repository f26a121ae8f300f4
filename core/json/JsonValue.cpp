#include "JsonValue.h"

#include "core/json/KeyEquality.h"

#include <cassert>
#include <cstring>
#include <limits>

namespace backscreen::core {

namespace {

// Objects with at most this many members are searched by a scan, which beats hashing the key.
constexpr std::size_t kScanLimit = 8;

} // namespace

const std::string& JsonValue::emptyString()
{
    static const std::string empty;
    return empty;
}

const JsonValue::Array& JsonValue::emptyArray()
{
    static const JsonValue::Array empty;
    return empty;
}

const JsonValue::Object& JsonValue::emptyObject()
{
    static const JsonValue::Object empty;
    return empty;
}

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
    buildKeyTable(*data);
    m_value = std::shared_ptr<const ObjectData>(std::move(data));
}

JsonValue JsonValue::extended(const JsonValue& base, Object extra)
{
    const auto* baseData = std::get_if<std::shared_ptr<const ObjectData>>(&base.m_value);
    if (baseData == nullptr) {
        return JsonValue(std::move(extra));
    }
    auto data = std::make_shared<ObjectData>();
    data->base = *baseData;
    data->baseCount = base.size();
    data->members = std::move(extra);
    buildKeyTable(*data);
    JsonValue result;
    result.m_value = std::shared_ptr<const ObjectData>(std::move(data));
    return result;
}

const JsonValue::Object& JsonValue::flatten(const ObjectData& data)
{
    // Once, under std::call_once, so several threads may ask for the members of one shared value.
    std::call_once(data.flattenOnce, [&data] {
        Object members;
        members.reserve(data.baseCount + data.members.size());
        const Object& baseMembers = data.base->base == nullptr ? data.base->members : flatten(*data.base);
        members.insert(members.end(), baseMembers.begin(), baseMembers.end());
        members.insert(members.end(), data.members.begin(), data.members.end());
        data.flattened = std::move(members);
    });
    return data.flattened;
}

const JsonValue::Member& JsonValue::memberIn(const ObjectData& data, std::size_t index)
{
    if (data.base == nullptr) {
        return data.members[index];
    }
    return index < data.baseCount ? memberIn(*data.base, index) : data.members[index - data.baseCount];
}

bool JsonValue::needsHash(const ObjectData& data)
{
    return !data.keyTable.empty() || (data.base != nullptr && needsHash(*data.base));
}

void JsonValue::buildKeyTable(ObjectData& data)
{
    const std::size_t count = data.members.size();
    if (count <= kScanLimit || count >= std::numeric_limits<std::uint32_t>::max() / 4) {
        return;
    }
    std::size_t tableSize = 16;
    while (tableSize < 2 * count) {
        tableSize *= 2;
    }
    data.keyTable.assign(tableSize, 0);
    const std::size_t mask = tableSize - 1;
    for (std::size_t i = 0; i < count; ++i) {
        const std::string& key = data.members[i].first;
        std::size_t slot = static_cast<std::size_t>(keyHash(key)) & mask;
        // Document order: a later duplicate finds its first occurrence and is not entered.
        while (data.keyTable[slot] != 0 && !sameKey(data.members[data.keyTable[slot] - 1].first, key)) {
            slot = (slot + 1) & mask;
        }
        if (data.keyTable[slot] == 0) {
            data.keyTable[slot] = static_cast<std::uint32_t>(i + 1);
        }
    }
}

JsonValue JsonValue::numberWithText(double value, std::string text)
{
    JsonValue number;
    number.m_value = Number{value, std::move(text)};
    return number;
}

const std::string& JsonValue::numberText() const
{
    const Number* number = std::get_if<Number>(&m_value);
    return number != nullptr ? number->text : emptyString();
}

std::uint64_t JsonValue::keyHash(std::string_view key)
{
    // Eight bytes at a time with a multiply-xorshift mix: keys are short names, where this beats a
    // byte-wise hash several times over. Not for hostile input resistance, only for spreading names.
    constexpr std::uint64_t multiplier = 0x9E3779B97F4A7C15ULL;
    std::uint64_t hash = 0xA0761D6478BD642FULL ^ key.size();
    const char* p = key.data();
    std::size_t left = key.size();
    while (left >= 8) {
        std::uint64_t chunk = 0;
        std::memcpy(&chunk, p, 8);
        hash = (hash ^ chunk) * multiplier;
        hash ^= hash >> 29;
        p += 8;
        left -= 8;
    }
    if (left > 0) {
        // The tail: the last eight bytes of a longer key (overlapping what was mixed), else byte by byte; a
        // memcpy of a variable length would be a library call.
        std::uint64_t chunk = 0;
        if (key.size() >= 8) {
            std::memcpy(&chunk, key.data() + key.size() - 8, 8);
        } else {
            for (std::size_t i = 0; i < left; ++i) {
                chunk |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
            }
        }
        hash = (hash ^ chunk) * multiplier;
    }
    hash ^= hash >> 32;
    hash *= multiplier;
    return hash ^ (hash >> 29);
}

std::size_t JsonValue::positionIn(const ObjectData& data, std::string_view key, std::uint64_t hash)
{
    // An extended object's base members come first in document order, so they are searched first.
    if (data.base != nullptr) {
        std::size_t found = positionIn(*data.base, key, hash);
        if (found != npos) {
            return found;
        }
    }
    const std::size_t own = ownPosition(data, key, hash);
    return own == npos ? npos : data.baseCount + own;
}

std::size_t JsonValue::ownPosition(const ObjectData& data, std::string_view key, std::uint64_t hash)
{
    const Object& members = data.members;
    if (data.keyTable.empty()) {
        for (std::size_t i = 0; i < members.size(); ++i) {
            if (sameKey(members[i].first, key)) {
                return i;
            }
        }
        return npos;
    }
    const std::size_t mask = data.keyTable.size() - 1;
    for (std::size_t slot = static_cast<std::size_t>(hash) & mask;; slot = (slot + 1) & mask) {
        const std::uint32_t entry = data.keyTable[slot];
        if (entry == 0) {
            return npos;
        }
        if (sameKey(members[entry - 1].first, key)) {
            return entry - 1;
        }
    }
}

const JsonValue* JsonValue::find(std::string_view key) const
{
    const auto* object = std::get_if<std::shared_ptr<const ObjectData>>(&m_value);
    if (object == nullptr) {
        return nullptr;
    }
    const ObjectData& data = **object;
    if (data.base == nullptr) {
        // A plain object, the common case, without the layered walk; the key is hashed only for a table.
        const std::size_t own = ownPosition(data, key, data.keyTable.empty() ? 0 : keyHash(key));
        return own == npos ? nullptr : &data.members[own].second;
    }
    std::size_t position = positionIn(data, key, needsHash(data) ? keyHash(key) : 0);
    return position == npos ? nullptr : &memberIn(data, position).second;
}

const JsonValue* JsonValue::find(std::string_view key, std::uint64_t hash) const
{
    const std::size_t position = findPosition(key, hash);
    return position == npos ? nullptr : &memberAt(position).second;
}

std::size_t JsonValue::findPosition(std::string_view key, std::uint64_t hash) const
{
    const auto* object = std::get_if<std::shared_ptr<const ObjectData>>(&m_value);
    return object != nullptr ? positionIn(**object, key, hash) : npos;
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
