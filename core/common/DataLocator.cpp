#include "DataLocator.h"

#include <cstdlib>

namespace backscreen::core {

std::filesystem::path formsDirectory()
{
    if (const char* overridden = std::getenv("BACKSCREEN_FORMS_DIR"); overridden != nullptr && *overridden != '\0') {
        return overridden;
    }
    return BACKSCREEN_DEFAULT_FORMS_DIR;
}

} // namespace backscreen::core
