#pragma once

#include "CliContext.h"

namespace backscreen::app {

/// `backscreen-cli screen FILE [--format text|json]`: screens one intake (a QuestionnaireResponse or flat
/// answers) and prints triage, findings with why, patterns and missing questions. Exit codes: see its help.
int runScreenCommand(CliContext& context);

} // namespace backscreen::app
