#pragma once

#include "core/screening/ScreeningResult.h"

#include <functional>
#include <iosfwd>
#include <string>

namespace backscreen::app {

/// How the screen command (and the stored-screening commands) show a ScreeningResult, so a stored result
/// is shown again exactly as it was when stored.
class ScreeningReport
{
public:
    /// The intake question text of a linkId ("" when unknown).
    using QuestionText = std::function<std::string(const std::string&)>;

    /// The readable report: triage and its action, blocking, red flags with why (cleared ones with who,
    /// when and why), not-evaluable rules, missing questions, patterns, pattern findings, clearances.
    static void printText(std::ostream& out, const core::ScreeningResult& result, const QuestionText& questionText);

    /// The screen command's exit code: 0 clear, 1 findings, 3 incomplete, 4 red flag (2 is invalid input).
    static int exitCode(const core::ScreeningResult& result);
};

} // namespace backscreen::app
