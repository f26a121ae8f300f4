#include "ProgramBlockedError.h"

namespace backscreen::core {

namespace {

std::string joined(const std::vector<std::string>& items)
{
    std::string text;
    for (const std::string& item : items) {
        text += text.empty() ? item : ", " + item;
    }
    return text;
}

std::string blockedMessage(const std::string& triage,
                           const std::vector<std::string>& ruleIds,
                           const std::vector<std::string>& missing,
                           const std::string& reason)
{
    std::string message = "no home program: triage is " + triage;
    if (!ruleIds.empty()) {
        message += " (" + joined(ruleIds) + ")";
    }
    if (!missing.empty()) {
        message += "; unanswered: " + joined(missing);
    }
    if (!reason.empty()) {
        message += "; " + reason;
    }
    if (triage == "INCOMPLETE") {
        message += "; expected the red-flag screen to be completed first (exercises.md G1)";
    } else {
        message += "; expected medical clearance to be documented first (exercises.md G1)";
    }
    return message;
}

} // namespace

ProgramBlockedError::ProgramBlockedError(std::string triage,
                                         std::vector<std::string> blockingRuleIds,
                                         std::vector<std::string> missingInputs,
                                         const std::string& reason)
    : Error(ErrorCode::ProgramBlocked, blockedMessage(triage, blockingRuleIds, missingInputs, reason))
    , m_triage(std::move(triage))
    , m_blockingRuleIds(std::move(blockingRuleIds))
    , m_missingInputs(std::move(missingInputs))
{}

} // namespace backscreen::core
