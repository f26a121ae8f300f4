#include "ClientDialog.h"

#include "TextConversion.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace backscreen::app {

ClientDialog::ClientDialog(const db::ClientRecord& client, QWidget* parent)
    : QDialog(parent)
    , m_client(client)
{
    setObjectName(QStringLiteral("clientDialog"));
    setWindowTitle(client.id == 0 ? tr("New client") : tr("Edit client"));

    m_familyNameLineEdit = new QLineEdit(toQString(client.familyName), this);
    m_familyNameLineEdit->setObjectName(QStringLiteral("familyNameLineEdit"));
    m_familyNameLineEdit->setAccessibleName(tr("Family name"));
    m_familyNameLineEdit->setToolTip(tr("The client's family name (required)"));
    m_givenNameLineEdit = new QLineEdit(toQString(client.givenName), this);
    m_givenNameLineEdit->setObjectName(QStringLiteral("givenNameLineEdit"));
    m_givenNameLineEdit->setAccessibleName(tr("Given name"));
    m_givenNameLineEdit->setToolTip(tr("The client's given name"));
    m_birthDateEdit = new QDateEdit(this);
    m_birthDateEdit->setObjectName(QStringLiteral("birthDateEdit"));
    m_birthDateEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_birthDateEdit->setCalendarPopup(true);
    m_birthDateEdit->setDateRange(QDate(1900, 1, 1), QDate::currentDate());
    m_birthDateEdit->setAccessibleName(tr("Date of birth"));
    m_birthDateEdit->setToolTip(tr("Date of birth, as year-month-day"));
    const QDate birthDate = QDate::fromString(toQString(client.birthDate), Qt::ISODate);
    m_birthDateEdit->setDate(birthDate.isValid() ? birthDate : QDate(1980, 1, 1));
    m_contactLineEdit = new QLineEdit(toQString(client.contact), this);
    m_contactLineEdit->setObjectName(QStringLiteral("contactLineEdit"));
    m_contactLineEdit->setAccessibleName(tr("Contact"));
    m_contactLineEdit->setToolTip(tr("Telephone or e-mail"));
    m_notesTextEdit = new QPlainTextEdit(toQString(client.notes), this);
    m_notesTextEdit->setObjectName(QStringLiteral("notesTextEdit"));
    m_notesTextEdit->setTabChangesFocus(true);
    m_notesTextEdit->setAccessibleName(tr("Notes"));
    m_notesTextEdit->setToolTip(tr("Anything the team should know about the client"));

    auto* form = new QFormLayout;
    auto addRow = [&](const QString& text, QWidget* field) {
        auto* label = new QLabel(text, this);
        label->setBuddy(field);
        form->addRow(label, field);
    };
    addRow(tr("&Family name:"), m_familyNameLineEdit);
    addRow(tr("&Given name:"), m_givenNameLineEdit);
    addRow(tr("Date of &birth:"), m_birthDateEdit);
    addRow(tr("&Contact:"), m_contactLineEdit);
    addRow(tr("&Notes:"), m_notesTextEdit);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b00020;"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);
}

db::ClientRecord ClientDialog::client() const
{
    db::ClientRecord edited = m_client;
    edited.familyName = toUtf8(m_familyNameLineEdit->text().trimmed());
    edited.givenName = toUtf8(m_givenNameLineEdit->text().trimmed());
    edited.birthDate = toUtf8(m_birthDateEdit->date().toString(Qt::ISODate));
    edited.contact = toUtf8(m_contactLineEdit->text().trimmed());
    edited.notes = toUtf8(m_notesTextEdit->toPlainText());
    return edited;
}

void ClientDialog::done(int result)
{
    if (result == QDialog::Accepted && m_familyNameLineEdit->text().trimmed().isEmpty()) {
        m_errorLabel->setText(tr("Enter the family name."));
        m_familyNameLineEdit->setFocus();
        return;
    }
    QDialog::done(result);
}

} // namespace backscreen::app
