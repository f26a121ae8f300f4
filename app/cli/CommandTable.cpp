#include "CommandTable.h"

#include "HandoutCommand.h"
#include "LogicCommand.h"
#include "ScreenCommand.h"
#include "ValidateCommand.h"
#include "VersionCommand.h"

namespace backscreen::app {

const std::vector<CliCommand>& commandTable()
{
    static const std::vector<CliCommand> table = {
        {"handout",
         "handout (--from REQUEST.json | --program PROGRAM.json) --out FILE.pdf [--page-size a4|letter] "
         "[--clinic NAME] [--client NAME] [--therapist NAME] [--date TEXT]",
         "Render the printed home-program handout (PDF) from a program request or a saved program; exit 1 when the "
         "screening blocks a program.",
         runHandoutCommand},
        {"logic",
         "logic RULE DATA [--trace] [--partial]",
         "Evaluate a JsonLogic rule against data (each a file, - for stdin, or inline JSON) and print the result;"
         " --trace adds the inputs read and which decided, --partial treats absent or null inputs as unknown.",
         runLogicCommand},
        {"version", "version", "Print the program version.", runVersionCommand},
        {"validate",
         "validate [--questionnaire Q.json] FILE...",
         "Check FHIR R4 Questionnaires, QuestionnaireResponses and Bundles; one TAB-separated line per problem "
         "(see 'validate --help').",
         runValidateCommand},
        {"screen",
         "screen FILE [--format text|json]",
         "Screen an intake (QuestionnaireResponse or flat answers; - for stdin): triage, findings and why. Exit "
         "0 clear, 1 findings, 2 invalid input, 3 incomplete, 4 red flag (see 'screen --help').",
         runScreenCommand},
    };
    return table;
}

} // namespace backscreen::app
