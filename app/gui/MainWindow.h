#pragma once

#include "core/fhir/Questionnaire.h"
#include "db/Records.h"

#include <QMainWindow>

#include <chrono>
#include <memory>

class QAction;
class QMenu;
class QLabel;
class QStackedWidget;

namespace backscreen::core {
class ScreeningEngine;
}

namespace backscreen::app {

class ClientRecordPage;
class ClientsPage;
class ClinicSession;
class DatabaseActions;
class HomeProgramStarter;
class IdleLock;
class IntakePage;
class LockScreen;
class ProgramEditorPage;
class ProgressReviewPage;

/// The app's window: the client list, a client's record and the intake interview as pages of one stack,
/// menus with the standard shortcuts, the signed-in user in the status bar, the title saying which database
/// is open (DEMO for the demo), geometry remembered between runs, and the idle lock.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// The session must be signed in and outlive the window; so must `questionnaire` and `engine`.
    MainWindow(ClinicSession& session,
               const core::Questionnaire& questionnaire,
               const core::ScreeningEngine& engine,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    ClientsPage* clientsPage() const { return m_clientsPage; }

    ClientRecordPage* clientRecordPage() const { return m_clientRecordPage; }

    IntakePage* intakePage() const { return m_intakePage; }

    LockScreen* lockScreen() const { return m_lockScreen; }

    IdleLock* idleLock() const { return m_idleLock; }

    /// nullptr when the exercise catalogue or the program rules did not load.
    ProgramEditorPage* programEditorPage() const { return m_programEditorPage; }

    ProgressReviewPage* progressReviewPage() const { return m_progressReviewPage; }

    /// File > Back up / Restore database…, Export client record….
    DatabaseActions* databaseActions() const { return m_databaseActions; }

    QWidget* currentPage() const;

    void showClients();
    void openClient(db::RecordId clientId);
    void startIntake(db::RecordId clientId);
    void resumeIntake(db::RecordId clientId, db::RecordId visitId);
    /// Generates the visit's home program from the screening shown in the intake and stores it as version 1.
    void generateProgram(db::RecordId clientId, db::RecordId visitId);
    /// The program editor on the client's newest program version.
    void openProgramEditor(db::RecordId clientId);

    /// Shows the client's progress review (charts of the outcome measures).
    void openProgressReview(db::RecordId clientId);
    /// Opens the outcome entry dialog (window-modal, not blocking) for a visit of the client, 0 = a new review
    /// visit; when a score is stored the record and the progress review show it.
    void enterOutcome(db::RecordId clientId, db::RecordId visitId);

    /// Hides everything behind the lock screen and signs the user out until the password is given again.
    void lock();
    bool isLocked() const;

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void createOutcomeReview(QMenu* clientMenu);
    void updateTitle();
    void updateStatus();
    void setPage(QWidget* page);
    QString clientName(db::RecordId clientId);
    /// Runs `action`; a backscreen::Error is shown in a message box instead of escaping the event loop.
    template <typename Action>
    void guarded(const QString& what, Action&& action);

    ClinicSession& m_session;
    QStackedWidget* m_pages;
    ClientsPage* m_clientsPage;
    ClientRecordPage* m_clientRecordPage;
    IntakePage* m_intakePage;
    LockScreen* m_lockScreen;
    IdleLock* m_idleLock;
    std::unique_ptr<HomeProgramStarter> m_programStarter;
    QString m_programStarterProblems;
    QWidget* m_pageBeforeLock = nullptr;
    QLabel* m_userLabel;
    QLabel* m_databaseLabel;
    QList<QAction*> m_sessionActions;
    ProgramEditorPage* m_programEditorPage = nullptr;
    ProgressReviewPage* m_progressReviewPage = nullptr;
    DatabaseActions* m_databaseActions = nullptr;
};

} // namespace backscreen::app
