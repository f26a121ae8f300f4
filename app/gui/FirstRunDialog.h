#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace backscreen::db {
class ClinicService;
}

namespace backscreen::app {

/// The first run on a real database: creates the administrator account. There is no default password;
/// the dialog accepts only when the account was created (and is then signed in).
class FirstRunDialog : public QDialog
{
    Q_OBJECT

public:
    explicit FirstRunDialog(db::ClinicService& service, QWidget* parent = nullptr);

    /// Tries to create the administrator from the fields; shows what is wrong beside them on failure.
    void createAdministrator();

private:
    db::ClinicService& m_service;
    QLineEdit* m_usernameLineEdit;
    QLineEdit* m_displayNameLineEdit;
    QLineEdit* m_passwordLineEdit;
    QLineEdit* m_confirmLineEdit;
    QLabel* m_errorLabel;
    QPushButton* m_createButton;
};

} // namespace backscreen::app
