#pragma once

#include "core/program/ExerciseCatalogue.h"
#include "core/program/Program.h"

#include <QAbstractTableModel>

namespace backscreen::app {

/// The exercises of the program being edited, one row each in handout order: the exercise (name, id and a
/// thumbnail of its start illustration), the dose in the client's words and the therapist's note.
/// Read-only: the program editor changes the program through undoable commands and hands the result here.
class ProgramExerciseModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        ExerciseColumn,
        DoseColumn,
        NoteColumn,
        ColumnCount,
    };

    /// The exercise id of a row (any column).
    static constexpr int ExerciseIdRole = Qt::UserRole + 1;

    /// `catalogue` must outlive the model.
    explicit ProgramExerciseModel(const core::ExerciseCatalogue& catalogue, QObject* parent = nullptr);

    void setProgram(const core::Program& program);

    const core::Program& program() const { return m_program; }

    /// The row of an exercise, or -1.
    int rowOf(const std::string& exerciseId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const core::ExerciseCatalogue& m_catalogue;
    core::Program m_program;
};

} // namespace backscreen::app
