#pragma once

#include "db/Records.h"

#include <QDialog>

class QCheckBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace backscreen::app {

/// Enters a new client or edits one: names, date of birth, contact, notes. Accepts only when the family name
/// is given; the record it returns keeps the id and version of the one it was opened with, so the save is
/// checked for concurrent changes.
class ClientDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ClientDialog(const db::ClientRecord& client, QWidget* parent = nullptr);

    /// The record as edited.
    db::ClientRecord client() const;

    void done(int result) override;

private:
    db::ClientRecord m_client;
    QLineEdit* m_familyNameLineEdit;
    QLineEdit* m_givenNameLineEdit;
    QDateEdit* m_birthDateEdit;
    QLineEdit* m_contactLineEdit;
    QPlainTextEdit* m_notesTextEdit;
    QLabel* m_errorLabel;
};

} // namespace backscreen::app
