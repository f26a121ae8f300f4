#include "ClearancesCommand.h"

#include "DatabaseCommandLine.h"

#include "app/gui/ClearanceRecorder.h"
#include "app/gui/StoredClearances.h"
#include "core/common/Error.h"
#include "core/json/JsonWriter.h"
#include "core/screening/ScreeningEngine.h"

#include <algorithm>
#include <iterator>
#include <memory>
#include <ostream>

namespace backscreen::app {

namespace {

using core::JsonValue;

const char* const kReasons =
    "medically_reviewed_no_serious_pathology, imaging_normal, specialist_managing or other (with --note)";

db::RecordId parseClient(const DatabaseCommandLine& command)
{
    auto text = command.option("client");
    if (!text) {
        throw Error(ErrorCode::CommandLineUsage, "usage: missing --client ID");
    }
    if (text->empty() || text->size() > 18 || text->find_first_not_of("0123456789") != std::string::npos) {
        throw Error(ErrorCode::CommandLineUsage, "usage: --client \"" + *text + "\" is not a client id");
    }
    return std::stoll(*text);
}

std::shared_ptr<const core::ScreeningEngine> loadEngine(std::ostream& err, const std::string& command)
{
    core::ScreeningEngineLoadResult loaded = core::ScreeningEngine::loadDefault();
    if (!loaded.ok()) {
        for (const core::Diagnostic& diagnostic : loaded.diagnostics) {
            err << "backscreen-cli " << command << ": cannot load the rules: " << diagnostic.toString() << "\n";
        }
    }
    return loaded.engine;
}

std::string describe(const core::Clearance& clearance)
{
    std::string words = "by " + clearance.clearedBy + " at " + clearance.clearedAt + ", reason "
                        + std::string(core::clearanceReasonName(clearance.reason));
    return clearance.note.empty() ? words : words + ": " + clearance.note;
}

int refuse(std::ostream& err, const std::string& message)
{
    err << "backscreen-cli clearances add: refused: " << message << "\n";
    return static_cast<int>(ExitCode::Failed);
}

int add(CliContext& context, CliContext& rest)
{
    DatabaseCommandLine command(
        rest, "clearances add", {"client", "rule", "reason", "note", "reviewer", "reviewed-on"}, {});
    if (!command.positionals().empty()) {
        throw Error(ErrorCode::CommandLineUsage,
                    "usage: unexpected argument \"" + command.positionals().front()
                        + "\"; give --client, --rule, --reason");
    }
    const db::RecordId clientId = parseClient(command);
    const std::string ruleId = command.option("rule").value_or("");
    if (ruleId.empty()) {
        throw Error(ErrorCode::CommandLineUsage, "usage: missing --rule RULE-ID");
    }
    const std::string reasonText = command.option("reason").value_or("");
    const auto reason = core::parseClearanceReason(reasonText);
    if (!reason) {
        throw Error(ErrorCode::CommandLineUsage,
                    "usage: --reason \"" + reasonText + "\" is not a clearance reason; expected " + kReasons);
    }
    const std::string note = command.option("note").value_or("");
    if (*reason == core::ClearanceReason::Other && note.empty()) {
        throw Error(ErrorCode::CommandLineUsage, "usage: --reason other needs --note TEXT saying why");
    }
    auto engine = loadEngine(context.err, "clearances add");
    if (!engine) {
        return static_cast<int>(ExitCode::BadInput);
    }

    command.login();
    db::ClinicService& service = command.service();
    const db::ClientHistory history = service.clientHistory(clientId);
    const auto latest = StoredClearances::latestScreening(history);
    if (!latest) {
        return refuse(context.err,
                      "client " + std::to_string(clientId)
                          + " has no stored screening; screen first with 'backscreen-cli screen FILE --client "
                          + std::to_string(clientId) + "'");
    }
    const core::ScreeningResult result = StoredClearances::readResult(*latest);
    const std::string at = "the latest screening (" + std::to_string(latest->id) + ", triage "
                           + std::string(core::triageName(result.triage)) + ")";
    ClearanceRecorder::Request request;
    request.ruleId = ruleId;
    request.reason = *reason;
    request.note = note;
    request.reviewedBy = command.option("reviewer").value_or("");
    request.reviewedOn = command.option("reviewed-on").value_or("");
    std::optional<ClearanceRecorder::Recorded> recorded;
    try {
        recorded = ClearanceRecorder::record(service, *engine, *latest, result, request, at);
    } catch (const Error& error) {
        if (error.code() != ErrorCode::ClearanceRefused) {
            throw;
        }
        return refuse(context.err, error.what());
    }
    const db::OverrideRecord& saved = recorded->row;
    const core::Clearance* clearance = &recorded->clearance;

    if (command.format() == DatabaseCommandLine::Format::Json) {
        command.writeJson(JsonValue(JsonValue::Object{
            {"id", JsonValue(static_cast<long long>(saved.id))},
            {"clientId", JsonValue(static_cast<long long>(clientId))},
            {"screeningId", JsonValue(static_cast<long long>(latest->id))},
            {"clearance", clearance->toJson()},
        }));
    } else {
        context.out << "cleared " << ruleId << " for client " << clientId << " (screening " << latest->id << ") "
                    << describe(*clearance) << "\n";
    }
    return static_cast<int>(ExitCode::Success);
}

int list(CliContext& context, CliContext& rest)
{
    DatabaseCommandLine command(rest, "clearances list", {"client"}, {});
    if (!command.positionals().empty()) {
        throw Error(ErrorCode::CommandLineUsage,
                    "usage: unexpected argument \"" + command.positionals().front() + "\"; give --client ID");
    }
    const db::RecordId clientId = parseClient(command);
    auto engine = loadEngine(context.err, "clearances list");
    if (!engine) {
        return static_cast<int>(ExitCode::BadInput);
    }
    command.login();
    db::ClinicService& service = command.service();
    const db::ClientHistory history = service.clientHistory(clientId);
    const std::vector<core::Clearance> clearances = StoredClearances::all(service, history);
    std::vector<db::OverrideRecord> rows;
    std::copy_if(history.overrides.begin(),
                 history.overrides.end(),
                 std::back_inserter(rows),
                 [](const db::OverrideRecord& row) { return row.kind == StoredClearances::kind; });
    // Each clearance's status against the answers of the latest screening (a clearance needs a screening,
    // so there is one whenever there are clearances).
    std::vector<core::AppliedClearance> applied;
    if (const auto latest = StoredClearances::latestScreening(history); latest && !clearances.empty()) {
        applied = engine->screen(StoredClearances::readResult(*latest).answers, clearances).clearances;
    }

    if (command.format() == DatabaseCommandLine::Format::Json) {
        JsonValue::Array list;
        for (std::size_t i = 0; i < applied.size(); ++i) {
            JsonValue::Array changed;
            for (const std::string& input : applied[i].changedInputs) {
                changed.emplace_back(input);
            }
            list.emplace_back(JsonValue::Object{
                {"id", JsonValue(static_cast<long long>(rows[i].id))},
                {"screeningId", JsonValue(static_cast<long long>(rows[i].screeningResultId))},
                {"status", JsonValue(std::string(core::clearanceStatusName(applied[i].status)))},
                {"changedInputs", JsonValue(std::move(changed))},
                {"clearance", applied[i].clearance.toJson()},
            });
        }
        command.writeJson(JsonValue(std::move(list)));
        return static_cast<int>(ExitCode::Success);
    }
    if (applied.empty()) {
        context.out << "no clearances for client " << clientId << "\n";
    }
    for (std::size_t i = 0; i < applied.size(); ++i) {
        context.out << rows[i].id << "\t" << applied[i].clearance.ruleId << "\t"
                    << core::clearanceStatusName(applied[i].status) << "\t" << describe(applied[i].clearance);
        if (!applied[i].changedInputs.empty()) {
            context.out << "\tchanged:";
            for (const std::string& input : applied[i].changedInputs) {
                context.out << " " << input;
            }
        }
        context.out << "\n";
    }
    return static_cast<int>(ExitCode::Success);
}

} // namespace

int runClearancesCommand(CliContext& context)
{
    if (context.arguments.empty()) {
        context.err << "backscreen-cli clearances: missing subcommand; expected add or list\n";
        return static_cast<int>(ExitCode::BadInput);
    }
    const std::string subcommand = context.arguments.front();
    CliContext rest{{context.arguments.begin() + 1, context.arguments.end()}, context.in, context.out, context.err};
    if (subcommand == "add") {
        return add(context, rest);
    }
    if (subcommand == "list") {
        return list(context, rest);
    }
    context.err << "backscreen-cli clearances: unknown subcommand \"" << subcommand << "\"; expected add or list\n";
    return static_cast<int>(ExitCode::BadInput);
}

} // namespace backscreen::app
