#include "CommandTable.h"

#include "HandoutCommand.h"
#include "ValidateCommand.h"
#include "VersionCommand.h"

namespace backscreen::app {

const std::vector<CliCommand>& commandTable()
{
    static const std::vector<CliCommand> table = {
        {"handout",
         "handout (--from REQUEST.json | --program PROGRAM.json) --out FILE.pdf [--page-size a4|letter] [--clinic "
         "NAME] "
         "[--client NAME] [--therapist NAME] [--date TEXT]",
         "Render the printed home-program handout (PDF) from a program request or a saved program; exit 1 when the "
         "screening blocks a program.",
         runHandoutCommand},
        {"version", "version", "Print the program version.", runVersionCommand},
        {"validate",
         "validate [--questionnaire Q.json] FILE...",
         "Check FHIR R4 Questionnaires, QuestionnaireResponses and Bundles; one TAB-separated line per problem "
         "(see 'validate --help').",
         runValidateCommand},
    };
    return table;
}

} // namespace backscreen::app
