#pragma once

#include "core/common/Diagnostic.h"
#include "core/program/Exercise.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace backscreen::core {

struct ExerciseCatalogueLoadResult;

/// A handout instruction that applies to every exercise of some categories (exercises.md G3, G4, G5, G9).
struct HandoutRule
{
    std::string id;
    std::string text;
    std::vector<ExerciseCategory> categories;
};

/// The exercise catalogue, forms/exercises/exercises.json (schemaVersion 1). Loading validates it fully:
/// unknown fields, duplicate exercise ids, regression/progression/alternative ids that name no exercise,
/// illustration files that do not exist (relative to the catalogue's folder) and reference ids missing
/// from `references` are errors, each a Diagnostic naming the exercise id and the JSON pointer. Unknown
/// fields are errors rather than warnings because the file is ours and a misspelt field would silently
/// drop handout text.
class ExerciseCatalogue
{
public:
    static constexpr int schemaVersion = 1;

    static ExerciseCatalogueLoadResult load(const std::filesystem::path& file);
    /// formsDirectory()/exercises/exercises.json.
    static ExerciseCatalogueLoadResult loadDefault();

    const std::string& id() const { return m_id; }

    const std::string& version() const { return m_version; }

    const std::vector<Exercise>& exercises() const { return m_exercises; }

    /// nullptr when the id is not in the catalogue.
    const Exercise* find(const std::string& exerciseId) const;

    /// Reference id → citation text.
    const std::map<std::string, std::string>& references() const { return m_references; }

    /// The handout instructions (G3, G4, G5, G9) in catalogue order.
    const std::vector<HandoutRule>& handoutRules() const { return m_handoutRules; }

    /// G8: most exercises one handout may hold, and the fewest activation exercises it must hold.
    int maxExercises() const { return m_maxExercises; }

    int minActivationExercises() const { return m_minActivationExercises; }

private:
    std::string m_id;
    std::string m_version;
    std::vector<Exercise> m_exercises;
    std::map<std::string, std::string> m_references;
    std::vector<HandoutRule> m_handoutRules;
    int m_maxExercises = 6;
    int m_minActivationExercises = 1;

    friend class ExerciseCatalogueReader;
};

struct ExerciseCatalogueLoadResult
{
    /// Present only when there were no errors: a catalogue is never half-loaded.
    std::optional<ExerciseCatalogue> catalogue;
    std::vector<Diagnostic> diagnostics;

    bool ok() const { return catalogue.has_value(); }
};

} // namespace backscreen::core
