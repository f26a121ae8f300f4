#include "AppTestSupport.h"
#include "ScreenshotCheck.h"

#include "app/gui/ClientRecordPage.h"
#include "app/gui/ClientTableModel.h"
#include "app/gui/ClientsPage.h"
#include "app/gui/FirstRunDialog.h"
#include "app/gui/IntakePage.h"
#include "app/gui/LoginDialog.h"
#include "app/gui/MainWindow.h"
#include "app/gui/QuestionnaireForm.h"

#include <QLineEdit>
#include <QTest>

#include <gtest/gtest.h>

using namespace backscreen;
using app::test::AppTestEnvironment;
using app::test::clientNamed;
using app::test::grabAndCheck;
using app::test::intakeQuestionnaire;

TEST(Screenshot, EachMainScreenAt1280By800IsNotBlank)
{
    AppTestEnvironment environment;
    auto session = environment.openDemoSession();
    app::MainWindow window(*session, intakeQuestionnaire(), app::test::screeningEngine());
    window.resize(app::test::screenshotSize);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));

    window.clientsPage()->selectClient(clientNamed(session->service(), "Okafor"));
    grabAndCheck(window, QStringLiteral("clients"), app::test::screenshotSize);

    window.openClient(clientNamed(session->service(), "Lindqvist"));
    grabAndCheck(window, QStringLiteral("client-record"), app::test::screenshotSize);

    // The red-flag client's intake: the emergency in the findings panel, the program button disabled.
    const db::RecordId redFlag = clientNamed(session->service(), "Hughes");
    window.openClient(redFlag);
    window.resumeIntake(redFlag, window.clientRecordPage()->selectedVisitId());
    window.intakePage()->form()->setCurrentSection(2);
    grabAndCheck(window, QStringLiteral("intake-red-flag"), app::test::screenshotSize);

    const db::RecordId sij = clientNamed(session->service(), "Okafor");
    window.openClient(sij);
    window.resumeIntake(sij, window.clientRecordPage()->selectedVisitId());
    window.intakePage()->form()->setCurrentSection(5);
    grabAndCheck(window, QStringLiteral("intake-sij"), app::test::screenshotSize);

    window.lock();
    grabAndCheck(window, QStringLiteral("lock-screen"), app::test::screenshotSize);
}

TEST(Screenshot, SignInDialogsAreNotBlank)
{
    AppTestEnvironment environment;
    auto session = environment.openSession();
    app::FirstRunDialog firstRun(session->service());
    firstRun.resize(520, firstRun.sizeHint().height());
    firstRun.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&firstRun));
    grabAndCheck(firstRun, QStringLiteral("first-run"), firstRun.size());

    app::LoginDialog login(session->service(), session->databaseName());
    login.resize(520, login.sizeHint().height());
    login.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&login));
    login.findChild<QLineEdit*>(QStringLiteral("usernameLineEdit"))->setText(QStringLiteral("admin"));
    grabAndCheck(login, QStringLiteral("login"), login.size());
}
