#pragma once

#include "core/common/Diagnostic.h"
#include "core/json/JsonValue.h"

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backscreen::core {

/// Reads fields out of one of our JSON data files (the exercise catalogue, the program ruleset) and
/// collects a Diagnostic for each field that is missing, mistyped or unknown, instead of stopping at the
/// first. Every accessor returns a usable default when the field is bad so a loader can keep going.
class DocumentChecker
{
public:
    DocumentChecker(std::string source, ErrorCode unknownFieldCode, ErrorCode invalidFieldCode);

    /// Reports each member of `object` whose key is not in `known`.
    void checkKeys(const JsonValue& object,
                   const std::string& pointer,
                   const std::string& subject,
                   std::initializer_list<std::string_view> known);

    /// `required` fields report their absence; optional ones may be absent or null.
    std::string string(const JsonValue& object,
                       std::string_view key,
                       const std::string& pointer,
                       const std::string& subject,
                       bool required = true);
    std::vector<std::string> stringArray(const JsonValue& object,
                                         std::string_view key,
                                         const std::string& pointer,
                                         const std::string& subject,
                                         bool required = true);
    /// A whole number; absent, null or mistyped gives nullopt (with a diagnostic when required or mistyped).
    std::optional<int> integer(const JsonValue& object,
                               std::string_view key,
                               const std::string& pointer,
                               const std::string& subject,
                               bool required = false);
    bool boolean(const JsonValue& object,
                 std::string_view key,
                 const std::string& pointer,
                 const std::string& subject,
                 bool required = true);

    void report(ErrorCode code, const std::string& pointer, const std::string& subject, const std::string& message);

    const std::string& source() const { return m_source; }

    std::vector<Diagnostic>& diagnostics() { return m_diagnostics; }

private:
    std::string m_source;
    ErrorCode m_unknownFieldCode;
    ErrorCode m_invalidFieldCode;
    std::vector<Diagnostic> m_diagnostics;
};

} // namespace backscreen::core
