#include "LoginDialog.h"

#include "TextConversion.h"

#include "core/common/Error.h"
#include "db/ClinicService.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace backscreen::app {

LoginDialog::LoginDialog(db::ClinicService& service, const QString& databaseName, QWidget* parent)
    : QDialog(parent)
    , m_service(service)
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("Sign in to Backscreen"));

    auto* where = new QLabel(tr("Database: %1").arg(databaseName), this);
    where->setObjectName(QStringLiteral("databaseLabel"));
    where->setWordWrap(true);

    m_usernameLineEdit = new QLineEdit(this);
    m_usernameLineEdit->setObjectName(QStringLiteral("usernameLineEdit"));
    m_usernameLineEdit->setAccessibleName(tr("User name"));
    m_usernameLineEdit->setToolTip(tr("Your Backscreen user name"));
    m_passwordLineEdit = new QLineEdit(this);
    m_passwordLineEdit->setObjectName(QStringLiteral("passwordLineEdit"));
    m_passwordLineEdit->setEchoMode(QLineEdit::Password);
    m_passwordLineEdit->setAccessibleName(tr("Password"));
    m_passwordLineEdit->setToolTip(tr("Your password"));

    auto* form = new QFormLayout;
    auto* userLabel = new QLabel(tr("&User name:"), this);
    userLabel->setBuddy(m_usernameLineEdit);
    auto* passwordLabel = new QLabel(tr("&Password:"), this);
    passwordLabel->setBuddy(m_passwordLineEdit);
    form->addRow(userLabel, m_usernameLineEdit);
    form->addRow(passwordLabel, m_passwordLineEdit);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_errorLabel->setAccessibleName(tr("Error"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* signInButton = buttons->addButton(tr("&Sign in"), QDialogButtonBox::AcceptRole);
    signInButton->setObjectName(QStringLiteral("signInButton"));
    signInButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::signIn);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(where);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);
}

void LoginDialog::signIn()
{
    try {
        m_service.login(toUtf8(m_usernameLineEdit->text().trimmed()), toUtf8(m_passwordLineEdit->text()));
    } catch (const Error& error) {
        m_passwordLineEdit->clear();
        m_passwordLineEdit->setFocus();
        if (error.code() == ErrorCode::LoginFailed) {
            m_errorLabel->setText(tr("Unknown user name or wrong password."));
        } else if (error.code() == ErrorCode::AccountLocked) {
            m_errorLabel->setText(
                tr("Too many failed attempts: this account is locked for a while. %1").arg(toQString(error.what())));
        } else {
            m_errorLabel->setText(tr("Could not sign in: %1").arg(toQString(error.what())));
        }
        return;
    }
    accept();
}

} // namespace backscreen::app
