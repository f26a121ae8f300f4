#include "ScoreCommand.h"

#include "core/common/Diagnostic.h"
#include "core/json/JsonReader.h"
#include "core/json/JsonWriter.h"
#include "core/outcomes/DisplayNumber.h"
#include "core/outcomes/OutcomeMeasures.h"
#include "core/outcomes/OutcomeQuestionnaire.h"
#include "core/outcomes/OutcomeResponse.h"
#include "core/outcomes/OutcomeScorer.h"

#include <istream>
#include <iterator>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace backscreen::app {

namespace {

constexpr const char* commandName = "backscreen-cli score";

struct ScoreOptions
{
    std::string file;
    std::string format = "text";
    std::string instrument;
    std::vector<std::string> questionnaires;
};

int usageError(CliContext& context, const std::string& message)
{
    context.err << commandName << ": " << message
                << "\nUsage: backscreen-cli score FILE [--format text|json] [--instrument ID] [--questionnaire FORM]\n";
    return static_cast<int>(ExitCode::BadInput);
}

std::optional<ScoreOptions> parseOptions(CliContext& context, int& exitCode)
{
    ScoreOptions options;
    const auto& arguments = context.arguments;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        auto value = [&](const char* name) -> std::optional<std::string> {
            if (i + 1 >= arguments.size()) {
                exitCode = usageError(context, std::string("option ") + name + " needs a value");
                return std::nullopt;
            }
            return arguments[++i];
        };
        if (argument == "--format") {
            auto format = value("--format");
            if (!format) {
                return std::nullopt;
            }
            if (*format != "text" && *format != "json") {
                exitCode = usageError(context, "unknown format \"" + *format + "\"; expected text or json");
                return std::nullopt;
            }
            options.format = *format;
        } else if (argument == "--instrument") {
            auto instrument = value("--instrument");
            if (!instrument) {
                return std::nullopt;
            }
            options.instrument = *instrument;
        } else if (argument == "--questionnaire") {
            auto form = value("--questionnaire");
            if (!form) {
                return std::nullopt;
            }
            options.questionnaires.push_back(*form);
        } else if (argument.size() > 1 && argument.rfind("-", 0) == 0) {
            exitCode = usageError(context, "unknown option \"" + argument + "\"");
            return std::nullopt;
        } else if (options.file.empty()) {
            options.file = argument;
        } else {
            exitCode = usageError(context, "unexpected argument \"" + argument + "\"; expected one FILE");
            return std::nullopt;
        }
    }
    if (options.file.empty()) {
        exitCode = usageError(context, "missing FILE");
        return std::nullopt;
    }
    return options;
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

core::JsonReadResult readInput(CliContext& context, const std::string& file)
{
    if (file == "-") {
        std::string text((std::istreambuf_iterator<char>(context.in)), std::istreambuf_iterator<char>());
        return core::JsonReader::parse(text, "<stdin>");
    }
    return core::JsonReader::parseFile(file);
}

core::Diagnostic
inputError(backscreen::ErrorCode code, const std::string& source, std::string pointer, std::string message)
{
    return {code, core::Severity::Error, source, std::move(pointer), "", std::move(message)};
}

std::string numberText(double value, int decimals)
{
    return core::formatDisplayNumber(value, decimals);
}

void printText(CliContext& context, const core::OutcomeScore& score, const core::InstrumentDefinition& instrument)
{
    std::ostream& out = context.out;
    out << instrument.title << " (" << score.instrument << ", version " << score.version << "; ruleset "
        << score.rulesetId << " " << score.rulesetVersion << ")\n";
    if (!score.scorable) {
        out << "Not scorable: " << score.reason << "\n";
    } else {
        out << "Score: " << numberText(*score.score, score.displayDecimals) << " (range " << numberText(score.min, 0)
            << "–" << numberText(score.max, 0) << ", " << (instrument.lowerIsBetter ? "lower" : "higher")
            << " is better)\n";
    }
    for (const auto& [key, value] : score.subscales) {
        out << "Subscale " << key << ": " << numberText(value, score.displayDecimals) << "\n";
    }
    if (!score.bandId.empty()) {
        out << "Band: " << score.bandLabel << " (" << score.bandId << ")\n";
    }
    for (const auto& [key, value] : score.qualifiers) {
        out << "Qualifier " << key << ": " << value << "\n";
    }
    for (const core::OutcomeActivity& activity : score.activities) {
        out << "Activity " << activity.slot << " \"" << activity.label
            << "\": " << (activity.rating ? numberText(*activity.rating, 0) : std::string("not rated")) << "\n";
    }
    for (const std::string& note : score.notes) {
        out << "Note: " << note << "\n";
    }
}

} // namespace

int runScoreCommand(CliContext& context)
{
    int exitCode = static_cast<int>(ExitCode::BadInput);
    std::optional<ScoreOptions> options = parseOptions(context, exitCode);
    if (!options) {
        return exitCode;
    }
    auto loaded = core::OutcomeMeasures::loadDefault();
    if (report(context, loaded.diagnostics) || !loaded.ok()) {
        return static_cast<int>(ExitCode::BadInput);
    }
    const core::OutcomeMeasures& measures = *loaded.measures;

    // Clinic-supplied forms: each must match its instrument's linkIds and types before its responses are read.
    std::map<std::string, std::string> clinicForms; // canonical URL → instrument id
    for (const std::string& form : options->questionnaires) {
        auto check = core::OutcomeQuestionnaire::checkFile(form, measures);
        if (report(context, check.diagnostics) || !check.ok()) {
            return static_cast<int>(ExitCode::BadInput);
        }
        clinicForms[check.url] = check.instrument;
    }

    core::JsonReadResult read = readInput(context, options->file);
    if (report(context, read.diagnostics) || !read.ok()) {
        return static_cast<int>(ExitCode::BadInput);
    }
    const std::string source = options->file == "-" ? "<stdin>" : options->file;
    core::JsonValue answers = *read.value;
    std::string instrumentId = options->instrument;
    const core::JsonValue* resourceType = read.value->find("resourceType");
    if (resourceType != nullptr) {
        if (!resourceType->isString() || resourceType->asString() != "QuestionnaireResponse") {
            report(
                context,
                {inputError(backscreen::ErrorCode::OutcomeWrongQuestionnaire,
                            source,
                            "/resourceType",
                            "not a QuestionnaireResponse; expected a QuestionnaireResponse or a flat answers object")});
            return static_cast<int>(ExitCode::BadInput);
        }
        core::FlatOutcomeResponse flat = core::flattenOutcomeResponse(*read.value, source);
        if (report(context, flat.diagnostics) || !flat.answers) {
            return static_cast<int>(ExitCode::BadInput);
        }
        answers = *flat.answers;
        std::string detected;
        if (const core::InstrumentDefinition* shipped = measures.findByQuestionnaire(flat.questionnaire)) {
            detected = shipped->id;
        } else if (auto clinic = clinicForms.find(flat.questionnaire.substr(0, flat.questionnaire.find('|')));
                   clinic != clinicForms.end()) {
            detected = clinic->second;
        } else if (flat.questionnaire.empty() && options->instrument.empty()) {
            report(context,
                   {inputError(backscreen::ErrorCode::OutcomeWrongQuestionnaire,
                               source,
                               "/questionnaire",
                               "the response names no questionnaire; expected a questionnaire canonical or "
                               "--instrument ID")});
            return static_cast<int>(ExitCode::BadInput);
        } else if (!flat.questionnaire.empty()) {
            report(context,
                   {inputError(backscreen::ErrorCode::OutcomeWrongQuestionnaire,
                               source,
                               "/questionnaire",
                               "questionnaire \"" + flat.questionnaire
                                   + "\" is not an outcome-measure form; expected a shipped form "
                                     "(http://backscreen.local/fhir/Questionnaire/<instrument>) or one given with "
                                     "--questionnaire")});
            return static_cast<int>(ExitCode::BadInput);
        }
        if (!detected.empty() && !options->instrument.empty() && detected != options->instrument) {
            report(context,
                   {inputError(backscreen::ErrorCode::OutcomeWrongQuestionnaire,
                               source,
                               "/questionnaire",
                               "a response to the " + detected + " questionnaire; expected --instrument "
                                   + options->instrument)});
            return static_cast<int>(ExitCode::BadInput);
        }
        if (!detected.empty()) {
            instrumentId = detected;
        }
    } else if (instrumentId.empty()) {
        return usageError(context, "a flat answers object needs --instrument ID (nprs, odi, rmdq, psfs, sbst, pgic)");
    }

    core::OutcomeScoreResult result = core::OutcomeScorer(measures).score(instrumentId, answers, source);
    if (report(context, result.diagnostics) || !result.ok()) {
        return static_cast<int>(ExitCode::BadInput);
    }
    const core::OutcomeScore& score = *result.score;
    if (options->format == "json") {
        context.out << core::JsonWriter::write(score.toJson(), core::JsonWriter::Style::Pretty) << "\n";
    } else {
        printText(context, score, *measures.find(score.instrument));
    }
    return score.scorable ? static_cast<int>(ExitCode::Success) : static_cast<int>(ExitCode::Failed);
}

} // namespace backscreen::app
