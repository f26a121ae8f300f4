#include "DisplayNumber.h"

#include <cmath>
#include <cstdio>

namespace backscreen::core {

double roundHalfAwayFromZero(double value, int decimals)
{
    double scale = std::pow(10.0, decimals);
    double scaled = value * scale;
    double rounded = std::round(scaled + std::copysign(1e-9, scaled));
    return rounded / scale;
}

std::string formatDisplayNumber(double value, int decimals)
{
    double rounded = roundHalfAwayFromZero(value, decimals);
    if (rounded == 0.0) {
        rounded = 0.0; // turns -0 into 0
    }
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, rounded);
    return buffer;
}

} // namespace backscreen::core
