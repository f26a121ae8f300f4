#include "ScreenCommand.h"

#include "core/common/ErrorCode.h"
#include "core/fhir/FlatAnswers.h"
#include "core/fhir/QuestionnaireLoader.h"
#include "core/fhir/QuestionnaireResponse.h"
#include "core/fhir/ResponseValidator.h"
#include "core/json/JsonReader.h"
#include "core/json/JsonWriter.h"
#include "core/screening/ScreeningEngine.h"

#include <iostream>
#include <iterator>
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
    "\n"
    "Screens one intake with the red-flag, SIJ/radicular and lower-crossed rulesets (forms/rules) and prints\n"
    "the triage, every finding with the answers that decided it, the pattern screens and the missing\n"
    "questions. FILE is a FHIR QuestionnaireResponse to the intake form or a flat {linkId: value} answers\n"
    "object; '-' reads standard input. Answers are checked against the intake form first (types, ranges,\n"
    "codes, disabled items): invalid input is reported and never screened.\n"
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
    Findings = 1,
    InvalidInput = 2,
    Incomplete = 3,
    RedFlag = 4,
};

int code(ScreenExit exit)
{
    return static_cast<int>(exit);
}

bool positivePattern(const ScreeningResult& result)
{
    const std::string sij = result.patternValue("sij");
    const std::string radicular = result.patternValue("radicular");
    const std::string lcs = result.patternValue("lcs");
    return sij == "ASSESS" || radicular == "ASSESS" || lcs == "LIKELY" || lcs == "POSSIBLE";
}

ScreenExit exitFor(const ScreeningResult& result)
{
    if (core::isReferralTier(result.triage)) {
        return ScreenExit::RedFlag;
    }
    if (result.triage == Triage::Incomplete) {
        return ScreenExit::Incomplete;
    }
    if (result.triage == Triage::Monitor || positivePattern(result)) {
        return ScreenExit::Findings;
    }
    return ScreenExit::Clear;
}

std::string answerText(const JsonValue& answer)
{
    return core::JsonWriter::write(answer);
}

void printFinding(std::ostream& out, const core::Finding& finding)
{
    out << "  " << finding.ruleId << "  ";
    if (finding.tier) {
        out << "[" << core::triageName(*finding.tier) << "] ";
    } else if (!finding.outcome.empty()) {
        out << "[" << finding.screen << " " << finding.outcome << "] ";
    } else {
        out << "[" << finding.screen << " note] ";
    }
    out << finding.title;
    if (!finding.reference.empty()) {
        out << " (" << finding.rulesetId << " " << finding.rulesetVersion << ", ref " << finding.reference << ")";
    }
    if (finding.cleared) {
        out << "  CLEARED";
    }
    out << "\n";
    for (const core::WhyItem& why : finding.why) {
        out << "      because " << why.linkId << " = " << answerText(why.answer);
        if (!why.text.empty()) {
            out << "  (" << why.text << ")";
        }
        out << "\n";
    }
    if (!finding.names.empty()) {
        out << "      names:";
        for (const std::string& name : finding.names) {
            out << " " << name;
        }
        out << "\n";
    }
}

void printText(std::ostream& out, const ScreeningResult& result, const core::ScreeningEngine& engine)
{
    out << "Triage: " << core::triageName(result.triage) << "\n  " << core::triageAction(result.triage) << "\n";
    out << "Home program: " << (result.programBlocked ? "BLOCKED (" + result.blockingReason + ")" : "not blocked")
        << "\n";
    out << "\nRed flags fired:";
    bool any = false;
    for (const core::Finding& finding : result.findings) {
        if (finding.kind == core::RuleKind::Flag) {
            out << (any ? "" : "\n");
            any = true;
            printFinding(out, finding);
        }
    }
    out << (any ? "" : " none\n");
    if (!result.notEvaluable.empty()) {
        out << "\nNot evaluable (unanswered questions):\n";
        for (const core::NotEvaluableRule& rule : result.notEvaluable) {
            out << "  " << rule.ruleId << "  [" << core::triageName(rule.tier) << "] " << rule.title << "\n";
        }
    }
    if (!result.missing.empty()) {
        out << "\nMissing answers:\n";
        for (const std::string& linkId : result.missing) {
            out << "  " << linkId << "  " << engine.questionText(linkId) << "\n";
        }
    }
    out << "\nPattern screens:\n";
    for (const core::PatternResult& pattern : result.patterns) {
        out << "  " << pattern.screen << ": " << pattern.value << (pattern.provisional ? " (provisional)" : "") << "\n";
    }
    bool anyPattern = false;
    for (const core::Finding& finding : result.findings) {
        if (finding.kind != core::RuleKind::Flag) {
            out << (anyPattern ? "" : "\nPattern findings:\n");
            anyPattern = true;
            printFinding(out, finding);
        }
    }
    for (const core::AppliedClearance& applied : result.clearances) {
        out << "\nClearance of " << applied.clearance.ruleId << ": " << core::clearanceStatusName(applied.status)
            << "\n";
    }
}

void printDiagnostics(std::ostream& err, const std::vector<Diagnostic>& diagnostics)
{
    for (const Diagnostic& diagnostic : diagnostics) {
        if (diagnostic.severity == core::Severity::Error) {
            err << "backscreen-cli screen: invalid input: " << diagnostic.toString() << "\n";
        }
    }
}

} // namespace

int runScreenCommand(CliContext& context)
{
    std::string file;
    std::string format = "text";
    const auto& arguments = context.arguments;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        if (argument == "--help" || argument == "-h") {
            context.out << kHelp;
            return code(ScreenExit::Clear);
        }
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

    core::JsonReadResult read;
    if (file == "-") {
        const std::string text(std::istreambuf_iterator<char>(context.in), {});
        read = core::JsonReader::parse(text, "<stdin>");
    } else {
        read = core::JsonReader::parseFile(file);
    }
    if (!read.ok()) {
        printDiagnostics(context.err, read.diagnostics);
        return code(ScreenExit::InvalidInput);
    }
    const std::string source = file == "-" ? "<stdin>" : file;

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

    JsonValue answers;
    std::vector<Diagnostic> problems;
    const JsonValue* resourceType = read.value->find("resourceType");
    if (resourceType != nullptr) {
        if (!resourceType->isString() || resourceType->asString() != "QuestionnaireResponse") {
            context.err << "backscreen-cli screen: invalid input: " << source
                        << ": resourceType is not QuestionnaireResponse; expected a QuestionnaireResponse or a flat "
                           "answers object\n";
            return code(ScreenExit::InvalidInput);
        }
        auto parsed = core::QuestionnaireResponse::parse(*read.value, source);
        problems = parsed.diagnostics;
        if (!parsed.response.questionnaire.empty()
            && !intake.questionnaire->matchesReference(parsed.response.questionnaire)) {
            context.err << "backscreen-cli screen: invalid input: " << source << ": the response answers \""
                        << parsed.response.questionnaire << "\"; expected the intake form "
                        << intake.questionnaire->canonical() << "\n";
            return code(ScreenExit::InvalidInput);
        }
        for (Diagnostic& diagnostic :
             core::ResponseValidator::validate(*intake.questionnaire, parsed.response, source)) {
            // An unanswered required question is the rules' business (not evaluable, INCOMPLETE), not invalid.
            if (diagnostic.code != ErrorCode::FhirResponseRequiredMissing) {
                problems.push_back(std::move(diagnostic));
            }
        }
        if (!core::hasErrors(problems)) {
            answers = core::FlatAnswers::flatten(*intake.questionnaire, parsed.response);
        }
    } else if (read.value->isObject()) {
        problems = core::FlatAnswers::validate(*intake.questionnaire, *read.value, source);
        answers = *read.value;
    } else {
        context.err << "backscreen-cli screen: invalid input: " << source
                    << ": not an object; expected a QuestionnaireResponse or a flat answers object\n";
        return code(ScreenExit::InvalidInput);
    }
    if (core::hasErrors(problems)) {
        printDiagnostics(context.err, problems);
        return code(ScreenExit::InvalidInput);
    }

    const ScreeningResult result = loaded.engine->screen(answers);
    if (format == "json") {
        context.out << core::JsonWriter::write(result.toJson(), core::JsonWriter::Style::Pretty) << "\n";
    } else {
        printText(context.out, result, *loaded.engine);
    }
    return code(exitFor(result));
}

} // namespace backscreen::app
