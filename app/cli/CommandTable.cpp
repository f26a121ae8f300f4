#include "CommandTable.h"

#include "BackupCommand.h"
#include "ClearancesCommand.h"
#include "ClientsCommand.h"
#include "HandoutCommand.h"
#include "InitCommand.h"
#include "LogicCommand.h"
#include "OutcomesCommand.h"
#include "ProgramsCommand.h"
#include "ScoreCommand.h"
#include "ScreenCommand.h"
#include "ScreeningsCommand.h"
#include "UsersCommand.h"
#include "ValidateCommand.h"
#include "VersionCommand.h"

namespace backscreen::app {

const std::vector<CliCommand>& commandTable()
{
    static const std::vector<CliCommand> table = {
        {"handout",
         "handout (--from INTAKE.json | --program PROGRAM.json | --client ID [--program-version N] [--db PATH|URL]) "
         "--out FILE.pdf [--page-size a4|letter] [--clinic NAME] [--client-name NAME] [--therapist NAME] "
         "[--date TEXT]",
         "Render the printed home-program handout (PDF): --from screens an intake (response or flat answers; a "
         "program request also works) and generates the default program, --program prints a saved program, "
         "--client a client's stored version; exit 1 when the screening blocks a program.",
         runHandoutCommand},
        {"programs",
         "programs generate --client ID [--visit ID] | programs list --client ID | programs show --client ID "
         "[--version N] | programs edit --client ID --expected-version N (--set-dosage EX-ID:FIELD=VALUE | --note "
         "EX-ID:TEXT | --remove EX-ID | --add EX-ID | --move EX-ID:POSITION)...  [--db PATH|URL] [--format "
         "text|json]",
         "A client's home program, stored as versions: generate from the latest stored screening (exit 1 when it "
         "blocks a program), list, show, and edit into a new version (exit 1 when the expected version is stale).",
         runProgramsCommand},
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
        {"score",
         "score FILE [--format text|json] [--instrument ID] [--questionnaire FORM]",
         "Score one outcome-measure QuestionnaireResponse, or a flat answers object with --instrument; exit 0 "
         "scored, 1 not scorable, 2 invalid input.",
         runScoreCommand},
        {"outcomes",
         "outcomes add --client ID (--visit ID | --new-visit YYYY-MM-DD [--visit-kind KIND]) FILE [--instrument ID] "
         "[--questionnaire FORM] | outcomes [list] --client ID  [--db PATH|URL] [--format text|csv|json]",
         "Score an outcome measure and store it with the raw response at a visit (exit 1: stored but not "
         "scorable, 2: invalid, nothing stored); list a client's series with change since baseline.",
         runOutcomesCommand},
        {"screen",
         "screen FILE [--format text|json] [--client ID [--visit ID | --new-visit YYYY-MM-DD] [--db PATH|URL]]",
         "Screen an intake (QuestionnaireResponse or flat answers; - for stdin): triage, findings and why. Exit "
         "0 clear, 1 findings, 2 invalid input, 3 incomplete, 4 red flag (see 'screen --help'). With --client, "
         "apply the client's clearances and store the response and the result.",
         runScreenCommand},
        {"screenings",
         "screenings list --client ID | screenings show --client ID [--screening ID]  [--db PATH|URL] "
         "[--format text|json]",
         "List a client's stored screenings, or show one (default the latest) exactly as it was stored.",
         runScreeningsCommand},
        {"clearances",
         "clearances add --client ID --rule RULE-ID --reason CODE [--note TEXT] [--reviewer NAME] [--reviewed-on "
         "YYYY-MM-DD] | clearances list --client ID  "
         "[--db PATH|URL] [--format text|json]",
         "Record that a fired SOON/URGENT red flag of the client's latest screening was medically reviewed "
         "(therapists, admins; never EMERGENCY), or list clearances as active or lapsed against the latest answers.",
         runClearancesCommand},
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
    };
    return table;
}

} // namespace backscreen::app
