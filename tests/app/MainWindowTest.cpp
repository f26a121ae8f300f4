#include "app/gui/MainWindow.h"

#include "AppTestSupport.h"

#include "app/gui/ClientFilterProxyModel.h"
#include "app/gui/ClientRecordPage.h"
#include "app/gui/ClientTableModel.h"
#include "app/gui/ClientsPage.h"
#include "app/gui/IdleLock.h"
#include "app/gui/IntakePage.h"
#include "app/gui/LockScreen.h"
#include "app/gui/MessageBox.h"

#include <QApplication>
#include <QDateEdit>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

using namespace backscreen;
using app::test::AppTestEnvironment;
using app::test::intakeQuestionnaire;

namespace {

// Types into the dialog that `trigger` opens modally, then presses the dialog's default button. The dialog
// is found once it is the active modal widget; the timer only hands control back to this test.
void fillNextDialog(const std::function<void(QDialog&)>& fill)
{
    QTimer::singleShot(0, [fill] {
        auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        fill(*dialog);
    });
}

} // namespace

TEST(MainWindow, DemoTitleAndStatusBarNameTheDemoAndTheUser)
{
    AppTestEnvironment environment;
    auto session = environment.openDemoSession();
    app::MainWindow window(*session, intakeQuestionnaire(), app::test::screeningEngine());
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    EXPECT_EQ(window.windowTitle(),
              QStringLiteral("Backscreen — DEMO database (signed in automatically as Demo Therapist)"));
    EXPECT_EQ(window.findChild<QLabel*>(QStringLiteral("userLabel"))->text(),
              QStringLiteral("Signed in as Demo Therapist (therapist)"));
    EXPECT_EQ(window.currentPage(), window.clientsPage());
    EXPECT_EQ(window.clientsPage()->proxy()->rowCount(), 4);
}

TEST(MainWindow, RealDatabaseTitleNamesTheFile)
{
    AppTestEnvironment environment;
    auto session = environment.openSession();
    session->service().createFirstAdmin("admin", "Clinic Admin", "long enough 1");
    app::MainWindow window(*session, intakeQuestionnaire(), app::test::screeningEngine());
    EXPECT_EQ(window.windowTitle(),
              QStringLiteral("Backscreen — %1").arg(QString::fromStdString(environment.databasePath().string())));
    EXPECT_FALSE(window.windowTitle().contains(QStringLiteral("DEMO")));
    EXPECT_EQ(window.clientsPage()->proxy()->rowCount(), 0);
}

TEST(MainWindow, SearchThenEnterOpensTheClientRecord)
{
    AppTestEnvironment environment;
    auto session = environment.openDemoSession();
    app::MainWindow window(*session, intakeQuestionnaire(), app::test::screeningEngine());
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    auto* search = window.findChild<QLineEdit*>(QStringLiteral("searchLineEdit"));
    ASSERT_NE(search, nullptr);
    QTest::keyClicks(search, QStringLiteral("lind"));
    EXPECT_EQ(window.clientsPage()->proxy()->rowCount(), 1);
    QTest::keyClick(search, Qt::Key_Return);
    ASSERT_EQ(window.currentPage(), window.clientRecordPage());
    EXPECT_EQ(window.findChild<QLabel*>(QStringLiteral("nameLabel"))->text(), QStringLiteral("Anna Lindqvist"));
    QStandardItemModel* visits = window.clientRecordPage()->visitsModel();
    ASSERT_EQ(visits->rowCount(), 3);
    // Newest first: two reviews, then the initial visit with its completed intake.
    EXPECT_EQ(visits->item(0, app::ClientRecordPage::VisitKindColumn)->text(), QStringLiteral("Review"));
    EXPECT_EQ(visits->item(2, app::ClientRecordPage::VisitKindColumn)->text(), QStringLiteral("Initial"));
    EXPECT_EQ(visits->item(2, app::ClientRecordPage::IntakeColumn)->text(), QStringLiteral("Completed"));
    EXPECT_EQ(visits->item(0, app::ClientRecordPage::IntakeColumn)->text(), QStringLiteral("None"));

    const auto audit = environment.auditForClient(window.clientRecordPage()->clientId());
    const bool readAudited = std::any_of(audit.begin(), audit.end(), [](const db::AuditEntry& entry) {
        return entry.action == "read" && entry.recordType == "client-history";
    });
    EXPECT_TRUE(readAudited);
}

TEST(MainWindow, NewEditAndArchiveClientThroughTheDialogs)
{
    AppTestEnvironment environment;
    auto session = environment.openDemoSession();
    app::MainWindow window(*session, intakeQuestionnaire(), app::test::screeningEngine());
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));

    fillNextDialog([](QDialog& dialog) {
        QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("familyNameLineEdit")), QStringLiteral("Nguyen"));
        QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("givenNameLineEdit")), QStringLiteral("Linh"));
        dialog.findChild<QDateEdit*>(QStringLiteral("birthDateEdit"))->setDate(QDate(1979, 4, 9));
        dialog.findChild<QPushButton*>(QStringLiteral("saveButton"))->click();
    });
    window.clientsPage()->newClient();
    auto clients = session->service().searchClientsByName("Nguyen");
    ASSERT_EQ(clients.size(), 1u);
    EXPECT_EQ(clients[0].givenName, "Linh");
    EXPECT_EQ(clients[0].birthDate, "1979-04-09");
    EXPECT_EQ(window.clientsPage()->selectedClientId(), clients[0].id);
    EXPECT_EQ(window.clientsPage()->proxy()->rowCount(), 5);

    fillNextDialog([](QDialog& dialog) {
        auto* contact = dialog.findChild<QLineEdit*>(QStringLiteral("contactLineEdit"));
        QTest::keyClicks(contact, QStringLiteral("07700 900999"));
        dialog.findChild<QPushButton*>(QStringLiteral("saveButton"))->click();
    });
    window.clientsPage()->editSelectedClient();
    clients = session->service().searchClientsByName("Nguyen");
    EXPECT_EQ(clients[0].contact, "07700 900999");
    EXPECT_EQ(clients[0].version, 2);

    app::MessageBox::setNextAnswer(QMessageBox::Yes);
    window.clientsPage()->archiveSelectedClient();
    EXPECT_EQ(app::MessageBox::lastText(),
              QStringLiteral("Archive Linh Nguyen? The records are kept and can be shown with \"Show archived\"."));
    clients = session->service().searchClientsByName("Nguyen", true);
    ASSERT_EQ(clients.size(), 1u);
    EXPECT_TRUE(clients[0].archived);
    EXPECT_EQ(window.clientsPage()->proxy()->rowCount(), 4);
}

TEST(MainWindow, LockHidesTheDataAndSignsOutUntilThePasswordIsGiven)
{
    AppTestEnvironment environment;
    auto session = environment.openSession();
    session->service().createFirstAdmin("admin", "Clinic Admin", "long enough 1");
    app::MainWindow window(*session, intakeQuestionnaire(), app::test::screeningEngine());
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    EXPECT_EQ(window.idleLock()->timeout(), std::chrono::minutes(10));

    emit window.idleLock()->lockRequested();
    ASSERT_TRUE(window.isLocked());
    EXPECT_FALSE(session->service().currentUser().has_value());
    EXPECT_FALSE(window.menuBar()->isEnabled());
    EXPECT_EQ(window.findChild<QLabel*>(QStringLiteral("userLabel"))->text(),
              QStringLiteral("Locked: nobody is signed in"));

    auto* password = window.lockScreen()->findChild<QLineEdit*>(QStringLiteral("passwordLineEdit"));
    ASSERT_NE(password, nullptr);
    EXPECT_TRUE(password->text().isEmpty());
    QTest::keyClicks(password, QStringLiteral("not it"));
    QTest::keyClick(password, Qt::Key_Return);
    EXPECT_TRUE(window.isLocked());
    EXPECT_EQ(window.lockScreen()->findChild<QLabel*>(QStringLiteral("errorLabel"))->text(),
              QStringLiteral("Wrong password."));

    QTest::keyClicks(password, QStringLiteral("long enough 1"));
    QTest::keyClick(password, Qt::Key_Return);
    EXPECT_FALSE(window.isLocked());
    EXPECT_EQ(window.currentPage(), window.clientsPage());
    ASSERT_TRUE(session->service().currentUser().has_value());
    EXPECT_EQ(session->service().currentUser()->username, "admin");
    EXPECT_TRUE(window.menuBar()->isEnabled());
}

TEST(MainWindow, RemembersItsGeometry)
{
    AppTestEnvironment environment;
    auto session = environment.openDemoSession();
    {
        app::MainWindow window(*session, intakeQuestionnaire(), app::test::screeningEngine());
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
        window.resize(1000, 700);
        window.close();
    }
    app::MainWindow again(*session, intakeQuestionnaire(), app::test::screeningEngine());
    EXPECT_EQ(again.size(), QSize(1000, 700));
}
