#include "app/gui/DatabaseActions.h"

#include "AppTestSupport.h"
#include "ScreenshotCheck.h"

#include "app/gui/ClientTableModel.h"
#include "app/gui/ClientsPage.h"
#include "app/gui/MainWindow.h"
#include "app/gui/MessageBox.h"
#include "db/ClientRepository.h"

#include <QAction>
#include <QProgressDialog>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace backscreen;
using app::test::AppTestEnvironment;
using app::test::intakeQuestionnaire;

namespace {

/// A clinic database signed in as its administrator, with `clients` clients carrying long notes (so a
/// backup takes several steps), and a therapist and a viewer.
std::unique_ptr<app::ClinicSession> adminSession(const AppTestEnvironment& environment, int clients)
{
    auto session = environment.openSession();
    db::ClinicService& service = session->service();
    service.createFirstAdmin("admin", "Clinic Admin", "long enough 1");
    service.addUser("therapist", "Tess Therapist", db::Role::Therapist, "long enough 2");
    service.addUser("viewer", "Vera Viewer", db::Role::Viewer, "long enough 3");
    for (int i = 0; i < clients; ++i) {
        db::ClientRecord client;
        client.familyName = "Family" + std::to_string(i);
        client.givenName = "Given";
        client.birthDate = "1980-01-01";
        client.notes = std::string(1500, 'n');
        service.addClient(client);
    }
    return session;
}

std::vector<db::AuditEntry> recentAudit(const AppTestEnvironment& environment, std::size_t count)
{
    auto database = db::Database::open(db::DatabaseLocation::parse(environment.databasePath().string()));
    return db::AuditLogRepository(*database).listRecent(count);
}

} // namespace

TEST(DatabaseActions, AdminBacksUpWithRealProgressToAValidDatabase)
{
    AppTestEnvironment environment;
    auto session = adminSession(environment, 40);
    app::MainWindow window(*session, intakeQuestionnaire(), app::test::screeningEngine());
    window.resize(app::test::screenshotSize);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    app::DatabaseActions* actions = window.databaseActions();
    ASSERT_NE(actions, nullptr);
    actions->updateActions();
    EXPECT_TRUE(actions->backupAction()->isEnabled());
    EXPECT_TRUE(actions->restoreAction()->isEnabled());

    const QString file = environment.filePath(QStringLiteral("backup.sqlite"));
    actions->setPagesPerStep(4);
    std::vector<std::pair<int, int>> steps;
    actions->setProgressHook([&](QProgressDialog& dialog) {
        steps.emplace_back(dialog.value(), dialog.maximum());
        EXPECT_TRUE(dialog.isVisible());
        if (steps.size() == 3) {
            app::test::grabDialogOverWindowAndCheck(
                window, dialog, QStringLiteral("backup-progress"), app::test::screenshotSize);
        }
    });
    app::MessageBox::setNextAnswer(QMessageBox::Ok);
    ASSERT_TRUE(actions->backupTo(file));
    EXPECT_EQ(app::MessageBox::lastText(),
              QStringLiteral("The database was backed up to ") + file + QStringLiteral("."));

    // The dialog followed the pages copied, step by step, to the end.
    ASSERT_GT(steps.size(), 3u);
    for (std::size_t i = 1; i < steps.size(); ++i) {
        EXPECT_GT(steps[i].first, steps[i - 1].first);
    }
    EXPECT_EQ(steps.back().first, steps.back().second);

    // The file is an SQLite Backscreen database with the data, and the backup is audited.
    auto copy = db::Database::open(db::DatabaseLocation::parse(file.toStdString()));
    EXPECT_TRUE(copy->checkIntegrity().empty());
    EXPECT_EQ(db::ClientRepository(*copy).count(), 40);
    const auto audit = recentAudit(environment, 1);
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit.front().action, "backup");
    EXPECT_EQ(audit.front().username, "admin");
    EXPECT_EQ(audit.front().detail, file.toStdString());
}

TEST(DatabaseActions, EscapeCancelsTheBackupAndLeavesNoFile)
{
    AppTestEnvironment environment;
    auto session = adminSession(environment, 40);
    app::MainWindow window(*session, intakeQuestionnaire(), app::test::screeningEngine());
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    app::DatabaseActions* actions = window.databaseActions();
    actions->setPagesPerStep(4);
    int steps = 0;
    actions->setProgressHook([&](QProgressDialog& dialog) {
        if (++steps == 2) {
            QTest::keyClick(&dialog, Qt::Key_Escape);
        }
    });
    const QString file = environment.filePath(QStringLiteral("cancelled.sqlite"));
    app::MessageBox::setNextAnswer(QMessageBox::Ok);
    EXPECT_FALSE(actions->backupTo(file));
    EXPECT_EQ(steps, 2);
    EXPECT_EQ(app::MessageBox::lastText(),
              QStringLiteral("The backup was cancelled; ") + file + QStringLiteral(" was not written."));
    EXPECT_FALSE(std::filesystem::exists(file.toStdString()));
    EXPECT_NE(recentAudit(environment, 1).front().action, "backup");
}

TEST(DatabaseActions, TherapistsAndViewersCannotBackUpOrRestore)
{
    AppTestEnvironment environment;
    auto session = adminSession(environment, 1);
    app::MainWindow window(*session, intakeQuestionnaire(), app::test::screeningEngine());
    app::DatabaseActions* actions = window.databaseActions();
    for (const auto& [user, password] :
         {std::pair{"therapist", "long enough 2"}, std::pair{"viewer", "long enough 3"}}) {
        session->service().login(user, password);
        actions->updateActions();
        EXPECT_FALSE(actions->backupAction()->isEnabled()) << user;
        EXPECT_FALSE(actions->restoreAction()->isEnabled()) << user;
        EXPECT_EQ(actions->backupAction()->statusTip(),
                  QStringLiteral("Only administrators may back up or restore the database"));
        // Even when asked directly the service refuses, and the message says why and names the file.
        const QString file = environment.filePath(QStringLiteral("b.sqlite"));
        app::MessageBox::setNextAnswer(QMessageBox::Ok);
        EXPECT_FALSE(actions->backupTo(file));
        EXPECT_TRUE(app::MessageBox::lastText().startsWith(QStringLiteral("The database could not be backed up to ")
                                                           + file + QStringLiteral(": ")))
            << app::MessageBox::lastText().toStdString();
        EXPECT_TRUE(app::MessageBox::lastText().contains(QStringLiteral("may not administer the database")))
            << app::MessageBox::lastText().toStdString();
        EXPECT_FALSE(std::filesystem::exists(file.toStdString()));
    }
}

TEST(DatabaseActions, UnwritableFolderIsAMessageNamingTheFile)
{
    AppTestEnvironment environment;
    auto session = adminSession(environment, 1);
    app::MainWindow window(*session, intakeQuestionnaire(), app::test::screeningEngine());
    const QString file = environment.filePath(QStringLiteral("no-such-folder/backup.sqlite"));
    app::MessageBox::setNextAnswer(QMessageBox::Ok);
    EXPECT_FALSE(window.databaseActions()->backupTo(file));
    EXPECT_TRUE(app::MessageBox::lastText().startsWith(QStringLiteral("The database could not be backed up to ") + file
                                                       + QStringLiteral(": ")))
        << app::MessageBox::lastText().toStdString();
    EXPECT_TRUE(app::MessageBox::lastText().contains(QStringLiteral("the file cannot be created")));
}

TEST(DatabaseActions, RestoreAsksNamingTheFileThenReloadsTheClientList)
{
    AppTestEnvironment environment;
    auto session = adminSession(environment, 2);
    app::MainWindow window(*session, intakeQuestionnaire(), app::test::screeningEngine());
    app::DatabaseActions* actions = window.databaseActions();
    const QString file = environment.filePath(QStringLiteral("two-clients.sqlite"));
    app::MessageBox::setNextAnswer(QMessageBox::Ok);
    ASSERT_TRUE(actions->backupTo(file));
    db::ClientRecord later;
    later.familyName = "Later";
    later.birthDate = "1990-01-01";
    session->service().addClient(later);
    window.showClients();
    EXPECT_EQ(window.clientsPage()->model()->rowCount(), 3);

    // Saying No changes nothing.
    app::MessageBox::setNextAnswer(QMessageBox::No);
    EXPECT_FALSE(actions->restoreFrom(file));
    EXPECT_TRUE(app::MessageBox::lastText().contains(file)) << app::MessageBox::lastText().toStdString();
    EXPECT_EQ(window.clientsPage()->model()->rowCount(), 3);

    bool askedToSignIn = false;
    actions->setSignIn([&] {
        askedToSignIn = true;
        EXPECT_FALSE(session->service().currentUser());
        session->service().login("admin", "long enough 1");
        return true;
    });
    app::MessageBox::setNextAnswer(QMessageBox::Yes);
    EXPECT_TRUE(actions->restoreFrom(file));
    EXPECT_TRUE(askedToSignIn);
    EXPECT_EQ(window.currentPage(), window.clientsPage());
    EXPECT_EQ(window.clientsPage()->model()->rowCount(), 2);

    // A file that is not a backup: a message naming it, and the database as it was.
    const QString junk = environment.filePath(QStringLiteral("junk.sqlite"));
    std::ofstream(junk.toStdString()) << std::string(4096, 'x');
    app::MessageBox::setNextAnswer(QMessageBox::Yes);
    // The confirmation is answered above; the error box that follows is closed as a user would.
    QTimer closer;
    QObject::connect(&closer, &QTimer::timeout, [] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            box->close();
        }
    });
    closer.start(10);
    EXPECT_FALSE(actions->restoreFrom(junk));
    closer.stop();
    EXPECT_TRUE(app::MessageBox::lastText().startsWith(QStringLiteral("The database could not be restored from ") + junk
                                                       + QStringLiteral(": ")))
        << app::MessageBox::lastText().toStdString();
    EXPECT_EQ(session->service().listClients().size(), 2u);
}

TEST(DatabaseActions, ExportWritesTheOpenClientsHistoryAsJsonAndAuditsIt)
{
    AppTestEnvironment environment;
    auto session = environment.openDemoSession();
    const db::RecordId clientId = session->service().searchClientsByName("Lindqvist").front().id;
    app::MainWindow window(*session, intakeQuestionnaire(), app::test::screeningEngine());
    app::DatabaseActions* actions = window.databaseActions();
    actions->updateActions();
    EXPECT_FALSE(actions->exportAction()->isEnabled());
    window.openClient(clientId);
    actions->updateActions();
    EXPECT_TRUE(actions->exportAction()->isEnabled());

    const QString file = environment.filePath(QStringLiteral("lindqvist.json"));
    int steps = 0;
    int maximum = 0;
    actions->setProgressHook([&](QProgressDialog& dialog) {
        ++steps;
        maximum = dialog.maximum();
    });
    app::MessageBox::setNextAnswer(QMessageBox::Ok);
    ASSERT_TRUE(actions->exportClient(clientId, file));
    EXPECT_EQ(app::MessageBox::lastText(),
              QStringLiteral("The client record was written to ") + file + QStringLiteral("."));

    const db::ClientHistory history = session->service().clientHistory(clientId);
    const core::JsonReadResult read = core::JsonReader::parseFile(file.toStdString());
    ASSERT_TRUE(read.ok());
    const core::JsonValue& json = *read.value;
    EXPECT_EQ(json.find("format")->asString(), "backscreen-client-record");
    EXPECT_EQ(json.find("exportedBy")->asString(), "demo");
    EXPECT_EQ(json.find("client")->find("familyName")->asString(), "Lindqvist");
    EXPECT_EQ(json.find("visits")->size(), history.visits.size());
    EXPECT_EQ(json.find("visits")->size(), 3u);
    EXPECT_EQ(json.find("questionnaireResponses")->size(), history.responses.size());
    EXPECT_EQ(json.find("homeProgramVersions")->size(), history.programVersions.size());
    EXPECT_EQ(json.find("screenings")->size(), history.screenings.size());
    const core::JsonValue& firstResponse = json.find("questionnaireResponses")->asArray().front();
    EXPECT_EQ(firstResponse.find("response")->find("resourceType")->asString(), "QuestionnaireResponse");
    EXPECT_NE(json.find("homeProgramVersions")->asArray().front().find("content"), nullptr);
    // One progress step per record.
    EXPECT_EQ(steps, maximum);
    EXPECT_EQ(static_cast<std::size_t>(steps),
              1 + history.visits.size() + history.responses.size() + history.screenings.size()
                  + history.overrides.size() + history.programVersions.size() + history.outcomeScores.size());

    const auto audit = environment.auditForClient(clientId);
    const auto exported =
        std::find_if(audit.begin(), audit.end(), [](const db::AuditEntry& entry) { return entry.action == "export"; });
    ASSERT_NE(exported, audit.end());
    EXPECT_EQ(exported->recordType, "client-history");
    EXPECT_EQ(exported->username, "demo");
    EXPECT_EQ(exported->detail, file.toStdString());
}

TEST(DatabaseActions, FailedExportIsAMessageAndLeavesNoExportAuditRow)
{
    AppTestEnvironment environment;
    auto session = environment.openDemoSession();
    const db::RecordId clientId = session->service().searchClientsByName("Patel").front().id;
    app::MainWindow window(*session, intakeQuestionnaire(), app::test::screeningEngine());
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    const QString file = environment.filePath(QStringLiteral("missing-folder/patel.json"));
    app::MessageBox::setNextAnswer(QMessageBox::Ok);
    EXPECT_FALSE(window.databaseActions()->exportClient(clientId, file));
    EXPECT_TRUE(app::MessageBox::lastText().startsWith(QStringLiteral("The client record could not be exported to ")
                                                       + file + QStringLiteral(": ") + file
                                                       + QStringLiteral(": cannot be written (")))
        << app::MessageBox::lastText().toStdString();
    const auto audit = environment.auditForClient(clientId);
    EXPECT_TRUE(
        std::none_of(audit.begin(), audit.end(), [](const db::AuditEntry& entry) { return entry.action == "export"; }));

    // Escape in the progress dialog cancels: no file, no export row.
    const QString cancelled = environment.filePath(QStringLiteral("patel.json"));
    int steps = 0;
    window.databaseActions()->setProgressHook([&](QProgressDialog& dialog) {
        if (++steps == 2) {
            QTest::keyClick(&dialog, Qt::Key_Escape);
        }
    });
    app::MessageBox::setNextAnswer(QMessageBox::Ok);
    EXPECT_FALSE(window.databaseActions()->exportClient(clientId, cancelled));
    EXPECT_TRUE(app::MessageBox::lastText().endsWith(QStringLiteral("cancelled; nothing was written")))
        << app::MessageBox::lastText().toStdString();
    EXPECT_EQ(steps, 2);
    EXPECT_FALSE(std::filesystem::exists(cancelled.toStdString()));
}
