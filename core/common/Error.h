#pragma once

#include "core/common/ErrorCode.h"

#include <stdexcept>
#include <string>

namespace backscreen {

/// The one exception type Backscreen throws: a stable code plus a message that already names where the
/// problem is (file, database, JSON pointer). Entry points (a GUI action, the CLI's main) catch it once.
class Error : public std::runtime_error
{
public:
    Error(ErrorCode code, const std::string& message);

    ErrorCode code() const noexcept { return m_code; }

private:
    ErrorCode m_code;
};

} // namespace backscreen
