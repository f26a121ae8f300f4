#pragma once

#include "CliContext.h"

namespace backscreen::app {

/// `backscreen-cli programs` — a client's home program stored through the db as versions:
/// `generate --client ID [--visit ID]` (from the client's latest stored screening, or the latest at the visit;
/// refused with exit 1 and the reason when the screening blocks a program), `list --client ID`,
/// `show --client ID [--version N]` and `edit --client ID --expected-version N EDIT...` (EDIT: --set-dosage
/// EX-ID:KEY=VALUE, --note EX-ID:TEXT, --remove EX-ID, --add EX-ID, --move EX-ID:POSITION; applied in order
/// and saved as one new version, refused with exit 1 when someone saved another version since N). Each with
/// --db and --format text|json, after logging in (BACKSCREEN_USER / BACKSCREEN_PASSWORD or prompts).
int runProgramsCommand(CliContext& context);

} // namespace backscreen::app
