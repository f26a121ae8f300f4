#include "CommandTable.h"

#include "BackupCommand.h"
#include "ClientsCommand.h"
#include "InitCommand.h"
#include "UsersCommand.h"
#include "VersionCommand.h"

namespace backscreen::app {

const std::vector<CliCommand>& commandTable()
{
    static const std::vector<CliCommand> table = {
        {"version", "version", "Print the program version.", runVersionCommand},
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
