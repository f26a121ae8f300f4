#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace backscreen::db {
class ClinicService;
}

namespace backscreen::app {

/// Signs a user in with user name and password. Accepts only after a successful login; a wrong password or
/// a locked account is shown in the dialog, which stays open.
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    /// `databaseName` is shown so the user sees which clinic database they open.
    LoginDialog(db::ClinicService& service, const QString& databaseName, QWidget* parent = nullptr);

    /// Tries to sign in with the fields.
    void signIn();

private:
    db::ClinicService& m_service;
    QLineEdit* m_usernameLineEdit;
    QLineEdit* m_passwordLineEdit;
    QLabel* m_errorLabel;
};

} // namespace backscreen::app
