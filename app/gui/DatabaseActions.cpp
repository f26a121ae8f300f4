#include "DatabaseActions.h"

#include "ClientRecordExport.h"
#include "ClinicSession.h"
#include "LoginDialog.h"
#include "MessageBox.h"
#include "TextConversion.h"

#include "core/common/Error.h"
#include "core/json/JsonWriter.h"
#include "db/ClinicService.h"
#include "db/Database.h"

#include <QAction>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QMenu>
#include <QProgressDialog>
#include <QSaveFile>

#include <algorithm>
#include <climits>
#include <filesystem>

namespace backscreen::app {

namespace {

std::filesystem::path toPath(const QString& file)
{
    return std::filesystem::path(toUtf8(file));
}

int clamped(std::int64_t value)
{
    return static_cast<int>(std::clamp<std::int64_t>(value, 0, INT_MAX));
}

// Names a long operation's progress dialog and shows it at once, window-modal and kept open to the end, so
// Cancel is there from the first step however quick the work turns out.
void showProgress(QProgressDialog& progress,
                  const QString& objectName,
                  const QString& title,
                  const QString& accessibleName,
                  const QString& toolTip)
{
    progress.setObjectName(objectName);
    progress.setWindowTitle(title);
    progress.setAccessibleName(accessibleName);
    progress.setToolTip(toolTip);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setAutoClose(false);
    progress.setAutoReset(false);
    progress.setValue(0);
    progress.show();
}

} // namespace

DatabaseActions::DatabaseActions(ClinicSession& session, QWidget* window, std::function<db::RecordId()> currentClient)
    : QObject(window)
    , m_session(session)
    , m_window(window)
    , m_currentClient(std::move(currentClient))
{
    setObjectName(QStringLiteral("databaseActions"));
    m_signIn = [this] {
        LoginDialog dialog(m_session.service(), m_session.databaseName(), m_window);
        return dialog.exec() == QDialog::Accepted;
    };
    m_backupAction = new QAction(tr("&Back up database…"), this);
    m_backupAction->setObjectName(QStringLiteral("backupAction"));
    m_backupAction->setToolTip(tr("Write a copy of the whole database to a file you choose (administrators)"));
    connect(m_backupAction, &QAction::triggered, this, &DatabaseActions::chooseBackupFile);
    m_restoreAction = new QAction(tr("&Restore database…"), this);
    m_restoreAction->setObjectName(QStringLiteral("restoreAction"));
    m_restoreAction->setToolTip(
        tr("Replace the open database with a backup (administrators); everyone signs in again afterwards"));
    connect(m_restoreAction, &QAction::triggered, this, &DatabaseActions::chooseRestoreFile);
    m_exportAction = new QAction(tr("&Export client record…"), this);
    m_exportAction->setObjectName(QStringLiteral("exportClientAction"));
    m_exportAction->setToolTip(tr("Write the open client's whole history to a JSON file you choose (audited)"));
    connect(m_exportAction, &QAction::triggered, this, &DatabaseActions::chooseExportFile);
    updateActions();
}

void DatabaseActions::addTo(QMenu* menu)
{
    menu->addAction(m_exportAction);
    menu->addAction(m_backupAction);
    menu->addAction(m_restoreAction);
    menu->addSeparator();
    connect(menu, &QMenu::aboutToShow, this, &DatabaseActions::updateActions);
}

void DatabaseActions::updateActions()
{
    const auto& user = m_session.service().currentUser();
    const bool admin = user && db::roleAllows(user->role, db::Operation::Administer);
    const QString adminsOnly = tr("Only administrators may back up or restore the database");
    m_backupAction->setEnabled(admin);
    m_backupAction->setStatusTip(admin ? m_backupAction->toolTip() : adminsOnly);
    m_restoreAction->setEnabled(admin);
    m_restoreAction->setStatusTip(admin ? m_restoreAction->toolTip() : adminsOnly);
    m_exportAction->setEnabled(user && m_currentClient() != 0);
}

void DatabaseActions::chooseBackupFile()
{
    const QString suggested =
        QDir::home().filePath(QStringLiteral("backscreen-backup-%1.sqlite")
                                  .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd-HHmm"))));
    const QString file = QFileDialog::getSaveFileName(m_window,
                                                      tr("Back up the database to"),
                                                      suggested,
                                                      tr("SQLite databases (*.sqlite);;All files (*)"),
                                                      nullptr,
                                                      QFileDialog::DontConfirmOverwrite);
    if (!file.isEmpty()) {
        backupTo(file);
    }
}

void DatabaseActions::chooseRestoreFile()
{
    const QString file = QFileDialog::getOpenFileName(
        m_window, tr("Restore the database from"), QDir::homePath(), tr("SQLite databases (*.sqlite);;All files (*)"));
    if (!file.isEmpty()) {
        restoreFrom(file);
    }
}

void DatabaseActions::chooseExportFile()
{
    const db::RecordId clientId = m_currentClient();
    if (clientId == 0) {
        return;
    }
    const QString file =
        QFileDialog::getSaveFileName(m_window,
                                     tr("Export the client record to"),
                                     QDir::home().filePath(QStringLiteral("client-%1.json").arg(clientId)),
                                     tr("JSON files (*.json);;All files (*)"));
    if (!file.isEmpty()) {
        exportClient(clientId, file);
    }
}

bool DatabaseActions::backupTo(const QString& file)
{
    QProgressDialog progress(tr("Backing up the database to %1…").arg(file), tr("Cancel"), 0, 1, m_window);
    showProgress(progress,
                 QStringLiteral("backupProgressDialog"),
                 tr("Back up database"),
                 tr("Backup progress"),
                 tr("Pages of the database copied so far; Cancel stops and removes the partial file"));
    try {
        m_session.service().backupTo(
            toPath(file),
            [&](std::int64_t copied, std::int64_t total) {
                progress.setMaximum(std::max(1, clamped(total)));
                progress.setValue(clamped(copied));
                progress.setLabelText(
                    tr("Backing up the database to %1…\n%2 of %n page(s) copied", nullptr, clamped(total))
                        .arg(file)
                        .arg(copied));
                if (m_progressHook) {
                    m_progressHook(progress);
                }
                QCoreApplication::processEvents();
                return !progress.wasCanceled();
            },
            m_pagesPerStep);
    } catch (const Error& error) {
        progress.close();
        if (error.code() == ErrorCode::BackupCancelled) {
            MessageBox::information(
                m_window, tr("Backup cancelled"), tr("The backup was cancelled; %1 was not written.").arg(file));
        } else {
            MessageBox::critical(
                m_window,
                tr("Backup failed"),
                tr("The database could not be backed up to %1: %2").arg(file, toQString(error.what())));
        }
        return false;
    }
    progress.close();
    MessageBox::information(m_window, tr("Backup written"), tr("The database was backed up to %1.").arg(file));
    return true;
}

bool DatabaseActions::restoreFrom(const QString& file)
{
    const QMessageBox::StandardButton answer = MessageBox::question(
        m_window,
        tr("Restore database"),
        tr("Replace everything in the open database (%1) with the backup %2?\nChanges made since that backup are "
           "lost. Everyone signs in again afterwards.")
            .arg(m_session.databaseName(), file));
    if (answer != QMessageBox::Yes) {
        return false;
    }
    try {
        m_session.service().restoreFrom(toPath(file));
    } catch (const Error& error) {
        MessageBox::critical(m_window,
                             tr("Restore failed"),
                             tr("The database could not be restored from %1: %2").arg(file, toQString(error.what())));
        return false;
    }
    if (m_signIn()) {
        emit restored();
    } else {
        emit signInAbandoned();
    }
    return true;
}

bool DatabaseActions::exportClient(db::RecordId clientId, const QString& file)
{
    QProgressDialog progress(tr("Exporting the client record to %1…").arg(file), tr("Cancel"), 0, 1, m_window);
    showProgress(progress,
                 QStringLiteral("exportProgressDialog"),
                 tr("Export client record"),
                 tr("Export progress"),
                 tr("Records written so far; Cancel stops and writes nothing"));
    const auto& user = m_session.service().currentUser();
    const std::string exportedBy = user ? user->username : std::string();
    const std::string exportedAt = toUtf8(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    try {
        // The file is written first and made final with the "export" audit row: a failed write leaves no row,
        // and the database is not held while the progress dialog runs.
        QSaveFile out(file);
        auto cannotWrite = [&] {
            return Error(ErrorCode::ExportFailed,
                         toUtf8(file) + ": cannot be written (" + toUtf8(out.errorString())
                             + "); choose a folder you may write to");
        };
        m_session.service().exportClientHistory(clientId, toUtf8(file), [&](const db::ClientHistory& history) {
            const core::JsonValue json =
                ClientRecordExport::toJson(history, exportedAt, exportedBy, [&](std::size_t done, std::size_t total) {
                    progress.setMaximum(std::max(1, clamped(static_cast<std::int64_t>(total))));
                    progress.setValue(clamped(static_cast<std::int64_t>(done)));
                    if (m_progressHook) {
                        m_progressHook(progress);
                    }
                    QCoreApplication::processEvents();
                    return !progress.wasCanceled();
                });
            const std::string text = core::JsonWriter::write(json, core::JsonWriter::Style::Pretty) + "\n";
            if (!out.open(QIODevice::WriteOnly)
                || out.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size())) {
                throw cannotWrite();
            }
            return [&] {
                if (!out.commit()) {
                    throw cannotWrite();
                }
            };
        });
    } catch (const Error& error) {
        progress.close();
        MessageBox::critical(
            m_window,
            tr("Export failed"),
            tr("The client record could not be exported to %1: %2").arg(file, toQString(error.what())));
        return false;
    }
    progress.close();
    MessageBox::information(
        m_window, tr("Client record exported"), tr("The client record was written to %1.").arg(file));
    return true;
}

} // namespace backscreen::app
