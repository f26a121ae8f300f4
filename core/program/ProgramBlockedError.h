#pragma once

#include "core/common/Error.h"

#include <string>
#include <vector>

namespace backscreen::core {

/// Thrown by the program generator when the screening blocks a program (exercises.md G1): triage SOON,
/// URGENT or EMERGENCY without documented clearance, or INCOMPLETE. The message names the triage, the
/// blocking rule ids and, for INCOMPLETE, the questions still to ask.
class ProgramBlockedError : public backscreen::Error
{
public:
    ProgramBlockedError(std::string triage,
                        std::vector<std::string> blockingRuleIds,
                        std::vector<std::string> missingInputs,
                        const std::string& reason);

    const std::string& triage() const { return m_triage; }

    const std::vector<std::string>& blockingRuleIds() const { return m_blockingRuleIds; }

    const std::vector<std::string>& missingInputs() const { return m_missingInputs; }

private:
    std::string m_triage;
    std::vector<std::string> m_blockingRuleIds;
    std::vector<std::string> m_missingInputs;
};

} // namespace backscreen::core
