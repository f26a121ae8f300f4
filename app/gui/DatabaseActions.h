#pragma once

#include "db/Records.h"

#include <QObject>
#include <QString>

#include <functional>

class QAction;
class QMenu;
class QProgressDialog;
class QWidget;

namespace backscreen::app {

class ClinicSession;

/// The File menu's database actions: Back up database… and Restore database… (administrators only), and
/// Export client record… (the open client's whole history as a JSON file). Backup and export show a
/// QProgressDialog fed by real progress (pages copied; records written) whose Cancel stops the work and
/// leaves no file. Errors are shown in a message box naming the file, never thrown out of the event loop.
/// Nothing leaves the machine except through these actions, and each is audited.
class DatabaseActions : public QObject
{
    Q_OBJECT

public:
    /// `currentClient` gives the id of the client open in the window, or 0.
    DatabaseActions(ClinicSession& session, QWidget* window, std::function<db::RecordId()> currentClient);

    /// Adds the three actions (and a separator after them) to `menu`; their state follows the signed-in
    /// user's role each time the menu opens.
    void addTo(QMenu* menu);

    /// Enables backup and restore for administrators only, export when a client is open.
    void updateActions();

    QAction* backupAction() const { return m_backupAction; }

    QAction* restoreAction() const { return m_restoreAction; }

    QAction* exportAction() const { return m_exportAction; }

    /// Backs up to `file` with a progress dialog; true when the backup was written.
    bool backupTo(const QString& file);
    /// Asks to confirm (naming the file), restores from it, then has the user sign in again; true when the
    /// database was restored.
    bool restoreFrom(const QString& file);
    /// Exports the client's record to `file` with a progress dialog; true when the file was written.
    bool exportClient(db::RecordId clientId, const QString& file);

    /// Test seams: how the user signs in again after a restore (default: the login dialog), something to
    /// run at every progress step with the dialog (tests press Escape there or take a picture), and the
    /// pages a backup step copies.
    void setSignIn(std::function<bool()> signIn) { m_signIn = std::move(signIn); }

    void setProgressHook(std::function<void(QProgressDialog&)> hook) { m_progressHook = std::move(hook); }

    void setPagesPerStep(int pages) { m_pagesPerStep = pages; }

signals:
    /// The database was restored and the user signed in again: everything shown must be loaded again.
    void restored();
    /// The database was restored but nobody signed in again: the window cannot go on.
    void signInAbandoned();

private:
    void chooseBackupFile();
    void chooseRestoreFile();
    void chooseExportFile();

    ClinicSession& m_session;
    QWidget* m_window;
    std::function<db::RecordId()> m_currentClient;
    std::function<bool()> m_signIn;
    std::function<void(QProgressDialog&)> m_progressHook;
    int m_pagesPerStep = 64;
    QAction* m_backupAction;
    QAction* m_restoreAction;
    QAction* m_exportAction;
};

} // namespace backscreen::app
