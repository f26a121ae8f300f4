#pragma once

#include "CliContext.h"

namespace backscreen::app {

/// `backscreen-cli handout (--from FILE.json | --program PROGRAM.json | --client ID [--program-version N]
/// [--db PATH|URL]) --out FILE.pdf [--page-size a4|letter] [--clinic NAME] [--client-name NAME]
/// [--therapist NAME] [--date TEXT]`: renders the printed handout headless (offscreen platform).
/// --from takes an intake (a QuestionnaireResponse, told by its resourceType, or a flat answers object),
/// screens it, generates the default program and renders it; an object with only program-request keys
/// (core/program/ProgramRequest.h) skips the screening. --program renders a saved program as it is.
/// --client renders the client's stored program (the current version, or --program-version N) with the
/// client's name from the database and the logged-in user as therapist. Exit codes: 0 written, 1 the
/// screening blocks a program (the message names the triage, the rules and the missing questions), 2 bad
/// usage or input, or the PDF cannot be written.
int runHandoutCommand(CliContext& context);

} // namespace backscreen::app
