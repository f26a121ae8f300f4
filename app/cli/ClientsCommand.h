#pragma once

#include "CliContext.h"

namespace backscreen::app {

/// `backscreen-cli clients add --family-name F --given-name G --birth-date YYYY-MM-DD [--contact C]
/// [--notes N]`, `clients list [--archived] [--limit N]`, `clients search (--name PREFIX | --birth-date D)
/// [--archived]`, `clients show ID`; each with --db and --format text|json, after logging in. Every read
/// and change is in the audit log.
int runClientsCommand(CliContext& context);

} // namespace backscreen::app
