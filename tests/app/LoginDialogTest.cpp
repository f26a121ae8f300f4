#include "app/gui/LoginDialog.h"

#include "AppTestSupport.h"

#include "app/gui/FirstRunDialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QTest>

#include <gtest/gtest.h>

using namespace backscreen;
using app::test::AppTestEnvironment;

namespace {

QLineEdit* lineEdit(QWidget& dialog, const char* name)
{
    auto* edit = dialog.findChild<QLineEdit*>(QString::fromLatin1(name));
    EXPECT_NE(edit, nullptr) << name;
    return edit;
}

} // namespace

TEST(FirstRunDialog, CreatesTheAdministratorTypedByKeyboard)
{
    AppTestEnvironment environment;
    auto session = environment.openSession();
    ASSERT_TRUE(session->service().needsSetup());
    app::FirstRunDialog dialog(session->service());
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(lineEdit(dialog, "usernameLineEdit"), QStringLiteral("admin"));
    QTest::keyClicks(lineEdit(dialog, "displayNameLineEdit"), QStringLiteral("Clinic Admin"));
    QTest::keyClicks(lineEdit(dialog, "passwordLineEdit"), QStringLiteral("short"));
    QTest::keyClicks(lineEdit(dialog, "confirmPasswordLineEdit"), QStringLiteral("short"));
    QTest::keyClick(lineEdit(dialog, "confirmPasswordLineEdit"), Qt::Key_Return);
    EXPECT_EQ(dialog.result(), QDialog::Rejected);
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_EQ(dialog.findChild<QLabel*>(QStringLiteral("errorLabel"))->text(),
              QStringLiteral("The password is too short: use at least 8 characters."));
    EXPECT_TRUE(session->service().needsSetup());

    lineEdit(dialog, "passwordLineEdit")->setText({});
    lineEdit(dialog, "confirmPasswordLineEdit")->setText({});
    QTest::keyClicks(lineEdit(dialog, "passwordLineEdit"), QStringLiteral("long enough 1"));
    QTest::keyClicks(lineEdit(dialog, "confirmPasswordLineEdit"), QStringLiteral("long enough 2"));
    QTest::keyClick(lineEdit(dialog, "confirmPasswordLineEdit"), Qt::Key_Return);
    EXPECT_EQ(dialog.findChild<QLabel*>(QStringLiteral("errorLabel"))->text(),
              QStringLiteral("The two passwords differ."));

    lineEdit(dialog, "confirmPasswordLineEdit")->setText({});
    QTest::keyClicks(lineEdit(dialog, "confirmPasswordLineEdit"), QStringLiteral("long enough 1"));
    QTest::keyClick(lineEdit(dialog, "confirmPasswordLineEdit"), Qt::Key_Return);
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    EXPECT_FALSE(session->service().needsSetup());
    ASSERT_TRUE(session->service().currentUser().has_value());
    EXPECT_EQ(session->service().currentUser()->role, db::Role::Admin);
    EXPECT_EQ(session->userDisplayName(), QStringLiteral("Clinic Admin"));
}

TEST(LoginDialog, RejectsAWrongPasswordAndAcceptsTheRightOne)
{
    AppTestEnvironment environment;
    auto session = environment.openSession();
    session->service().createFirstAdmin("admin", "Clinic Admin", "long enough 1");
    session->service().logout();

    app::LoginDialog dialog(session->service(), session->databaseName());
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(lineEdit(dialog, "usernameLineEdit"), QStringLiteral("admin"));
    QTest::keyClicks(lineEdit(dialog, "passwordLineEdit"), QStringLiteral("wrong password"));
    QTest::keyClick(lineEdit(dialog, "passwordLineEdit"), Qt::Key_Return);
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_EQ(dialog.findChild<QLabel*>(QStringLiteral("errorLabel"))->text(),
              QStringLiteral("Unknown user name or wrong password."));
    EXPECT_TRUE(lineEdit(dialog, "passwordLineEdit")->text().isEmpty());
    EXPECT_FALSE(session->service().currentUser().has_value());

    QTest::keyClicks(lineEdit(dialog, "passwordLineEdit"), QStringLiteral("long enough 1"));
    QTest::keyClick(lineEdit(dialog, "passwordLineEdit"), Qt::Key_Return);
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    ASSERT_TRUE(session->service().currentUser().has_value());
    EXPECT_EQ(session->service().currentUser()->username, "admin");
}
