#pragma once

#include "core/program/Program.h"

#include <QUndoCommand>

#include <functional>
#include <string>

namespace backscreen::app {

/// One edit of the program editor, undoable: the program before and after it (a program holds at most a
/// handful of exercises, so whole snapshots are cheap and make every undo exact). Consecutive edits of the
/// same text field of the same exercise (typing a note) merge into one step through id() and mergeWith().
class ProgramEditCommand : public QUndoCommand
{
public:
    /// Shows a program in the editor and selects an exercise (empty: keep the selection).
    using Apply = std::function<void(const core::Program& program, const std::string& selectExerciseId)>;

    /// The merge id of typing in a note.
    static constexpr int NoteEditId = 1;

    /// `mergeKey` (with a `mergeId` other than -1) says which field a typing edit changes, so typing in two
    /// exercises' notes gives two steps.
    ProgramEditCommand(const QString& text,
                       core::Program before,
                       core::Program after,
                       std::string selectExerciseId,
                       Apply apply,
                       int mergeId = -1,
                       std::string mergeKey = {});

    void undo() override;
    void redo() override;

    int id() const override { return m_mergeId; }

    bool mergeWith(const QUndoCommand* other) override;

private:
    core::Program m_before;
    core::Program m_after;
    std::string m_selectExerciseId;
    Apply m_apply;
    int m_mergeId;
    std::string m_mergeKey;
};

} // namespace backscreen::app
