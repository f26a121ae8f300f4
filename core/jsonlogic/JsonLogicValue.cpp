#include "JsonLogicValue.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>

namespace backscreen::core {

namespace {

constexpr double notANumber = std::numeric_limits<double>::quiet_NaN();
constexpr double infinity = std::numeric_limits<double>::infinity();

bool isAscii(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Decodes one UTF-8 sequence at `i`; invalid bytes decode as U+FFFD, one byte at a time.
char32_t decodeUtf8(std::string_view text, std::size_t& i)
{
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char lead = byte(i);
    if (lead < 0x80) {
        ++i;
        return lead;
    }
    std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    if (length == 0 || i + length > text.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t cp = lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    i += length;
    return cp;
}

void appendUtf8(std::string& out, char32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::u16string toUtf16(std::string_view text)
{
    std::u16string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = decodeUtf8(text, i);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            out += static_cast<char16_t>(0xD800 + (cp >> 10));
            out += static_cast<char16_t>(0xDC00 + (cp & 0x3FF));
        } else {
            out += static_cast<char16_t>(cp);
        }
    }
    return out;
}

std::string fromUtf16(std::u16string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char32_t unit = text[i];
        if (unit >= 0xD800 && unit < 0xDC00 && i + 1 < text.size() && text[i + 1] >= 0xDC00 && text[i + 1] < 0xE000) {
            appendUtf8(out, 0x10000 + ((unit - 0xD800) << 10) + (text[i + 1] - 0xDC00));
            ++i;
        } else if (unit >= 0xD800 && unit < 0xE000) {
            appendUtf8(out, 0xFFFD);
        } else {
            appendUtf8(out, unit);
        }
    }
    return out;
}

// JavaScript's WhiteSpace and LineTerminator code points, which StringToNumber and parseFloat skip.
bool isJsSpace(char32_t cp)
{
    switch (cp) {
    case 0x09:
    case 0x0A:
    case 0x0B:
    case 0x0C:
    case 0x0D:
    case 0x20:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
        return true;
    default:
        return cp >= 0x2000 && cp <= 0x200A;
    }
}

std::size_t skipSpaceForward(std::string_view text, std::size_t i)
{
    while (i < text.size()) {
        std::size_t next = i;
        if (!isJsSpace(decodeUtf8(text, next))) {
            break;
        }
        i = next;
    }
    return i;
}

std::string_view trimJsSpace(std::string_view text)
{
    std::size_t begin = skipSpaceForward(text, 0);
    std::size_t end = text.size();
    // Trailing blanks: step back over whole code points.
    while (end > begin) {
        std::size_t start = end - 1;
        while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
            --start;
        }
        std::size_t probe = start;
        if (!isJsSpace(decodeUtf8(text, probe)) || probe != end) {
            break;
        }
        end = start;
    }
    return text.substr(begin, end - begin);
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Length of the longest prefix of `text` that is a StrUnsignedDecimalLiteral without "Infinity"
// (digits, optional fraction, optional exponent); 0 when there is none.
std::size_t decimalPrefix(std::string_view text)
{
    std::size_t i = 0;
    std::size_t intDigits = 0;
    while (i < text.size() && isDigit(text[i])) {
        ++i;
        ++intDigits;
    }
    std::size_t fracDigits = 0;
    if (i < text.size() && text[i] == '.') {
        std::size_t j = i + 1;
        while (j < text.size() && isDigit(text[j])) {
            ++j;
            ++fracDigits;
        }
        if (intDigits > 0 || fracDigits > 0) {
            i = j;
        }
    }
    if (intDigits == 0 && fracDigits == 0) {
        return 0;
    }
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        std::size_t j = i + 1;
        if (j < text.size() && (text[j] == '+' || text[j] == '-')) {
            ++j;
        }
        std::size_t expDigits = 0;
        while (j < text.size() && isDigit(text[j])) {
            ++j;
            ++expDigits;
        }
        if (expDigits > 0) {
            i = j;
        }
    }
    return i;
}

// Converts a validated unsigned decimal literal, correctly rounded; huge exponents become Infinity or 0.
double decimalValue(std::string_view literal)
{
    double value = 0.0;
    auto [end, error] = std::from_chars(literal.data(), literal.data() + literal.size(), value);
    if (error == std::errc::result_out_of_range) {
        // from_chars leaves the value alone on overflow and underflow; tell them apart by magnitude.
        std::size_t ePos = literal.find_first_of("eE");
        std::string_view mantissa = literal.substr(0, ePos);
        long long exponent = 0;
        if (ePos != std::string_view::npos) {
            std::string_view digits = literal.substr(ePos + 1);
            bool negative = !digits.empty() && digits.front() == '-';
            if (!digits.empty() && (digits.front() == '-' || digits.front() == '+')) {
                digits.remove_prefix(1);
            }
            for (char c : digits) {
                exponent = std::min<long long>(exponent * 10 + (c - '0'), 100000);
            }
            exponent = negative ? -exponent : exponent;
        }
        std::size_t point = mantissa.find('.');
        long long intDigits = static_cast<long long>(point == std::string_view::npos ? mantissa.size() : point);
        return intDigits + exponent > 0 ? infinity : 0.0;
    }
    return value;
}

double parseRadix(std::string_view digits, int radix)
{
    if (digits.empty()) {
        return notANumber;
    }
    double value = 0.0;
    for (char c : digits) {
        int digit = isDigit(c)               ? c - '0'
                    : (c >= 'a' && c <= 'z') ? c - 'a' + 10
                    : (c >= 'A' && c <= 'Z') ? c - 'A' + 10
                                             : 99;
        if (digit >= radix) {
            return notANumber;
        }
        value = value * radix + digit;
    }
    return value;
}

enum class Comparison
{
    True,
    False,
    Undefined,
};

// UTF-16 code unit order of two UTF-8 strings (JavaScript compares strings by code units).
bool utf16Less(std::string_view a, std::string_view b)
{
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() && j < b.size()) {
        char32_t x = decodeUtf8(a, i);
        char32_t y = decodeUtf8(b, j);
        if (x != y) {
            auto firstUnit = [](char32_t cp) { return cp < 0x10000 ? cp : 0xD800 + ((cp - 0x10000) >> 10); };
            if (firstUnit(x) != firstUnit(y)) {
                return firstUnit(x) < firstUnit(y);
            }
            return x < y;
        }
    }
    return i == a.size() && j < b.size();
}

JsonLogicValue toPrimitive(const JsonLogicValue& value)
{
    if (value.isArray() || value.isObject()) {
        return JsonLogicValue::string(value.toString());
    }
    return value;
}

// IsLessThan(x, y) of the ECMAScript specification.
Comparison isLessThan(const JsonLogicValue& x, const JsonLogicValue& y)
{
    if (x.isNumber() && y.isNumber()) {
        if (std::isnan(x.asNumber()) || std::isnan(y.asNumber())) {
            return Comparison::Undefined;
        }
        return x.asNumber() < y.asNumber() ? Comparison::True : Comparison::False;
    }
    JsonLogicValue px = toPrimitive(x);
    JsonLogicValue py = toPrimitive(y);
    if (px.isString() && py.isString()) {
        return utf16Less(px.asString(), py.asString()) ? Comparison::True : Comparison::False;
    }
    double nx = px.toNumber();
    double ny = py.toNumber();
    if (std::isnan(nx) || std::isnan(ny)) {
        return Comparison::Undefined;
    }
    return nx < ny ? Comparison::True : Comparison::False;
}

} // namespace

JsonLogicValue JsonLogicValue::null()
{
    JsonLogicValue value;
    value.m_kind = Kind::Null;
    return value;
}

JsonLogicValue JsonLogicValue::boolean(bool flag)
{
    JsonLogicValue value;
    value.m_kind = Kind::Bool;
    value.m_bool = flag;
    return value;
}

JsonLogicValue JsonLogicValue::number(double number)
{
    JsonLogicValue value;
    value.m_kind = Kind::Number;
    value.m_number = number;
    return value;
}

JsonLogicValue JsonLogicValue::string(std::string text)
{
    auto heap = std::make_shared<JsonLogicHeap>();
    heap->text = std::move(text);
    JsonLogicValue value;
    value.m_kind = Kind::String;
    value.m_heap = std::move(heap);
    return value;
}

JsonLogicValue JsonLogicValue::array(std::vector<JsonLogicValue> elements)
{
    auto heap = std::make_shared<JsonLogicHeap>();
    std::size_t deepest = 0;
    for (const JsonLogicValue& element : elements) {
        deepest = std::max(deepest, element.nesting());
    }
    heap->nesting = deepest + 1;
    heap->elements = std::move(elements);
    JsonLogicValue value;
    value.m_kind = Kind::Array;
    value.m_heap = std::move(heap);
    return value;
}

JsonLogicValue JsonLogicValue::object(Members members)
{
    auto heap = std::make_shared<JsonLogicHeap>();
    std::size_t deepest = 0;
    for (const auto& member : members) {
        deepest = std::max(deepest, member.second.nesting());
    }
    heap->nesting = deepest + 1;
    heap->members = std::move(members);
    JsonLogicValue value;
    value.m_kind = Kind::Object;
    value.m_heap = std::move(heap);
    return value;
}

JsonLogicValue JsonLogicValue::borrow(const JsonValue& json)
{
    JsonLogicValue value;
    switch (json.type()) {
    case JsonValue::Type::Null:
        value.m_kind = Kind::Null;
        break;
    case JsonValue::Type::Bool:
        value.m_kind = Kind::Bool;
        value.m_bool = json.asBool();
        break;
    case JsonValue::Type::Number:
        value.m_kind = Kind::Number;
        value.m_number = json.asNumber();
        break;
    case JsonValue::Type::String:
        value.m_kind = Kind::String;
        value.m_json = &json;
        break;
    case JsonValue::Type::Array:
        value.m_kind = Kind::Array;
        value.m_json = &json;
        break;
    case JsonValue::Type::Object:
        value.m_kind = Kind::Object;
        value.m_json = &json;
        break;
    }
    return value;
}

std::string_view JsonLogicValue::asString() const
{
    if (m_kind != Kind::String) {
        return {};
    }
    return m_json != nullptr ? std::string_view(m_json->asString()) : std::string_view(m_heap->text);
}

std::size_t JsonLogicValue::arraySize() const
{
    if (m_kind != Kind::Array) {
        return 0;
    }
    return m_json != nullptr ? m_json->asArray().size() : m_heap->elements.size();
}

JsonLogicValue JsonLogicValue::arrayElement(std::size_t index) const
{
    if (m_kind != Kind::Array || index >= arraySize()) {
        return {};
    }
    return m_json != nullptr ? borrow(m_json->asArray()[index]) : m_heap->elements[index];
}

JsonLogicValue JsonLogicValue::member(std::string_view key) const
{
    if (m_kind != Kind::Object) {
        return {};
    }
    if (m_json != nullptr) {
        const JsonValue* found = m_json->find(key);
        return found != nullptr ? borrow(*found) : JsonLogicValue();
    }
    for (const auto& [name, value] : m_heap->members) {
        if (name == key) {
            return value;
        }
    }
    return {};
}

std::size_t JsonLogicValue::nesting() const
{
    return m_heap != nullptr ? m_heap->nesting : 0;
}

bool JsonLogicValue::truthy() const
{
    switch (m_kind) {
    case Kind::Undefined:
    case Kind::Null:
        return false;
    case Kind::Bool:
        return m_bool;
    case Kind::Number:
        return m_number != 0.0 && !std::isnan(m_number);
    case Kind::String:
        return !asString().empty();
    case Kind::Array:
        return arraySize() > 0;
    case Kind::Object:
        return true;
    }
    return false;
}

double JsonLogicValue::toNumber() const
{
    switch (m_kind) {
    case Kind::Undefined:
        return notANumber;
    case Kind::Null:
        return 0.0;
    case Kind::Bool:
        return m_bool ? 1.0 : 0.0;
    case Kind::Number:
        return m_number;
    case Kind::String:
        return stringToNumber(asString());
    case Kind::Array:
        return stringToNumber(toString());
    case Kind::Object:
        return notANumber;
    }
    return notANumber;
}

std::string JsonLogicValue::toString() const
{
    if (m_kind == Kind::String) {
        return std::string(asString());
    }
    std::string out;
    appendString(out);
    return out;
}

void JsonLogicValue::appendString(std::string& out) const
{
    switch (m_kind) {
    case Kind::Undefined:
        out += "undefined";
        return;
    case Kind::Null:
        out += "null";
        return;
    case Kind::Bool:
        out += m_bool ? "true" : "false";
        return;
    case Kind::Number:
        out += numberToString(m_number);
        return;
    case Kind::String:
        out += asString();
        return;
    case Kind::Array: {
        std::size_t size = arraySize();
        for (std::size_t i = 0; i < size; ++i) {
            if (i > 0) {
                out += ',';
            }
            JsonLogicValue element = arrayElement(i);
            // Array#join writes null and undefined elements as empty strings.
            if (!element.isNull() && !element.isUndefined()) {
                element.appendString(out);
            }
        }
        return;
    }
    case Kind::Object:
        out += "[object Object]";
        return;
    }
}

JsonValue JsonLogicValue::toJson() const
{
    if (m_json != nullptr) {
        return *m_json;
    }
    switch (m_kind) {
    case Kind::Undefined:
    case Kind::Null:
        return JsonValue(nullptr);
    case Kind::Bool:
        return JsonValue(m_bool);
    case Kind::Number:
        return std::isfinite(m_number) ? JsonValue(m_number == 0.0 ? 0.0 : m_number) : JsonValue(nullptr);
    case Kind::String:
        return JsonValue(m_heap->text);
    case Kind::Array: {
        JsonValue::Array elements;
        elements.reserve(m_heap->elements.size());
        for (const JsonLogicValue& element : m_heap->elements) {
            elements.push_back(element.toJson());
        }
        return JsonValue(std::move(elements));
    }
    case Kind::Object: {
        JsonValue::Object members;
        for (const auto& [name, value] : m_heap->members) {
            if (!value.isUndefined()) {
                members.emplace_back(name, value.toJson());
            }
        }
        return JsonValue(std::move(members));
    }
    }
    return JsonValue(nullptr);
}

bool JsonLogicValue::strictEquals(const JsonLogicValue& a, const JsonLogicValue& b)
{
    if (a.m_kind != b.m_kind) {
        return false;
    }
    switch (a.m_kind) {
    case Kind::Undefined:
    case Kind::Null:
        return true;
    case Kind::Bool:
        return a.m_bool == b.m_bool;
    case Kind::Number:
        return a.m_number == b.m_number;
    case Kind::String:
        return a.asString() == b.asString();
    case Kind::Array:
    case Kind::Object:
        return a.m_json != nullptr ? a.m_json == b.m_json : a.m_heap == b.m_heap;
    }
    return false;
}

bool JsonLogicValue::looseEquals(const JsonLogicValue& a, const JsonLogicValue& b)
{
    if (a.m_kind == b.m_kind) {
        return strictEquals(a, b);
    }
    auto nullish = [](const JsonLogicValue& v) { return v.isNull() || v.isUndefined(); };
    if (nullish(a) || nullish(b)) {
        return nullish(a) && nullish(b);
    }
    if (a.isNumber() && b.isString()) {
        return a.m_number == stringToNumber(b.asString());
    }
    if (a.isString() && b.isNumber()) {
        return stringToNumber(a.asString()) == b.m_number;
    }
    if (a.isBool()) {
        return looseEquals(number(a.m_bool ? 1.0 : 0.0), b);
    }
    if (b.isBool()) {
        return looseEquals(a, number(b.m_bool ? 1.0 : 0.0));
    }
    bool aObject = a.isArray() || a.isObject();
    bool bObject = b.isArray() || b.isObject();
    if (aObject && !bObject) {
        return looseEquals(toPrimitive(a), b);
    }
    if (bObject && !aObject) {
        return looseEquals(a, toPrimitive(b));
    }
    return false; // an array and an object: different objects
}

bool JsonLogicValue::lessThan(const JsonLogicValue& a, const JsonLogicValue& b)
{
    return isLessThan(a, b) == Comparison::True;
}

bool JsonLogicValue::lessOrEqual(const JsonLogicValue& a, const JsonLogicValue& b)
{
    return isLessThan(b, a) == Comparison::False;
}

std::string JsonLogicValue::numberToString(double value)
{
    if (std::isnan(value)) {
        return "NaN";
    }
    if (value == 0.0) {
        return "0";
    }
    if (std::isinf(value)) {
        return value < 0 ? "-Infinity" : "Infinity";
    }
    std::string out = value < 0 ? "-" : "";
    std::array<char, 64> buffer{};
    auto [end, error] =
        std::to_chars(buffer.data(), buffer.data() + buffer.size(), std::fabs(value), std::chars_format::scientific);
    std::string_view text(buffer.data(), static_cast<std::size_t>(end - buffer.data()));
    std::size_t ePos = text.find('e');
    std::string digits;
    for (char c : text.substr(0, ePos)) {
        if (c != '.') {
            digits += c;
        }
    }
    int exponent = 0;
    std::string_view expText = text.substr(ePos + 1);
    std::from_chars(expText.data() + (expText.front() == '+' ? 1 : 0), expText.data() + expText.size(), exponent);
    // ECMAScript Number::toString: k digits, decimal exponent n (value = digits × 10^(n-k)).
    int k = static_cast<int>(digits.size());
    int n = exponent + 1;
    if (k <= n && n <= 21) {
        out += digits;
        out.append(static_cast<std::size_t>(n - k), '0');
    } else if (0 < n && n <= 21) {
        out += digits.substr(0, static_cast<std::size_t>(n));
        out += '.';
        out += digits.substr(static_cast<std::size_t>(n));
    } else if (-6 < n && n <= 0) {
        out += "0.";
        out.append(static_cast<std::size_t>(-n), '0');
        out += digits;
    } else {
        out += digits[0];
        if (k > 1) {
            out += '.';
            out += digits.substr(1);
        }
        out += 'e';
        out += n - 1 >= 0 ? '+' : '-';
        out += std::to_string(std::abs(n - 1));
    }
    return out;
}

double JsonLogicValue::stringToNumber(std::string_view text)
{
    std::string_view trimmed = trimJsSpace(text);
    if (trimmed.empty()) {
        return 0.0;
    }
    if (trimmed.size() > 2 && trimmed[0] == '0') {
        char prefix = static_cast<char>(trimmed[1] | 0x20);
        if (prefix == 'x') {
            return parseRadix(trimmed.substr(2), 16);
        }
        if (prefix == 'o') {
            return parseRadix(trimmed.substr(2), 8);
        }
        if (prefix == 'b') {
            return parseRadix(trimmed.substr(2), 2);
        }
    }
    bool negative = trimmed.front() == '-';
    std::string_view body = trimmed;
    if (body.front() == '-' || body.front() == '+') {
        body.remove_prefix(1);
    }
    if (body == "Infinity") {
        return negative ? -infinity : infinity;
    }
    if (body.empty() || decimalPrefix(body) != body.size()) {
        return notANumber;
    }
    double value = decimalValue(body);
    return negative ? -value : value;
}

double JsonLogicValue::parseFloat(const JsonLogicValue& value)
{
    if (value.isNumber()) {
        // String(n) read back gives n again, except that -0 prints as "0".
        return value.m_number == 0.0 ? 0.0 : value.m_number;
    }
    std::string text = value.toString();
    std::string_view rest(text);
    rest.remove_prefix(skipSpaceForward(rest, 0));
    bool negative = !rest.empty() && rest.front() == '-';
    if (!rest.empty() && (rest.front() == '-' || rest.front() == '+')) {
        rest.remove_prefix(1);
    }
    if (rest.substr(0, 8) == "Infinity") {
        return negative ? -infinity : infinity;
    }
    std::size_t length = decimalPrefix(rest);
    if (length == 0) {
        return notANumber;
    }
    double number = decimalValue(rest.substr(0, length));
    return negative ? -number : number;
}

std::size_t JsonLogicValue::utf16Length(std::string_view text)
{
    std::size_t length = 0;
    for (std::size_t i = 0; i < text.size();) {
        length += decodeUtf8(text, i) >= 0x10000 ? 2 : 1;
    }
    return length;
}

std::string JsonLogicValue::utf16Slice(std::string_view text, std::size_t begin, std::size_t end)
{
    if (isAscii(text)) {
        begin = std::min(begin, text.size());
        end = std::clamp(end, begin, text.size());
        return std::string(text.substr(begin, end - begin));
    }
    std::u16string units = toUtf16(text);
    begin = std::min(begin, units.size());
    end = std::clamp(end, begin, units.size());
    return fromUtf16(std::u16string_view(units).substr(begin, end - begin));
}

} // namespace backscreen::core
