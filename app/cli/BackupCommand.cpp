#include "BackupCommand.h"

#include "DatabaseCommandLine.h"

#include <ostream>

namespace backscreen::app {

namespace {

int run(CliContext& context, bool restore)
{
    const std::string name = restore ? "restore" : "backup";
    DatabaseCommandLine command(context, name, {}, {});
    const std::string& file = command.onlyPositional("the backup file");
    command.login();
    auto& service = command.service();
    if (restore) {
        service.restoreFrom(file);
    } else {
        service.backupTo(file);
    }
    if (command.format() == DatabaseCommandLine::Format::Json) {
        command.writeJson(core::JsonValue(core::JsonValue::Object{
            {"database", core::JsonValue(service.database().name())},
            {restore ? "restoredFrom" : "backupFile", core::JsonValue(file)},
        }));
    } else {
        context.out << (restore ? "restored " + service.database().name() + " from " + file
                                : "backed up " + service.database().name() + " to " + file)
                    << "\n";
    }
    return static_cast<int>(ExitCode::Success);
}

} // namespace

int runBackupCommand(CliContext& context)
{
    return run(context, false);
}

int runRestoreCommand(CliContext& context)
{
    return run(context, true);
}

} // namespace backscreen::app
