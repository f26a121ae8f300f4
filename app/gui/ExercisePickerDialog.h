#pragma once

#include "core/program/ExerciseCatalogue.h"

#include <QDialog>

#include <set>
#include <string>

class QLineEdit;
class QListWidget;
class QPushButton;

namespace backscreen::app {

/// Picks an exercise from the catalogue to add to a program: every exercise with its start illustration,
/// name, kind and target, narrowed by a search box (name, id, target or tag). Exercises the program holds
/// already are shown but cannot be chosen. Down from the search box moves into the list; Enter adds.
class ExercisePickerDialog : public QDialog
{
    Q_OBJECT

public:
    /// The list is filled here from `catalogue`; the dialog keeps no reference to it.
    ExercisePickerDialog(const core::ExerciseCatalogue& catalogue,
                         const std::set<std::string>& alreadyInProgram,
                         QWidget* parent = nullptr);

    /// The exercise chosen, or an empty string.
    std::string selectedExerciseId() const;

    QLineEdit* searchEdit() const { return m_search; }

    QListWidget* list() const { return m_list; }

    /// How many exercises the search leaves visible.
    int visibleCount() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void applyFilter();
    void updateButtons();

    QLineEdit* m_search;
    QListWidget* m_list;
    QPushButton* m_addButton;
};

} // namespace backscreen::app
