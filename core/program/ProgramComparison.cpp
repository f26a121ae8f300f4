#include "ProgramComparison.h"

#include <algorithm>

namespace backscreen::core {

namespace {

std::vector<std::string> missingFrom(const std::vector<std::string>& from, const std::vector<std::string>& in)
{
    std::vector<std::string> missing;
    for (const std::string& line : from) {
        if (std::find(in.begin(), in.end(), line) == in.end()) {
            missing.push_back(line);
        }
    }
    return missing;
}

std::string quoted(const std::string& text)
{
    return text.empty() ? std::string("(none)") : "\"" + text + "\"";
}

} // namespace

const char* programChangeKindName(ProgramChange::Kind kind)
{
    switch (kind) {
    case ProgramChange::Kind::Added:
        return "added";
    case ProgramChange::Kind::Removed:
        return "removed";
    case ProgramChange::Kind::Moved:
        return "moved";
    case ProgramChange::Kind::DosageChanged:
        return "dosage";
    case ProgramChange::Kind::NoteChanged:
        return "note";
    }
    return "unknown";
}

ProgramComparison ProgramComparison::compare(const Program& older, const Program& newer)
{
    ProgramComparison comparison;
    comparison.oldVersion = older.version;
    comparison.newVersion = newer.version;

    // The order of the exercises both versions hold, each side, to tell a real move from a shift caused by an
    // addition or a removal.
    std::vector<std::string> keptOld;
    for (const ProgramExercise& exercise : older.exercises) {
        if (newer.contains(exercise.exerciseId)) {
            keptOld.push_back(exercise.exerciseId);
        }
    }
    std::vector<std::string> keptNew;
    for (const ProgramExercise& exercise : newer.exercises) {
        if (older.contains(exercise.exerciseId)) {
            keptNew.push_back(exercise.exerciseId);
        }
    }

    for (std::size_t index = 0; index < newer.exercises.size(); ++index) {
        const ProgramExercise& exercise = newer.exercises[index];
        const std::size_t oldIndex = older.indexOf(exercise.exerciseId);
        ProgramChange change;
        change.exerciseId = exercise.exerciseId;
        change.newPosition = index + 1;
        if (oldIndex == older.exercises.size()) {
            change.kind = ProgramChange::Kind::Added;
            comparison.changes.push_back(change);
            continue;
        }
        change.oldPosition = oldIndex + 1;
        const auto keptIndex = [](const std::vector<std::string>& kept, const std::string& id) {
            return std::find(kept.begin(), kept.end(), id) - kept.begin();
        };
        if (keptIndex(keptOld, exercise.exerciseId) != keptIndex(keptNew, exercise.exerciseId)) {
            change.kind = ProgramChange::Kind::Moved;
            comparison.changes.push_back(change);
        }
        const ProgramExercise& before = older.exercises[oldIndex];
        if (!(before.dosage == exercise.dosage)) {
            ProgramChange dosage = change;
            dosage.kind = ProgramChange::Kind::DosageChanged;
            dosage.before = dosageInWords(before.dosage);
            dosage.after = dosageInWords(exercise.dosage);
            comparison.changes.push_back(dosage);
        }
        if (before.note != exercise.note) {
            ProgramChange note = change;
            note.kind = ProgramChange::Kind::NoteChanged;
            note.before = before.note;
            note.after = exercise.note;
            comparison.changes.push_back(note);
        }
    }
    for (std::size_t index = 0; index < older.exercises.size(); ++index) {
        if (!newer.contains(older.exercises[index].exerciseId)) {
            ProgramChange change;
            change.kind = ProgramChange::Kind::Removed;
            change.exerciseId = older.exercises[index].exerciseId;
            change.oldPosition = index + 1;
            comparison.changes.push_back(change);
        }
    }
    comparison.notesAdded = missingFrom(newer.notes, older.notes);
    comparison.notesRemoved = missingFrom(older.notes, newer.notes);
    comparison.precautionsAdded = missingFrom(newer.precautions, older.precautions);
    comparison.precautionsRemoved = missingFrom(older.precautions, newer.precautions);
    return comparison;
}

std::vector<std::string> ProgramComparison::describe() const
{
    std::vector<std::string> lines;
    for (const ProgramChange& change : changes) {
        const std::string& id = change.exerciseId;
        switch (change.kind) {
        case ProgramChange::Kind::Added:
            lines.push_back(id + ": added at position " + std::to_string(change.newPosition));
            break;
        case ProgramChange::Kind::Removed:
            lines.push_back(id + ": removed from position " + std::to_string(change.oldPosition));
            break;
        case ProgramChange::Kind::Moved:
            lines.push_back(id + ": moved from position " + std::to_string(change.oldPosition) + " to "
                            + std::to_string(change.newPosition));
            break;
        case ProgramChange::Kind::DosageChanged:
            lines.push_back(id + ": dose changed from \"" + change.before + "\" to \"" + change.after + "\"");
            break;
        case ProgramChange::Kind::NoteChanged:
            lines.push_back(id + ": note changed from " + quoted(change.before) + " to " + quoted(change.after));
            break;
        }
    }
    for (const std::string& note : notesAdded) {
        lines.push_back("note added: \"" + note + "\"");
    }
    for (const std::string& note : notesRemoved) {
        lines.push_back("note removed: \"" + note + "\"");
    }
    for (const std::string& precaution : precautionsAdded) {
        lines.push_back("precaution added: \"" + precaution + "\"");
    }
    for (const std::string& precaution : precautionsRemoved) {
        lines.push_back("precaution removed: \"" + precaution + "\"");
    }
    return lines;
}

} // namespace backscreen::core
