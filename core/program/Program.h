#pragma once

#include "core/json/JsonValue.h"
#include "core/program/Dosage.h"

#include <cstddef>
#include <string>
#include <vector>

namespace backscreen::core {

/// Why an exercise is in a program: the program rule that chose it and the finding it answered, as a
/// screening finding says which rule fired on which answers. A therapist's own addition has ruleId
/// "therapist".
struct ProgramReason
{
    std::string ruleId;
    std::string finding;

    bool operator==(const ProgramReason& other) const = default;
};

struct ProgramExercise
{
    std::string exerciseId;
    Dosage dosage;
    /// The therapist's (or a program rule's) note for this client, printed under the exercise.
    std::string note;
    /// Shown only in its nerve-friendly form (exercises.md G6).
    bool nerveFriendly = false;
    std::vector<ProgramReason> reasons;

    bool operator==(const ProgramExercise& other) const = default;
};

/// A home program as the therapist edits it and the db stores it (as JSON, one row per version): the
/// exercises in handout order, program-level notes and precautions, the "needs further assessment" lines,
/// and where it came from. Plain data: edits that name an exercise not in the program, add one twice or
/// move out of range throw backscreen::Error (ProgramEditRejected) and change nothing.
struct Program
{
    static constexpr int formatVersion = 1;

    /// Version of this client's program: a generated program is version 1, and the db gives each saved edit
    /// the next number.
    int version = 1;
    /// The ruleset and catalogue it was generated from ("program" 1.0, "exercises" 1.1).
    std::string rulesetId;
    std::string rulesetVersion;
    std::string catalogueVersion;
    std::vector<ProgramExercise> exercises;
    std::vector<std::string> notes;
    std::vector<std::string> precautions;
    std::vector<std::string> furtherAssessment;

    /// Index of the exercise, or exercises.size() when it is not in the program.
    std::size_t indexOf(const std::string& exerciseId) const;

    bool contains(const std::string& exerciseId) const { return indexOf(exerciseId) < exercises.size(); }

    /// Inserts at `position` (clamped to the end), refusing an exercise that is already in the program.
    void addExercise(ProgramExercise exercise, std::size_t position = static_cast<std::size_t>(-1));
    void removeExercise(const std::string& exerciseId);
    /// Moves the exercise to `newIndex` (0-based, must be < exercises.size()).
    void moveExercise(const std::string& exerciseId, std::size_t newIndex);
    void setDosage(const std::string& exerciseId, const Dosage& dosage);
    void setNote(const std::string& exerciseId, const std::string& note);
    void addNote(const std::string& note);
    void addPrecaution(const std::string& precaution);

    bool operator==(const Program& other) const = default;

    JsonValue toJson() const;
    /// Throws backscreen::Error (ProgramInvalid) naming `source` and the JSON pointer of the first problem.
    static Program fromJson(const JsonValue& value, const std::string& source);
};

} // namespace backscreen::core
