#pragma once

#include "CliContext.h"

namespace backscreen::app {

/// `backscreen-cli backup FILE [--db PATH]`: a consistent copy of the SQLite database (also while the app
/// runs). Admins only; the file must not exist.
int runBackupCommand(CliContext& context);

/// `backscreen-cli restore FILE [--db PATH]`: replaces the database's content with a backup, after checking
/// the backup. Admins only.
int runRestoreCommand(CliContext& context);

} // namespace backscreen::app
