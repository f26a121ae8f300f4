#include "Exercise.h"

#include <algorithm>

namespace backscreen::core {

const char* exerciseCategoryName(ExerciseCategory category)
{
    switch (category) {
    case ExerciseCategory::Stretch:
        return "stretch";
    case ExerciseCategory::Mobility:
        return "mobility";
    case ExerciseCategory::Activation:
        break;
    }
    return "activation";
}

bool Exercise::hasTag(const std::string& tag) const
{
    return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

} // namespace backscreen::core
