#pragma once

#include "CliContext.h"

namespace backscreen::app {

/// `backscreen-cli outcomes add --client ID (--visit ID | --new-visit YYYY-MM-DD [--visit-kind KIND]) FILE
/// [--instrument ID] [--questionnaire FORM]` scores one outcome measure (as `score` does) and stores the score
/// JSON with the raw response at the visit; an unscorable response is stored too (scorable false and its
/// reason; exit 1); invalid input stores nothing (exit 2).
/// `backscreen-cli outcomes [list] --client ID [--format text|csv|json]` prints the client's series: one row
/// per visit and measure with the change since the baseline and its interpretation. Both log in like the other
/// storage commands (BACKSCREEN_USER / BACKSCREEN_PASSWORD) and are audited by db::ClinicService.
int runOutcomesCommand(CliContext& context);

} // namespace backscreen::app
