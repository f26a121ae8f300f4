#include "FirstRunDialog.h"

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

namespace {

QLineEdit* makeLineEdit(QWidget* parent, const QString& objectName, const QString& accessibleName, const QString& tip)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setToolTip(tip);
    return edit;
}

} // namespace

FirstRunDialog::FirstRunDialog(db::ClinicService& service, QWidget* parent)
    : QDialog(parent)
    , m_service(service)
{
    setObjectName(QStringLiteral("firstRunDialog"));
    setWindowTitle(tr("Create the administrator account"));

    auto* intro = new QLabel(tr("This database has no users yet. Create the administrator account: it can add "
                                "therapists and back up the database. There is no default password."),
                             this);
    intro->setWordWrap(true);

    m_usernameLineEdit = makeLineEdit(
        this, QStringLiteral("usernameLineEdit"), tr("User name"), tr("The name you sign in with, e.g. \"admin\""));
    m_displayNameLineEdit = makeLineEdit(this,
                                         QStringLiteral("displayNameLineEdit"),
                                         tr("Full name"),
                                         tr("Your name as it appears in the records and the audit log"));
    m_passwordLineEdit =
        makeLineEdit(this, QStringLiteral("passwordLineEdit"), tr("Password"), tr("At least 8 characters"));
    m_passwordLineEdit->setEchoMode(QLineEdit::Password);
    m_confirmLineEdit = makeLineEdit(
        this, QStringLiteral("confirmPasswordLineEdit"), tr("Repeat password"), tr("Type the password again"));
    m_confirmLineEdit->setEchoMode(QLineEdit::Password);

    auto* form = new QFormLayout;
    auto addRow = [&](const QString& label, QLineEdit* edit) {
        auto* rowLabel = new QLabel(label, this);
        rowLabel->setBuddy(edit);
        form->addRow(rowLabel, edit);
    };
    addRow(tr("&User name:"), m_usernameLineEdit);
    addRow(tr("&Full name:"), m_displayNameLineEdit);
    addRow(tr("&Password:"), m_passwordLineEdit);
    addRow(tr("&Repeat password:"), m_confirmLineEdit);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_errorLabel->setAccessibleName(tr("Error"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_createButton = buttons->addButton(tr("&Create account"), QDialogButtonBox::AcceptRole);
    m_createButton->setObjectName(QStringLiteral("createButton"));
    m_createButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &FirstRunDialog::createAdministrator);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);
}

void FirstRunDialog::createAdministrator()
{
    const QString username = m_usernameLineEdit->text().trimmed();
    const QString displayName = m_displayNameLineEdit->text().trimmed();
    if (username.isEmpty() || displayName.isEmpty()) {
        m_errorLabel->setText(tr("Enter a user name and your full name."));
        return;
    }
    if (m_passwordLineEdit->text() != m_confirmLineEdit->text()) {
        m_errorLabel->setText(tr("The two passwords differ."));
        m_confirmLineEdit->selectAll();
        m_confirmLineEdit->setFocus();
        return;
    }
    try {
        m_service.createFirstAdmin(toUtf8(username), toUtf8(displayName), toUtf8(m_passwordLineEdit->text()));
    } catch (const Error& error) {
        if (error.code() == ErrorCode::PasswordTooWeak) {
            m_errorLabel->setText(tr("The password is too short: use at least 8 characters."));
        } else {
            m_errorLabel->setText(tr("The account could not be created: %1").arg(toQString(error.what())));
        }
        return;
    }
    accept();
}

} // namespace backscreen::app
