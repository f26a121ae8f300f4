#pragma once

#include "CliContext.h"

namespace backscreen::app {

/// `backscreen-cli users add USERNAME --role admin|therapist|viewer [--display-name NAME]`,
/// `users passwd USERNAME`, `users list`; each with --db and --format text|json. The caller logs in with
/// BACKSCREEN_USER/BACKSCREEN_PASSWORD or prompts; new passwords come from BACKSCREEN_NEW_PASSWORD or a
/// prompt. On a database without users, `users add` creates the first administrator (no login needed).
int runUsersCommand(CliContext& context);

} // namespace backscreen::app
