#include "AppTestSupport.h"
#include "ScreenshotCheck.h"
#include "support/PdfInspect.h"

#include "app/gui/ClientRecordPage.h"
#include "app/gui/DosageEditor.h"
#include "app/gui/ExercisePickerDialog.h"
#include "app/gui/MainWindow.h"
#include "app/gui/MessageBox.h"
#include "app/gui/ProgramComparisonDialog.h"
#include "app/gui/ProgramEditorPage.h"
#include "app/gui/ProgramExerciseModel.h"
#include "app/gui/StoredScreening.h"
#include "core/json/JsonReader.h"
#include "core/program/ExerciseCatalogue.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <filesystem>

using namespace backscreen;
using app::test::AppTestEnvironment;
using app::test::clientNamed;
using app::test::intakeQuestionnaire;
using backscreen::tests::pdfPageCount;
using backscreen::tests::pdfText;

namespace {

core::Program storedProgram(const db::HomeProgramVersionRecord& record)
{
    core::Program program =
        core::Program::fromJson(*core::JsonReader::parse(record.contentJson, "stored").value, "stored");
    return program;
}

std::vector<std::string> order(const core::Program& program)
{
    std::vector<std::string> ids;
    for (const core::ProgramExercise& exercise : program.exercises) {
        ids.push_back(exercise.exerciseId);
    }
    return ids;
}

/// A window on the demo database with the editor open on one client's program.
struct EditorFixture
{
    AppTestEnvironment environment;
    std::unique_ptr<app::ClinicSession> session = environment.openDemoSession();
    app::MainWindow window{*session, intakeQuestionnaire(), app::test::screeningEngine()};
    db::RecordId clientId = 0;
    app::ProgramEditorPage* editor = nullptr;

    void open(const std::string& familyName)
    {
        clientId = clientNamed(session->service(), familyName);
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
        window.openClient(clientId);
        ASSERT_EQ(window.currentPage(), window.clientRecordPage());
        ASSERT_TRUE(window.clientRecordPage()->openProgramButton()->isEnabled());
        window.clientRecordPage()->openProgramButton()->click();
        editor = window.programEditorPage();
        ASSERT_NE(editor, nullptr);
        ASSERT_EQ(window.currentPage(), editor);
        editor->table()->setFocus();
    }

    /// Where the keys go: the focused widget, else the exercise list.
    QWidget* focus() const
    {
        return QApplication::focusWidget() != nullptr ? QApplication::focusWidget() : editor->table();
    }

    void undo() { QTest::keyClick(focus(), Qt::Key_Z, Qt::ControlModifier); }

    void redo() { QTest::keyClick(focus(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier); }

    /// Types into a dose field and presses Enter, as the therapist does.
    void typeDose(app::DosageEditor::Field field, const QString& text)
    {
        QLineEdit* edit = editor->dosageEditor()->field(field);
        edit->setFocus();
        edit->selectAll();
        QTest::keyClicks(edit, text);
        QTest::keyClick(edit, Qt::Key_Return);
    }
};

/// Stores a screening of a vignette at a new visit, as the intake page does.
db::RecordId storeScreening(app::ClinicSession& session, db::RecordId clientId, const std::string& vignette)
{
    db::VisitRecord visit;
    visit.clientId = clientId;
    visit.visitDate = "2026-11-24";
    visit.kind = "review";
    const db::RecordId visitId = session.service().addVisit(visit).id;
    const core::ScreeningResult result = app::test::screeningEngine().screen(app::test::vignetteAnswers(vignette));
    return session.service().saveScreening(app::StoredScreening::toRecord(visitId, result)).id;
}

} // namespace

TEST(ProgramEditor, OpensTheNewestVersionWithIllustrations)
{
    EditorFixture fixture;
    ASSERT_NO_FATAL_FAILURE(fixture.open("Lindqvist"));
    app::ProgramEditorPage& editor = *fixture.editor;
    const db::ClientHistory history = fixture.session->service().clientHistory(fixture.clientId);
    ASSERT_EQ(history.programVersions.size(), 2u);
    EXPECT_EQ(editor.version(), 2);
    const core::Program stored = storedProgram(history.programVersions.back());
    EXPECT_EQ(order(editor.program()), order(stored));
    ASSERT_GT(editor.model()->rowCount(), 0);
    EXPECT_EQ(editor.titleLabel()->text(), QStringLiteral("Home program for Anna Lindqvist — version 2"));
    const QVariant thumbnail =
        editor.model()->index(0, app::ProgramExerciseModel::ExerciseColumn).data(Qt::DecorationRole);
    ASSERT_TRUE(thumbnail.canConvert<QPixmap>());
    EXPECT_EQ(thumbnail.value<QPixmap>().size(), QSize(72, 54));
    EXPECT_EQ(editor.selectedExerciseId(), stored.exercises.front().exerciseId);
    EXPECT_EQ(editor.model()->index(0, app::ProgramExerciseModel::DoseColumn).data().toString().toStdString(),
              core::dosageInWords(stored.exercises.front().dosage));
    EXPECT_FALSE(editor.isModified());
    EXPECT_FALSE(editor.undoAction()->isEnabled());
    EXPECT_FALSE(editor.saveAction()->isEnabled());
    EXPECT_TRUE(editor.blockedLabel()->isHidden());

    // The programs table opens the editor with Enter too.
    editor.closeAction()->trigger();
    ASSERT_EQ(fixture.window.currentPage(), fixture.window.clientRecordPage());
    QTableView* programs = fixture.window.clientRecordPage()->programsTableView();
    programs->setFocus();
    programs->setCurrentIndex(programs->model()->index(0, 0));
    QTest::keyClick(programs, Qt::Key_Return);
    EXPECT_EQ(fixture.window.currentPage(), fixture.window.programEditorPage());
}

TEST(ProgramEditor, AddRemoveAndMoveByKeyboardAreUndoneAndRedone)
{
    EditorFixture fixture;
    ASSERT_NO_FATAL_FAILURE(fixture.open("Lindqvist"));
    app::ProgramEditorPage& editor = *fixture.editor;
    const core::Program original = editor.program();
    const std::vector<std::string> ids = order(original);
    ASSERT_EQ(ids.size(), 6u);

    // Move the first exercise down with Ctrl+Down.
    editor.selectExercise(ids[0]);
    QTest::keyClick(editor.table(), Qt::Key_Down, Qt::ControlModifier);
    std::vector<std::string> moved = ids;
    std::swap(moved[0], moved[1]);
    EXPECT_EQ(order(editor.program()), moved);
    EXPECT_EQ(editor.selectedExerciseId(), ids[0]);
    EXPECT_TRUE(editor.isModified());
    EXPECT_TRUE(editor.titleLabel()->text().endsWith(QStringLiteral("edited (not saved)")));
    fixture.undo();
    EXPECT_EQ(order(editor.program()), ids);
    EXPECT_FALSE(editor.isModified());
    fixture.redo();
    EXPECT_EQ(order(editor.program()), moved);
    QTest::keyClick(editor.table(), Qt::Key_Up, Qt::ControlModifier);
    EXPECT_EQ(order(editor.program()), ids);
    EXPECT_EQ(editor.undoStack()->count(), 2);

    // Remove the selected exercise with Delete.
    editor.selectExercise(ids[1]);
    QTest::keyClick(editor.table(), Qt::Key_Delete);
    EXPECT_FALSE(editor.program().contains(ids[1]));
    EXPECT_EQ(editor.program().exercises.size(), ids.size() - 1);
    EXPECT_EQ(editor.selectedExerciseId(), ids[2]);
    fixture.undo();
    EXPECT_EQ(editor.program(), original);
    fixture.redo();
    EXPECT_FALSE(editor.program().contains(ids[1]));
    fixture.undo();

    // Add from the catalogue: Insert opens the picker, the search narrows it, Enter adds.
    std::vector<core::Diagnostic> problems;
    const auto forms = app::HomeProgramStarter::loadDefault(problems);
    ASSERT_NE(forms, nullptr);
    std::string newcomer;
    for (const core::Exercise& exercise : forms->catalogue().exercises()) {
        if (!original.contains(exercise.id)) {
            newcomer = exercise.id;
            break;
        }
    }
    ASSERT_FALSE(newcomer.empty());
    editor.table()->setFocus();
    QTest::keyClick(editor.table(), Qt::Key_Insert);
    auto* picker = editor.findChild<app::ExercisePickerDialog*>();
    ASSERT_NE(picker, nullptr);
    ASSERT_TRUE(picker->isVisible());
    EXPECT_EQ(picker->visibleCount(), static_cast<int>(forms->catalogue().exercises().size()));
    QTest::keyClicks(picker->searchEdit(), QString::fromStdString(newcomer));
    EXPECT_EQ(picker->visibleCount(), 1);
    EXPECT_EQ(picker->selectedExerciseId(), newcomer);
    QTest::keyClick(picker->searchEdit(), Qt::Key_Return);
    QApplication::processEvents();
    ASSERT_TRUE(editor.program().contains(newcomer));
    EXPECT_EQ(editor.program().exercises.back().exerciseId, newcomer);
    EXPECT_EQ(editor.program().exercises.back().reasons.front(),
              (core::ProgramReason{"therapist", "added by the therapist"}));
    EXPECT_EQ(editor.selectedExerciseId(), newcomer);
    EXPECT_EQ(editor.undoStack()->count(), 3);
    EXPECT_EQ(editor.undoStack()->undoText().toStdString(), "Add " + forms->catalogue().find(newcomer)->name);
    // Seven exercises go beyond G8's six: a warning, not a refusal.
    EXPECT_EQ(editor.sizeLabel()->text(), QStringLiteral("7 exercises: a handout should hold at most 6 (G8)"));
    // The picker was its own window: the keys go to the main window once it is active again.
    fixture.window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&fixture.window));
    editor.table()->setFocus();
    fixture.undo();
    EXPECT_EQ(order(editor.program()), ids);
    EXPECT_EQ(editor.program(), original);
    EXPECT_EQ(editor.sizeLabel()->text(), QString());
    fixture.redo();
    EXPECT_TRUE(editor.program().contains(newcomer));

    // An exercise already in the program cannot be picked again.
    editor.chooseExercise();
    picker = nullptr;
    for (auto* candidate : editor.findChildren<app::ExercisePickerDialog*>()) {
        if (candidate->isVisible()) {
            picker = candidate;
        }
    }
    ASSERT_NE(picker, nullptr);
    QTest::keyClicks(picker->searchEdit(), QString::fromStdString(ids[0]));
    EXPECT_EQ(picker->visibleCount(), 1);
    EXPECT_EQ(picker->selectedExerciseId(), "");
    picker->reject();
}

TEST(ProgramEditor, DosageAndNoteEditsAreCheckedUndoneAndRedone)
{
    EditorFixture fixture;
    ASSERT_NO_FATAL_FAILURE(fixture.open("Lindqvist"));
    app::ProgramEditorPage& editor = *fixture.editor;
    const core::Program original = editor.program();
    const std::string first = original.exercises[0].exerciseId;
    editor.selectExercise(first);

    fixture.typeDose(app::DosageEditor::SetsField, QStringLiteral("3"));
    EXPECT_EQ(editor.program().exercises[0].dosage.sets, core::DosageRange::single(3));
    EXPECT_EQ(editor.model()->index(0, app::ProgramExerciseModel::DoseColumn).data().toString().toStdString(),
              core::dosageInWords(editor.program().exercises[0].dosage));
    fixture.typeDose(app::DosageEditor::DaysPerWeekField, QStringLiteral("5-7"));
    EXPECT_EQ(editor.program().exercises[0].dosage.daysPerWeek, (core::DosageRange{5, 7}));
    EXPECT_EQ(editor.undoStack()->count(), 2);

    // Out of range and backwards ranges are refused and change nothing.
    const core::Program beforeBad = editor.program();
    fixture.typeDose(app::DosageEditor::DaysPerWeekField, QStringLiteral("9"));
    EXPECT_EQ(editor.dosageEditor()->problem(), QStringLiteral("Days a week: 9 is out of range; expected 1 to 7"));
    EXPECT_EQ(editor.program(), beforeBad);
    fixture.typeDose(app::DosageEditor::SetsField, QStringLiteral("3-2"));
    EXPECT_EQ(editor.dosageEditor()->problem(),
              QStringLiteral("Sets: 3-2 runs downwards; expected the low end first, such as 2-3"));
    EXPECT_EQ(editor.program(), beforeBad);
    EXPECT_EQ(editor.undoStack()->count(), 2);

    editor.table()->setFocus();
    fixture.undo();
    EXPECT_FALSE(editor.program().exercises[0].dosage.daysPerWeek == (core::DosageRange{5, 7}));
    EXPECT_EQ(editor.dosageEditor()->field(app::DosageEditor::DaysPerWeekField)->text().toStdString(),
              original.exercises[0].dosage.daysPerWeek
                  ? (original.exercises[0].dosage.daysPerWeek->isRange()
                         ? std::to_string(original.exercises[0].dosage.daysPerWeek->low) + "-"
                               + std::to_string(original.exercises[0].dosage.daysPerWeek->high)
                         : std::to_string(original.exercises[0].dosage.daysPerWeek->low))
                  : std::string());
    fixture.undo();
    EXPECT_EQ(editor.program(), original);
    fixture.redo();
    fixture.redo();
    EXPECT_EQ(editor.program().exercises[0].dosage.sets, core::DosageRange::single(3));
    EXPECT_EQ(editor.program().exercises[0].dosage.daysPerWeek, (core::DosageRange{5, 7}));

    // Each side is a check box.
    const bool perSide = editor.program().exercises[0].dosage.perSide;
    QTest::keyClick(editor.dosageEditor()->perSideCheckBox(), Qt::Key_Space);
    EXPECT_EQ(editor.program().exercises[0].dosage.perSide, !perSide);
    editor.undoStack()->undo();
    EXPECT_EQ(editor.program().exercises[0].dosage.perSide, perSide);

    // Typing a note is one undo step, undone with Ctrl+Z in the note box itself.
    const int steps = editor.undoStack()->count();
    QPlainTextEdit* note = editor.noteEdit();
    note->setFocus();
    note->selectAll();
    QTest::keyClick(note, Qt::Key_Delete);
    QTest::keyClicks(note, QStringLiteral("Breathe out as you lift"));
    EXPECT_EQ(editor.program().exercises[0].note, "Breathe out as you lift");
    EXPECT_EQ(editor.model()->index(0, app::ProgramExerciseModel::NoteColumn).data().toString(),
              QStringLiteral("Breathe out as you lift"));
    EXPECT_EQ(editor.undoStack()->count(), steps);
    EXPECT_EQ(editor.program().exercises.size(), original.exercises.size());
    QTest::keyClick(note, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(editor.program().exercises[0].note, original.exercises[0].note);
    EXPECT_EQ(note->toPlainText().toStdString(), original.exercises[0].note);
    QTest::keyClick(note, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(editor.program().exercises[0].note, "Breathe out as you lift");
    EXPECT_EQ(note->toPlainText(), QStringLiteral("Breathe out as you lift"));

    // The program's notes, one per line: a new line typed at the end is one more note, one undo step.
    const std::vector<std::string> notes = editor.program().notes;
    ASSERT_FALSE(notes.empty());
    QPlainTextEdit* programNotes = editor.programNotesEdit();
    EXPECT_EQ(programNotes->toPlainText().split(QLatin1Char('\n')).size(), static_cast<qsizetype>(notes.size()));
    programNotes->setFocus();
    programNotes->moveCursor(QTextCursor::End);
    const int before = editor.undoStack()->count();
    QTest::keyClick(programNotes, Qt::Key_Return);
    EXPECT_EQ(editor.program().notes, notes);
    QTest::keyClicks(programNotes, QStringLiteral("Walk 20 minutes a day"));
    std::vector<std::string> longer = notes;
    longer.push_back("Walk 20 minutes a day");
    EXPECT_EQ(editor.program().notes, longer);
    EXPECT_EQ(editor.undoStack()->count(), before + 1);
    EXPECT_TRUE(programNotes->toPlainText().endsWith(QStringLiteral("\nWalk 20 minutes a day")));
    const auto comparison = editor.comparison();
    ASSERT_TRUE(comparison.has_value());
    EXPECT_EQ(comparison->notesAdded, (std::vector<std::string>{"Walk 20 minutes a day"}));
    QTest::keyClick(programNotes, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(editor.program().notes, notes);
    EXPECT_FALSE(programNotes->toPlainText().contains(QStringLiteral("Walk")));
}

TEST(ProgramEditor, SaveAsNewVersionStoresAuditsAndReloads)
{
    EditorFixture fixture;
    ASSERT_NO_FATAL_FAILURE(fixture.open("Okafor"));
    app::ProgramEditorPage& editor = *fixture.editor;
    ASSERT_EQ(editor.version(), 1);
    const core::Program original = editor.program();
    ASSERT_GE(original.exercises.size(), 2u);
    const std::string first = original.exercises[0].exerciseId;
    const std::string second = original.exercises[1].exerciseId;
    editor.selectExercise(second);
    QTest::keyClick(editor.table(), Qt::Key_Up, Qt::ControlModifier);
    fixture.typeDose(app::DosageEditor::SetsField, QStringLiteral("2"));
    editor.noteEdit()->setFocus();
    QTest::keyClicks(editor.noteEdit(), QStringLiteral("Keep your hips level"));
    const core::Program edited = editor.program();
    const std::size_t auditBefore = fixture.environment.auditForClient(fixture.clientId).size();

    QTest::keyClick(editor.table(), Qt::Key_S, Qt::ControlModifier);
    EXPECT_FALSE(editor.isModified());
    EXPECT_EQ(editor.version(), 2);
    EXPECT_EQ(editor.titleLabel()->text(), QStringLiteral("Home program for Grace Okafor — version 2"));
    const db::ClientHistory history = fixture.session->service().clientHistory(fixture.clientId);
    ASSERT_EQ(history.programVersions.size(), 2u);
    EXPECT_EQ(history.programVersions[1].version, 2);
    core::Program stored = storedProgram(history.programVersions[1]);
    EXPECT_EQ(stored.version, 2);
    ASSERT_EQ(stored.exercises.size(), original.exercises.size());
    EXPECT_EQ(stored.exercises[0].exerciseId, second);
    EXPECT_EQ(stored.exercises[1].exerciseId, first);
    EXPECT_EQ(stored.exercises[0].dosage.sets, core::DosageRange::single(2));
    EXPECT_EQ(stored.exercises[0].note, "Keep your hips level");
    stored.version = edited.version;
    EXPECT_EQ(stored, edited);
    const auto audit = fixture.environment.auditForClient(fixture.clientId);
    ASSERT_GT(audit.size(), auditBefore);
    const auto saved = std::find_if(
        audit.begin() + static_cast<std::ptrdiff_t>(auditBefore), audit.end(), [](const db::AuditEntry& entry) {
            return entry.action == "update" && entry.recordType == "program";
        });
    ASSERT_NE(saved, audit.end());
    EXPECT_EQ(saved->username, "demo");
    EXPECT_EQ(saved->detail, "version 2");

    // Reopened, the editor shows version 2; undo history starts afresh.
    editor.closeAction()->trigger();
    ASSERT_EQ(fixture.window.currentPage(), fixture.window.clientRecordPage());
    EXPECT_EQ(fixture.window.clientRecordPage()->programsModel()->rowCount(), 2);
    fixture.window.openProgramEditor(fixture.clientId);
    EXPECT_EQ(editor.version(), 2);
    EXPECT_EQ(editor.program().exercises[0].note, "Keep your hips level");
    EXPECT_EQ(editor.undoStack()->count(), 0);
    const auto comparison = editor.comparison();
    ASSERT_TRUE(comparison.has_value());
    EXPECT_EQ(comparison->oldVersion, 1);
    EXPECT_EQ(comparison->newVersion, 2);
}

TEST(ProgramEditor, AVersionSavedMeanwhileIsRefusedAndNothingIsSaved)
{
    EditorFixture fixture;
    ASSERT_NO_FATAL_FAILURE(fixture.open("Okafor"));
    app::ProgramEditorPage& editor = *fixture.editor;
    // Another workstation saves version 2 first.
    db::HomeProgramVersionRecord other = fixture.session->service().clientHistory(fixture.clientId).programVersions[0];
    fixture.session->service().saveHomeProgram(other);
    editor.selectExercise(editor.program().exercises[0].exerciseId);
    QTest::keyClick(editor.table(), Qt::Key_Delete);
    app::MessageBox::setNextAnswer(QMessageBox::Ok);
    EXPECT_FALSE(editor.save());
    EXPECT_TRUE(app::MessageBox::lastText().startsWith(
        QStringLiteral("Version 1 is no longer the newest: another version was saved meanwhile")))
        << app::MessageBox::lastText().toStdString();
    EXPECT_TRUE(editor.isModified());
    EXPECT_EQ(fixture.session->service().clientHistory(fixture.clientId).programVersions.size(), 2u);
}

TEST(ProgramEditor, LeavingWithUnsavedEditsAsksSaveDiscardOrCancel)
{
    EditorFixture fixture;
    ASSERT_NO_FATAL_FAILURE(fixture.open("Okafor"));
    app::ProgramEditorPage& editor = *fixture.editor;
    const core::Program original = editor.program();
    QTest::keyClick(editor.table(), Qt::Key_Delete);
    ASSERT_TRUE(editor.isModified());

    app::MessageBox::setNextAnswer(QMessageBox::Cancel);
    QTest::keyClick(editor.table(), Qt::Key_Left, Qt::AltModifier);
    EXPECT_EQ(fixture.window.currentPage(), &editor);
    EXPECT_TRUE(app::MessageBox::lastText().contains(QStringLiteral("Save them as version 2?")));
    app::MessageBox::setNextAnswer(QMessageBox::Cancel);
    fixture.window.showClients();
    EXPECT_EQ(fixture.window.currentPage(), &editor);
    EXPECT_TRUE(editor.isModified());

    app::MessageBox::setNextAnswer(QMessageBox::Discard);
    editor.closeAction()->trigger();
    EXPECT_EQ(fixture.window.currentPage(), fixture.window.clientRecordPage());
    EXPECT_EQ(fixture.session->service().clientHistory(fixture.clientId).programVersions.size(), 1u);
    fixture.window.openProgramEditor(fixture.clientId);
    EXPECT_EQ(editor.program(), original);

    QTest::keyClick(editor.table(), Qt::Key_Delete);
    app::MessageBox::setNextAnswer(QMessageBox::Save);
    editor.closeAction()->trigger();
    EXPECT_EQ(fixture.window.currentPage(), fixture.window.clientRecordPage());
    EXPECT_EQ(fixture.session->service().clientHistory(fixture.clientId).programVersions.size(), 2u);
}

TEST(ProgramEditor, CompareListsTheChangesAndTakesAScreenshot)
{
    EditorFixture fixture;
    ASSERT_NO_FATAL_FAILURE(fixture.open("Lindqvist"));
    app::ProgramEditorPage& editor = *fixture.editor;
    QString older;
    QString newer;
    auto stored = editor.comparison(&older, &newer);
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(older, QStringLiteral("version 1"));
    EXPECT_EQ(newer, QStringLiteral("version 2"));
    EXPECT_EQ(stored->notesAdded,
              (std::vector<std::string>{"Review 2026-11-17: pain 2/10 at worst; do the program three times a week."}));

    const std::vector<std::string> ids = order(editor.program());
    editor.selectExercise(ids[0]);
    QTest::keyClick(editor.table(), Qt::Key_Down, Qt::ControlModifier);
    fixture.typeDose(app::DosageEditor::SetsField, QStringLiteral("3"));
    editor.noteEdit()->setFocus();
    QTest::keyClicks(editor.noteEdit(), QStringLiteral("Slowly"));
    editor.selectExercise(ids[2]);
    QTest::keyClick(editor.table(), Qt::Key_Delete);
    auto edits = editor.comparison(&older, &newer);
    ASSERT_TRUE(edits.has_value());
    EXPECT_EQ(older, QStringLiteral("version 2"));
    EXPECT_EQ(newer, QStringLiteral("your unsaved edits"));
    std::vector<std::string> kinds;
    for (const auto& change : edits->changes) {
        kinds.push_back(std::string(core::programChangeKindName(change.kind)) + " " + change.exerciseId);
    }
    EXPECT_EQ(kinds,
              (std::vector<std::string>{
                  "moved " + ids[1], "moved " + ids[0], "dosage " + ids[0], "note " + ids[0], "removed " + ids[2]}));

    QTest::keyClick(editor.table(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    auto* dialog = editor.findChild<app::ProgramComparisonDialog*>();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->table()->rowCount(), 5);
    EXPECT_EQ(dialog->summaryLabel()->text(), QStringLiteral("5 changes from version 2 to your unsaved edits."));
    EXPECT_EQ(dialog->table()->item(4, 0)->text(), QStringLiteral("Removed"));
    EXPECT_EQ(dialog->table()->item(3, 3)->text(), QStringLiteral("Slowly"));
    dialog->resize(app::test::screenshotSize);
    app::test::grabAndCheck(*dialog, QStringLiteral("program-compare"), app::test::screenshotSize);
    dialog->reject();
}

TEST(ProgramEditor, ScreenshotOfTheEditor)
{
    EditorFixture fixture;
    fixture.window.resize(app::test::screenshotSize);
    ASSERT_NO_FATAL_FAILURE(fixture.open("Lindqvist"));
    fixture.editor->selectExercise(fixture.editor->program().exercises[1].exerciseId);
    fixture.window.resize(app::test::screenshotSize);
    app::test::grabAndCheck(fixture.window, QStringLiteral("program-editor"), app::test::screenshotSize);

    // The catalogue picker, narrowed to the stretches.
    fixture.editor->chooseExercise();
    auto* picker = fixture.editor->findChild<app::ExercisePickerDialog*>();
    ASSERT_NE(picker, nullptr);
    QTest::keyClicks(picker->searchEdit(), QStringLiteral("stretch"));
    EXPECT_GT(picker->visibleCount(), 1);
    EXPECT_LT(picker->visibleCount(), picker->list()->count());
    picker->resize(app::test::screenshotSize);
    app::test::grabAndCheck(*picker, QStringLiteral("program-add-exercise"), app::test::screenshotSize);
    picker->reject();

    // The print preview of the handout.
    QPrintPreviewDialog* preview = fixture.editor->printPreview();
    ASSERT_NE(preview, nullptr);
    preview->resize(app::test::screenshotSize);
    app::test::grabAndCheck(*preview, QStringLiteral("program-print-preview"), app::test::screenshotSize);
    preview->reject();
}

TEST(ProgramEditor, EveryControlHasANameAndATip)
{
    EditorFixture fixture;
    ASSERT_NO_FATAL_FAILURE(fixture.open("Lindqvist"));
    std::size_t checked = 0;
    for (QWidget* widget : fixture.editor->findChildren<QWidget*>()) {
        if (qobject_cast<QAbstractButton*>(widget) == nullptr && qobject_cast<QLineEdit*>(widget) == nullptr
            && qobject_cast<QPlainTextEdit*>(widget) == nullptr && qobject_cast<QTableView*>(widget) == nullptr) {
            continue;
        }
        if (widget->parentWidget() != nullptr && qobject_cast<QTableView*>(widget->parentWidget()) != nullptr) {
            continue; // the table's own corner button
        }
        EXPECT_FALSE(widget->objectName().isEmpty()) << widget->metaObject()->className();
        EXPECT_FALSE(widget->accessibleName().isEmpty()) << widget->objectName().toStdString();
        EXPECT_FALSE(widget->toolTip().isEmpty()) << widget->objectName().toStdString();
        ++checked;
    }
    // Not vacuous: the table, both note fields, the dose fields, the per-side box and the buttons were checked
    // (22 controls today; more controls only raise the count).
    EXPECT_GE(checked, 22u);
    // The menus carry the editor's actions with the standard shortcuts.
    EXPECT_EQ(fixture.editor->undoAction()->shortcut(), QKeySequence(QKeySequence::Undo));
    EXPECT_EQ(fixture.editor->redoAction()->shortcut(), QKeySequence(QKeySequence::Redo));
    EXPECT_EQ(fixture.editor->saveAction()->shortcut(), QKeySequence(QKeySequence::Save));
    EXPECT_EQ(fixture.editor->printAction()->shortcut(), QKeySequence(QKeySequence::Print));
    QStringList menus;
    for (QAction* menu : fixture.window.menuBar()->actions()) {
        menus << menu->text();
    }
    EXPECT_TRUE(menus.contains(QStringLiteral("&Edit"))) << menus.join(QLatin1Char(',')).toStdString();
    EXPECT_TRUE(menus.contains(QStringLiteral("&Program"))) << menus.join(QLatin1Char(',')).toStdString();
}

TEST(ProgramEditor, SaveAsPdfWritesTheHandoutOfTheStoredVersion)
{
    EditorFixture fixture;
    ASSERT_NO_FATAL_FAILURE(fixture.open("Okafor"));
    app::ProgramEditorPage& editor = *fixture.editor;
    EXPECT_TRUE(editor.defaultPdfFileName().endsWith(
        QStringLiteral("Handout Grace Okafor %1.pdf").arg(QDate::currentDate().toString(Qt::ISODate))))
        << editor.defaultPdfFileName().toStdString();
    const QString path = fixture.environment.filePath(QStringLiteral("handout.pdf"));
    ASSERT_TRUE(editor.writePdf(path));
    const std::string text = pdfText(path.toStdString());
    EXPECT_NE(text.find("Grace Okafor"), std::string::npos) << text;
    EXPECT_NE(text.find("Demo Therapist"), std::string::npos) << text;
    EXPECT_NE(text.find("Program version 1"), std::string::npos) << text;
    std::vector<core::Diagnostic> problems;
    const auto forms = app::HomeProgramStarter::loadDefault(problems);
    ASSERT_NE(forms, nullptr);
    const core::ProgramExercise& first = editor.program().exercises.front();
    EXPECT_NE(text.find(forms->catalogue().find(first.exerciseId)->name), std::string::npos) << text;
    EXPECT_NE(text.find(core::dosageInWords(first.dosage)), std::string::npos) << text;

    const std::string prefix = fixture.environment.filePath(QStringLiteral("page")).toStdString();
    tests::toolOutput("/usr/bin/pdftoppm", {"-r", "40", "-f", "1", "-l", "1", "-png", path.toStdString(), prefix});
    QImage page;
    for (const auto& entry :
         std::filesystem::directory_iterator(fixture.environment.filePath(QString()).toStdString())) {
        if (entry.path().extension() == ".png") {
            page.load(QString::fromStdString(entry.path().string()));
        }
    }
    ASSERT_FALSE(page.isNull());
    int inked = 0;
    for (int y = 0; y < page.height(); ++y) {
        for (int x = 0; x < page.width(); ++x) {
            inked += qGray(page.pixel(x, y)) < 200 ? 1 : 0;
        }
    }
    EXPECT_GT(inked, page.width() * page.height() / 100);

    // Unsaved edits are saved first when asked, so the handout always matches a stored version.
    QTest::keyClick(editor.table(), Qt::Key_Delete);
    app::MessageBox::setNextAnswer(QMessageBox::No);
    EXPECT_FALSE(editor.writePdf(path));
    EXPECT_TRUE(editor.isModified());
    app::MessageBox::setNextAnswer(QMessageBox::Yes);
    ASSERT_TRUE(editor.writePdf(path));
    EXPECT_FALSE(editor.isModified());
    EXPECT_NE(pdfText(path.toStdString()).find("Program version 2"), std::string::npos);
}

TEST(ProgramEditor, PrintPreviewPaintsEveryPageWithTheHandoutRenderer)
{
    EditorFixture fixture;
    ASSERT_NO_FATAL_FAILURE(fixture.open("Lindqvist"));
    app::ProgramEditorPage& editor = *fixture.editor;
    const QString reference = fixture.environment.filePath(QStringLiteral("reference.pdf"));
    ASSERT_TRUE(editor.writePdf(reference));
    const int pages = pdfPageCount(reference.toStdString());
    ASSERT_GE(pages, 2);

    QPrintPreviewDialog* preview = editor.printPreview();
    ASSERT_NE(preview, nullptr);
    QApplication::processEvents();
    auto* widget = preview->findChild<QPrintPreviewWidget*>();
    ASSERT_NE(widget, nullptr);
    widget->updatePreview();
    EXPECT_EQ(widget->pageCount(), pages);

    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setPageSize(QPageSize(QPageSize::A4));
    const QString printed = fixture.environment.filePath(QStringLiteral("printed.pdf"));
    printer.setOutputFileName(printed);
    emit preview->paintRequested(&printer);
    EXPECT_EQ(pdfPageCount(printed.toStdString()), pages);
    EXPECT_NE(pdfText(printed.toStdString()).find("Anna Lindqvist"), std::string::npos);
    preview->reject();
}

TEST(ProgramEditor, ALaterBlockingScreeningRefusesPrinting)
{
    EditorFixture fixture;
    const db::RecordId clientId = clientNamed(fixture.session->service(), "Lindqvist");
    const db::RecordId screening = storeScreening(*fixture.session, clientId, "v05-axial-spondyloarthritis");
    ASSERT_NO_FATAL_FAILURE(fixture.open("Lindqvist"));
    app::ProgramEditorPage& editor = *fixture.editor;
    EXPECT_FALSE(editor.blockedLabel()->isHidden());
    const QString reason = QStringLiteral("the latest screening (screening %1, 2026-11-24) blocks the home program: "
                                          "SOON: red flag RF-AXS-01")
                               .arg(screening);
    EXPECT_TRUE(editor.blockedLabel()->text().startsWith(QStringLiteral("Printing is blocked: ") + reason))
        << editor.blockedLabel()->text().toStdString();

    const QString path = fixture.environment.filePath(QStringLiteral("blocked.pdf"));
    app::MessageBox::setNextAnswer(QMessageBox::Ok);
    EXPECT_FALSE(editor.writePdf(path));
    EXPECT_TRUE(app::MessageBox::lastText().startsWith(QStringLiteral("The handout cannot be printed: ") + reason))
        << app::MessageBox::lastText().toStdString();
    EXPECT_FALSE(QFile::exists(path));
    app::MessageBox::setNextAnswer(QMessageBox::Ok);
    EXPECT_EQ(editor.printPreview(), nullptr);
    EXPECT_EQ(editor.findChild<QPrintPreviewDialog*>(), nullptr);

    // An unfinished red-flag screen blocks as well.
    storeScreening(*fixture.session, clientId, "v15-incomplete-intake");
    EXPECT_TRUE(editor.handoutRefusal().contains(QStringLiteral("blocks the home program: INCOMPLETE")))
        << editor.handoutRefusal().toStdString();
}
