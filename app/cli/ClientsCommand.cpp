#include "ClientsCommand.h"

#include "DatabaseCommandLine.h"

#include "core/common/Error.h"

#include <ostream>

namespace backscreen::app {

namespace {

void writeClients(DatabaseCommandLine& command, std::ostream& out, const std::vector<db::ClientRecord>& clients)
{
    if (command.format() == DatabaseCommandLine::Format::Json) {
        core::JsonValue::Array list;
        for (const auto& client : clients) {
            list.push_back(DatabaseCommandLine::clientJson(client));
        }
        command.writeJson(core::JsonValue(list));
        return;
    }
    for (const auto& client : clients) {
        out << client.id << "\t" << client.familyName << ", " << client.givenName << "\t" << client.birthDate
            << (client.archived ? "\tarchived" : "") << "\n";
    }
}

std::size_t parseLimit(const std::optional<std::string>& text)
{
    if (!text) {
        return 1000;
    }
    if (text->empty() || text->size() > 9 || text->find_first_not_of("0123456789") != std::string::npos) {
        throw Error(ErrorCode::CommandLineUsage, "usage: --limit \"" + *text + "\" is not a positive number");
    }
    return static_cast<std::size_t>(std::stoul(*text));
}

long long countOf(std::size_t size)
{
    return static_cast<long long>(size);
}

} // namespace

int runClientsCommand(CliContext& context)
{
    if (context.arguments.empty()) {
        context.err << "backscreen-cli clients: missing subcommand; expected add, list, search or show\n";
        return static_cast<int>(ExitCode::BadInput);
    }
    const std::string subcommand = context.arguments.front();
    CliContext rest{{context.arguments.begin() + 1, context.arguments.end()}, context.in, context.out, context.err};
    if (subcommand == "add") {
        DatabaseCommandLine command(
            rest, "clients add", {"family-name", "given-name", "birth-date", "contact", "notes"}, {});
        if (!command.positionals().empty()) {
            context.err << "backscreen-cli clients add: unexpected argument \"" << command.positionals().front()
                        << "\"; give the fields as --family-name, --given-name, --birth-date\n";
            return static_cast<int>(ExitCode::BadInput);
        }
        db::ClientRecord client;
        client.familyName = command.option("family-name").value_or("");
        client.givenName = command.option("given-name").value_or("");
        client.birthDate = command.option("birth-date").value_or("");
        client.contact = command.option("contact").value_or("");
        client.notes = command.option("notes").value_or("");
        command.login();
        auto added = command.service().addClient(client);
        if (command.format() == DatabaseCommandLine::Format::Json) {
            command.writeJson(DatabaseCommandLine::clientJson(added));
        } else {
            context.out << "added client " << added.id << ": " << added.familyName << ", " << added.givenName << "\n";
        }
        return static_cast<int>(ExitCode::Success);
    }
    if (subcommand == "list") {
        DatabaseCommandLine command(rest, "clients list", {"limit"}, {"archived"});
        std::size_t limit = parseLimit(command.option("limit"));
        command.login();
        writeClients(command, context.out, command.service().listClients(command.flag("archived"), limit));
        return static_cast<int>(ExitCode::Success);
    }
    if (subcommand == "search") {
        DatabaseCommandLine command(rest, "clients search", {"name", "birth-date", "limit"}, {"archived"});
        auto name = command.option("name");
        auto birthDate = command.option("birth-date");
        if (name.has_value() == birthDate.has_value()) {
            context.err << "backscreen-cli clients search: give exactly one of --name PREFIX and --birth-date "
                           "YYYY-MM-DD\n";
            return static_cast<int>(ExitCode::BadInput);
        }
        std::size_t limit = parseLimit(command.option("limit"));
        command.login();
        auto& service = command.service();
        writeClients(command,
                     context.out,
                     name ? service.searchClientsByName(*name, command.flag("archived"), limit)
                          : service.searchClientsByBirthDate(*birthDate, command.flag("archived"), limit));
        return static_cast<int>(ExitCode::Success);
    }
    if (subcommand == "show") {
        DatabaseCommandLine command(rest, "clients show", {}, {});
        const std::string& idText = command.onlyPositional("the client id");
        if (idText.empty() || idText.size() > 18 || idText.find_first_not_of("0123456789") != std::string::npos) {
            context.err << "backscreen-cli clients show: \"" << idText << "\" is not a client id\n";
            return static_cast<int>(ExitCode::BadInput);
        }
        command.login();
        auto history = command.service().clientHistory(std::stoll(idText));
        const auto& client = history.client;
        if (command.format() == DatabaseCommandLine::Format::Json) {
            core::JsonValue::Array visits;
            for (const auto& visit : history.visits) {
                visits.push_back(core::JsonValue(core::JsonValue::Object{
                    {"id", core::JsonValue(static_cast<long long>(visit.id))},
                    {"date", core::JsonValue(visit.visitDate)},
                    {"kind", core::JsonValue(visit.kind)},
                }));
            }
            core::JsonValue::Array screenings;
            for (const auto& screening : history.screenings) {
                screenings.push_back(core::JsonValue(core::JsonValue::Object{
                    {"id", core::JsonValue(static_cast<long long>(screening.id))},
                    {"visitId", core::JsonValue(static_cast<long long>(screening.visitId))},
                    {"triage", core::JsonValue(screening.triage)},
                    {"programBlocked", core::JsonValue(screening.programBlocked)},
                }));
            }
            command.writeJson(core::JsonValue(core::JsonValue::Object{
                {"client", DatabaseCommandLine::clientJson(client)},
                {"visits", core::JsonValue(visits)},
                {"screenings", core::JsonValue(screenings)},
                {"questionnaireResponses", core::JsonValue(countOf(history.responses.size()))},
                {"overrides", core::JsonValue(countOf(history.overrides.size()))},
                {"programVersions", core::JsonValue(countOf(history.programVersions.size()))},
                {"outcomeScores", core::JsonValue(countOf(history.outcomeScores.size()))},
            }));
        } else {
            context.out << "client " << client.id << ": " << client.familyName << ", " << client.givenName << "\n"
                        << "born " << client.birthDate << "\n"
                        << "contact " << client.contact << "\n"
                        << "notes " << client.notes << "\n"
                        << "version " << client.version << (client.archived ? ", archived" : "") << "\n";
            for (const auto& visit : history.visits) {
                context.out << "visit " << visit.id << " " << visit.visitDate << " " << visit.kind << "\n";
            }
            for (const auto& screening : history.screenings) {
                context.out << "screening " << screening.id << " (visit " << screening.visitId << ") triage "
                            << screening.triage << (screening.programBlocked ? ", program blocked" : "") << "\n";
            }
            context.out << history.responses.size() << " questionnaire responses, " << history.overrides.size()
                        << " overrides, " << history.programVersions.size() << " program versions, "
                        << history.outcomeScores.size() << " outcome scores\n";
        }
        return static_cast<int>(ExitCode::Success);
    }
    context.err << "backscreen-cli clients: unknown subcommand \"" << subcommand
                << "\"; expected add, list, search or show\n";
    return static_cast<int>(ExitCode::BadInput);
}

} // namespace backscreen::app
