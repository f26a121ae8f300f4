#include "ProgramGenerator.h"

#include "core/common/Error.h"
#include "core/program/ProgramBlockedError.h"

#include <algorithm>

namespace backscreen::core {

namespace {

struct Candidate
{
    std::string exerciseId;
    int priority = 0;
    std::size_t sequence = 0;
    std::vector<ProgramReason> reasons;
};

void addUnique(std::vector<std::string>& list, const std::string& entry)
{
    if (std::find(list.begin(), list.end(), entry) == list.end()) {
        list.push_back(entry);
    }
}

} // namespace

bool ProgramGenerator::applyModification(const ProgramRule& rule,
                                         const ProgramRuleModification& modification,
                                         ProgramExercise& exercise) const
{
    const Exercise& entry = *m_catalogue.find(exercise.exerciseId);
    bool matches =
        modification.tag.empty()
            ? std::find(modification.exerciseIds.begin(), modification.exerciseIds.end(), exercise.exerciseId)
                  != modification.exerciseIds.end()
            : entry.hasTag(modification.tag);
    if (!matches) {
        return false;
    }
    exercise.nerveFriendly = exercise.nerveFriendly || modification.nerveFriendly;
    if (!modification.note.empty() && exercise.note.find(modification.note) == std::string::npos) {
        exercise.note += exercise.note.empty() ? modification.note : " " + modification.note;
    }
    exercise.reasons.push_back(ProgramReason{rule.id, rule.finding});
    return true;
}

ProgramExercise ProgramGenerator::exerciseFor(const ProgramRequest& request, const std::string& exerciseId) const
{
    const Exercise* entry = m_catalogue.find(exerciseId);
    if (entry == nullptr) {
        throw Error(ErrorCode::ProgramEditRejected,
                    "program: exercise \"" + exerciseId + "\" is not in the catalogue " + m_catalogue.version());
    }
    ProgramExercise exercise;
    exercise.exerciseId = exerciseId;
    exercise.dosage = entry->dosage;
    exercise.reasons.push_back(ProgramReason{"therapist", "added by the therapist"});
    const JsonValue data = request.toData();
    for (const ProgramRule& rule : m_ruleset.rules()) {
        if (rule.phase != ProgramRulePhase::Select || rule.modifications.empty() || !rule.compiled->isTruthy(data)) {
            continue;
        }
        for (const ProgramRuleModification& modification : rule.modifications) {
            applyModification(rule, modification, exercise);
        }
    }
    return exercise;
}

ProgramGenerator::ProgramGenerator(const ExerciseCatalogue& catalogue, const ProgramRuleset& ruleset)
    : m_catalogue(catalogue)
    , m_ruleset(ruleset)
{}

GeneratedProgram ProgramGenerator::generate(const ProgramRequest& request) const
{
    if (request.programBlocked || triageBlocksProgram(request.triage)) {
        throw ProgramBlockedError(
            request.triage, request.blockingRuleIds, request.missingInputs, request.blockingReason);
    }
    GeneratedProgram result;
    Program& program = result.program;
    program.rulesetId = m_ruleset.id();
    program.rulesetVersion = m_ruleset.version();
    program.catalogueVersion = m_catalogue.version();

    std::vector<Candidate> candidates;
    std::vector<std::pair<const ProgramRule*, const ProgramRuleModification*>> modifications;
    auto fire = [&](const ProgramRule& rule) {
        result.firedRuleIds.push_back(rule.id);
        for (const ProgramRuleExercise& chosen : rule.exercises) {
            auto existing = std::find_if(candidates.begin(), candidates.end(), [&](const Candidate& candidate) {
                return candidate.exerciseId == chosen.exerciseId;
            });
            if (existing == candidates.end()) {
                candidates.push_back(Candidate{chosen.exerciseId, chosen.priority, candidates.size(), {}});
                existing = candidates.end() - 1;
            }
            existing->priority = std::min(existing->priority, chosen.priority);
            existing->reasons.push_back(ProgramReason{rule.id, rule.finding});
        }
        for (const std::string& note : rule.notes) {
            addUnique(program.notes, note);
        }
        for (const std::string& precaution : rule.precautions) {
            addUnique(program.precautions, precaution);
        }
        for (const std::string& line : rule.furtherAssessment) {
            addUnique(program.furtherAssessment, line);
        }
        for (const ProgramRuleModification& modification : rule.modifications) {
            modifications.emplace_back(&rule, &modification);
        }
    };

    const JsonValue data = request.toData();
    for (const ProgramRule& rule : m_ruleset.rules()) {
        if (rule.phase != ProgramRulePhase::Select || !rule.compiled->isTruthy(data)) {
            continue;
        }
        if (rule.blocks) {
            std::vector<std::string> ruleIds = request.blockingRuleIds;
            ruleIds.push_back(rule.id);
            throw ProgramBlockedError(request.triage, ruleIds, request.missingInputs, rule.finding);
        }
        fire(rule);
    }

    auto isActivation = [&](const std::string& exerciseId) {
        const Exercise* exercise = m_catalogue.find(exerciseId);
        return exercise != nullptr && exercise->category == ExerciseCategory::Activation;
    };
    auto completeData = [&] {
        JsonValue::Object members = data.asObject();
        JsonValue::Array selected;
        int activations = 0;
        for (const Candidate& candidate : candidates) {
            selected.emplace_back(candidate.exerciseId);
            activations += isActivation(candidate.exerciseId) ? 1 : 0;
        }
        members.emplace_back("selected", JsonValue(std::move(selected)));
        members.emplace_back("selected_count", static_cast<int>(candidates.size()));
        members.emplace_back("selected_activation_count", activations);
        return JsonValue(std::move(members));
    };
    for (const ProgramRule& rule : m_ruleset.rules()) {
        if (rule.phase == ProgramRulePhase::Complete && rule.compiled->isTruthy(completeData())) {
            fire(rule);
        }
    }

    // G8: most important first; keep the cap, then make sure enough activation exercises survive.
    auto byImportance = [](const Candidate& left, const Candidate& right) {
        return left.priority != right.priority ? left.priority < right.priority : left.sequence < right.sequence;
    };
    std::stable_sort(candidates.begin(), candidates.end(), byImportance);
    const std::size_t cap = static_cast<std::size_t>(m_ruleset.maxExercises());
    std::vector<Candidate> kept(candidates.begin(),
                                candidates.begin() + static_cast<std::ptrdiff_t>(std::min(cap, candidates.size())));
    std::vector<Candidate> dropped(candidates.begin() + static_cast<std::ptrdiff_t>(kept.size()), candidates.end());
    auto activationCount = [&] {
        return static_cast<int>(std::count_if(
            kept.begin(), kept.end(), [&](const Candidate& candidate) { return isActivation(candidate.exerciseId); }));
    };
    while (activationCount() < m_ruleset.minActivationExercises()) {
        auto swapIn = std::find_if(dropped.begin(), dropped.end(), [&](const Candidate& candidate) {
            return isActivation(candidate.exerciseId);
        });
        auto swapOut = std::find_if(kept.rbegin(), kept.rend(), [&](const Candidate& candidate) {
            return !isActivation(candidate.exerciseId);
        });
        if (swapIn == dropped.end() || swapOut == kept.rend()) {
            break;
        }
        std::swap(*swapIn, *swapOut);
        std::stable_sort(kept.begin(), kept.end(), byImportance);
    }
    std::stable_sort(dropped.begin(), dropped.end(), byImportance);
    for (const Candidate& candidate : dropped) {
        result.omittedExerciseIds.push_back(candidate.exerciseId);
    }

    for (Candidate& candidate : kept) {
        ProgramExercise exercise;
        exercise.exerciseId = candidate.exerciseId;
        exercise.dosage = m_catalogue.find(candidate.exerciseId)->dosage;
        exercise.reasons = std::move(candidate.reasons);
        program.exercises.push_back(std::move(exercise));
    }
    for (const auto& [rule, modification] : modifications) {
        bool touched = false;
        for (ProgramExercise& exercise : program.exercises) {
            touched = applyModification(*rule, *modification, exercise) || touched;
        }
        if (touched && !modification->precaution.empty()) {
            addUnique(program.precautions, modification->precaution);
        }
    }
    return result;
}

} // namespace backscreen::core
