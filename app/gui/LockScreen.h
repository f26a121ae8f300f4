#pragma once

#include <QWidget>

#include <string>

class QLabel;
class QLineEdit;
class QPushButton;

namespace backscreen::db {
class ClinicService;
}

namespace backscreen::app {

/// What the window shows while locked: no client data, only a password field for the signed-in user.
/// Unlocking checks the password with the clinic service (a failed attempt counts towards the lock-out).
class LockScreen : public QWidget
{
    Q_OBJECT

public:
    explicit LockScreen(db::ClinicService& service, QWidget* parent = nullptr);

    /// Prepares the screen for the signed-in user; `demoPassword` (demo database only) is filled in.
    void prepare(const QString& demoPassword = {});

    /// Tries the password in the field.
    void unlock();

signals:
    void unlocked();

private:
    db::ClinicService& m_service;
    std::string m_username;
    QLabel* m_messageLabel;
    QLineEdit* m_passwordLineEdit;
    QLabel* m_errorLabel;
    QPushButton* m_unlockButton;
};

} // namespace backscreen::app
