#include "ScreenCommand.h"

#include "IntakeAnswers.h"

#include "core/fhir/QuestionnaireLoader.h"
#include "core/json/JsonWriter.h"
#include "core/screening/ScreeningEngine.h"

#include <iostream>
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

    IntakeAnswers input = readIntakeAnswers(file, context.in, *intake.questionnaire);
    if (!input.refusal.empty()) {
        context.err << "backscreen-cli screen: invalid input: " << input.refusal << "\n";
        return code(ScreenExit::InvalidInput);
    }
    if (!input.ok()) {
        printDiagnostics(context.err, input.diagnostics);
        return code(ScreenExit::InvalidInput);
    }
    const JsonValue& answers = *input.answers;

    const ScreeningResult result = loaded.engine->screen(answers);
    if (format == "json") {
        context.out << core::JsonWriter::write(result.toJson(), core::JsonWriter::Style::Pretty) << "\n";
    } else {
        printText(context.out, result, *loaded.engine);
    }
    return code(exitFor(result));
}

} // namespace backscreen::app
