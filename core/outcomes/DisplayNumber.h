#pragma once

#include <string>

namespace backscreen::core {

/// Display rounding of outcome-measures.md §7a: `decimals` places, half away from zero (3.25 → 3.3,
/// −2.25 → −2.3). Scores are ratios of small integers, so a value meant as a decimal half (1.15) may be stored
/// a hair below it; a nudge of 1e-9 (the epsilon of §1) rounds it as the decimal it stands for. Only for
/// display: classification always uses raw values.
double roundHalfAwayFromZero(double value, int decimals);

/// The rounded value with exactly `decimals` places ("35.6", "48.0", "7"); never "-0".
std::string formatDisplayNumber(double value, int decimals);

} // namespace backscreen::core
