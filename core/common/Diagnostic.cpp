#include "Diagnostic.h"

#include <algorithm>

namespace backscreen::core {

std::string Diagnostic::toString() const
{
    std::string text = source;
    std::string where = subject;
    if (!pointer.empty()) {
        where += where.empty() ? "at " + pointer : " at " + pointer;
    }
    if (!where.empty()) {
        text += text.empty() ? where : ": " + where;
    }
    text += text.empty() ? message : ": " + message;
    return text;
}

const char* severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Information:
        return "information";
    }
    return "error";
}

bool hasErrors(const std::vector<Diagnostic>& diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& diagnostic) {
        return diagnostic.severity == Severity::Error;
    });
}

} // namespace backscreen::core
