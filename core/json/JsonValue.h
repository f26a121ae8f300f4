#pragma once

#include "core/json/KeyEquality.h"

#include <atomic>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace backscreen::core {

/// An immutable JSON value. Objects keep their members in document order (FHIR and our data files are
/// written by people who expect to see their order again) and numbers keep the text they were read from,
/// so a decimal such as "2.50" is written back as "2.50". Arrays and objects are shared, so copying a
/// value is cheap and never deep.
class JsonValue
{
public:
    enum class Type
    {
        Null,
        Bool,
        Number,
        String,
        Array,
        Object,
    };

    using Array = std::vector<JsonValue>;
    using Member = std::pair<std::string, JsonValue>;
    using Object = std::vector<Member>;

    JsonValue() = default;

    JsonValue(std::nullptr_t) {}

    JsonValue(bool value);
    JsonValue(double value);
    JsonValue(int value);
    JsonValue(long long value);
    JsonValue(std::string value);
    JsonValue(std::string_view value);
    JsonValue(const char* value);
    JsonValue(Array elements);
    /// Members are kept in the given order; when a key occurs twice, find() returns the first.
    JsonValue(Object members);

    /// The same as JsonValue(members of `base` followed by `extra`), without copying `base`: the result
    /// shares `base`'s members and key index and holds only `extra` (e.g. context values added to a large
    /// answers object per evaluation). find(), size(), memberAt() and findPosition() read both layers;
    /// asObject() builds the concatenated members once, on first use. `base` that is not an object counts
    /// as {}.
    static JsonValue extended(const JsonValue& base, Object extra);

    /// Member `index` (in document order) of an object, without building the members of an extended one;
    /// index must be below size().
    const Member& memberAt(std::size_t index) const;
    /// memberAt(index), or nullptr when this is not an object or index is not below size(): for callers
    /// that remember where a key was (one check instead of two).
    const Member* tryMemberAt(std::size_t index) const;
    /// Document-order position of the member find() finds (keyHash(key) given), or npos.
    std::size_t findPosition(std::string_view key, std::uint64_t hash) const;
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    /// A number that remembers its source text (e.g. "2.50", "1e3"); the text must be a valid JSON number.
    static JsonValue numberWithText(double value, std::string text);

    Type type() const { return static_cast<Type>(m_value.index()); }

    bool isNull() const { return type() == Type::Null; }

    bool isBool() const { return type() == Type::Bool; }

    bool isNumber() const { return type() == Type::Number; }

    bool isString() const { return type() == Type::String; }

    bool isArray() const { return type() == Type::Array; }

    bool isObject() const { return type() == Type::Object; }

    /// Accessors assert the type in debug builds; call them only after checking type(). Inline: rule
    /// evaluation calls them for every answer it reads.
    bool asBool() const
    {
        assert(isBool());
        const bool* value = std::get_if<bool>(&m_value);
        return value != nullptr && *value;
    }

    double asNumber() const
    {
        assert(isNumber());
        const Number* number = std::get_if<Number>(&m_value);
        return number != nullptr ? number->value : 0.0;
    }

    const std::string& asString() const
    {
        assert(isString());
        const std::string* text = std::get_if<std::string>(&m_value);
        return text != nullptr ? *text : emptyString();
    }

    const Array& asArray() const
    {
        assert(isArray());
        const auto* array = std::get_if<std::shared_ptr<const Array>>(&m_value);
        return array != nullptr ? **array : emptyArray();
    }

    const Object& asObject() const;

    /// The number's source text, or an empty string when the number was computed.
    const std::string& numberText() const;

    /// Member lookup on an object; nullptr when this is not an object or has no such key. Among duplicate
    /// keys the first in document order is found. Constant time on average: objects of more than a few
    /// members carry a hash index of their keys, built once when the object is made.
    const JsonValue* find(std::string_view key) const;
    /// The same with the key's keyHash() computed by the caller (e.g. once for a key looked up often).
    const JsonValue* find(std::string_view key, std::uint64_t hash) const;
    /// find(key, hash) for a caller that remembers where it found `key` last time (answer sets share their
    /// shape): member `hint` is tried first, and after a search `hint` is set to where the key was found.
    /// The hint only ever saves a search, so one may be shared by threads (relaxed atomic).
    const JsonValue* findHinted(std::string_view key, std::uint64_t hash, std::atomic<std::uint32_t>& hint) const;

    /// The hash find() uses for a key.
    static std::uint64_t keyHash(std::string_view key);

    /// Element count of an array or member count of an object; 0 otherwise.
    std::size_t size() const
    {
        if (const auto* object = std::get_if<std::shared_ptr<const ObjectData>>(&m_value)) {
            return objectSize(**object);
        }
        const auto* array = std::get_if<std::shared_ptr<const Array>>(&m_value);
        return array != nullptr ? (*array)->size() : 0;
    }

    /// Structural equality; numbers compare by value, object members by key regardless of order.
    bool operator==(const JsonValue& other) const;

private:
    struct Number
    {
        double value = 0.0;
        std::string text;
    };

    struct ObjectData
    {
        /// An extended object's own members only (they follow base's).
        Object members;
        // Open addressing over the members of objects with more than a few: slot = member index + 1, 0 for
        // an empty slot; a power-of-two size at least twice the member count. Empty for small objects, where
        // a scan is faster than hashing. Only the first of duplicate keys is entered.
        std::vector<std::uint32_t> keyTable;
        /// Extended objects: the object whose members come first, its member count, and the concatenated
        /// members, built once when asObject() first asks.
        std::shared_ptr<const ObjectData> base;
        std::size_t baseCount = 0;
        mutable std::once_flag flattenOnce;
        mutable Object flattened;
    };

    static const std::string& emptyString();
    static const Array& emptyArray();
    static const Object& emptyObject();
    /// Enters members [from, members.size()) into `data.keyTable` (which must have room), first key wins.
    /// Gives `data` a hash table of its own members' keys when they are too many to scan.
    static void buildKeyTable(ObjectData& data);
    /// Index in data.members (its own layer only) of the first member named `key`, or npos; `hash` is
    /// read only when the layer has a key table.
    static std::size_t ownPosition(const ObjectData& data, std::string_view key, std::uint64_t hash);
    static std::size_t positionIn(const ObjectData& data, std::string_view key, std::uint64_t hash);
    static const Member& memberIn(const ObjectData& data, std::size_t index);
    static const Object& flatten(const ObjectData& data);
    static bool needsHash(const ObjectData& data);

    static std::size_t objectSize(const ObjectData& data) { return data.baseCount + data.members.size(); }

    std::variant<std::nullptr_t,
                 bool,
                 Number,
                 std::string,
                 std::shared_ptr<const Array>,
                 std::shared_ptr<const ObjectData>>
        m_value = nullptr;
};

inline const JsonValue::Object& JsonValue::asObject() const
{
    assert(isObject());
    const auto* object = std::get_if<std::shared_ptr<const ObjectData>>(&m_value);
    if (object == nullptr) {
        return emptyObject();
    }
    return (*object)->base == nullptr ? (*object)->members : flatten(**object);
}

inline const JsonValue::Member* JsonValue::tryMemberAt(std::size_t index) const
{
    const auto* object = std::get_if<std::shared_ptr<const ObjectData>>(&m_value);
    if (object == nullptr) {
        return nullptr;
    }
    const ObjectData& data = **object;
    if (data.base == nullptr) {
        return index < data.members.size() ? &data.members[index] : nullptr;
    }
    return index < objectSize(data) ? &memberIn(data, index) : nullptr;
}

[[gnu::always_inline]] inline const JsonValue*
JsonValue::findHinted(std::string_view key, std::uint64_t hash, std::atomic<std::uint32_t>& hint) const
{
    const Member* candidate = tryMemberAt(hint.load(std::memory_order_relaxed));
    if (candidate != nullptr && sameKey(candidate->first, key)) {
        return &candidate->second;
    }
    const std::size_t position = findPosition(key, hash);
    if (position == npos) {
        return nullptr;
    }
    if (position < std::numeric_limits<std::uint32_t>::max()) {
        hint.store(static_cast<std::uint32_t>(position), std::memory_order_relaxed);
    }
    return &memberAt(position).second;
}

inline const JsonValue::Member& JsonValue::memberAt(std::size_t index) const
{
    assert(isObject() && index < size());
    const ObjectData& data = **std::get_if<std::shared_ptr<const ObjectData>>(&m_value);
    return data.base == nullptr ? data.members[index] : memberIn(data, index);
}

} // namespace backscreen::core
