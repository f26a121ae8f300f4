#pragma once

#include "core/common/Diagnostic.h"
#include "core/json/JsonValue.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backscreen::core {

struct JsonReadResult
{
    /// Present only when the text had no errors: nothing is ever half-read.
    std::optional<JsonValue> value;
    std::vector<Diagnostic> diagnostics;

    bool ok() const { return value.has_value(); }
};

/// Reads RFC 8259 JSON into a JsonValue. We read JSON ourselves rather than with Poco::JSON::Parser because
/// Poco 1.11 keeps the last of duplicate keys without a word (FHIR forbids duplicates), sorts object keys
/// and turns "2.50" into 2.5; it also reports no line or column. This reader reports every duplicate key by
/// its JSON pointer, keeps member order and number text, validates UTF-8, and limits nesting depth so that
/// hostile input gives an error rather than a stack overflow.
class JsonReader
{
public:
    struct Options
    {
        /// Deepest nesting of arrays and objects accepted; deeper input is a JsonTooDeep error.
        std::size_t maxDepth = 512;
    };

    /// `source` names the input in diagnostics (a file path, "<stdin>", "<argument>").
    static JsonReadResult parse(std::string_view text, const std::string& source);
    static JsonReadResult parse(std::string_view text, const std::string& source, Options options);

    /// Reads a whole file; an unreadable file is a FileUnreadable diagnostic naming the path.
    static JsonReadResult parseFile(const std::filesystem::path& path);
    static JsonReadResult parseFile(const std::filesystem::path& path, Options options);
};

} // namespace backscreen::core
