#pragma once

#include <optional>
#include <string_view>

namespace backscreen::core {

/// The change categories of outcome-measures.md §1 (ruleset `outcomes`), in the words results use.
enum class ChangeCategory
{
    ImportantImprovement,
    PossibleImprovement,
    NoImportantChange,
    ImportantWorsening,
};

/// "IMPORTANT_IMPROVEMENT", "POSSIBLE_IMPROVEMENT", "NO_IMPORTANT_CHANGE" or "IMPORTANT_WORSENING".
const char* changeCategoryName(ChangeCategory category);

/// The inverse of changeCategoryName; nullopt for any other text.
std::optional<ChangeCategory> parseChangeCategory(std::string_view name);

/// Plain English for summaries: "an important improvement", "a possible improvement", …
const char* changeCategoryPhrase(ChangeCategory category);

} // namespace backscreen::core
