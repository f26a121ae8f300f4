#pragma once

#include "core/json/JsonValue.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace backscreen::core {

struct JsonLogicHeap;

/// A value during JsonLogic evaluation, with JavaScript's types and conversions, because json-logic-js is
/// the reference and its answers depend on them (loose equality, `cat` number text, `undefined`).
///
/// Strings, arrays and objects that come from the data or the rule are borrowed (a pointer into the
/// JsonValue, never a copy), so a value is valid only while the data and the rule it came from are alive.
/// Computed strings and arrays are owned and shared on copy. Arrays and objects have identity, as in
/// JavaScript: `==` between two of them is true only for the same one.
class JsonLogicValue
{
public:
    enum class Kind : std::uint8_t
    {
        Undefined,
        Null,
        Bool,
        Number,
        String,
        Array,
        Object,
    };

    using Members = std::vector<std::pair<std::string, JsonLogicValue>>;

    /// `undefined`, what JavaScript gives for a missing argument or an empty `and`.
    JsonLogicValue() = default;

    static JsonLogicValue null();
    static JsonLogicValue boolean(bool value);
    static JsonLogicValue number(double value);
    static JsonLogicValue string(std::string text);
    static JsonLogicValue array(std::vector<JsonLogicValue> elements);
    static JsonLogicValue object(Members members);
    /// Refers to `value` without copying: null, booleans and numbers are taken by value, the rest by pointer.
    static JsonLogicValue borrow(const JsonValue& value);

    Kind kind() const { return m_kind; }

    bool isUndefined() const { return m_kind == Kind::Undefined; }

    bool isNull() const { return m_kind == Kind::Null; }

    bool isBool() const { return m_kind == Kind::Bool; }

    bool isNumber() const { return m_kind == Kind::Number; }

    bool isString() const { return m_kind == Kind::String; }

    bool isArray() const { return m_kind == Kind::Array; }

    bool isObject() const { return m_kind == Kind::Object; }

    bool asBool() const { return m_bool; }

    double asNumber() const { return m_number; }

    /// The text of a string value (UTF-8); empty for other kinds.
    std::string_view asString() const;

    std::size_t arraySize() const;
    JsonLogicValue arrayElement(std::size_t index) const;
    /// An object's member, `undefined` when absent or when this is not an object.
    JsonLogicValue member(std::string_view key) const;

    /// The data or rule node this value borrows, or nullptr when it is computed or a scalar.
    const JsonValue* borrowed() const { return m_json; }

    /// Nesting depth of computed arrays and objects (0 for anything else); bounded by the evaluator.
    std::size_t nesting() const;

    /// JsonLogic truthiness: JavaScript's, except that an empty array is falsy.
    bool truthy() const;
    /// JavaScript ToNumber: "" is 0, " 12 " is 12, "0x1f" is 31, "abc" is NaN, null 0, undefined NaN,
    /// arrays through their string form.
    double toNumber() const;
    /// JavaScript ToString: numbers as Number#toString, arrays joined with "," (null inside as ""),
    /// objects "[object Object]".
    std::string toString() const;
    void appendString(std::string& out) const;
    /// JSON.stringify's view: undefined, NaN and infinities become null, undefined object members are left out.
    JsonValue toJson() const;

    /// JavaScript `===`: arrays and objects by identity, NaN unequal to itself.
    static bool strictEquals(const JsonLogicValue& a, const JsonLogicValue& b);
    /// JavaScript `==` (abstract equality with its coercions).
    static bool looseEquals(const JsonLogicValue& a, const JsonLogicValue& b);
    /// JavaScript `a < b` and `a <= b`: strings compared by UTF-16 code units, otherwise numerically.
    static bool lessThan(const JsonLogicValue& a, const JsonLogicValue& b);
    static bool lessOrEqual(const JsonLogicValue& a, const JsonLogicValue& b);

    /// Number#toString: 1 → "1", 1.5 → "1.5", 1e21 → "1e+21", 1e-7 → "1e-7", NaN → "NaN".
    static std::string numberToString(double value);
    /// JavaScript's StringToNumber (see toNumber).
    static double stringToNumber(std::string_view text);
    /// JavaScript parseFloat(value): the longest decimal prefix of String(value) after leading blanks.
    static double parseFloat(const JsonLogicValue& value);

    /// String length and slicing in UTF-16 code units, as JavaScript counts them. A slice that cuts a
    /// surrogate pair yields U+FFFD for the lone half (JavaScript would keep the half surrogate).
    static std::size_t utf16Length(std::string_view text);
    static std::string utf16Slice(std::string_view text, std::size_t begin, std::size_t end);

private:
    Kind m_kind = Kind::Undefined;
    bool m_bool = false;
    double m_number = 0.0;
    const JsonValue* m_json = nullptr;
    std::shared_ptr<const JsonLogicHeap> m_heap;
};

/// The owned part of a computed string, array or object.
struct JsonLogicHeap
{
    std::string text;
    std::vector<JsonLogicValue> elements;
    JsonLogicValue::Members members;
    std::size_t nesting = 0;
};

} // namespace backscreen::core
