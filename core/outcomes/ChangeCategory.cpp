#include "ChangeCategory.h"

#include <array>
#include <utility>

namespace backscreen::core {

namespace {

constexpr std::array<std::pair<ChangeCategory, const char*>, 4> names = {{
    {ChangeCategory::ImportantImprovement, "IMPORTANT_IMPROVEMENT"},
    {ChangeCategory::PossibleImprovement, "POSSIBLE_IMPROVEMENT"},
    {ChangeCategory::NoImportantChange, "NO_IMPORTANT_CHANGE"},
    {ChangeCategory::ImportantWorsening, "IMPORTANT_WORSENING"},
}};

} // namespace

const char* changeCategoryName(ChangeCategory category)
{
    for (const auto& [value, name] : names) {
        if (value == category) {
            return name;
        }
    }
    return "NO_IMPORTANT_CHANGE";
}

std::optional<ChangeCategory> parseChangeCategory(std::string_view name)
{
    for (const auto& [value, text] : names) {
        if (name == text) {
            return value;
        }
    }
    return std::nullopt;
}

const char* changeCategoryPhrase(ChangeCategory category)
{
    switch (category) {
    case ChangeCategory::ImportantImprovement:
        return "an important improvement";
    case ChangeCategory::PossibleImprovement:
        return "a possible improvement";
    case ChangeCategory::NoImportantChange:
        return "no important change";
    case ChangeCategory::ImportantWorsening:
        return "an important worsening";
    }
    return "no important change";
}

} // namespace backscreen::core
