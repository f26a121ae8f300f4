#include "InstrumentDefinition.h"

#include <algorithm>
#include <cassert>

namespace backscreen::core {

const OutcomeInput* InstrumentDefinition::input(std::string_view linkId) const
{
    auto found = std::find_if(
        inputs.begin(), inputs.end(), [&](const OutcomeInput& candidate) { return candidate.linkId == linkId; });
    return found == inputs.end() ? nullptr : &*found;
}

double InstrumentDefinition::parameter(std::string_view name) const
{
    auto found = parameters.find(name);
    assert(found != parameters.end());
    return found == parameters.end() ? 0.0 : found->second;
}

const ScoreBand* InstrumentDefinition::band(std::string_view bandId) const
{
    auto found =
        std::find_if(bands.begin(), bands.end(), [&](const ScoreBand& candidate) { return candidate.id == bandId; });
    return found == bands.end() ? nullptr : &*found;
}

} // namespace backscreen::core
