#include "OutcomesCommand.h"

#include "DatabaseCommandLine.h"
#include "OutcomeScoring.h"

#include "app/gui/OutcomeHistory.h"
#include "core/common/Error.h"
#include "core/json/JsonReader.h"
#include "core/json/JsonWriter.h"
#include "core/outcomes/DisplayNumber.h"
#include "core/outcomes/OutcomeSeries.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <ostream>
#include <sstream>
#include <tuple>

namespace backscreen::app {

namespace {

constexpr const char* commandName = "backscreen-cli outcomes";

bool hasEnvironment(const char* name)
{
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0';
}

db::RecordId parseId(const std::optional<std::string>& text, const std::string& option)
{
    if (!text) {
        throw Error(ErrorCode::CommandLineUsage, "usage: missing " + option + " ID; see 'backscreen-cli help'");
    }
    if (text->empty() || text->size() > 18 || text->find_first_not_of("0123456789") != std::string::npos) {
        throw Error(ErrorCode::CommandLineUsage, "usage: " + option + " \"" + *text + "\" is not an id");
    }
    return std::stoll(*text);
}

/// Prints every diagnostic; true when any is an error.
bool report(CliContext& context, const std::vector<core::Diagnostic>& diagnostics)
{
    for (const core::Diagnostic& diagnostic : diagnostics) {
        context.err << commandName << ": " << core::severityName(diagnostic.severity) << ": " << diagnostic.toString()
                    << "\n";
    }
    return core::hasErrors(diagnostics);
}

std::optional<std::string> readText(CliContext& context, const std::string& file)
{
    if (file == "-") {
        return std::string((std::istreambuf_iterator<char>(context.in)), std::istreambuf_iterator<char>());
    }
    std::ifstream stream(file, std::ios::binary);
    if (!stream) {
        return std::nullopt;
    }
    std::ostringstream text;
    text << stream.rdbuf();
    return text.str();
}

std::string scoreText(const core::OutcomeScore& score)
{
    return score.score ? core::formatDisplayNumber(*score.score, score.displayDecimals) : std::string();
}

std::string thresholdText(const core::ChangeThresholds& thresholds)
{
    if (thresholds.name.empty() || thresholds.name == "rating") {
        return thresholds.name;
    }
    // The wording of the change summaries: "MCID 2 points and 30 %".
    std::string text = thresholds.name + " " + core::JsonWriter::formatNumber(thresholds.absolute) + " points";
    if (thresholds.relative) {
        text += " and " + core::JsonWriter::formatNumber(core::roundHalfAwayFromZero(*thresholds.relative * 100.0, 3))
                + " %";
    }
    return text;
}

std::string csvField(const std::string& text)
{
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        return text;
    }
    std::string quoted = "\"";
    for (char c : text) {
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return quoted + "\"";
}

core::JsonValue idOrNull(std::optional<db::RecordId> id)
{
    return id ? core::JsonValue(static_cast<long long>(*id)) : core::JsonValue();
}

int runAdd(CliContext& context, CliContext& rest)
{
    DatabaseCommandLine command(
        rest, "outcomes add", {"client", "visit", "new-visit", "visit-kind", "instrument", "questionnaire"}, {});
    const std::string& file = command.onlyPositional("FILE (the response or answers; - for stdin)");
    db::RecordId clientId = parseId(command.option("client"), "--client");
    auto visitOption = command.option("visit");
    auto newVisit = command.option("new-visit");
    if (visitOption.has_value() == newVisit.has_value()) {
        throw Error(ErrorCode::CommandLineUsage,
                    "usage: give exactly one of --visit ID and --new-visit YYYY-MM-DD; see 'backscreen-cli help'");
    }
    std::optional<db::RecordId> visitId;
    if (visitOption) {
        visitId = parseId(visitOption, "--visit");
    }
    if (file == "-" && (!hasEnvironment("BACKSCREEN_USER") || !hasEnvironment("BACKSCREEN_PASSWORD"))) {
        // The login prompt would read from the same standard input as the answers.
        throw Error(ErrorCode::CommandLineUsage,
                    "usage: with FILE - the answers come from standard input, so the login must come from "
                    "BACKSCREEN_USER and BACKSCREEN_PASSWORD");
    }
    command.login();

    std::vector<std::string> clinicForms;
    if (auto form = command.option("questionnaire")) {
        clinicForms.push_back(*form);
    }
    OutcomeScoring scoring(clinicForms);
    if (report(context, scoring.diagnostics()) || !scoring.ok()) {
        return static_cast<int>(ExitCode::BadInput);
    }
    const std::string source = file == "-" ? "<stdin>" : file;
    std::optional<std::string> text = readText(context, file);
    if (!text) {
        context.err << commandName << ": error: " << file << ": cannot be read; expected a readable JSON file\n";
        return static_cast<int>(ExitCode::BadInput);
    }
    core::JsonReadResult read = core::JsonReader::parse(*text, source);
    if (report(context, read.diagnostics) || !read.ok()) {
        return static_cast<int>(ExitCode::BadInput);
    }
    OutcomeScoring::Result result = scoring.score(*read.value, source, command.option("instrument").value_or(""));
    if (result.instrumentNeeded) {
        throw Error(ErrorCode::CommandLineUsage,
                    "usage: a flat answers object needs --instrument ID (nprs, odi, rmdq, psfs, sbst, pgic)");
    }
    if (report(context, result.diagnostics) || !result.score) {
        context.err << commandName << ": nothing was stored\n";
        return static_cast<int>(ExitCode::BadInput);
    }
    const core::OutcomeScore& score = *result.score;

    db::OutcomeScoreRecord record;
    record.instrumentId = score.instrument;
    record.instrumentVersion = score.version;
    record.scoreJson = core::JsonWriter::write(score.toJson());
    record.responseJson = *text;
    db::ClinicService& service = command.service();
    db::VisitRecord visit;
    db::OutcomeScoreRecord stored;
    if (visitId) {
        // The visit must be this client's: a score filed under another client's visit would show in the wrong
        // series. Reading the history is an audited read of the client.
        auto history = service.clientHistory(clientId);
        auto found = std::find_if(
            history.visits.begin(), history.visits.end(), [&](const db::VisitRecord& v) { return v.id == *visitId; });
        if (found == history.visits.end()) {
            throw Error(ErrorCode::RecordNotFound,
                        "client " + std::to_string(clientId) + " has no visit " + std::to_string(*visitId)
                            + "; nothing was stored");
        }
        visit = *found;
        record.visitId = visit.id;
        stored = service.saveOutcomeScore(record);
    } else {
        db::VisitRecord toAdd;
        toAdd.clientId = clientId;
        toAdd.visitDate = *newVisit;
        toAdd.kind = command.option("visit-kind").value_or("follow-up");
        std::tie(visit, stored) = service.addVisitWithOutcomeScore(toAdd, record);
    }

    if (command.format() == DatabaseCommandLine::Format::Json) {
        command.writeJson(core::JsonValue(core::JsonValue::Object{
            {"scoreId", core::JsonValue(static_cast<long long>(stored.id))},
            {"clientId", core::JsonValue(static_cast<long long>(clientId))},
            {"visitId", core::JsonValue(static_cast<long long>(visit.id))},
            {"visitDate", core::JsonValue(visit.visitDate)},
            {"score", score.toJson()},
        }));
    } else {
        context.out << "stored " << score.instrument << " score " << stored.id << " at visit " << visit.id << " ("
                    << visit.visitDate << ") of client " << clientId << ": "
                    << (score.scorable ? scoreText(score) : "not scorable: " + score.reason) << "\n";
    }
    return score.scorable ? static_cast<int>(ExitCode::Success) : static_cast<int>(ExitCode::Failed);
}

int runList(CliContext& context, CliContext& rest)
{
    DatabaseCommandLine command(rest, "outcomes list", {"client"}, {}, true);
    if (!command.positionals().empty()) {
        throw Error(ErrorCode::CommandLineUsage,
                    "usage: unexpected argument \"" + command.positionals().front() + "\"; see 'backscreen-cli help'");
    }
    db::RecordId clientId = parseId(command.option("client"), "--client");
    command.login();
    auto loaded = core::OutcomeMeasures::loadDefault();
    if (report(context, loaded.diagnostics) || !loaded.ok()) {
        return static_cast<int>(ExitCode::BadInput);
    }
    const core::OutcomeMeasures& measures = *loaded.measures;
    // The same rows the progress review shows, read back the same way.
    const db::ClientHistory history = command.service().clientHistory(clientId);
    const OutcomeHistory outcomes = OutcomeHistory::build(history, measures);
    const std::vector<core::OutcomeSeriesRow>& rows = outcomes.rows();

    std::ostream& out = context.out;
    if (command.format() == DatabaseCommandLine::Format::Json) {
        core::JsonValue::Array series;
        for (const core::OutcomeSeriesRow& row : rows) {
            const core::ComponentChange* headline = row.headline();
            const core::OutcomeSeriesRow* baseline = row.baseline ? &rows[*row.baseline] : nullptr;
            series.push_back(core::JsonValue(core::JsonValue::Object{
                {"visitId", core::JsonValue(static_cast<long long>(row.entry.visitId))},
                {"visitDate", core::JsonValue(row.entry.visitDate)},
                {"scoreId", core::JsonValue(static_cast<long long>(row.entry.scoreId))},
                {"instrument", core::JsonValue(row.entry.score.instrument)},
                {"version", core::JsonValue(row.entry.score.version)},
                {"score", row.entry.score.toJson()},
                {"baseline", core::JsonValue(row.isBaseline)},
                {"baselineVisitId", idOrNull(baseline ? std::optional(baseline->entry.visitId) : std::nullopt)},
                {"baselineVisitDate", baseline ? core::JsonValue(baseline->entry.visitDate) : core::JsonValue()},
                {"category",
                 headline && headline->category ? core::JsonValue(core::changeCategoryName(*headline->category))
                                                : core::JsonValue()},
                {"summary", core::JsonValue(row.summary)},
                {"change", row.change ? row.change->toJson() : core::JsonValue()},
            }));
        }
        command.writeJson(core::JsonValue(core::JsonValue::Object{
            {"client", DatabaseCommandLine::clientJson(history.client)},
            {"series", core::JsonValue(std::move(series))},
        }));
        return static_cast<int>(ExitCode::Success);
    }
    if (command.format() == DatabaseCommandLine::Format::Csv) {
        out << "visit_id,visit_date,instrument,version,scorable,score,band,baseline_date,baseline_score,improvement,"
               "category,threshold,reference,summary\n";
    }
    for (const core::OutcomeSeriesRow& row : rows) {
        const core::OutcomeScore& score = row.entry.score;
        const core::ComponentChange* headline = row.headline();
        const core::OutcomeSeriesRow* baseline = row.baseline ? &rows[*row.baseline] : nullptr;
        std::string category = headline && headline->category ? core::changeCategoryName(*headline->category) : "";
        if (command.format() == DatabaseCommandLine::Format::Csv) {
            bool compared = headline != nullptr && headline->comparable;
            std::vector<std::string> fields = {
                std::to_string(row.entry.visitId),
                row.entry.visitDate,
                score.instrument,
                score.version,
                score.scorable ? "true" : "false",
                scoreText(score),
                score.bandId,
                baseline ? baseline->entry.visitDate : "",
                baseline ? scoreText(baseline->entry.score) : "",
                compared && baseline ? core::formatDisplayNumber(headline->delta, score.displayDecimals) : "",
                category,
                compared ? thresholdText(headline->thresholds) : "",
                compared ? headline->thresholds.citation : "",
                row.summary,
            };
            for (std::size_t i = 0; i < fields.size(); ++i) {
                out << (i == 0 ? "" : ",") << csvField(fields[i]);
            }
            out << "\n";
        } else {
            out << row.entry.visitDate << "\t" << score.instrument << "\t"
                << (score.scorable ? scoreText(score) : std::string("-")) << "\t"
                << (category.empty() ? std::string("-") : category) << "\t" << row.summary << "\n";
        }
    }
    return static_cast<int>(ExitCode::Success);
}

} // namespace

int runOutcomesCommand(CliContext& context)
{
    if (context.arguments.empty()) {
        context.err << commandName << ": missing subcommand; expected add or list (or --client ID to list)\n";
        return static_cast<int>(ExitCode::BadInput);
    }
    const std::string& first = context.arguments.front();
    if (first == "add" || first == "list") {
        CliContext rest{{context.arguments.begin() + 1, context.arguments.end()}, context.in, context.out, context.err};
        return first == "add" ? runAdd(context, rest) : runList(context, rest);
    }
    if (first.rfind("--", 0) == 0) {
        return runList(context, context);
    }
    context.err << commandName << ": unknown subcommand \"" << first << "\"; expected add or list\n";
    return static_cast<int>(ExitCode::BadInput);
}

} // namespace backscreen::app
