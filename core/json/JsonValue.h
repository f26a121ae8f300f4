#pragma once

#include <cstddef>
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

    /// A number that remembers its source text (e.g. "2.50", "1e3"); the text must be a valid JSON number.
    static JsonValue numberWithText(double value, std::string text);

    Type type() const;

    bool isNull() const { return type() == Type::Null; }

    bool isBool() const { return type() == Type::Bool; }

    bool isNumber() const { return type() == Type::Number; }

    bool isString() const { return type() == Type::String; }

    bool isArray() const { return type() == Type::Array; }

    bool isObject() const { return type() == Type::Object; }

    /// Accessors assert the type in debug builds; call them only after checking type().
    bool asBool() const;
    double asNumber() const;
    const std::string& asString() const;
    const Array& asArray() const;
    const Object& asObject() const;

    /// The number's source text, or an empty string when the number was computed.
    const std::string& numberText() const;

    /// Member lookup on an object; nullptr when this is not an object or has no such key.
    const JsonValue* find(std::string_view key) const;

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
        // Member indices sorted by key, so lookups in large answer objects stay logarithmic.
        std::vector<std::size_t> sortedIndex;
    };

    std::variant<std::nullptr_t,
                 bool,
                 Number,
                 std::string,
                 std::shared_ptr<const Array>,
                 std::shared_ptr<const ObjectData>>
        m_value = nullptr;
};

} // namespace backscreen::core
