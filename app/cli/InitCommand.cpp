#include "InitCommand.h"

#include "DatabaseCommandLine.h"

#include <cstdlib>
#include <ostream>

namespace backscreen::app {

int runInitCommand(CliContext& context)
{
    DatabaseCommandLine command(context, "init", {"display-name"}, {});
    if (!command.positionals().empty()) {
        context.err << "backscreen-cli init: unexpected argument \"" << command.positionals().front()
                    << "\"; expected none\n";
        return static_cast<int>(ExitCode::BadInput);
    }
    db::ClinicService& service = command.service();
    if (!service.needsSetup()) {
        throw Error(ErrorCode::AlreadySetUp,
                    service.database().name() + ": init: the database has users already; nothing was changed");
    }
    const char* fromEnvironment = std::getenv("BACKSCREEN_USER");
    std::string username =
        fromEnvironment && *fromEnvironment ? fromEnvironment : command.prompt("Administrator username: ");
    std::string password = command.newPassword("BACKSCREEN_PASSWORD");
    auto admin = service.createFirstAdmin(username, command.option("display-name").value_or(username), password);
    if (command.format() == DatabaseCommandLine::Format::Json) {
        command.writeJson(core::JsonValue(core::JsonValue::Object{
            {"database", core::JsonValue(service.database().name())},
            {"schemaVersion", core::JsonValue(service.database().schemaVersion())},
            {"admin", core::JsonValue(admin.username)},
        }));
    } else {
        context.out << "created " << service.database().name() << " (schema version "
                    << service.database().schemaVersion() << ") with administrator " << admin.username << "\n";
    }
    return static_cast<int>(ExitCode::Success);
}

} // namespace backscreen::app
