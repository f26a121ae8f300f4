#include "ScreeningReport.h"

#include "core/json/JsonWriter.h"

#include <ostream>

namespace backscreen::app {

namespace {

using core::JsonValue;
using core::ScreeningResult;
using core::Triage;

bool positivePattern(const ScreeningResult& result)
{
    const std::string sij = result.patternValue("sij");
    const std::string radicular = result.patternValue("radicular");
    const std::string lcs = result.patternValue("lcs");
    return sij == "ASSESS" || radicular == "ASSESS" || lcs == "LIKELY" || lcs == "POSSIBLE";
}

std::string answerText(const JsonValue& answer)
{
    return core::JsonWriter::write(answer);
}

/// "by anna at 2026-11-24T10:30:00.000Z, reason imaging_normal: MRI clear".
std::string clearanceWords(const core::Clearance& clearance)
{
    std::string words = "by " + clearance.clearedBy + " at " + clearance.clearedAt + ", reason "
                        + std::string(core::clearanceReasonName(clearance.reason));
    if (!clearance.note.empty()) {
        words += ": " + clearance.note;
    }
    return words;
}

/// The active clearance that covers `ruleId`, or nullptr.
const core::AppliedClearance* activeClearance(const ScreeningResult& result, const std::string& ruleId)
{
    const core::AppliedClearance* found = nullptr;
    for (const core::AppliedClearance& applied : result.clearances) {
        if (applied.clearance.ruleId == ruleId && applied.status == core::ClearanceStatus::Active) {
            found = &applied;
        }
    }
    return found;
}

void printFinding(std::ostream& out, const ScreeningResult& result, const core::Finding& finding)
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
        if (const core::AppliedClearance* applied = activeClearance(result, finding.ruleId)) {
            out << " " << clearanceWords(applied->clearance);
        }
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

} // namespace

int ScreeningReport::exitCode(const ScreeningResult& result)
{
    if (core::isReferralTier(result.triage)) {
        return 4;
    }
    if (result.triage == Triage::Incomplete) {
        return 3;
    }
    if (result.triage == Triage::Monitor || positivePattern(result)) {
        return 1;
    }
    return 0;
}

void ScreeningReport::printText(std::ostream& out, const ScreeningResult& result, const QuestionText& questionText)
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
            printFinding(out, result, finding);
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
            out << "  " << linkId << "  " << questionText(linkId) << "\n";
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
            printFinding(out, result, finding);
        }
    }
    if (!result.clearances.empty()) {
        out << "\nClearances:\n";
    }
    for (const core::AppliedClearance& applied : result.clearances) {
        out << "  " << applied.clearance.ruleId << "  " << core::clearanceStatusName(applied.status) << "  "
            << clearanceWords(applied.clearance) << "\n";
        if (applied.status == core::ClearanceStatus::Lapsed) {
            out << "      changed since cleared:";
            for (const std::string& input : applied.changedInputs) {
                out << " " << input;
            }
            out << "\n";
        }
    }
}

} // namespace backscreen::app
