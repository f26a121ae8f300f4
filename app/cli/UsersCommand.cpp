#include "UsersCommand.h"

#include "DatabaseCommandLine.h"

#include <ostream>

namespace backscreen::app {

namespace {

core::JsonValue userJson(const db::UserRecord& user)
{
    return core::JsonValue(core::JsonValue::Object{
        {"id", core::JsonValue(static_cast<long long>(user.id))},
        {"username", core::JsonValue(user.username)},
        {"displayName", core::JsonValue(user.displayName)},
        {"role", core::JsonValue(db::roleName(user.role))},
        {"lockedUntil", user.lockedUntil.empty() ? core::JsonValue(nullptr) : core::JsonValue(user.lockedUntil)},
    });
}

} // namespace

int runUsersCommand(CliContext& context)
{
    if (context.arguments.empty()) {
        context.err << "backscreen-cli users: missing subcommand; expected add, passwd or list\n";
        return static_cast<int>(ExitCode::BadInput);
    }
    const std::string subcommand = context.arguments.front();
    CliContext rest{{context.arguments.begin() + 1, context.arguments.end()}, context.in, context.out, context.err};
    if (subcommand == "add") {
        DatabaseCommandLine command(rest, "users add", {"role", "display-name"}, {});
        const std::string& username = command.onlyPositional("the username");
        std::string roleText = command.option("role").value_or("");
        auto role = db::parseRole(roleText);
        db::ClinicService& service = command.service();
        db::UserRecord user;
        if (service.needsSetup()) {
            if (!roleText.empty() && role != db::Role::Admin) {
                context.err << "backscreen-cli users add: the database has no users yet, so the first one is the "
                               "administrator; use --role admin or 'backscreen-cli init'\n";
                return static_cast<int>(ExitCode::BadInput);
            }
            user = service.createFirstAdmin(username,
                                            command.option("display-name").value_or(username),
                                            command.newPassword("BACKSCREEN_PASSWORD"));
        } else {
            if (!role) {
                context.err << "backscreen-cli users add: --role \"" << roleText
                            << "\" is unknown; expected admin, therapist or viewer\n";
                return static_cast<int>(ExitCode::BadInput);
            }
            command.login();
            user = service.addUser(
                username, command.option("display-name").value_or(username), *role, command.newPassword());
        }
        if (command.format() == DatabaseCommandLine::Format::Json) {
            command.writeJson(userJson(user));
        } else {
            context.out << "added user " << user.username << " (" << db::roleName(user.role) << ")\n";
        }
        return static_cast<int>(ExitCode::Success);
    }
    if (subcommand == "passwd") {
        DatabaseCommandLine command(rest, "users passwd", {}, {});
        const std::string& username = command.onlyPositional("the username");
        command.login();
        command.service().changePassword(username, command.newPassword());
        if (command.format() == DatabaseCommandLine::Format::Json) {
            command.writeJson(core::JsonValue(core::JsonValue::Object{{"username", core::JsonValue(username)},
                                                                      {"passwordChanged", core::JsonValue(true)}}));
        } else {
            context.out << "changed the password of " << username << "\n";
        }
        return static_cast<int>(ExitCode::Success);
    }
    if (subcommand == "list") {
        DatabaseCommandLine command(rest, "users list", {}, {});
        if (!command.positionals().empty()) {
            context.err << "backscreen-cli users list: unexpected argument \"" << command.positionals().front()
                        << "\"\n";
            return static_cast<int>(ExitCode::BadInput);
        }
        command.login();
        auto users = command.service().listUsers();
        if (command.format() == DatabaseCommandLine::Format::Json) {
            core::JsonValue::Array list;
            for (const auto& user : users) {
                list.push_back(userJson(user));
            }
            command.writeJson(core::JsonValue(list));
        } else {
            for (const auto& user : users) {
                context.out << user.username << "\t" << db::roleName(user.role) << "\t" << user.displayName
                            << (user.lockedUntil.empty() ? "" : "\tlocked until " + user.lockedUntil) << "\n";
            }
        }
        return static_cast<int>(ExitCode::Success);
    }
    context.err << "backscreen-cli users: unknown subcommand \"" << subcommand << "\"; expected add, passwd or list\n";
    return static_cast<int>(ExitCode::BadInput);
}

} // namespace backscreen::app
