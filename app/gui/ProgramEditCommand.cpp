#include "ProgramEditCommand.h"

namespace backscreen::app {

ProgramEditCommand::ProgramEditCommand(const QString& text,
                                       core::Program before,
                                       core::Program after,
                                       std::string selectExerciseId,
                                       Apply apply,
                                       int mergeId,
                                       std::string mergeKey)
    : QUndoCommand(text)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_selectExerciseId(std::move(selectExerciseId))
    , m_apply(std::move(apply))
    , m_mergeId(mergeId)
    , m_mergeKey(std::move(mergeKey))
{}

void ProgramEditCommand::undo()
{
    m_apply(m_before, m_selectExerciseId);
}

void ProgramEditCommand::redo()
{
    m_apply(m_after, m_selectExerciseId);
}

bool ProgramEditCommand::mergeWith(const QUndoCommand* other)
{
    const auto* edit = dynamic_cast<const ProgramEditCommand*>(other);
    if (edit == nullptr || edit->m_mergeId != m_mergeId || edit->m_mergeKey != m_mergeKey) {
        return false;
    }
    m_after = edit->m_after;
    // Typing back to where it started leaves nothing to undo.
    setObsolete(m_after == m_before);
    return true;
}

} // namespace backscreen::app
