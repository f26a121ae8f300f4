#include "JsonWriter.h"

#include <array>
#include <charconv>
#include <cmath>

namespace backscreen::core {

namespace {

void writeValue(const JsonValue& value, JsonWriter::Style style, int indent, std::string& out);

void newline(JsonWriter::Style style, int indent, std::string& out)
{
    if (style == JsonWriter::Style::Pretty) {
        out += '\n';
        out.append(static_cast<std::size_t>(indent) * 2, ' ');
    }
}

void writeValue(const JsonValue& value, JsonWriter::Style style, int indent, std::string& out)
{
    switch (value.type()) {
    case JsonValue::Type::Null:
        out += "null";
        return;
    case JsonValue::Type::Bool:
        out += value.asBool() ? "true" : "false";
        return;
    case JsonValue::Type::Number:
        out += value.numberText().empty() ? JsonWriter::formatNumber(value.asNumber()) : value.numberText();
        return;
    case JsonValue::Type::String:
        out += JsonWriter::quote(value.asString());
        return;
    case JsonValue::Type::Array: {
        const auto& elements = value.asArray();
        out += '[';
        for (std::size_t i = 0; i < elements.size(); ++i) {
            if (i > 0) {
                out += ',';
            }
            newline(style, indent + 1, out);
            writeValue(elements[i], style, indent + 1, out);
        }
        if (!elements.empty()) {
            newline(style, indent, out);
        }
        out += ']';
        return;
    }
    case JsonValue::Type::Object: {
        const auto& members = value.asObject();
        out += '{';
        for (std::size_t i = 0; i < members.size(); ++i) {
            if (i > 0) {
                out += ',';
            }
            newline(style, indent + 1, out);
            out += JsonWriter::quote(members[i].first);
            out += style == JsonWriter::Style::Pretty ? ": " : ":";
            writeValue(members[i].second, style, indent + 1, out);
        }
        if (!members.empty()) {
            newline(style, indent, out);
        }
        out += '}';
        return;
    }
    }
}

} // namespace

std::string JsonWriter::write(const JsonValue& value, Style style)
{
    std::string out;
    writeValue(value, style, 0, out);
    return out;
}

std::string JsonWriter::formatNumber(double value)
{
    if (!std::isfinite(value)) {
        return "null";
    }
    if (value == 0.0) {
        return "0"; // also for -0, as JSON.stringify does
    }
    std::array<char, 64> buffer{};
    // Integers below 2^53 are exact and read best without an exponent.
    if (std::fabs(value) < 9007199254740992.0 && value == std::trunc(value)) {
        auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), static_cast<long long>(value));
        return error == std::errc() ? std::string(buffer.data(), end) : std::string("null");
    }
    auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return error == std::errc() ? std::string(buffer.data(), end) : std::string("null");
}

std::string JsonWriter::quote(const std::string& text)
{
    static const char* hex = "0123456789abcdef";
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for (char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out += "\\u00";
                out += hex[(static_cast<unsigned char>(c) >> 4) & 0x0F];
                out += hex[static_cast<unsigned char>(c) & 0x0F];
            } else {
                out += c;
            }
        }
    }
    out += '"';
    return out;
}

} // namespace backscreen::core
