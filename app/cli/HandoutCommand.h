#pragma once

#include "CliContext.h"

namespace backscreen::app {

/// `backscreen-cli handout (--from REQUEST.json | --program PROGRAM.json) --out FILE.pdf [--page-size a4|letter]
/// [--clinic NAME] [--client NAME] [--therapist NAME] [--date TEXT]`: renders the printed handout headless
/// (offscreen platform). --from takes a program request (core/program/ProgramRequest.h; docs/handout.md),
/// generates the default program and renders it; --program renders a saved program as it is. Exit codes:
/// 0 written, 1 the screening blocks a program (the message names the triage and rules), 2 bad usage or
/// input, or the PDF cannot be written.
int runHandoutCommand(CliContext& context);

} // namespace backscreen::app
