#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace backscreen::app {

/// The `backscreen-cli` dispatcher: `arguments` is argv without the program name. Returns the exit code.
/// Every Backscreen error is caught here and printed to `err`; nothing escapes to main().
int runCommandLine(const std::vector<std::string>& arguments, std::istream& in, std::ostream& out, std::ostream& err);

} // namespace backscreen::app
