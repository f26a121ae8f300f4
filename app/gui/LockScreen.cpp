#include "LockScreen.h"

#include "TextConversion.h"

#include "core/common/Error.h"
#include "db/ClinicService.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace backscreen::app {

LockScreen::LockScreen(db::ClinicService& service, QWidget* parent)
    : QWidget(parent)
    , m_service(service)
{
    setObjectName(QStringLiteral("lockScreen"));

    auto* title = new QLabel(tr("Backscreen is locked"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignCenter);

    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_messageLabel->setAlignment(Qt::AlignCenter);
    m_messageLabel->setWordWrap(true);

    m_passwordLineEdit = new QLineEdit(this);
    m_passwordLineEdit->setObjectName(QStringLiteral("passwordLineEdit"));
    m_passwordLineEdit->setEchoMode(QLineEdit::Password);
    m_passwordLineEdit->setAccessibleName(tr("Password"));
    m_passwordLineEdit->setToolTip(tr("Your password, to continue where you left off"));
    m_passwordLineEdit->setMaximumWidth(320);
    auto* passwordLabel = new QLabel(tr("&Password:"), this);
    passwordLabel->setBuddy(m_passwordLineEdit);

    m_unlockButton = new QPushButton(tr("&Unlock"), this);
    m_unlockButton->setObjectName(QStringLiteral("unlockButton"));
    m_unlockButton->setAccessibleName(tr("Unlock"));
    m_unlockButton->setToolTip(tr("Check the password and show the app again"));
    m_unlockButton->setDefault(true);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setAlignment(Qt::AlignCenter);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b00020;"));

    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(passwordLabel);
    row->addWidget(m_passwordLineEdit);
    row->addWidget(m_unlockButton);
    row->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(title);
    layout->addWidget(m_messageLabel);
    layout->addLayout(row);
    layout->addWidget(m_errorLabel);
    layout->addStretch(2);

    connect(m_unlockButton, &QPushButton::clicked, this, &LockScreen::unlock);
    connect(m_passwordLineEdit, &QLineEdit::returnPressed, this, &LockScreen::unlock);
}

void LockScreen::prepare(const QString& demoPassword)
{
    const auto& user = m_service.currentUser();
    const QString name = user ? toQString(user->displayName) : QString();
    m_username = user ? user->username : std::string();
    m_messageLabel->setText(
        demoPassword.isEmpty()
            ? tr("%1 was away for a while. Enter your password to continue.").arg(name)
            : tr("%1 was away for a while. This is the demo: the password is filled in, press Enter.").arg(name));
    m_passwordLineEdit->setText(demoPassword);
    m_errorLabel->clear();
    m_passwordLineEdit->setFocus();
}

void LockScreen::unlock()
{
    if (m_username.empty()) {
        return;
    }
    try {
        m_service.login(m_username, toUtf8(m_passwordLineEdit->text()));
    } catch (const Error& error) {
        m_passwordLineEdit->clear();
        m_errorLabel->setText(error.code() == ErrorCode::LoginFailed
                                  ? tr("Wrong password.")
                                  : tr("Could not unlock: %1").arg(toQString(error.what())));
        return;
    }
    m_passwordLineEdit->clear();
    m_errorLabel->clear();
    emit unlocked();
}

} // namespace backscreen::app
