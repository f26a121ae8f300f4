#pragma once

#include "CliContext.h"

namespace backscreen::app {

/// `backscreen-cli score FILE [--format text|json] [--instrument ID] [--questionnaire FORM]...`: scores one
/// completed outcome measure without a database. FILE ("-" = stdin) is a FHIR QuestionnaireResponse, whose
/// instrument is found from its `questionnaire` canonical (a shipped form, or a clinic form given with
/// --questionnaire), or a flat answers object `{linkId: value}` with --instrument. Exit codes: 0 scored,
/// 1 valid but not scorable (the reason is printed), 2 bad usage or invalid input (diagnostics on stderr).
int runScoreCommand(CliContext& context);

} // namespace backscreen::app
