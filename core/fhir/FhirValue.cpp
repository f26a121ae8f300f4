#include "FhirValue.h"

#include "core/json/JsonPointer.h"
#include "core/json/JsonWriter.h"

#include <array>
#include <cmath>
#include <utility>

namespace backscreen::core {

namespace {

struct KindName
{
    FhirValueKind kind;
    const char* name;
};

constexpr std::array<KindName, 12> kindNames = {{
    {FhirValueKind::Boolean, "Boolean"},
    {FhirValueKind::Decimal, "Decimal"},
    {FhirValueKind::Integer, "Integer"},
    {FhirValueKind::Date, "Date"},
    {FhirValueKind::DateTime, "DateTime"},
    {FhirValueKind::Time, "Time"},
    {FhirValueKind::String, "String"},
    {FhirValueKind::Uri, "Uri"},
    {FhirValueKind::Coding, "Coding"},
    {FhirValueKind::Quantity, "Quantity"},
    {FhirValueKind::Reference, "Reference"},
    {FhirValueKind::Attachment, "Attachment"},
}};

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int twoDigits(std::string_view text, std::size_t at)
{
    return (text[at] - '0') * 10 + (text[at + 1] - '0');
}

// `pattern` uses 'D' for a digit; every other character must match itself.
bool matchesShape(std::string_view text, std::string_view pattern)
{
    if (text.size() != pattern.size()) {
        return false;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (pattern[i] == 'D' ? !isDigit(text[i]) : text[i] != pattern[i]) {
            return false;
        }
    }
    return true;
}

bool isDatePart(std::string_view text)
{
    if (matchesShape(text, "DDDD")) {
        return true;
    }
    if (matchesShape(text, "DDDD-DD")) {
        int month = twoDigits(text, 5);
        return month >= 1 && month <= 12;
    }
    if (matchesShape(text, "DDDD-DD-DD")) {
        int year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
        int month = twoDigits(text, 5);
        int day = twoDigits(text, 8);
        if (month < 1 || month > 12 || day < 1) {
            return false;
        }
        static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        int last = days[static_cast<std::size_t>(month - 1)] + (month == 2 && leap ? 1 : 0);
        return day <= last;
    }
    return false;
}

bool isTimePart(std::string_view text)
{
    std::string_view whole = text.substr(0, 8);
    if (!matchesShape(whole, "DD:DD:DD")) {
        return false;
    }
    if (twoDigits(whole, 0) > 23 || twoDigits(whole, 3) > 59 || twoDigits(whole, 6) > 60) {
        return false;
    }
    std::string_view fraction = text.substr(8);
    if (fraction.empty()) {
        return true;
    }
    if (fraction.size() < 2 || fraction[0] != '.') {
        return false;
    }
    for (char c : fraction.substr(1)) {
        if (!isDigit(c)) {
            return false;
        }
    }
    return true;
}

bool isTimeZone(std::string_view text)
{
    if (text == "Z") {
        return true;
    }
    if (text.size() != 6 || (text[0] != '+' && text[0] != '-')) {
        return false;
    }
    return matchesShape(text.substr(1), "DD:DD") && twoDigits(text, 1) <= 14 && twoDigits(text, 4) <= 59;
}

int compareText(const std::string& a, const std::string& b)
{
    int result = a.compare(b);
    return result < 0 ? -1 : (result > 0 ? 1 : 0);
}

int compareNumbers(double a, double b)
{
    return a < b ? -1 : (a > b ? 1 : 0);
}

bool isTextKind(FhirValueKind kind)
{
    switch (kind) {
    case FhirValueKind::Date:
    case FhirValueKind::DateTime:
    case FhirValueKind::Time:
    case FhirValueKind::String:
    case FhirValueKind::Uri:
        return true;
    default:
        return false;
    }
}

// Reads an optional string member of a complex value; a wrong JSON type is reported.
std::string stringMember(const JsonValue& object,
                         std::string_view key,
                         const std::string& pointer,
                         const FhirDiagnosticContext& context,
                         bool& ok)
{
    const JsonValue* member = object.find(key);
    if (member == nullptr) {
        return {};
    }
    if (!member->isString()) {
        context.add(ErrorCode::FhirElementType,
                    Severity::Error,
                    JsonPointer::appendKey(pointer, key),
                    std::string(key) + " is a " + jsonTypeName(*member) + "; expected a string");
        ok = false;
        return {};
    }
    return member->asString();
}

} // namespace

void FhirDiagnosticContext::add(ErrorCode code,
                                Severity severity,
                                const std::string& pointer,
                                std::string message) const
{
    diagnostics.push_back({code, severity, source, pointer, subject, std::move(message)});
}

const char* fhirValueKindName(FhirValueKind kind)
{
    for (const auto& entry : kindNames) {
        if (entry.kind == kind) {
            return entry.name;
        }
    }
    return "String";
}

std::optional<FhirValueKind> fhirValueKindFromName(std::string_view suffix)
{
    for (const auto& entry : kindNames) {
        if (suffix == entry.name) {
            return entry.kind;
        }
    }
    return std::nullopt;
}

const char* jsonTypeName(const JsonValue& value)
{
    switch (value.type()) {
    case JsonValue::Type::Null:
        return "null";
    case JsonValue::Type::Bool:
        return "boolean";
    case JsonValue::Type::Number:
        return "number";
    case JsonValue::Type::String:
        return "string";
    case JsonValue::Type::Array:
        return "array";
    case JsonValue::Type::Object:
        return "object";
    }
    return "value";
}

bool isFhirDate(std::string_view text)
{
    return isDatePart(text);
}

bool isCalendarDate(std::string_view text)
{
    return text.size() == 10 && isDatePart(text);
}

bool isFhirTime(std::string_view text)
{
    return isTimePart(text);
}

bool isFhirDateTime(std::string_view text)
{
    std::size_t t = text.find('T');
    if (t == std::string_view::npos) {
        return isDatePart(text);
    }
    std::string_view date = text.substr(0, t);
    if (!isCalendarDate(date)) {
        return false;
    }
    std::string_view rest = text.substr(t + 1);
    std::size_t zone = rest.find_first_of("Z+-");
    if (zone == std::string_view::npos) {
        return false; // R4 requires a time zone once a time is given
    }
    return isTimePart(rest.substr(0, zone)) && isTimeZone(rest.substr(zone));
}

std::optional<FhirValue> FhirValue::fromJson(FhirValueKind kind,
                                             const JsonValue& json,
                                             const std::string& pointer,
                                             const FhirDiagnosticContext& context)
{
    FhirValue value;
    value.m_kind = kind;
    value.m_json = json;
    auto typeError = [&](const char* expected) {
        context.add(ErrorCode::FhirElementType,
                    Severity::Error,
                    pointer,
                    std::string("a ") + fhirValueKindName(kind) + " value is a JSON " + jsonTypeName(json)
                        + "; expected " + expected);
        return std::nullopt;
    };
    auto formatError = [&](const char* expected) {
        context.add(ErrorCode::FhirInvalidValue,
                    Severity::Error,
                    pointer,
                    "\"" + json.asString() + "\" is not a valid " + fhirValueKindName(kind) + "; expected " + expected);
        return std::nullopt;
    };
    switch (kind) {
    case FhirValueKind::Boolean:
        if (!json.isBool()) {
            return typeError("true or false");
        }
        value.m_boolean = json.asBool();
        return value;
    case FhirValueKind::Decimal:
        if (!json.isNumber()) {
            return typeError("a number");
        }
        value.m_number = json.asNumber();
        return value;
    case FhirValueKind::Integer: {
        if (!json.isNumber()) {
            return typeError("an integer number");
        }
        const std::string& text = json.numberText();
        double number = json.asNumber();
        bool integral = text.empty() ? std::trunc(number) == number : text.find_first_of(".eE") == std::string::npos;
        if (!integral || number < -2147483648.0 || number > 2147483647.0) {
            context.add(ErrorCode::FhirInvalidValue,
                        Severity::Error,
                        pointer,
                        (text.empty() ? JsonWriter::formatNumber(number) : text)
                            + " is not a valid Integer; expected a whole number of 32 bits without a fraction");
            return std::nullopt;
        }
        value.m_number = number;
        return value;
    }
    case FhirValueKind::Date:
    case FhirValueKind::DateTime:
    case FhirValueKind::Time:
    case FhirValueKind::String:
    case FhirValueKind::Uri:
        if (!json.isString()) {
            return typeError("a string");
        }
        if (kind == FhirValueKind::Date && !isFhirDate(json.asString())) {
            return formatError("YYYY, YYYY-MM or YYYY-MM-DD");
        }
        if (kind == FhirValueKind::DateTime && !isFhirDateTime(json.asString())) {
            return formatError("YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss with a time zone");
        }
        if (kind == FhirValueKind::Time && !isFhirTime(json.asString())) {
            return formatError("hh:mm:ss");
        }
        value.m_text = json.asString();
        return value;
    case FhirValueKind::Coding: {
        if (!json.isObject()) {
            return typeError("an object with system and code");
        }
        bool ok = true;
        value.m_system = stringMember(json, "system", pointer, context, ok);
        value.m_text = stringMember(json, "code", pointer, context, ok);
        value.m_display = stringMember(json, "display", pointer, context, ok);
        stringMember(json, "version", pointer, context, ok);
        return ok ? std::optional<FhirValue>(value) : std::nullopt;
    }
    case FhirValueKind::Quantity: {
        if (!json.isObject()) {
            return typeError("an object with value and unit");
        }
        bool ok = true;
        if (const JsonValue* number = json.find("value"); number != nullptr) {
            if (number->isNumber()) {
                value.m_number = number->asNumber();
            } else {
                context.add(ErrorCode::FhirElementType,
                            Severity::Error,
                            JsonPointer::appendKey(pointer, "value"),
                            std::string("value is a ") + jsonTypeName(*number) + "; expected a number");
                ok = false;
            }
        }
        value.m_display = stringMember(json, "unit", pointer, context, ok);
        value.m_system = stringMember(json, "system", pointer, context, ok);
        value.m_text = stringMember(json, "code", pointer, context, ok);
        return ok ? std::optional<FhirValue>(value) : std::nullopt;
    }
    case FhirValueKind::Reference: {
        if (!json.isObject()) {
            return typeError("an object with a reference");
        }
        bool ok = true;
        value.m_text = stringMember(json, "reference", pointer, context, ok);
        value.m_display = stringMember(json, "display", pointer, context, ok);
        return ok ? std::optional<FhirValue>(value) : std::nullopt;
    }
    case FhirValueKind::Attachment:
        if (!json.isObject()) {
            return typeError("an object");
        }
        return value;
    }
    return std::nullopt;
}

FhirValue FhirValue::boolean(bool value)
{
    FhirValue result;
    result.m_kind = FhirValueKind::Boolean;
    result.m_boolean = value;
    result.m_json = JsonValue(value);
    return result;
}

FhirValue FhirValue::integer(long long value)
{
    FhirValue result;
    result.m_kind = FhirValueKind::Integer;
    result.m_number = static_cast<double>(value);
    result.m_json = JsonValue(value);
    return result;
}

FhirValue FhirValue::decimal(double value)
{
    FhirValue result;
    result.m_kind = FhirValueKind::Decimal;
    result.m_number = value;
    result.m_json = JsonValue(value);
    return result;
}

FhirValue FhirValue::text(FhirValueKind kind, std::string value)
{
    FhirValue result;
    result.m_kind = kind;
    result.m_json = JsonValue(value);
    result.m_text = std::move(value);
    return result;
}

FhirValue FhirValue::coding(std::string system, std::string code, std::string display)
{
    FhirValue result;
    result.m_kind = FhirValueKind::Coding;
    JsonValue::Object members;
    if (!system.empty()) {
        members.emplace_back("system", JsonValue(system));
    }
    members.emplace_back("code", JsonValue(code));
    if (!display.empty()) {
        members.emplace_back("display", JsonValue(display));
    }
    result.m_json = JsonValue(std::move(members));
    result.m_system = std::move(system);
    result.m_text = std::move(code);
    result.m_display = std::move(display);
    return result;
}

std::optional<FhirValue::Choice> FhirValue::findChoice(const JsonValue& object,
                                                       std::string_view prefix,
                                                       const std::string& pointer,
                                                       const FhirDiagnosticContext& context)
{
    std::optional<Choice> found;
    if (!object.isObject()) {
        return found;
    }
    for (const auto& [key, member] : object.asObject()) {
        if (key.size() <= prefix.size() || key.compare(0, prefix.size(), prefix) != 0) {
            continue;
        }
        std::string_view suffix = std::string_view(key).substr(prefix.size());
        if (suffix.front() < 'A' || suffix.front() > 'Z') {
            continue; // e.g. "answerOption" under the prefix "answer" is another element
        }
        auto kind = fhirValueKindFromName(suffix);
        std::string memberPointer = JsonPointer::appendKey(pointer, key);
        if (!kind) {
            if (prefix == "answer" && (suffix == "Option" || suffix == "ValueSet")) {
                continue;
            }
            context.add(ErrorCode::FhirElementType,
                        Severity::Error,
                        memberPointer,
                        "unknown value type \"" + std::string(suffix) + "\" in " + key
                            + "; expected Boolean, Decimal, Integer, Date, DateTime, Time, String, Uri, Coding, "
                              "Quantity, Reference or Attachment");
            continue;
        }
        if (found) {
            context.add(ErrorCode::FhirElementType,
                        Severity::Error,
                        memberPointer,
                        "both " + found->key + " and " + key + " are present; expected one " + std::string(prefix)
                            + "[x]");
            continue;
        }
        found = Choice{*kind, key, &member};
    }
    return found;
}

bool FhirValue::equals(const FhirValue& other) const
{
    if (isNumeric() && other.isNumeric()) {
        return m_number == other.m_number;
    }
    if (m_kind != other.m_kind) {
        // Dates and dateTimes, strings and URIs are compared as text: the same moment or word either way.
        return isTextKind(m_kind) && isTextKind(other.m_kind) && m_text == other.m_text;
    }
    switch (m_kind) {
    case FhirValueKind::Boolean:
        return m_boolean == other.m_boolean;
    case FhirValueKind::Coding:
        return m_text == other.m_text && (m_system.empty() || other.m_system.empty() || m_system == other.m_system);
    case FhirValueKind::Quantity:
        return m_number == other.m_number && m_text == other.m_text && m_display == other.m_display;
    case FhirValueKind::Attachment:
        return m_json == other.m_json;
    default:
        return m_text == other.m_text;
    }
}

std::optional<int> FhirValue::compare(const FhirValue& other) const
{
    if (isNumeric() && other.isNumeric()) {
        return compareNumbers(m_number, other.m_number);
    }
    if (m_kind == FhirValueKind::Quantity && other.m_kind == FhirValueKind::Quantity) {
        if (m_text != other.m_text || m_display != other.m_display) {
            return std::nullopt;
        }
        return compareNumbers(m_number, other.m_number);
    }
    if (isTextKind(m_kind) && isTextKind(other.m_kind)) {
        bool bothTemporal = m_kind != FhirValueKind::String && m_kind != FhirValueKind::Uri
                            && other.m_kind != FhirValueKind::String && other.m_kind != FhirValueKind::Uri;
        if (m_kind == other.m_kind || bothTemporal) {
            return compareText(m_text, other.m_text);
        }
    }
    return std::nullopt;
}

JsonValue FhirValue::toFlatJson() const
{
    switch (m_kind) {
    case FhirValueKind::Boolean:
        return JsonValue(m_boolean);
    case FhirValueKind::Decimal:
    case FhirValueKind::Integer:
        return m_json.isNumber() ? m_json : JsonValue(m_number);
    case FhirValueKind::Quantity:
        if (const JsonValue* number = m_json.find("value"); number != nullptr && number->isNumber()) {
            return *number;
        }
        return JsonValue(m_number);
    case FhirValueKind::Attachment:
        return m_json;
    default:
        return JsonValue(m_text);
    }
}

std::string FhirValue::memberName(std::string_view prefix) const
{
    return std::string(prefix) + fhirValueKindName(m_kind);
}

std::string FhirValue::describe() const
{
    switch (m_kind) {
    case FhirValueKind::Boolean:
        return m_boolean ? "true" : "false";
    case FhirValueKind::Decimal:
    case FhirValueKind::Integer:
        return m_json.isNumber() && !m_json.numberText().empty() ? m_json.numberText()
                                                                 : JsonWriter::formatNumber(m_number);
    case FhirValueKind::Coding:
        return m_system.empty() ? m_text : m_system + "|" + m_text;
    case FhirValueKind::Quantity:
        return JsonWriter::formatNumber(m_number) + " " + (m_text.empty() ? m_display : m_text);
    case FhirValueKind::Attachment:
        return "attachment";
    default:
        return JsonWriter::quote(m_text);
    }
}

} // namespace backscreen::core
