#pragma once

#include "CliContext.h"

namespace backscreen::app {

/// `clearances add --client ID --rule RULE --reason CODE [--note TEXT]` and `clearances list --client ID`:
/// record that a fired SOON/URGENT red flag of the client's latest stored screening was medically reviewed,
/// and list the recorded clearances with their status against the latest answers.
int runClearancesCommand(CliContext& context);

} // namespace backscreen::app
