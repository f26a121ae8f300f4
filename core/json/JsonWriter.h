#pragma once

#include "core/json/JsonValue.h"

#include <string>

namespace backscreen::core {

/// Writes a JsonValue as JSON text. Numbers read from text are written with their original text (so FHIR
/// decimals keep their precision); computed numbers use the shortest form that reads back to the same
/// double, integers without a fraction. NaN and infinities, which JSON cannot represent, become null.
class JsonWriter
{
public:
    enum class Style
    {
        Compact,
        /// Two-space indentation, one member or element per line.
        Pretty,
    };

    static std::string write(const JsonValue& value, Style style = Style::Compact);

    /// The shortest decimal text for a double, as JSON needs it ("3", "0.1", "1e+21").
    static std::string formatNumber(double value);

    /// `text` as a quoted JSON string with the required escapes.
    static std::string quote(const std::string& text);
};

} // namespace backscreen::core
