#include "AppTestSupport.h"
#include "ScreenshotCheck.h"
#include "support/AuditCount.h"

#include "app/gui/ClearanceDialog.h"
#include "app/gui/ClientRecordPage.h"
#include "app/gui/FindingsPanel.h"
#include "app/gui/IntakePage.h"
#include "app/gui/MainWindow.h"
#include "app/gui/MessageBox.h"
#include "app/gui/QuestionWidget.h"
#include "app/gui/QuestionnaireForm.h"
#include "core/json/JsonReader.h"

#include <QComboBox>
#include <QDate>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace backscreen;
using app::test::AppTestEnvironment;
using app::test::intakeQuestionnaire;
using backscreen::tests::auditCount;

namespace {

std::string exampleResponse(const std::string& name)
{
    std::ifstream in(core::formsDirectory() / "examples" / name);
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_FALSE(text.str().empty()) << name;
    return text.str();
}

/// A clinic with an admin, a therapist (signed in) and a viewer, and one client whose visit has the
/// completed intake of a forms/examples response.
struct Clinic
{
    std::unique_ptr<app::ClinicSession> session;
    db::RecordId clientId = 0;
    db::RecordId visitId = 0;

    Clinic(const AppTestEnvironment& environment, const std::string& example)
    {
        session = environment.openSession();
        db::ClinicService& service = session->service();
        service.createFirstAdmin("admin", "Clinic Admin", "long enough 1");
        service.addUser("therapist", "Tess Therapist", db::Role::Therapist, "long enough 2");
        service.addUser("viewer", "Vera Viewer", db::Role::Viewer, "long enough 3");
        service.login("therapist", "long enough 2");
        db::ClientRecord client;
        client.familyName = "Spondyl";
        client.givenName = "Sam";
        client.birthDate = "1995-04-01";
        clientId = service.addClient(client).id;
        visitId = addVisitWith(example, "2026-11-01");
    }

    db::RecordId addVisitWith(const std::string& example, const std::string& date)
    {
        db::ClinicService& service = session->service();
        const db::RecordId visit = service.addVisit({0, clientId, date, "initial", "", "", 0}).id;
        db::QuestionnaireResponseRecord response;
        response.visitId = visit;
        response.questionnaireCanonical = intakeQuestionnaire().url;
        response.questionnaireVersion = intakeQuestionnaire().version;
        response.responseJson = exampleResponse(example);
        service.saveQuestionnaireResponse(response);
        return visit;
    }
};

QPushButton* clearanceButton(app::IntakePage& page, const QString& ruleId)
{
    return page.findingsPanel()->findChild<QPushButton*>(QStringLiteral("recordClearanceButton_") + ruleId);
}

template <typename Widget>
Widget* child(QWidget& parent, const char* name)
{
    auto* widget = parent.findChild<Widget*>(QString::fromLatin1(name));
    EXPECT_NE(widget, nullptr) << name;
    return widget;
}

/// Presses "Record clearance…" of `ruleId` and fills the dialog by keyboard: reviewer, today's date, the
/// second reason (imaging normal), a note. Leaves the focus on the Record button without pressing it.
app::ClearanceDialog* fillClearanceByKeyboard(app::IntakePage& page, const QString& ruleId)
{
    QPushButton* button = clearanceButton(page, ruleId);
    EXPECT_NE(button, nullptr);
    if (button == nullptr) {
        return nullptr;
    }
    EXPECT_TRUE(button->isEnabled());
    button->setFocus(Qt::TabFocusReason);
    QTest::keyClick(button, Qt::Key_Space);
    app::ClearanceDialog* dialog = page.clearanceDialog();
    EXPECT_NE(dialog, nullptr);
    if (dialog == nullptr) {
        return nullptr;
    }
    EXPECT_TRUE(dialog->isVisible());
    // The window-modal dialog takes the keyboard once the window system has activated it.
    dialog->activateWindow();
    EXPECT_TRUE(QTest::qWaitFor([&] { return QApplication::activeWindow() == dialog; }));
    EXPECT_EQ(QApplication::focusWidget(), child<QLineEdit>(*dialog, "reviewerLineEdit"));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Dr A. Jones, GP"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    EXPECT_EQ(QApplication::focusWidget(), child<QDateEdit>(*dialog, "reviewDateEdit"));
    EXPECT_EQ(child<QDateEdit>(*dialog, "reviewDateEdit")->date(), QDate::currentDate());
    // Tab steps through the date's year, month and day before it leaves the field.
    for (int section = 0; section < 3; ++section) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    }
    EXPECT_EQ(QApplication::focusWidget(), child<QComboBox>(*dialog, "reasonComboBox"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    EXPECT_EQ(QApplication::focusWidget(), child<QPlainTextEdit>(*dialog, "noteTextEdit"));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("MRI of the sacroiliac joints normal"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    EXPECT_EQ(QApplication::focusWidget(), child<QPushButton>(*dialog, "saveButton"));
    return dialog;
}

void recordClearanceByKeyboard(app::IntakePage& page, const QString& ruleId)
{
    if (app::ClearanceDialog* dialog = fillClearanceByKeyboard(page, ruleId)) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        EXPECT_FALSE(dialog->isVisible());
        // Back to the intake's window, as the window system does when the dialog closes.
        page.window()->activateWindow();
        EXPECT_TRUE(QTest::qWaitFor([&] { return QApplication::activeWindow() == page.window(); }));
    }
}

} // namespace

TEST(Clearance, RecordedByKeyboardIsStoredAuditedAndUnblocksTheProgram)
{
    AppTestEnvironment environment;
    Clinic clinic(environment, "inflammatory-back-pain.json");
    app::MainWindow window(*clinic.session, intakeQuestionnaire(), app::test::screeningEngine());
    window.resize(app::test::screenshotSize);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    window.openClient(clinic.clientId);
    window.resumeIntake(clinic.clientId, clinic.visitId);
    app::IntakePage* page = window.intakePage();
    ASSERT_EQ(window.currentPage(), page);
    ASSERT_NE(page->findingsPanel()->result().finding("RF-AXS-01"), nullptr);
    EXPECT_EQ(page->findingsPanel()->result().triage, core::Triage::Soon);
    EXPECT_FALSE(page->generateProgramButton()->isEnabled());

    app::ClearanceDialog* dialog = fillClearanceByKeyboard(*page, QStringLiteral("RF-AXS-01"));
    ASSERT_NE(dialog, nullptr);
    // The dialog over the intake, as the clinician sees it.
    app::test::grabDialogOverWindowAndCheck(
        window, *dialog, QStringLiteral("clearance-dialog"), app::test::screenshotSize);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    EXPECT_FALSE(dialog->isVisible());

    // Stored: the screening shown, and the clearance on it with the snapshot of the rule's inputs.
    const db::ClientHistory history = clinic.session->service().clientHistory(clinic.clientId);
    ASSERT_EQ(history.screenings.size(), 1u);
    EXPECT_EQ(history.screenings.front().visitId, clinic.visitId);
    EXPECT_EQ(history.screenings.front().triage, "SOON");
    ASSERT_EQ(history.overrides.size(), 1u);
    const db::OverrideRecord& row = history.overrides.front();
    EXPECT_EQ(row.screeningResultId, history.screenings.front().id);
    EXPECT_EQ(row.kind, "clearance");
    EXPECT_EQ(row.ruleId, "RF-AXS-01");
    EXPECT_EQ(row.reasonCode, "imaging_normal");
    EXPECT_EQ(row.reasonText, "MRI of the sacroiliac joints normal");
    EXPECT_EQ(row.reviewedBy, "Dr A. Jones, GP");
    EXPECT_EQ(row.reviewedOn, QDate::currentDate().toString(Qt::ISODate).toStdString());
    const core::JsonReadResult snapshot = core::JsonReader::parse(row.inputSnapshotJson, "snapshot");
    ASSERT_TRUE(snapshot.ok());
    ASSERT_NE(snapshot.value->find("lbp_duration_months"), nullptr);
    EXPECT_EQ(*snapshot.value->find("lbp_duration_months"),
              *page->findingsPanel()->result().answers.find("lbp_duration_months"));
    const auto audit = environment.auditForClient(clinic.clientId);
    const auto overrideAudit = std::find_if(audit.begin(), audit.end(), [](const db::AuditEntry& entry) {
        return entry.action == "create" && entry.recordType == "override";
    });
    ASSERT_NE(overrideAudit, audit.end());
    EXPECT_EQ(overrideAudit->recordId, row.id);
    EXPECT_EQ(overrideAudit->username, "therapist");
    EXPECT_EQ(overrideAudit->detail, "clearance of RF-AXS-01: imaging_normal");
    EXPECT_EQ(auditCount(audit, "create", "screening"), 1);

    // Screened again with the clearance: the finding stays, marked cleared, and the program may go ahead.
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    EXPECT_TRUE(page->findingsPanel()->result().finding("RF-AXS-01")->cleared);
    EXPECT_TRUE(page->findingsPanel()->findingsText().contains(QStringLiteral("(cleared by Dr A. Jones, GP on ") + today
                                                               + QStringLiteral(")")))
        << page->findingsPanel()->findingsText().toStdString();
    EXPECT_FALSE(page->findingsPanel()->result().programBlocked);
    EXPECT_TRUE(page->generateProgramButton()->isEnabled());
    EXPECT_EQ(clearanceButton(*page, QStringLiteral("RF-AXS-01")), nullptr);
}

TEST(Clearance, ShowsOnALaterVisitAndLapsesWhenAnInputChanges)
{
    AppTestEnvironment environment;
    Clinic clinic(environment, "inflammatory-back-pain.json");
    app::MainWindow window(*clinic.session, intakeQuestionnaire(), app::test::screeningEngine());
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    window.resumeIntake(clinic.clientId, clinic.visitId);
    recordClearanceByKeyboard(*window.intakePage(), QStringLiteral("RF-AXS-01"));

    // A later visit with the same answers: the clearance is active there too.
    const db::RecordId later = clinic.addVisitWith("inflammatory-back-pain.json", "2026-11-20");
    window.openClient(clinic.clientId);
    window.resumeIntake(clinic.clientId, later);
    app::IntakePage* page = window.intakePage();
    ASSERT_EQ(page->visitId(), later);
    ASSERT_EQ(page->clearances().size(), 1u);
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    QString text = page->findingsPanel()->findingsText();
    EXPECT_TRUE(text.contains(QStringLiteral("(cleared by Dr A. Jones, GP on ") + today + QStringLiteral(")")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Clearance on record (1)")));
    EXPECT_TRUE(text.contains(QStringLiteral("RF-AXS-01 cleared by Dr A. Jones, GP on ") + today
                              + QStringLiteral(", imaging_normal: active")))
        << text.toStdString();
    EXPECT_TRUE(page->generateProgramButton()->isEnabled());

    // One of the rule's inputs changes: the clearance lapses, the flag counts again and blocks the program.
    app::QuestionWidget* duration = page->form()->questionWidget("lbp_duration_months");
    ASSERT_NE(duration, nullptr);
    duration->focusTarget()->setFocus(Qt::TabFocusReason);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("40"));
    ASSERT_NE(page->findingsPanel()->result().finding("RF-AXS-01"), nullptr);
    EXPECT_FALSE(page->findingsPanel()->result().finding("RF-AXS-01")->cleared);
    text = page->findingsPanel()->findingsText();
    EXPECT_TRUE(text.contains(QStringLiteral("(clearance lapsed: lbp_duration_months changed since it was cleared by "
                                             "Dr A. Jones, GP on ")
                              + today + QStringLiteral(")")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("lapsed: the inputs changed (lbp_duration_months)")))
        << text.toStdString();
    EXPECT_TRUE(page->findingsPanel()->result().programBlocked);
    EXPECT_FALSE(page->generateProgramButton()->isEnabled());
    EXPECT_NE(clearanceButton(*page, QStringLiteral("RF-AXS-01")), nullptr);
}

TEST(Clearance, EmergencyRedFlagOffersNoClearance)
{
    AppTestEnvironment environment;
    Clinic clinic(environment, "cauda-equina.json");
    app::MainWindow window(*clinic.session, intakeQuestionnaire(), app::test::screeningEngine());
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    window.resumeIntake(clinic.clientId, clinic.visitId);
    app::IntakePage* page = window.intakePage();
    ASSERT_NE(page->findingsPanel()->result().finding("RF-CES-01"), nullptr);
    EXPECT_EQ(clearanceButton(*page, QStringLiteral("RF-CES-01")), nullptr);
    auto* note = page->findingsPanel()->findChild<QLabel*>(QStringLiteral("noClearanceLabel_RF-CES-01"));
    ASSERT_NE(note, nullptr);
    EXPECT_EQ(note->text(), QStringLiteral("RF-CES-01 is an EMERGENCY red flag: no clearance is possible."));
    EXPECT_TRUE(note->toolTip().startsWith(QStringLiteral("EMERGENCY red flags cannot be cleared in Backscreen: ")))
        << note->toolTip().toStdString();
    // Asked directly, the page refuses with the reason and opens no dialog.
    app::MessageBox::setNextAnswer(QMessageBox::Ok);
    page->requestClearance(QStringLiteral("RF-CES-01"));
    EXPECT_EQ(page->clearanceDialog(), nullptr);
    EXPECT_TRUE(app::MessageBox::lastText().startsWith(
        QStringLiteral("No clearance can be recorded: RF-CES-01 is an EMERGENCY red flag: it cannot be cleared")))
        << app::MessageBox::lastText().toStdString();
    EXPECT_TRUE(clinic.session->service().clientHistory(clinic.clientId).overrides.empty());
}

TEST(Clearance, ViewerSeesTheButtonDisabledWithTheReason)
{
    AppTestEnvironment environment;
    Clinic clinic(environment, "inflammatory-back-pain.json");
    clinic.session->service().login("viewer", "long enough 3");
    app::MainWindow window(*clinic.session, intakeQuestionnaire(), app::test::screeningEngine());
    window.resumeIntake(clinic.clientId, clinic.visitId);
    QPushButton* button = clearanceButton(*window.intakePage(), QStringLiteral("RF-AXS-01"));
    ASSERT_NE(button, nullptr);
    EXPECT_FALSE(button->isEnabled());
    EXPECT_EQ(
        button->toolTip(),
        QStringLiteral("Only therapists and administrators may record clearances; you are signed in as a viewer"));
}
