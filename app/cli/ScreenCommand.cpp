#include "ScreenCommand.h"

#include "DatabaseCommandLine.h"
#include "IntakeAnswers.h"
#include "ScreeningReport.h"

#include "app/gui/StoredClearances.h"
#include "core/common/Error.h"
#include "core/common/ErrorCode.h"
#include "core/fhir/QuestionnaireLoader.h"
#include "core/fhir/QuestionnaireResponse.h"
#include "core/json/JsonWriter.h"
#include "core/screening/ScreeningEngine.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace backscreen::app {

namespace {

using core::Diagnostic;
using core::JsonValue;
using core::ScreeningResult;
using core::Triage;

const char* const kHelp =
    "Usage: backscreen-cli screen FILE [--format text|json]\n"
    "       backscreen-cli screen FILE --client ID [--visit ID | --new-visit YYYY-MM-DD] [--db PATH|URL]\n"
    "                             [--format text|json]\n"
    "\n"
    "Screens one intake with the red-flag, SIJ/radicular and lower-crossed rulesets (forms/rules) and prints\n"
    "the triage, every finding with the answers that decided it, the pattern screens and the missing\n"
    "questions. FILE is a FHIR QuestionnaireResponse to the intake form or a flat {linkId: value} answers\n"
    "object; '-' reads standard input. Answers are checked against the intake form first (types, ranges,\n"
    "codes, disabled items): invalid input is reported and never screened.\n"
    "\n"
    "With --client the screening is stored: the client's recorded clearances are applied (each active, or\n"
    "lapsed when an input of its rule changed since), then the response (a flat answers file is stored as the\n"
    "QuestionnaireResponse built from it) and the result are saved in one transaction at the visit --visit ID\n"
    "of that client or at a new visit dated --new-visit (default: a new visit today, UTC). Log in with\n"
    "BACKSCREEN_USER/BACKSCREEN_PASSWORD or at the prompt; the stored ids go to standard error. Without\n"
    "--client nothing is read or written but FILE.\n"
    "\n"
    "Options:\n"
    "  --format text   readable report, triage and its action first (default)\n"
    "  --format json   {\"triage\", \"programBlocked\", \"findings\": [{\"ruleId\", \"rulesetId\", "
    "\"rulesetVersion\",\n"
    "                  \"tier\", \"title\", \"reference\", \"why\": [{\"linkId\", \"text\", \"answer\"}], ...}],\n"
    "                  \"patterns\": {\"sij\", \"radicular\", \"lcs\"}, \"missing\": [linkIds], ...}\n"
    "\n"
    "Exit codes:\n"
    "  0  triage NONE and no pattern finding\n"
    "  1  findings: triage MONITOR, or a screen positive (sij/radicular ASSESS, lcs LIKELY or POSSIBLE)\n"
    "  2  invalid input or usage: unreadable file, not JSON, wrong types, out-of-range or unknown answers\n"
    "  3  triage INCOMPLETE: red-flag questions unanswered (listed under missing)\n"
    "  4  red flag: triage SOON, URGENT or EMERGENCY\n";

enum class ScreenExit
{
    Clear = 0,
    InvalidInput = 2,
};

int code(ScreenExit exit)
{
    return static_cast<int>(exit);
}

void printDiagnostics(std::ostream& err, const std::vector<Diagnostic>& diagnostics)
{
    for (const Diagnostic& diagnostic : diagnostics) {
        if (diagnostic.severity == core::Severity::Error) {
            err << "backscreen-cli screen: invalid input: " << diagnostic.toString() << "\n";
        }
    }
}

/// What FILE held: the flat answers to screen and the QuestionnaireResponse to store for them.
struct ScreenInput
{
    JsonValue answers;
    /// The response as given, or the one built from flat answers with ResponseBuilder.
    JsonValue response;
};

/// Reads and checks FILE; on failure prints why and gives nothing.
std::optional<ScreenInput>
readInput(CliContext& context, const std::string& file, const core::Questionnaire& intake, const std::string& authored)
{
    IntakeAnswers read = readIntakeAnswers(file, context.in, intake, authored);
    if (!read.refusal.empty()) {
        context.err << "backscreen-cli screen: invalid input: " << read.refusal << "\n";
        return std::nullopt;
    }
    if (!read.ok()) {
        printDiagnostics(context.err, read.diagnostics);
        return std::nullopt;
    }
    return ScreenInput{std::move(*read.answers), std::move(read.response)};
}

void printResult(CliContext& context, bool json, const ScreeningResult& result, const core::ScreeningEngine& engine)
{
    if (json) {
        context.out << core::JsonWriter::write(result.toJson(), core::JsonWriter::Style::Pretty) << "\n";
    } else {
        ScreeningReport::printText(
            context.out, result, [&engine](const std::string& linkId) { return engine.questionText(linkId); });
    }
}

db::RecordId parseId(const std::string& text, const std::string& option)
{
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) {
        throw Error(ErrorCode::CommandLineUsage,
                    "usage: " + option + " \"" + text + "\" is not a record id; expected a positive number");
    }
    return std::stoll(text);
}

bool hasEnvironment(const char* name)
{
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0';
}

/// screen FILE --client ID [--visit ID | --new-visit DATE]: screen with the client's clearances and store.
int runStoredScreen(CliContext& context)
{
    DatabaseCommandLine command(context, "screen", {"client", "visit", "new-visit"}, {});
    const std::string file = command.onlyPositional("FILE");
    const auto clientOption = command.option("client");
    if (!clientOption) {
        throw Error(ErrorCode::CommandLineUsage, "usage: --visit, --new-visit and --db need --client ID");
    }
    const db::RecordId clientId = parseId(*clientOption, "--client");
    const auto visitOption = command.option("visit");
    const auto newVisitOption = command.option("new-visit");
    if (visitOption && newVisitOption) {
        throw Error(ErrorCode::CommandLineUsage, "usage: give --visit ID or --new-visit DATE, not both");
    }
    const std::optional<db::RecordId> visitId =
        visitOption ? std::optional<db::RecordId>(parseId(*visitOption, "--visit")) : std::nullopt;
    if (file == "-" && (!hasEnvironment("BACKSCREEN_USER") || !hasEnvironment("BACKSCREEN_PASSWORD"))) {
        // The login prompt would read from the same standard input as the answers.
        throw Error(ErrorCode::CommandLineUsage,
                    "usage: with FILE - the answers come from standard input, so the login must come from "
                    "BACKSCREEN_USER and BACKSCREEN_PASSWORD");
    }

    core::ScreeningEngineLoadResult loaded = core::ScreeningEngine::loadDefault();
    if (!loaded.ok()) {
        for (const Diagnostic& diagnostic : loaded.diagnostics) {
            context.err << "backscreen-cli screen: cannot load the rules: " << diagnostic.toString() << "\n";
        }
        return code(ScreenExit::InvalidInput);
    }
    core::QuestionnaireLoadResult intake = core::QuestionnaireLoader::loadIntakeForm();
    if (!intake.ok()) {
        context.err << "backscreen-cli screen: cannot load the intake form\n";
        return code(ScreenExit::InvalidInput);
    }
    const std::string now = db::ClinicService::formatTime(std::chrono::system_clock::now());
    std::optional<ScreenInput> input = readInput(context, file, *intake.questionnaire, now);
    if (!input) {
        return code(ScreenExit::InvalidInput);
    }

    command.login();
    db::ClinicService& service = command.service();
    const db::ClientHistory history = service.clientHistory(clientId);
    std::optional<db::VisitRecord> newVisit;
    if (visitId) {
        bool ours = std::any_of(
            history.visits.begin(), history.visits.end(), [&](const db::VisitRecord& v) { return v.id == *visitId; });
        if (!ours) {
            throw Error(ErrorCode::RecordNotFound,
                        "visit " + std::to_string(*visitId) + " is not a visit of client " + std::to_string(clientId)
                            + "; expected one of the client's visits (see 'clients show " + std::to_string(clientId)
                            + "') or --new-visit DATE");
        }
    } else {
        newVisit = db::VisitRecord{};
        newVisit->clientId = clientId;
        newVisit->visitDate = newVisitOption.value_or(now.substr(0, 10));
        newVisit->kind = history.visits.empty() ? "initial" : "follow-up";
    }

    const std::vector<core::Clearance> clearances =
        StoredClearances::latestPerRule(StoredClearances::all(service, history));
    const ScreeningResult result = loaded.engine->screen(input->answers, clearances);

    db::QuestionnaireResponseRecord response;
    response.visitId = visitId.value_or(0);
    response.questionnaireCanonical = intake.questionnaire->url;
    response.questionnaireVersion = intake.questionnaire->version;
    response.responseJson = core::JsonWriter::write(input->response);
    db::ScreeningRecord screening;
    screening.visitId = visitId.value_or(0);
    screening.triage = std::string(core::triageName(result.triage));
    screening.programBlocked = result.programBlocked;
    JsonValue::Object versions;
    for (const core::RulesetStamp& stamp : result.rulesets) {
        versions.emplace_back(stamp.id, JsonValue(stamp.version));
    }
    screening.rulesetVersions = core::JsonWriter::write(JsonValue(std::move(versions)));
    screening.resultJson = core::JsonWriter::write(result.toJson());
    screening.answersJson = core::JsonWriter::write(result.answers);
    const auto saved = service.saveScreeningWithResponse(newVisit, response, screening);

    printResult(context, command.format() == DatabaseCommandLine::Format::Json, result, *loaded.engine);
    context.err << "stored screening " << saved.screening.id << " and questionnaire response " << saved.response.id
                << " at visit " << saved.visit.id << " (" << saved.visit.visitDate << ") of client " << clientId
                << "\n";
    return ScreeningReport::exitCode(result);
}

bool isStorageOption(const std::string& argument)
{
    for (const char* name : {"--client", "--visit", "--new-visit", "--db"}) {
        const std::string option = name;
        if (argument == option || argument.rfind(option + "=", 0) == 0) {
            return true;
        }
    }
    return false;
}

} // namespace

int runScreenCommand(CliContext& context)
{
    std::string file;
    std::string format = "text";
    const auto& arguments = context.arguments;
    for (const std::string& argument : arguments) {
        if (argument == "--help" || argument == "-h") {
            context.out << kHelp;
            return code(ScreenExit::Clear);
        }
    }
    if (std::any_of(arguments.begin(), arguments.end(), isStorageOption)) {
        return runStoredScreen(context);
    }
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        if (argument == "--format") {
            if (i + 1 >= arguments.size() || (arguments[i + 1] != "text" && arguments[i + 1] != "json")) {
                context.err << "backscreen-cli screen: --format needs a value; expected text or json\n";
                return code(ScreenExit::InvalidInput);
            }
            format = arguments[++i];
        } else if (argument.rfind("--", 0) == 0 || !file.empty()) {
            context.err << "backscreen-cli screen: unexpected argument \"" << argument
                        << "\"; see 'backscreen-cli screen --help'\n";
            return code(ScreenExit::InvalidInput);
        } else {
            file = argument;
        }
    }
    if (file.empty()) {
        context.err << "backscreen-cli screen: missing FILE; expected a response or answers file, or - for stdin\n";
        return code(ScreenExit::InvalidInput);
    }

    core::ScreeningEngineLoadResult loaded = core::ScreeningEngine::loadDefault();
    if (!loaded.ok()) {
        for (const Diagnostic& diagnostic : loaded.diagnostics) {
            context.err << "backscreen-cli screen: cannot load the rules: " << diagnostic.toString() << "\n";
        }
        return code(ScreenExit::InvalidInput);
    }
    core::QuestionnaireLoadResult intake = core::QuestionnaireLoader::loadIntakeForm();
    if (!intake.ok()) {
        context.err << "backscreen-cli screen: cannot load the intake form\n";
        return code(ScreenExit::InvalidInput);
    }
    std::optional<ScreenInput> input = readInput(context, file, *intake.questionnaire, {});
    if (!input) {
        return code(ScreenExit::InvalidInput);
    }
    const ScreeningResult result = loaded.engine->screen(input->answers);
    printResult(context, format == "json", result, *loaded.engine);
    return ScreeningReport::exitCode(result);
}

} // namespace backscreen::app
