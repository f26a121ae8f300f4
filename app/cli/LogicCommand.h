#pragma once

#include "CliContext.h"

namespace backscreen::app {

/// `backscreen-cli logic RULE DATA [--trace] [--partial]`: evaluates a JsonLogic rule for rule authors.
/// RULE and DATA are each a file path, `-` for standard input (at most one of them), or inline JSON text.
/// Prints the result as compact JSON; with --trace, {"result": ..., "reads": [...]} (see JsonLogicTrace);
/// with --partial, the three-valued result {"truth": "true"|"false"|"unknown", "value": ...,
/// "unknownInputs": [...]} where absent or null inputs are unknown. `log` writes to standard error.
/// Exit codes: 0 evaluated; 2 bad usage, unreadable or malformed JSON, or a bad rule (the message names
/// the JSON pointer of the offending node).
int runLogicCommand(CliContext& context);

} // namespace backscreen::app
