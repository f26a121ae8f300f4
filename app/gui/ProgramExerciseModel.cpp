#include "ProgramExerciseModel.h"

#include "ExerciseIllustration.h"
#include "TextConversion.h"

namespace backscreen::app {

ProgramExerciseModel::ProgramExerciseModel(const core::ExerciseCatalogue& catalogue, QObject* parent)
    : QAbstractTableModel(parent)
    , m_catalogue(catalogue)
{}

void ProgramExerciseModel::setProgram(const core::Program& program)
{
    beginResetModel();
    m_program = program;
    endResetModel();
}

int ProgramExerciseModel::rowOf(const std::string& exerciseId) const
{
    const std::size_t index = m_program.indexOf(exerciseId);
    return index < m_program.exercises.size() ? static_cast<int>(index) : -1;
}

int ProgramExerciseModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_program.exercises.size());
}

int ProgramExerciseModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProgramExerciseModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const core::ProgramExercise& item = m_program.exercises[static_cast<std::size_t>(index.row())];
    const core::Exercise* exercise = m_catalogue.find(item.exerciseId);
    const QString name = exercise != nullptr ? toQString(exercise->name) : toQString(item.exerciseId);
    if (role == ExerciseIdRole) {
        return toQString(item.exerciseId);
    }
    switch (index.column()) {
    case ExerciseColumn:
        if (role == Qt::DisplayRole) {
            return tr("%1. %2\n%3%4")
                .arg(index.row() + 1)
                .arg(name, toQString(item.exerciseId), item.nerveFriendly ? tr(" · nerve-friendly form") : QString());
        }
        if (role == Qt::DecorationRole && exercise != nullptr) {
            return ExerciseIllustration::pixmap(exercise->startIllustration, QSize(72, 54));
        }
        if (role == Qt::ToolTipRole && exercise != nullptr) {
            return toQString(exercise->target);
        }
        if (role == Qt::AccessibleTextRole) {
            return tr("%1, exercise %2").arg(name).arg(index.row() + 1);
        }
        break;
    case DoseColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == Qt::AccessibleTextRole) {
            return toQString(core::dosageInWords(item.dosage));
        }
        break;
    case NoteColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == Qt::AccessibleTextRole) {
            return toQString(item.note);
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant ProgramExerciseModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case ExerciseColumn:
        return tr("Exercise");
    case DoseColumn:
        return tr("Dose");
    case NoteColumn:
        return tr("Note for the client");
    default:
        return {};
    }
}

} // namespace backscreen::app
