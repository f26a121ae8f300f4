#include "AppTestSupport.h"

#include "app/gui/ClientRecordPage.h"
#include "app/gui/ExercisePickerDialog.h"
#include "app/gui/IdleLock.h"
#include "app/gui/MainWindow.h"
#include "app/gui/ProgramComparisonDialog.h"
#include "app/gui/ProgramEditorPage.h"

#include <QPointer>
#include <QPrintPreviewDialog>
#include <QPushButton>
#include <QTableView>
#include <QTest>

#include <gtest/gtest.h>

using namespace backscreen;
using app::test::AppTestEnvironment;
using app::test::intakeQuestionnaire;

// Every dialog over the program editor shows client data: the idle lock must close them all, not only the
// outcome entry dialog, or they stay over the lock screen (and a modal one blocks typing the password).
TEST(MainWindow, LockingClosesEveryOpenDialogOverTheEditor)
{
    AppTestEnvironment environment;
    std::unique_ptr<app::ClinicSession> session = environment.openDemoSession();
    app::MainWindow window{*session, intakeQuestionnaire(), app::test::screeningEngine()};
    const auto found = session->service().searchClientsByName("Lindqvist");
    ASSERT_EQ(found.size(), 1u);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    window.openClient(found.front().id);
    ASSERT_TRUE(window.clientRecordPage()->openProgramButton()->isEnabled());
    window.clientRecordPage()->openProgramButton()->click();
    app::ProgramEditorPage* editor = window.programEditorPage();
    ASSERT_NE(editor, nullptr);
    ASSERT_EQ(window.currentPage(), editor);

    editor->compareWithPrevious();
    QPointer<app::ProgramComparisonDialog> comparison = editor->findChild<app::ProgramComparisonDialog*>();
    ASSERT_FALSE(comparison.isNull());
    ASSERT_TRUE(comparison->isVisible());
    QPointer<QPrintPreviewDialog> preview = editor->printPreview();
    ASSERT_FALSE(preview.isNull());
    ASSERT_TRUE(preview->isVisible());
    editor->chooseExercise();
    QPointer<app::ExercisePickerDialog> picker = editor->findChild<app::ExercisePickerDialog*>();
    ASSERT_FALSE(picker.isNull());
    ASSERT_TRUE(picker->isVisible());

    emit window.idleLock()->lockRequested();
    ASSERT_TRUE(window.isLocked());
    EXPECT_TRUE(comparison.isNull() || !comparison->isVisible());
    EXPECT_TRUE(preview.isNull() || !preview->isVisible());
    EXPECT_TRUE(picker.isNull() || !picker->isVisible());
    EXPECT_FALSE(session->service().currentUser().has_value());
}
