#include "ProgramComparisonDialog.h"

#include "TextConversion.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace backscreen::app {

ProgramComparisonDialog::ProgramComparisonDialog(const core::ProgramComparison& comparison,
                                                 const core::ExerciseCatalogue& catalogue,
                                                 const QString& olderLabel,
                                                 const QString& newerLabel,
                                                 QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("programComparisonDialog"));
    setWindowTitle(tr("Compare %1 with %2").arg(newerLabel, olderLabel));
    setAccessibleName(tr("Program comparison"));
    resize(900, 480);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("comparisonSummaryLabel"));
    m_summary->setAccessibleName(tr("Comparison summary"));
    m_summary->setWordWrap(true);

    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("comparisonTableWidget"));
    m_table->setAccessibleName(tr("Changes"));
    m_table->setToolTip(tr("Every change from the older to the newer version"));
    m_table->setHorizontalHeaderLabels({tr("Change"), tr("Exercise"), tr("Before"), tr("After")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(0, 110);
    m_table->setColumnWidth(1, 220);
    // Before and after share the room left, so the two sides of a change read alike.
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);

    auto addRow = [this](const QString& change, const QString& exercise, const QString& before, const QString& after) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(change));
        m_table->setItem(row, 1, new QTableWidgetItem(exercise));
        m_table->setItem(row, 2, new QTableWidgetItem(before));
        m_table->setItem(row, 3, new QTableWidgetItem(after));
    };
    for (const core::ProgramChange& change : comparison.changes) {
        const core::Exercise* exercise = catalogue.find(change.exerciseId);
        const QString name = exercise != nullptr
                                 ? tr("%1 (%2)").arg(toQString(exercise->name), toQString(change.exerciseId))
                                 : toQString(change.exerciseId);
        const QString oldPlace = tr("position %1").arg(change.oldPosition);
        const QString newPlace = tr("position %1").arg(change.newPosition);
        switch (change.kind) {
        case core::ProgramChange::Kind::Added:
            addRow(tr("Added"), name, QString(), newPlace);
            break;
        case core::ProgramChange::Kind::Removed:
            addRow(tr("Removed"), name, oldPlace, QString());
            break;
        case core::ProgramChange::Kind::Moved:
            addRow(tr("Moved"), name, oldPlace, newPlace);
            break;
        case core::ProgramChange::Kind::DosageChanged:
            addRow(tr("Dose"), name, toQString(change.before), toQString(change.after));
            break;
        case core::ProgramChange::Kind::NoteChanged:
            addRow(tr("Note"), name, toQString(change.before), toQString(change.after));
            break;
        }
    }
    for (const std::string& note : comparison.notesAdded) {
        addRow(tr("Note added"), tr("Program"), QString(), toQString(note));
    }
    for (const std::string& note : comparison.notesRemoved) {
        addRow(tr("Note removed"), tr("Program"), toQString(note), QString());
    }
    for (const std::string& precaution : comparison.precautionsAdded) {
        addRow(tr("Precaution added"), tr("Program"), QString(), toQString(precaution));
    }
    for (const std::string& precaution : comparison.precautionsRemoved) {
        addRow(tr("Precaution removed"), tr("Program"), toQString(precaution), QString());
    }
    m_table->resizeRowsToContents();
    m_summary->setText(
        comparison.empty()
            ? tr("%1 is the same as %2.").arg(newerLabel, olderLabel)
            : tr("%n change(s) from %1 to %2.", nullptr, m_table->rowCount()).arg(olderLabel, newerLabel));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* close = buttons->button(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("comparisonCloseButton"));
    close->setAccessibleName(tr("Close"));
    close->setToolTip(tr("Close the comparison"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
}

} // namespace backscreen::app
