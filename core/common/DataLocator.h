#pragma once

#include <filesystem>

namespace backscreen::core {

/// The one place that knows where Backscreen's versioned data (forms/) lives: the directory named by the
/// environment variable BACKSCREEN_FORMS_DIR when set, otherwise the source tree's forms/ this build was
/// configured from.
std::filesystem::path formsDirectory();

} // namespace backscreen::core
