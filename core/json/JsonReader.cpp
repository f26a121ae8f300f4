#include "JsonReader.h"

#include "core/json/JsonPointer.h"

#include <charconv>
#include <fstream>
#include <sstream>
#include <unordered_set>

namespace backscreen::core {

namespace {

// Thrown only inside this file to unwind the recursive descent at the first syntax error.
struct SyntaxAbort
{};

class Parser
{
public:
    Parser(std::string_view text, const std::string& source, JsonReader::Options options)
        : m_text(text)
        , m_source(source)
        , m_options(options)
    {}

    JsonReadResult run()
    {
        JsonReadResult result;
        try {
            skipWhitespace();
            JsonValue value = parseValue("", 0);
            skipWhitespace();
            if (m_pos != m_text.size()) {
                fail(ErrorCode::JsonSyntax, "", "unexpected " + describeHere() + " after the end of the document");
            }
            if (!hasErrors(m_diagnostics)) {
                result.value = std::move(value);
            }
        } catch (const SyntaxAbort&) {
            // The diagnostic is already recorded; nothing is returned for a broken document.
        }
        result.diagnostics = std::move(m_diagnostics);
        return result;
    }

private:
    JsonValue parseValue(const std::string& pointer, std::size_t depth)
    {
        if (m_pos >= m_text.size()) {
            fail(ErrorCode::JsonSyntax, pointer, "unexpected end of input; expected a value");
        }
        char c = m_text[m_pos];
        switch (c) {
        case '{':
            return parseObject(pointer, depth + 1);
        case '[':
            return parseArray(pointer, depth + 1);
        case '"':
            return JsonValue(parseString(pointer));
        case 't':
            expectWord("true", pointer);
            return JsonValue(true);
        case 'f':
            expectWord("false", pointer);
            return JsonValue(false);
        case 'n':
            expectWord("null", pointer);
            return JsonValue(nullptr);
        default:
            if (c == '-' || (c >= '0' && c <= '9')) {
                return parseNumber(pointer);
            }
            fail(ErrorCode::JsonSyntax, pointer, "unexpected " + describeHere() + "; expected a value");
        }
        return {};
    }

    JsonValue parseObject(const std::string& pointer, std::size_t depth)
    {
        checkDepth(pointer, depth);
        ++m_pos; // '{'
        JsonValue::Object members;
        std::unordered_set<std::string> seen;
        skipWhitespace();
        if (peek() == '}') {
            ++m_pos;
            return JsonValue(std::move(members));
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                fail(ErrorCode::JsonSyntax, pointer, "unexpected " + describeHere() + "; expected a member name");
            }
            std::string key = parseString(pointer);
            std::string memberPointer = JsonPointer::appendKey(pointer, key);
            if (!seen.insert(key).second) {
                // Collected, not fatal: every duplicate in the document gets its own diagnostic.
                m_diagnostics.push_back(
                    {ErrorCode::JsonDuplicateKey,
                     Severity::Error,
                     m_source,
                     memberPointer,
                     {},
                     "duplicate key \"" + key + "\" at " + position() + "; each key may occur once in an object"});
            }
            skipWhitespace();
            if (peek() != ':') {
                fail(ErrorCode::JsonSyntax, memberPointer, "unexpected " + describeHere() + "; expected ':'");
            }
            ++m_pos;
            skipWhitespace();
            JsonValue value = parseValue(memberPointer, depth);
            members.emplace_back(std::move(key), std::move(value));
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                ++m_pos;
                continue;
            }
            if (c == '}') {
                ++m_pos;
                return JsonValue(std::move(members));
            }
            fail(ErrorCode::JsonSyntax, pointer, "unexpected " + describeHere() + "; expected ',' or '}'");
        }
    }

    JsonValue parseArray(const std::string& pointer, std::size_t depth)
    {
        checkDepth(pointer, depth);
        ++m_pos; // '['
        JsonValue::Array elements;
        skipWhitespace();
        if (peek() == ']') {
            ++m_pos;
            return JsonValue(std::move(elements));
        }
        while (true) {
            skipWhitespace();
            elements.push_back(parseValue(JsonPointer::appendIndex(pointer, elements.size()), depth));
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                ++m_pos;
                continue;
            }
            if (c == ']') {
                ++m_pos;
                return JsonValue(std::move(elements));
            }
            fail(ErrorCode::JsonSyntax, pointer, "unexpected " + describeHere() + "; expected ',' or ']'");
        }
    }

    JsonValue parseNumber(const std::string& pointer)
    {
        std::size_t start = m_pos;
        if (peek() == '-') {
            ++m_pos;
        }
        if (peek() == '0') {
            ++m_pos;
        } else if (isDigit(peek())) {
            skipDigits();
        } else {
            fail(ErrorCode::JsonSyntax, pointer, "malformed number at " + position() + "; expected a digit");
        }
        if (peek() == '.') {
            ++m_pos;
            if (!isDigit(peek())) {
                fail(ErrorCode::JsonSyntax, pointer, "malformed number at " + position() + "; expected a digit");
            }
            skipDigits();
        }
        if (peek() == 'e' || peek() == 'E') {
            ++m_pos;
            if (peek() == '+' || peek() == '-') {
                ++m_pos;
            }
            if (!isDigit(peek())) {
                fail(ErrorCode::JsonSyntax, pointer, "malformed number at " + position() + "; expected a digit");
            }
            skipDigits();
        }
        std::string_view text = m_text.substr(start, m_pos - start);
        double value = 0.0;
        auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (error == std::errc::result_out_of_range) {
            fail(ErrorCode::JsonSyntax, pointer, "number " + std::string(text) + " is out of the range of a double");
        }
        (void)end;
        return JsonValue::numberWithText(value, std::string(text));
    }

    std::string parseString(const std::string& pointer)
    {
        ++m_pos; // opening quote
        std::string out;
        while (true) {
            if (m_pos >= m_text.size()) {
                fail(ErrorCode::JsonSyntax, pointer, "unterminated string; expected '\"'");
            }
            auto c = static_cast<unsigned char>(m_text[m_pos]);
            if (c == '"') {
                ++m_pos;
                return out;
            }
            if (c == '\\') {
                ++m_pos;
                parseEscape(pointer, out);
                continue;
            }
            if (c < 0x20) {
                fail(ErrorCode::JsonSyntax,
                     pointer,
                     "control character in a string at " + position() + "; expected it escaped");
            }
            if (c < 0x80) {
                out += static_cast<char>(c);
                ++m_pos;
                continue;
            }
            copyUtf8Sequence(pointer, out);
        }
    }

    void parseEscape(const std::string& pointer, std::string& out)
    {
        if (m_pos >= m_text.size()) {
            fail(ErrorCode::JsonSyntax, pointer, "unterminated escape; expected a character after '\\'");
        }
        char c = m_text[m_pos++];
        switch (c) {
        case '"':
            out += '"';
            return;
        case '\\':
            out += '\\';
            return;
        case '/':
            out += '/';
            return;
        case 'b':
            out += '\b';
            return;
        case 'f':
            out += '\f';
            return;
        case 'n':
            out += '\n';
            return;
        case 'r':
            out += '\r';
            return;
        case 't':
            out += '\t';
            return;
        case 'u': {
            unsigned codePoint = parseHex4(pointer);
            if (codePoint >= 0xD800 && codePoint <= 0xDBFF) {
                if (m_text.substr(m_pos, 2) != "\\u") {
                    fail(ErrorCode::JsonInvalidUtf8, pointer, "unpaired surrogate escape at " + position());
                }
                m_pos += 2;
                unsigned low = parseHex4(pointer);
                if (low < 0xDC00 || low > 0xDFFF) {
                    fail(ErrorCode::JsonInvalidUtf8, pointer, "unpaired surrogate escape at " + position());
                }
                codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (low - 0xDC00);
            } else if (codePoint >= 0xDC00 && codePoint <= 0xDFFF) {
                fail(ErrorCode::JsonInvalidUtf8, pointer, "unpaired surrogate escape at " + position());
            }
            appendUtf8(out, codePoint);
            return;
        }
        default:
            --m_pos;
            fail(ErrorCode::JsonSyntax, pointer, "unknown escape " + describeHere() + " in a string");
        }
    }

    unsigned parseHex4(const std::string& pointer)
    {
        unsigned value = 0;
        for (int i = 0; i < 4; ++i) {
            char c = peek();
            unsigned digit = 0;
            if (c >= '0' && c <= '9') {
                digit = static_cast<unsigned>(c - '0');
            } else if (c >= 'a' && c <= 'f') {
                digit = static_cast<unsigned>(c - 'a' + 10);
            } else if (c >= 'A' && c <= 'F') {
                digit = static_cast<unsigned>(c - 'A' + 10);
            } else {
                fail(ErrorCode::JsonSyntax,
                     pointer,
                     "malformed \\u escape at " + position() + "; expected 4 hex digits");
            }
            value = value * 16 + digit;
            ++m_pos;
        }
        return value;
    }

    void copyUtf8Sequence(const std::string& pointer, std::string& out)
    {
        auto lead = static_cast<unsigned char>(m_text[m_pos]);
        std::size_t length = 0;
        unsigned codePoint = 0;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
            codePoint = lead & 0x1Fu;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            codePoint = lead & 0x0Fu;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            codePoint = lead & 0x07u;
        } else {
            fail(ErrorCode::JsonInvalidUtf8, pointer, "invalid UTF-8 byte at " + position());
        }
        if (m_pos + length > m_text.size()) {
            fail(ErrorCode::JsonInvalidUtf8, pointer, "truncated UTF-8 sequence at " + position());
        }
        for (std::size_t i = 1; i < length; ++i) {
            auto continuation = static_cast<unsigned char>(m_text[m_pos + i]);
            if ((continuation & 0xC0u) != 0x80u) {
                fail(ErrorCode::JsonInvalidUtf8, pointer, "invalid UTF-8 sequence at " + position());
            }
            codePoint = (codePoint << 6) | (continuation & 0x3Fu);
        }
        bool overlong = (length == 3 && codePoint < 0x800) || (length == 4 && codePoint < 0x10000);
        bool surrogate = codePoint >= 0xD800 && codePoint <= 0xDFFF;
        if (overlong || surrogate || codePoint > 0x10FFFF) {
            fail(ErrorCode::JsonInvalidUtf8, pointer, "invalid UTF-8 sequence at " + position());
        }
        out.append(m_text.substr(m_pos, length));
        m_pos += length;
    }

    static void appendUtf8(std::string& out, unsigned codePoint)
    {
        if (codePoint < 0x80) {
            out += static_cast<char>(codePoint);
        } else if (codePoint < 0x800) {
            out += static_cast<char>(0xC0 | (codePoint >> 6));
            out += static_cast<char>(0x80 | (codePoint & 0x3F));
        } else if (codePoint < 0x10000) {
            out += static_cast<char>(0xE0 | (codePoint >> 12));
            out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (codePoint & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (codePoint >> 18));
            out += static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (codePoint & 0x3F));
        }
    }

    void expectWord(std::string_view word, const std::string& pointer)
    {
        if (m_text.substr(m_pos, word.size()) != word) {
            fail(ErrorCode::JsonSyntax, pointer, "unexpected " + describeHere() + "; expected a value");
        }
        m_pos += word.size();
    }

    void checkDepth(const std::string& pointer, std::size_t depth)
    {
        if (depth > m_options.maxDepth) {
            fail(ErrorCode::JsonTooDeep,
                 pointer,
                 "nesting deeper than " + std::to_string(m_options.maxDepth) + " levels at " + position());
        }
    }

    [[noreturn]] void fail(ErrorCode code, const std::string& pointer, std::string message)
    {
        m_diagnostics.push_back({code, Severity::Error, m_source, pointer, {}, std::move(message)});
        throw SyntaxAbort{};
    }

    std::string position() const
    {
        std::size_t line = 1;
        std::size_t column = 1;
        for (std::size_t i = 0; i < m_pos && i < m_text.size(); ++i) {
            if (m_text[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        return "line " + std::to_string(line) + ", column " + std::to_string(column);
    }

    std::string describeHere() const
    {
        if (m_pos >= m_text.size()) {
            return "end of input at " + position();
        }
        auto c = static_cast<unsigned char>(m_text[m_pos]);
        std::string shown = (c >= 0x20 && c < 0x7F) ? std::string(1, static_cast<char>(c)) : "\\x" + hexByte(c);
        return "'" + shown + "' at " + position();
    }

    static std::string hexByte(unsigned char c)
    {
        static const char* digits = "0123456789abcdef";
        return {digits[c >> 4], digits[c & 0x0F]};
    }

    char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }

    static bool isDigit(char c) { return c >= '0' && c <= '9'; }

    void skipDigits()
    {
        while (isDigit(peek())) {
            ++m_pos;
        }
    }

    void skipWhitespace()
    {
        while (m_pos < m_text.size()) {
            char c = m_text[m_pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            ++m_pos;
        }
    }

    std::string_view m_text;
    const std::string& m_source;
    JsonReader::Options m_options;
    std::size_t m_pos = 0;
    std::vector<Diagnostic> m_diagnostics;
};

} // namespace

JsonReadResult JsonReader::parse(std::string_view text, const std::string& source)
{
    return parse(text, source, Options{});
}

JsonReadResult JsonReader::parse(std::string_view text, const std::string& source, Options options)
{
    return Parser(text, source, options).run();
}

JsonReadResult JsonReader::parseFile(const std::filesystem::path& path)
{
    return parseFile(path, Options{});
}

JsonReadResult JsonReader::parseFile(const std::filesystem::path& path, Options options)
{
    std::error_code error;
    std::ifstream in;
    // A directory opens fine as a stream on Linux and then reads as empty; refuse it by name instead.
    if (!std::filesystem::is_directory(path, error)) {
        in.open(path, std::ios::binary);
    }
    std::ostringstream content;
    if (in.is_open()) {
        content << in.rdbuf();
    }
    if (!in.is_open() || in.bad()) {
        JsonReadResult result;
        result.diagnostics.push_back({ErrorCode::FileUnreadable,
                                      Severity::Error,
                                      path.string(),
                                      {},
                                      {},
                                      "cannot read the file; expected a readable JSON file"});
        return result;
    }
    return parse(content.str(), path.string(), options);
}

} // namespace backscreen::core
