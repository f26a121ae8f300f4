#pragma once

#include "CliContext.h"

namespace backscreen::app {

/// `backscreen-cli validate [--questionnaire Q.json] FILE...`: checks FHIR R4 Questionnaires,
/// QuestionnaireResponses and Bundles of them (with their ValueSets). See validateHelp() for the output
/// format and exit codes.
int runValidateCommand(CliContext& context);

/// The command's help text, also printed by `validate --help`.
const char* validateHelp();

} // namespace backscreen::app
