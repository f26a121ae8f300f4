#pragma once

#include "app/print/HandoutRenderer.h"
#include "core/program/ExerciseCatalogue.h"
#include "core/program/Program.h"
#include "core/program/ProgramComparison.h"
#include "core/program/ProgramRuleset.h"
#include "db/Records.h"

#include <QWidget>

#include <memory>
#include <optional>
#include <string>
#include <vector>

class QAction;
class QLabel;
class QPlainTextEdit;
class QPrintPreviewDialog;
class QPrinter;
class QTableView;
class QUndoStack;

namespace backscreen::core {
class ScreeningEngine;
}

namespace backscreen::db {
class ClinicService;
}

namespace backscreen::app {

class DosageEditor;
class ProgramExerciseModel;

/// One client's home program as the therapist edits it: the exercises of the newest stored version with
/// their illustrations, dose and note; add (from the catalogue), remove, move up and down, edit the dose and
/// the note. Every edit is an undoable command on one QUndoStack (typing a note merges into one step); the
/// stack's clean state is the stored version, so "unsaved edits" is exact. Save stores the edits as the next
/// version through db::ClinicService (audited; a version saved meanwhile elsewhere is refused and nothing is
/// written). Compare shows what changed against the previous version. Print preview, Print and Save as PDF
/// render the client's handout with HandoutRenderer (the CLI's renderer), and are refused while the client's
/// latest screening blocks the program (exercises.md G1).
class ProgramEditorPage : public QWidget
{
    Q_OBJECT

public:
    /// The service, catalogue, ruleset and engine must outlive the page. The engine re-screens the latest
    /// screening with the clearances recorded after it (LatestScreening), so it is not reloaded per check.
    ProgramEditorPage(db::ClinicService& service,
                      const core::ExerciseCatalogue& catalogue,
                      const core::ProgramRuleset& ruleset,
                      const core::ScreeningEngine& engine,
                      QWidget* parent = nullptr);
    ~ProgramEditorPage() override;

    /// Loads the newest version of the client's program (an audited read) and clears the undo history.
    /// Throws backscreen::Error: RecordNotFound when the client has no program.
    void openProgram(db::RecordId clientId);

    db::RecordId clientId() const { return m_clientId; }

    /// The stored version the edits are made to.
    std::int64_t version() const { return m_loaded.version; }

    /// The program as shown, with any unsaved edits.
    const core::Program& program() const;

    bool isModified() const;

    /// Asks Save, Discard or Cancel when there are unsaved edits; true when the page may be left.
    bool maybeLeave();

    /// Saves the edits as the next version; false (after saying why) when nothing was saved.
    bool save();

    // Edits, each one undoable step. They act on the selected exercise and do nothing without one.
    void addExercise(const std::string& exerciseId);
    void removeSelected();
    void moveSelected(int offset);
    void setSelectedDosage(const core::Dosage& dosage);
    void setSelectedNote(const QString& note);
    /// The program's notes, one per line (blank lines dropped).
    void setProgramNotes(const QString& text);

    void selectExercise(const std::string& exerciseId);
    /// The selected exercise's id, or an empty string.
    std::string selectedExerciseId() const;

    /// Opens the catalogue picker (window-modal); the chosen exercise is added when it closes.
    void chooseExercise();

    /// What changed: the unsaved edits against the stored version, or else the stored version against the
    /// one before it; nullopt for a first version without edits. The labels name both sides.
    std::optional<core::ProgramComparison> comparison(QString* olderLabel = nullptr,
                                                      QString* newerLabel = nullptr) const;
    /// Shows the comparison in a dialog (window-modal), or says there is nothing to compare.
    void compareWithPrevious();

    /// Why the handout may not be printed now (the latest screening blocks the program), or empty.
    QString handoutRefusal() const;
    /// The handout's header: clinic (from the settings), client, signed-in therapist, today.
    HandoutDetails handoutDetails() const;
    /// "Handout NAME DATE.pdf" in the documents folder.
    QString defaultPdfFileName() const;

    /// Opens the print preview (window-modal) after the checks; nullptr when printing is refused.
    QPrintPreviewDialog* printPreview();
    /// The print dialog, then printing.
    void print();
    /// After the checks, asks for a file name and writes the handout there.
    void saveAsPdf();
    /// Writes the handout of the stored version to `path`; false (after saying why) when refused or failed.
    bool writePdf(const QString& path);
    /// Renders the handout on `printer` (the preview's paintRequested); the page count, 0 after a failure.
    int renderHandout(QPrinter* printer);

    ProgramExerciseModel* model() const { return m_model; }

    QTableView* table() const { return m_table; }

    QUndoStack* undoStack() const { return m_undoStack; }

    DosageEditor* dosageEditor() const { return m_dosageEditor; }

    QPlainTextEdit* noteEdit() const { return m_noteEdit; }

    QPlainTextEdit* programNotesEdit() const { return m_programNotesEdit; }

    QLabel* titleLabel() const { return m_titleLabel; }

    QLabel* blockedLabel() const { return m_blockedLabel; }

    /// The G8 warning (too many exercises, no activation exercise), empty when the program keeps to it.
    QLabel* sizeLabel() const { return m_sizeLabel; }

    QAction* undoAction() const { return m_undoAction; }

    QAction* redoAction() const { return m_redoAction; }

    QAction* saveAction() const { return m_saveAction; }

    QAction* addExerciseAction() const { return m_addAction; }

    QAction* removeExerciseAction() const { return m_removeAction; }

    QAction* moveUpAction() const { return m_moveUpAction; }

    QAction* moveDownAction() const { return m_moveDownAction; }

    QAction* compareAction() const { return m_compareAction; }

    QAction* printPreviewAction() const { return m_printPreviewAction; }

    QAction* printAction() const { return m_printAction; }

    QAction* savePdfAction() const { return m_savePdfAction; }

    QAction* closeAction() const { return m_closeAction; }

signals:
    void closeRequested();
    void programSaved(db::RecordId clientId, std::int64_t version);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    QAction* makeAction(const QString& text, const QString& objectName, const QString& toolTip);
    void push(const QString& text,
              core::Program after,
              const std::string& select,
              int mergeId = -1,
              const std::string& mergeKey = {});
    void apply(const core::Program& program, const std::string& select);
    static std::vector<std::string> notesOf(const QString& text);
    void refreshDetails();
    void updateSizeWarning();
    void updateTitle();
    void updateActions();
    /// The printer the handout goes to (page size from the locale), made on first use.
    QPrinter& printer();
    /// The checks before any printing: not blocked, no unsaved edits (offers to save them).
    bool readyToPrint();
    /// writePdf without the checks, for callers that have just made them.
    bool writeCheckedPdf(const QString& path);

    db::ClinicService& m_service;
    const core::ExerciseCatalogue& m_catalogue;
    const core::ProgramRuleset& m_ruleset;
    const core::ScreeningEngine& m_engine;
    HandoutRenderer m_renderer;
    /// Null until printer() first needs it.
    std::unique_ptr<QPrinter> m_printer;
    db::RecordId m_clientId = 0;
    QString m_clientName;
    db::HomeProgramVersionRecord m_loaded;
    core::Program m_loadedProgram;
    std::optional<core::Program> m_previousProgram;
    bool m_updating = false;
    bool m_shown = false;

    ProgramExerciseModel* m_model;
    QUndoStack* m_undoStack;
    QLabel* m_titleLabel;
    QLabel* m_blockedLabel;
    QTableView* m_table;
    QLabel* m_exerciseLabel;
    QLabel* m_startPicture;
    QLabel* m_endPicture;
    DosageEditor* m_dosageEditor;
    QPlainTextEdit* m_noteEdit;
    QPlainTextEdit* m_programNotesEdit;
    QLabel* m_reasonLabel;
    QLabel* m_sizeLabel;
    QAction* m_undoAction;
    QAction* m_redoAction;
    QAction* m_saveAction;
    QAction* m_addAction;
    QAction* m_removeAction;
    QAction* m_moveUpAction;
    QAction* m_moveDownAction;
    QAction* m_compareAction;
    QAction* m_printPreviewAction;
    QAction* m_printAction;
    QAction* m_savePdfAction;
    QAction* m_closeAction;
};

} // namespace backscreen::app
