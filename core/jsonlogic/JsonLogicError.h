#pragma once

#include "core/common/Error.h"

#include <string>

namespace backscreen::core {

/// A bad rule (found when compiling) or an evaluation that cannot go on. The message is
/// "pointer: what; expected", where pointer is the JSON pointer of the offending rule node ("rule" for the
/// root), e.g. `/and/2/var: expected string or array`.
class JsonLogicError : public Error
{
public:
    JsonLogicError(ErrorCode code, const std::string& pointer, const std::string& what);

    /// JSON pointer of the offending node in the rule; empty for the rule itself.
    const std::string& pointer() const noexcept { return m_pointer; }

private:
    std::string m_pointer;
};

} // namespace backscreen::core
