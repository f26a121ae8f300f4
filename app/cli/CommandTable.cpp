#include "CommandTable.h"

#include "VersionCommand.h"

namespace backscreen::app {

const std::vector<CliCommand>& commandTable()
{
    static const std::vector<CliCommand> table = {
        {"version", "version", "Print the program version.", runVersionCommand},
    };
    return table;
}

} // namespace backscreen::app
