#include "CommandLine.h"

#include "CliContext.h"
#include "CommandTable.h"

#include "core/common/Error.h"

#include <algorithm>
#include <exception>
#include <ostream>

namespace backscreen::app {

namespace {

void printHelp(std::ostream& out)
{
    out << "backscreen-cli - Backscreen low back pain screening, command-line tools\n\n"
           "Usage: backscreen-cli COMMAND [ARGUMENTS...]\n\n"
           "Commands:\n";
    for (const CliCommand& command : commandTable()) {
        out << "  " << command.usage << "\n      " << command.summary << "\n";
    }
    out << "  help\n      Show this help.\n"
           "\nExit codes: 0 success, 1 the input failed a check, 2 bad usage or unreadable input"
           " (commands may add their own, see their help).\n";
}

} // namespace

int runCommandLine(const std::vector<std::string>& arguments, std::istream& in, std::ostream& out, std::ostream& err)
{
    if (arguments.empty() || arguments.front() == "help" || arguments.front() == "--help"
        || arguments.front() == "-h") {
        printHelp(arguments.empty() ? err : out);
        return arguments.empty() ? static_cast<int>(ExitCode::BadInput) : static_cast<int>(ExitCode::Success);
    }
    const auto& table = commandTable();
    auto command = std::find_if(
        table.begin(), table.end(), [&](const CliCommand& candidate) { return candidate.name == arguments.front(); });
    if (command == table.end()) {
        err << "backscreen-cli: unknown command \"" << arguments.front() << "\"; see 'backscreen-cli help'\n";
        return static_cast<int>(ExitCode::BadInput);
    }
    CliContext context{{arguments.begin() + 1, arguments.end()}, in, out, err};
    try {
        return command->run(context);
    } catch (const backscreen::Error& error) {
        err << "backscreen-cli " << command->name << ": " << error.what() << "\n";
        return static_cast<int>(ExitCode::BadInput);
    } catch (const std::exception& error) {
        // Environment failures (disk, memory) still get a message and an exit code, never an abort.
        err << "backscreen-cli " << command->name << ": unexpected failure: " << error.what() << "\n";
        return static_cast<int>(ExitCode::BadInput);
    }
}

} // namespace backscreen::app
