#include "CommandTable.h"

#include "BackupCommand.h"
#include "ClientsCommand.h"
#include "HandoutCommand.h"
#include "InitCommand.h"
#include "LogicCommand.h"
#include "ScoreCommand.h"
#include "ScreenCommand.h"
#include "UsersCommand.h"
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
        {"init",
         "init [--db PATH|URL] [--display-name NAME] [--format text|json]",
         "Create the database and its first administrator (name from BACKSCREEN_USER, password from "
         "BACKSCREEN_PASSWORD, else prompts).",
         runInitCommand},
        {"users",
         "users add USERNAME --role admin|therapist|viewer [--display-name NAME] | users passwd USERNAME | users "
         "list  [--db PATH|URL] [--format text|json]",
         "Manage accounts (admins). Log in with BACKSCREEN_USER/BACKSCREEN_PASSWORD or at the prompt; new "
         "passwords from BACKSCREEN_NEW_PASSWORD or the prompt, never the command line.",
         runUsersCommand},
        {"clients",
         "clients add --family-name F --given-name G --birth-date YYYY-MM-DD [--contact C] [--notes N] | clients "
         "list [--archived] | clients search --name PREFIX|--birth-date D | clients show ID  [--db PATH|URL] "
         "[--format text|json]",
         "Add, list, search and show clients; every read and change is audited.",
         runClientsCommand},
        {"backup",
         "backup FILE [--db PATH]",
         "Write a consistent copy of the SQLite database to FILE (admins; safe while the app runs).",
         runBackupCommand},
        {"restore",
         "restore FILE [--db PATH]",
         "Replace the database with a checked backup (admins).",
         runRestoreCommand},
        {"score",
         "score FILE [--format text|json] [--instrument ID] [--questionnaire FORM]",
         "Score one outcome-measure QuestionnaireResponse, or a flat answers object with --instrument; exit 0 "
         "scored, 1 not scorable, 2 invalid input.",
         runScoreCommand},
    };
    return table;
}

} // namespace backscreen::app
