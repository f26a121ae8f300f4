#include "CommandTable.h"

#include "ValidateCommand.h"
#include "VersionCommand.h"

namespace backscreen::app {

const std::vector<CliCommand>& commandTable()
{
    static const std::vector<CliCommand> table = {
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
