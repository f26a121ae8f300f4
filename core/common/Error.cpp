#include "Error.h"

namespace backscreen {

Error::Error(ErrorCode code, const std::string& message)
    : std::runtime_error(message)
    , m_code(code)
{}

} // namespace backscreen
