#pragma once

#include "CliContext.h"

namespace backscreen::app {

/// `backscreen-cli version`: prints the program version.
int runVersionCommand(CliContext& context);

} // namespace backscreen::app
