#include "VersionCommand.h"

#include <ostream>

namespace backscreen::app {

int runVersionCommand(CliContext& context)
{
    if (!context.arguments.empty()) {
        context.err << "backscreen-cli version: unexpected argument \"" << context.arguments.front()
                    << "\"; expected none\n";
        return static_cast<int>(ExitCode::BadInput);
    }
    context.out << "backscreen-cli " << BACKSCREEN_VERSION << "\n";
    return static_cast<int>(ExitCode::Success);
}

} // namespace backscreen::app
