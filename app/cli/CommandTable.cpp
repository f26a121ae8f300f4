#include "CommandTable.h"

#include "LogicCommand.h"
#include "VersionCommand.h"

namespace backscreen::app {

const std::vector<CliCommand>& commandTable()
{
    static const std::vector<CliCommand> table = {
        {"logic",
         "logic RULE DATA [--trace] [--partial]",
         "Evaluate a JsonLogic rule against data (each a file, - for stdin, or inline JSON) and print the result;"
         " --trace adds the inputs read and which decided, --partial treats absent or null inputs as unknown.",
         runLogicCommand},
        {"version", "version", "Print the program version.", runVersionCommand},
    };
    return table;
}

} // namespace backscreen::app
