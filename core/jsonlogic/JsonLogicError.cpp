#include "JsonLogicError.h"

namespace backscreen::core {

JsonLogicError::JsonLogicError(ErrorCode code, const std::string& pointer, const std::string& what)
    : Error(code, (pointer.empty() ? std::string("rule") : pointer) + ": " + what)
    , m_pointer(pointer)
{}

} // namespace backscreen::core
