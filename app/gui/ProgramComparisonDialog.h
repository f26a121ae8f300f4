#pragma once

#include "core/program/ExerciseCatalogue.h"
#include "core/program/ProgramComparison.h"

#include <QDialog>

class QLabel;
class QTableWidget;

namespace backscreen::app {

/// Shows what changed between two versions of a client's program: one row per change (added, removed,
/// moved, dose, note, and the program's notes and precautions) with the exercise's name and both sides.
class ProgramComparisonDialog : public QDialog
{
    Q_OBJECT

public:
    /// `newerLabel` names the newer side ("version 3", or "your unsaved edits").
    ProgramComparisonDialog(const core::ProgramComparison& comparison,
                            const core::ExerciseCatalogue& catalogue,
                            const QString& olderLabel,
                            const QString& newerLabel,
                            QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }

    QLabel* summaryLabel() const { return m_summary; }

private:
    QLabel* m_summary;
    QTableWidget* m_table;
};

} // namespace backscreen::app
