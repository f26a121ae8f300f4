#include "ScreeningsCommand.h"

#include "DatabaseCommandLine.h"
#include "ScreeningReport.h"

#include "app/gui/StoredClearances.h"
#include "core/common/Error.h"
#include "core/fhir/QuestionnaireLoader.h"
#include "core/json/JsonWriter.h"

#include <ostream>

namespace backscreen::app {

namespace {

using core::JsonValue;

db::RecordId parseId(const std::optional<std::string>& text, const std::string& option)
{
    if (!text) {
        throw Error(ErrorCode::CommandLineUsage, "usage: missing " + option + " ID");
    }
    if (text->empty() || text->size() > 18 || text->find_first_not_of("0123456789") != std::string::npos) {
        throw Error(ErrorCode::CommandLineUsage, "usage: " + option + " \"" + *text + "\" is not a record id");
    }
    return std::stoll(*text);
}

void noPositionals(const DatabaseCommandLine& command)
{
    if (!command.positionals().empty()) {
        throw Error(ErrorCode::CommandLineUsage,
                    "usage: unexpected argument \"" + command.positionals().front() + "\"; give --client ID");
    }
}

int list(CliContext& context, CliContext& rest)
{
    DatabaseCommandLine command(rest, "screenings list", {"client"}, {});
    noPositionals(command);
    const db::RecordId clientId = parseId(command.option("client"), "--client");
    command.login();
    const db::ClientHistory history = command.service().clientHistory(clientId);
    if (command.format() == DatabaseCommandLine::Format::Json) {
        JsonValue::Array list;
        for (const db::ScreeningRecord& screening : history.screenings) {
            list.emplace_back(JsonValue::Object{
                {"id", JsonValue(static_cast<long long>(screening.id))},
                {"visitId", JsonValue(static_cast<long long>(screening.visitId))},
                {"createdAt", JsonValue(screening.createdAt)},
                {"triage", JsonValue(screening.triage)},
                {"programBlocked", JsonValue(screening.programBlocked)},
                {"rulesetVersions", JsonValue(screening.rulesetVersions)},
            });
        }
        command.writeJson(JsonValue(std::move(list)));
        return static_cast<int>(ExitCode::Success);
    }
    for (const db::ScreeningRecord& screening : history.screenings) {
        context.out << screening.id << "\tvisit " << screening.visitId << "\t" << screening.createdAt << "\t"
                    << screening.triage << (screening.programBlocked ? "\tprogram blocked" : "\tprogram not blocked")
                    << "\t" << screening.rulesetVersions << "\n";
    }
    return static_cast<int>(ExitCode::Success);
}

int show(CliContext& context, CliContext& rest)
{
    DatabaseCommandLine command(rest, "screenings show", {"client", "screening"}, {});
    noPositionals(command);
    const db::RecordId clientId = parseId(command.option("client"), "--client");
    const auto screeningOption = command.option("screening");
    const std::optional<db::RecordId> screeningId =
        screeningOption ? std::optional<db::RecordId>(parseId(screeningOption, "--screening")) : std::nullopt;
    command.login();
    const db::ClientHistory history = command.service().clientHistory(clientId);
    std::optional<db::ScreeningRecord> chosen;
    if (screeningId) {
        for (const db::ScreeningRecord& screening : history.screenings) {
            if (screening.id == *screeningId) {
                chosen = screening;
            }
        }
        if (!chosen) {
            throw Error(ErrorCode::RecordNotFound,
                        "screening " + std::to_string(*screeningId) + " is not a screening of client "
                            + std::to_string(clientId) + "; see 'screenings list --client " + std::to_string(clientId)
                            + "'");
        }
    } else {
        chosen = StoredClearances::latestScreening(history);
        if (!chosen) {
            throw Error(ErrorCode::RecordNotFound, "client " + std::to_string(clientId) + " has no stored screening");
        }
    }
    const core::ScreeningResult result = StoredClearances::readResult(*chosen);
    if (command.format() == DatabaseCommandLine::Format::Json) {
        context.out << core::JsonWriter::write(result.toJson(), core::JsonWriter::Style::Pretty) << "\n";
    } else {
        // The result holds everything shown but the missing questions' wording, which the intake form gives.
        core::QuestionnaireLoadResult intake = core::QuestionnaireLoader::loadIntakeForm();
        ScreeningReport::printText(context.out, result, [&intake](const std::string& linkId) {
            const core::QuestionnaireItem* item = intake.ok() ? intake.questionnaire->find(linkId) : nullptr;
            return item != nullptr ? item->text : std::string();
        });
    }
    return ScreeningReport::exitCode(result);
}

} // namespace

int runScreeningsCommand(CliContext& context)
{
    if (context.arguments.empty()) {
        context.err << "backscreen-cli screenings: missing subcommand; expected list or show\n";
        return static_cast<int>(ExitCode::BadInput);
    }
    const std::string subcommand = context.arguments.front();
    CliContext rest{{context.arguments.begin() + 1, context.arguments.end()}, context.in, context.out, context.err};
    if (subcommand == "list") {
        return list(context, rest);
    }
    if (subcommand == "show") {
        return show(context, rest);
    }
    context.err << "backscreen-cli screenings: unknown subcommand \"" << subcommand << "\"; expected list or show\n";
    return static_cast<int>(ExitCode::BadInput);
}

} // namespace backscreen::app
