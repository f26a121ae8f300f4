#pragma once

#include "CliContext.h"

namespace backscreen::app {

/// `backscreen-cli init [--db PATH|URL]`: creates the database (migrated) and its first administrator,
/// whose name comes from BACKSCREEN_USER or a prompt and password from BACKSCREEN_PASSWORD or a prompt
/// (typed twice, no echo). Refused once the database has users.
int runInitCommand(CliContext& context);

} // namespace backscreen::app
