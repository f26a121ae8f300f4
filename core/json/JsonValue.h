#pragma once

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <memory>
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

    /// The same as JsonValue(members of `base` followed by `extra`), made faster by starting from `base`'s
    /// key index instead of hashing every key again. `base` that is not an object counts as {}.
    static JsonValue extended(const JsonValue& base, const Object& extra);

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

    /// The hash find() uses for a key.
    static std::uint64_t keyHash(std::string_view key);

    /// Element count of an array or member count of an object; 0 otherwise.
    std::size_t size() const;

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
        Object members;
        // Open addressing over the members of objects with more than a few: slot = member index + 1, 0 for
        // an empty slot; a power-of-two size at least twice the member count. Empty for small objects, where
        // a scan is faster than hashing. Only the first of duplicate keys is entered.
        std::vector<std::uint32_t> keyTable;
    };

    static const std::string& emptyString();
    static const Array& emptyArray();
    static const Object& emptyObject();
    /// Enters members [from, members.size()) into `data.keyTable` (which must have room), first key wins.
    static void index(ObjectData& data, std::size_t from);
    static const JsonValue* findIn(const ObjectData& data, std::string_view key, std::uint64_t hash);

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
    return object != nullptr ? (*object)->members : emptyObject();
}

} // namespace backscreen::core
