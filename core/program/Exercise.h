#pragma once

#include "core/program/Dosage.h"

#include <filesystem>
#include <string>
#include <vector>

namespace backscreen::core {

enum class ExerciseCategory
{
    Stretch,
    Mobility,
    Activation,
};

const char* exerciseCategoryName(ExerciseCategory category);

/// One exercise of the catalogue (forms/exercises/exercises.json, from exercises.md §2), with its text in
/// the client's words, its default dose and its two illustrations (absolute paths, checked to exist).
struct Exercise
{
    std::string id;
    std::string name;
    ExerciseCategory category = ExerciseCategory::Activation;
    std::string target;
    std::string startPosition;
    std::vector<std::string> steps;
    /// The G6 wording for exercises that tension the sciatic nerve; empty when the exercise has none.
    std::string nerveFriendlyForm;
    std::vector<std::string> commonErrors;
    std::vector<std::string> precautions;
    std::vector<std::string> contraindications;
    Dosage dosage;
    /// The catalogue's own wording of the default dose, for the clinician (the handout uses dosageInWords).
    std::string dosageText;
    std::vector<std::string> tags;
    std::vector<std::string> regressionIds;
    std::vector<std::string> progressionIds;
    std::vector<std::string> alternativeIds;
    std::vector<std::string> references;
    /// Short captions for the pictures ("hips stay down"); the SVGs carry no text so they can be translated.
    std::vector<std::string> callouts;
    std::filesystem::path startIllustration;
    std::filesystem::path endIllustration;

    bool hasTag(const std::string& tag) const;
};

} // namespace backscreen::core
