#pragma once

#include "core/program/ExerciseCatalogue.h"
#include "core/program/Program.h"
#include "core/program/ProgramRequest.h"
#include "core/program/ProgramRuleset.h"

#include <string>
#include <vector>

namespace backscreen::core {

struct GeneratedProgram
{
    Program program;
    /// Every program rule whose logic held, in evaluation order.
    std::vector<std::string> firedRuleIds;
    /// Exercises the rules chose but the G8 cap left out, most important first, for the therapist.
    std::vector<std::string> omittedExerciseIds;
};

/// Generates the default home program from a screening (ProgramRequest) with the program ruleset's
/// JsonLogic rules and the exercise catalogue:
///
/// 1. G1: a request with programBlocked true (or one a `blocks` rule catches) throws ProgramBlockedError
///    naming the triage, the blocking rule ids and the missing questions. The programBlocked check is also
///    made in code, so an edited ruleset cannot issue a program for a blocked screen.
/// 2. Select rules run in file order on ProgramRequest::toData(); each adds exercises (with the rule id and
///    its finding as the reason), notes, precautions and further-assessment lines.
/// 3. Complete rules run on the same data plus `selected`, `selected_count` and
///    `selected_activation_count` (G8's "at least one activation exercise").
/// 4. The G8 cap keeps the `maxExercises` most important exercises (lowest priority number, then first
///    added), swapping in activation exercises when fewer than `minActivationExercises` survive.
/// 5. Modifications (G6 nerve-friendly form, notes) apply to the exercises kept, and their precautions are
///    added only when they touched one.
///
/// Exercises are ordered by priority; each has the catalogue's default dose.
class ProgramGenerator
{
public:
    ProgramGenerator(const ExerciseCatalogue& catalogue, const ProgramRuleset& ruleset);

    GeneratedProgram generate(const ProgramRequest& request) const;

    /// An exercise the therapist adds by hand to a program for this screening: the catalogue's default dose,
    /// the reason {"therapist", "added by the therapist"}, and the modifications of every rule that holds
    /// for `request` (so a hamstring stretch added for a radicular client is nerve-friendly, G6). The
    /// rules' precautions are the program's and are not repeated here. Throws backscreen::Error
    /// (ProgramEditRejected) for an id the catalogue does not have.
    ProgramExercise exerciseFor(const ProgramRequest& request, const std::string& exerciseId) const;

private:
    const ExerciseCatalogue& m_catalogue;
    const ProgramRuleset& m_ruleset;

    /// Applies one modification to the exercise if it matches by id or tag; returns whether it did.
    bool applyModification(const ProgramRule& rule,
                           const ProgramRuleModification& modification,
                           ProgramExercise& exercise) const;
};

} // namespace backscreen::core
