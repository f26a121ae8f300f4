#pragma once

#include "core/common/Diagnostic.h"
#include "core/json/JsonValue.h"
#include "core/jsonlogic/JsonLogicRule.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace backscreen::core {

class ExerciseCatalogue;

/// An exercise a program rule adds; lower priority numbers come first on the handout and are kept first
/// when the G8 cap drops exercises.
struct ProgramRuleExercise
{
    std::string exerciseId;
    int priority = 0;
};

/// A change a program rule makes to exercises already chosen: by id or by catalogue tag.
struct ProgramRuleModification
{
    std::vector<std::string> exerciseIds;
    std::string tag;
    bool nerveFriendly = false;
    std::string note;
    /// Added to the program's precautions only when the modification touched an exercise.
    std::string precaution;
};

enum class ProgramRulePhase
{
    /// Reads the request's data object (ProgramRequest::toData).
    Select,
    /// Runs after every Select rule, with selected, selected_count and selected_activation_count added.
    Complete,
};

struct ProgramRule
{
    std::string id;
    std::string title;
    ProgramRulePhase phase = ProgramRulePhase::Select;
    JsonValue logic;
    /// The logic compiled by the JsonLogic engine; always present in a loaded ruleset.
    std::optional<JsonLogicRule> compiled;
    bool blocks = false;
    std::vector<ProgramRuleExercise> exercises;
    std::vector<ProgramRuleModification> modifications;
    std::vector<std::string> notes;
    std::vector<std::string> precautions;
    std::vector<std::string> furtherAssessment;
    std::string finding;
    std::string reference;
    std::string rationale;
};

/// The stop-and-call-us box every handout prints (exercises.md G5; red-flags.md §6), as list items that
/// complete "Stop and call us if", "Go to an emergency department straight away if you notice" and
/// "Contact your doctor the same day if".
struct SafetyNet
{
    std::vector<std::string> stopAndCall;
    std::vector<std::string> emergency;
    std::vector<std::string> sameDayDoctor;
};

class ProgramRuleset;

/// The program ruleset, forms/program/program-rules.json (schemaVersion 1): id, version, references, the
/// G8 limits and the rules PROG-NN in evaluation order. Loading checks every field, that each rule's
/// exercise ids and modification ids exist in `catalogue`, that its reference resolves, that rule ids are
/// unique, and that each `var` in its JsonLogic names a key of the generator's data object.
class ProgramRuleset
{
public:
    static constexpr int schemaVersion = 1;

    static std::pair<std::optional<ProgramRuleset>, std::vector<Diagnostic>> load(const std::filesystem::path& file,
                                                                                  const ExerciseCatalogue& catalogue);
    /// formsDirectory()/program/program-rules.json.
    static std::pair<std::optional<ProgramRuleset>, std::vector<Diagnostic>>
    loadDefault(const ExerciseCatalogue& catalogue);

    /// The data keys a rule's `var` may read in each phase (docs/handout.md).
    static const std::vector<std::string>& dataKeys(ProgramRulePhase phase);

    const std::string& id() const { return m_id; }

    const std::string& version() const { return m_version; }

    const std::vector<ProgramRule>& rules() const { return m_rules; }

    const std::map<std::string, std::string>& references() const { return m_references; }

    const SafetyNet& safetyNet() const { return m_safetyNet; }

    int maxExercises() const { return m_maxExercises; }

    int minActivationExercises() const { return m_minActivationExercises; }

private:
    std::string m_id;
    std::string m_version;
    std::vector<ProgramRule> m_rules;
    std::map<std::string, std::string> m_references;
    SafetyNet m_safetyNet;
    int m_maxExercises = 6;
    int m_minActivationExercises = 1;

    friend class ProgramRulesetReader;
};

} // namespace backscreen::core
