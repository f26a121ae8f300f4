#include "ClearancesCommand.h"

#include "DatabaseCommandLine.h"
#include "StoredClearances.h"

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
    DatabaseCommandLine command(rest, "clearances add", {"client", "rule", "reason", "note"}, {});
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
    const core::Finding* finding = result.finding(ruleId);
    if (finding == nullptr || finding->kind != core::RuleKind::Flag) {
        bool undecided = std::any_of(result.notEvaluable.begin(),
                                     result.notEvaluable.end(),
                                     [&](const core::NotEvaluableRule& rule) { return rule.ruleId == ruleId; });
        if (undecided) {
            return refuse(context.err,
                          ruleId + " could not be decided in " + at
                              + ": its questions are unanswered, and an INCOMPLETE screening cannot be cleared; "
                                "answer the missing questions and screen again");
        }
        return refuse(context.err,
                      ruleId + " did not fire in " + at + "; only a fired SOON or URGENT red flag can be cleared");
    }
    if (finding->tier == core::Triage::Emergency) {
        return refuse(context.err,
                      ruleId + " is an EMERGENCY red flag: it cannot be cleared in Backscreen; "
                          + std::string(core::triageAction(core::Triage::Emergency)));
    }
    if (finding->tier != core::Triage::Soon && finding->tier != core::Triage::Urgent) {
        return refuse(context.err,
                      ruleId + " is a " + std::string(core::triageName(finding->tier.value_or(core::Triage::None)))
                          + " finding: it does not block the home program, so there is nothing to clear");
    }

    const std::string username = service.currentUser() ? service.currentUser()->username : std::string();
    std::vector<core::Diagnostic> diagnostics;
    auto clearance = engine->createClearance(ruleId, username, "", *reason, note, result.answers, diagnostics);
    if (!clearance) {
        // The stored result says the rule fired, but the installed rules disagree (they changed since).
        std::string why =
            diagnostics.empty() ? std::string("the installed rules refuse it") : diagnostics.front().message;
        return refuse(context.err, ruleId + ": " + why + "; screen the client again with the installed rules");
    }
    db::OverrideRecord row;
    row.screeningResultId = latest->id;
    row.ruleId = ruleId;
    row.kind = StoredClearances::kind;
    row.reasonCode = std::string(core::clearanceReasonName(*reason));
    row.reasonText = note;
    row.inputSnapshotJson = core::JsonWriter::write(clearance->inputs);
    const db::OverrideRecord saved = service.saveOverride(row);
    clearance->clearedAt = saved.createdAt;

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
