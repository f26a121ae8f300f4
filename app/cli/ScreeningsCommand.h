#pragma once

#include "CliContext.h"

namespace backscreen::app {

/// `screenings list --client ID` and `screenings show --client ID [--screening ID]`: a client's stored
/// screenings, and one of them shown again exactly as it was stored (whatever rulesets are installed now).
int runScreeningsCommand(CliContext& context);

} // namespace backscreen::app
