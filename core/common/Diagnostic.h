#pragma once

#include "core/common/ErrorCode.h"

#include <string>
#include <vector>

namespace backscreen::core {

enum class Severity
{
    Error,
    Warning,
    Information,
};

/// One problem found in some input: loaders and validators collect all of them instead of stopping at the
/// first. `source` is the file path or answer set, `pointer` the JSON pointer of the offending node (empty
/// when the problem concerns the whole input), `subject` the linkId, rule id or exercise id it concerns
/// (with its kind, e.g. `rule "RF-CES-02"`, or empty).
struct Diagnostic
{
    ErrorCode code = ErrorCode::JsonSyntax;
    Severity severity = Severity::Error;
    std::string source;
    std::string pointer;
    std::string subject;
    std::string message;

    /// "source: subject at pointer: message", leaving out the parts that are empty.
    std::string toString() const;
};

const char* severityName(Severity severity);

bool hasErrors(const std::vector<Diagnostic>& diagnostics);

} // namespace backscreen::core
