#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace backscreen::app {

/// What a CLI command gets: its own arguments (without the program and command names) and the streams it
/// must use, so tests can run commands in-process as well as through the real executable.
struct CliContext
{
    std::vector<std::string> arguments;
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
};

/// Exit codes shared by every command. Commands with richer outcomes (validate, screen) document theirs.
enum class ExitCode
{
    Success = 0,
    /// The input was read but failed a check (an invalid form, a finding).
    Failed = 1,
    /// Usage errors and unreadable or malformed input.
    BadInput = 2,
};

} // namespace backscreen::app
