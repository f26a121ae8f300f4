#pragma once

#include "core/program/Dosage.h"
#include "core/program/Program.h"

#include <cstddef>
#include <string>
#include <vector>

namespace backscreen::core {

/// What changed in one exercise between two versions of a program, or its arrival or departure.
struct ProgramChange
{
    enum class Kind
    {
        Added,
        Removed,
        /// Its place among the exercises both versions hold changed.
        Moved,
        DosageChanged,
        NoteChanged,
    };

    Kind kind = Kind::Added;
    std::string exerciseId;
    /// 1-based places in the older and newer version; 0 where the exercise is not in that version.
    std::size_t oldPosition = 0;
    std::size_t newPosition = 0;
    /// DosageChanged: dosageInWords of each side. NoteChanged: the two notes.
    std::string before;
    std::string after;

    bool operator==(const ProgramChange& other) const = default;
};

/// The differences between two versions of a client's program, exercise by exercise in the newer version's
/// order (removed exercises last, in the older version's order), then the program-level notes and
/// precautions added or dropped. An exercise counts as moved only when its place among the exercises both
/// versions hold changed, so adding one at the top does not mark every other exercise as moved.
struct ProgramComparison
{
    int oldVersion = 0;
    int newVersion = 0;
    std::vector<ProgramChange> changes;
    std::vector<std::string> notesAdded;
    std::vector<std::string> notesRemoved;
    std::vector<std::string> precautionsAdded;
    std::vector<std::string> precautionsRemoved;

    static ProgramComparison compare(const Program& older, const Program& newer);

    bool empty() const
    {
        return changes.empty() && notesAdded.empty() && notesRemoved.empty() && precautionsAdded.empty()
               && precautionsRemoved.empty();
    }

    /// One line per change for the clinician, e.g. "EX-CO-01: dose changed from … to …", without final stops.
    std::vector<std::string> describe() const;
};

const char* programChangeKindName(ProgramChange::Kind kind);

} // namespace backscreen::core
