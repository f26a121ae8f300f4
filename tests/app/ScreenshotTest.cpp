#include "AppTestSupport.h"

#include "app/gui/ClientRecordPage.h"
#include "app/gui/ClientTableModel.h"
#include "app/gui/ClientsPage.h"
#include "app/gui/FirstRunDialog.h"
#include "app/gui/IntakePage.h"
#include "app/gui/LoginDialog.h"
#include "app/gui/MainWindow.h"
#include "app/gui/QuestionnaireForm.h"

#include <QDir>
#include <QImage>
#include <QLineEdit>
#include <QSet>
#include <QTest>

#include <gtest/gtest.h>

using namespace backscreen;
using app::test::AppTestEnvironment;
using app::test::intakeQuestionnaire;

namespace {

const QSize screenSize(1280, 800);

// Grabs `widget`, checks the picture is not blank (many colours, not one flat fill) and saves it: into the
// build tree normally, so a test run leaves the checkout clean, and into docs/images/ for the user guide
// when BACKSCREEN_UPDATE_SCREENSHOTS=1 is set.
void grabAndCheck(QWidget& widget, const QString& name, QSize expectedSize)
{
    QApplication::processEvents();
    const QImage image = widget.grab().toImage();
    EXPECT_EQ(image.size(), expectedSize) << name.toStdString();
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4) {
            colours.insert(image.pixel(x, y));
        }
    }
    EXPECT_GT(colours.size(), 16) << name.toStdString() << " looks blank";
    const QString directory = qEnvironmentVariableIntValue("BACKSCREEN_UPDATE_SCREENSHOTS") == 1
                                  ? QStringLiteral(BACKSCREEN_SOURCE_DIR "/docs/images")
                                  : QDir::currentPath() + QStringLiteral("/screenshots");
    ASSERT_TRUE(QDir().mkpath(directory));
    EXPECT_TRUE(image.save(directory + QLatin1Char('/') + name + QStringLiteral(".png"))) << name.toStdString();
}

db::RecordId clientNamed(db::ClinicService& service, const std::string& family)
{
    const auto found = service.searchClientsByName(family);
    EXPECT_EQ(found.size(), 1u) << family;
    return found.empty() ? 0 : found.front().id;
}

} // namespace

TEST(Screenshot, EachMainScreenAt1280By800IsNotBlank)
{
    AppTestEnvironment environment;
    auto session = environment.openDemoSession();
    app::MainWindow window(*session, intakeQuestionnaire(), app::test::screeningEngine());
    window.resize(screenSize);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));

    window.clientsPage()->selectClient(clientNamed(session->service(), "Okafor"));
    grabAndCheck(window, QStringLiteral("clients"), screenSize);

    window.openClient(clientNamed(session->service(), "Lindqvist"));
    grabAndCheck(window, QStringLiteral("client-record"), screenSize);

    // The red-flag client's intake: the emergency in the findings panel, the program button disabled.
    const db::RecordId redFlag = clientNamed(session->service(), "Hughes");
    window.openClient(redFlag);
    window.resumeIntake(redFlag, window.clientRecordPage()->selectedVisitId());
    window.intakePage()->form()->setCurrentSection(2);
    grabAndCheck(window, QStringLiteral("intake-red-flag"), screenSize);

    const db::RecordId sij = clientNamed(session->service(), "Okafor");
    window.openClient(sij);
    window.resumeIntake(sij, window.clientRecordPage()->selectedVisitId());
    window.intakePage()->form()->setCurrentSection(5);
    grabAndCheck(window, QStringLiteral("intake-sij"), screenSize);

    window.lock();
    grabAndCheck(window, QStringLiteral("lock-screen"), screenSize);
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
