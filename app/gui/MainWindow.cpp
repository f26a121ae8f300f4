#include "MainWindow.h"

#include "ClientRecordPage.h"
#include "ClientTableModel.h"
#include "ClientsPage.h"
#include "ClinicSession.h"
#include "DatabaseActions.h"
#include "DemoSeeder.h"
#include "FindingsPanel.h"
#include "HomeProgramStarter.h"
#include "IdleLock.h"
#include "IntakePage.h"
#include "LockScreen.h"
#include "MessageBox.h"
#include "OutcomeCatalogue.h"
#include "OutcomeEntryDialog.h"
#include "ProgramEditorPage.h"
#include "ProgressReviewPage.h"
#include "TextConversion.h"

#include "core/common/Error.h"
#include "core/program/ProgramBlockedError.h"

#include <QAction>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QDate>
#include <QDialog>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>

namespace backscreen::app {

namespace {

std::chrono::minutes idleMinutesSetting()
{
    QSettings settings;
    return std::chrono::minutes(settings.value(QStringLiteral("security/idleLockMinutes"), 10).toInt());
}

} // namespace

template <typename Action>
void MainWindow::guarded(const QString& what, Action&& action)
{
    try {
        action();
    } catch (const Error& error) {
        MessageBox::critical(this, tr("Backscreen"), tr("%1 failed: %2").arg(what, toQString(error.what())));
    }
}

MainWindow::MainWindow(ClinicSession& session,
                       const core::Questionnaire& questionnaire,
                       const core::ScreeningEngine& engine,
                       QWidget* parent)
    : QMainWindow(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("mainWindow"));

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pagesStackedWidget"));
    m_clientsPage = new ClientsPage(session.service(), m_pages);
    m_clientRecordPage = new ClientRecordPage(session.service(), m_pages);
    m_intakePage = new IntakePage(session.service(), questionnaire, engine, m_pages);
    m_lockScreen = new LockScreen(session.service(), m_pages);
    for (QWidget* page : {static_cast<QWidget*>(m_clientsPage),
                          static_cast<QWidget*>(m_clientRecordPage),
                          static_cast<QWidget*>(m_intakePage),
                          static_cast<QWidget*>(m_lockScreen)}) {
        m_pages->addWidget(page);
    }
    setCentralWidget(m_pages);

    m_userLabel = new QLabel(this);
    m_userLabel->setObjectName(QStringLiteral("userLabel"));
    m_userLabel->setAccessibleName(tr("Signed-in user"));
    m_databaseLabel = new QLabel(this);
    m_databaseLabel->setObjectName(QStringLiteral("databaseLabel"));
    m_databaseLabel->setAccessibleName(tr("Open database"));
    statusBar()->addWidget(m_userLabel);
    statusBar()->addPermanentWidget(m_databaseLabel);

    m_idleLock = new IdleLock(idleMinutesSetting(), this);
    connect(m_idleLock, &IdleLock::lockRequested, this, &MainWindow::lock);

    connect(m_clientsPage, &ClientsPage::clientOpened, this, &MainWindow::openClient);
    connect(m_clientRecordPage, &ClientRecordPage::backRequested, this, &MainWindow::showClients);
    connect(m_clientRecordPage, &ClientRecordPage::newIntakeRequested, this, &MainWindow::startIntake);
    connect(m_clientRecordPage, &ClientRecordPage::resumeIntakeRequested, this, &MainWindow::resumeIntake);
    connect(m_intakePage, &IntakePage::programRequested, this, &MainWindow::generateProgram);
    connect(m_intakePage, &IntakePage::backRequested, this, [this] { openClient(m_intakePage->clientId()); });
    connect(m_lockScreen, &LockScreen::unlocked, this, [this] {
        menuBar()->setEnabled(true);
        setPage(m_pageBeforeLock != nullptr ? m_pageBeforeLock : m_clientsPage);
        m_pageBeforeLock = nullptr;
        m_idleLock->reset();
        updateStatus();
    });

    std::vector<core::Diagnostic> programProblems;
    m_programStarter = HomeProgramStarter::loadDefault(programProblems);
    for (const auto& problem : programProblems) {
        m_programStarterProblems += toQString(problem.message) + QLatin1Char('\n');
    }
    // The program editor needs the catalogue and rules, so it exists only when they loaded.
    if (m_programStarter) {
        m_programEditorPage = new ProgramEditorPage(
            session.service(), m_programStarter->catalogue(), m_programStarter->ruleset(), engine, m_pages);
        m_pages->addWidget(m_programEditorPage);
        connect(m_programEditorPage, &ProgramEditorPage::closeRequested, this, [this] {
            openClient(m_programEditorPage->clientId());
        });
        connect(
            m_programEditorPage, &ProgramEditorPage::programSaved, this, [this](db::RecordId, std::int64_t version) {
                statusBar()->showMessage(tr("Saved the home program as version %1").arg(version), 5000);
            });
    }
    connect(m_clientRecordPage, &ClientRecordPage::openProgramRequested, this, &MainWindow::openProgramEditor);

    createMenus();

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray())) {
        resize(1280, 800);
    }

    guarded(tr("Loading the clients"), [this] { m_clientsPage->reload(); });
    setPage(m_clientsPage);
    m_clientsPage->focusSearch();
    updateTitle();
    updateStatus();
    m_idleLock->start();
}

MainWindow::~MainWindow()
{
    // The editor refers to the catalogue and rules m_programStarter owns, which go before the child widgets.
    delete m_programEditorPage;
}

QWidget* MainWindow::currentPage() const
{
    return m_pages->currentWidget();
}

void MainWindow::showClients()
{
    guarded(tr("Loading the clients"), [this] {
        m_clientsPage->reload();
        setPage(m_clientsPage);
        m_clientsPage->focusSearch();
    });
}

void MainWindow::openClient(db::RecordId clientId)
{
    guarded(tr("Opening the client"), [this, clientId] {
        m_clientRecordPage->showClient(clientId);
        setPage(m_clientRecordPage);
    });
}

void MainWindow::startIntake(db::RecordId clientId)
{
    guarded(tr("Starting the intake"), [this, clientId] {
        const QString name = clientName(clientId);
        const bool hasVisits =
            !m_clientRecordPage->history().visits.empty() && m_clientRecordPage->clientId() == clientId;
        m_intakePage->startNewVisit(
            clientId, name, toUtf8(QDate::currentDate().toString(Qt::ISODate)), hasVisits ? "review" : "initial");
        setPage(m_intakePage);
    });
}

void MainWindow::resumeIntake(db::RecordId clientId, db::RecordId visitId)
{
    guarded(tr("Opening the intake"), [this, clientId, visitId] {
        m_intakePage->openVisit(clientId, visitId, clientName(clientId));
        setPage(m_intakePage);
    });
}

void MainWindow::generateProgram(db::RecordId clientId, db::RecordId visitId)
{
    if (!m_programStarter) {
        MessageBox::warning(
            this,
            tr("No program"),
            tr("The exercise catalogue or the program rules could not be loaded:\n%1").arg(m_programStarterProblems));
        return;
    }
    try {
        const db::HomeProgramVersionRecord saved =
            m_programStarter->start(m_session.service(), clientId, visitId, m_intakePage->findingsPanel()->result());
        MessageBox::information(
            this,
            tr("Home program saved"),
            tr("The home program was generated from this screening and saved as version %1.").arg(saved.version));
        openClient(clientId);
        openProgramEditor(clientId);
    } catch (const core::ProgramBlockedError& blocked) {
        MessageBox::warning(
            this, tr("No program"), tr("No program may be generated: %1").arg(toQString(blocked.what())));
    } catch (const Error& error) {
        MessageBox::critical(
            this, tr("Backscreen"), tr("The program could not be saved: %1").arg(toQString(error.what())));
    }
}

void MainWindow::openProgramEditor(db::RecordId clientId)
{
    if (m_programEditorPage == nullptr) {
        MessageBox::warning(
            this,
            tr("No program"),
            tr("The exercise catalogue or the program rules could not be loaded:\n%1").arg(m_programStarterProblems));
        return;
    }
    if (currentPage() == m_programEditorPage && !m_programEditorPage->maybeLeave()) {
        return;
    }
    guarded(tr("Opening the program"), [this, clientId] {
        m_programEditorPage->openProgram(clientId);
        setPage(m_programEditorPage);
    });
}

void MainWindow::lock()
{
    if (isLocked()) {
        return;
    }
    // Every open dialog (clearance, exercise picker, comparison, print preview, outcome entry, …) shows client
    // data and, if modal, would block the lock screen: close them all unsaved rather than leave them over the lock.
    for (QDialog* dialog : findChildren<QDialog*>()) {
        if (dialog->isVisible()) {
            dialog->reject();
        }
    }
    m_pageBeforeLock = currentPage();
    m_lockScreen->prepare(m_session.isDemo() ? QString::fromUtf8(DemoSeeder::therapistPassword()) : QString());
    // Signed out while locked: nothing can be read until the password is given again.
    m_session.service().logout();
    menuBar()->setEnabled(false);
    setPage(m_lockScreen);
    m_lockScreen->setFocus();
    updateStatus();
}

bool MainWindow::isLocked() const
{
    return currentPage() == m_lockScreen;
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (currentPage() == m_programEditorPage && m_programEditorPage != nullptr && !m_programEditorPage->maybeLeave()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    event->accept();
}

void MainWindow::createMenus()
{
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QAction* newClient = fileMenu->addAction(tr("&New client…"), m_clientsPage, &ClientsPage::newClient);
    newClient->setShortcut(QKeySequence::New);
    newClient->setObjectName(QStringLiteral("newClientAction"));
    newClient->setToolTip(tr("Enter a new client"));
    QAction* find = fileMenu->addAction(tr("&Find client"), this, [this] {
        if (currentPage() != m_clientsPage) {
            showClients();
        }
        m_clientsPage->focusSearch();
    });
    find->setShortcut(QKeySequence::Find);
    find->setObjectName(QStringLiteral("findClientAction"));
    fileMenu->addSeparator();
    // Backup, restore and export (clinic helper): the open client is the record page's or the intake's.
    m_databaseActions = new DatabaseActions(m_session, this, [this] {
        if (currentPage() == m_intakePage) {
            return m_intakePage->clientId();
        }
        return currentPage() == m_clientRecordPage ? m_clientRecordPage->clientId() : db::RecordId(0);
    });
    m_databaseActions->addTo(fileMenu);
    connect(m_databaseActions, &DatabaseActions::restored, this, [this] {
        updateStatus();
        showClients();
    });
    connect(m_databaseActions, &DatabaseActions::signInAbandoned, this, &QWidget::close);
    QAction* lockAction = fileMenu->addAction(tr("&Lock"), this, &MainWindow::lock);
    lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    lockAction->setObjectName(QStringLiteral("lockAction"));
    lockAction->setToolTip(tr("Hide the client data until your password is entered again"));
    fileMenu->addSeparator();
    QAction* quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(QStringLiteral("quitAction"));

    QMenu* clientMenu = menuBar()->addMenu(tr("&Client"));
    QAction* open = clientMenu->addAction(tr("&Open record"), m_clientsPage, &ClientsPage::openSelectedClient);
    open->setShortcut(QKeySequence::Open);
    open->setObjectName(QStringLiteral("openClientAction"));
    QAction* edit = clientMenu->addAction(tr("&Edit…"), m_clientsPage, &ClientsPage::editSelectedClient);
    edit->setObjectName(QStringLiteral("editClientAction"));
    QAction* archive = clientMenu->addAction(tr("&Archive…"), m_clientsPage, &ClientsPage::archiveSelectedClient);
    archive->setObjectName(QStringLiteral("archiveClientAction"));
    clientMenu->addSeparator();
    QAction* intake = clientMenu->addAction(tr("New &intake visit"), this, [this] {
        const db::RecordId id =
            currentPage() == m_clientRecordPage ? m_clientRecordPage->clientId() : m_clientsPage->selectedClientId();
        if (id != 0) {
            startIntake(id);
        }
    });
    intake->setObjectName(QStringLiteral("newIntakeAction"));
    intake->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    createOutcomeReview(clientMenu);

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    QAction* clients = viewMenu->addAction(tr("&Client list"), this, &MainWindow::showClients);
    clients->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Home));
    clients->setObjectName(QStringLiteral("showClientsAction"));

    // The program editor's actions: enabled only while it is shown.
    if (m_programEditorPage != nullptr) {
        ProgramEditorPage* editor = m_programEditorPage;
        fileMenu->insertActions(
            lockAction,
            {editor->saveAction(), editor->printPreviewAction(), editor->printAction(), editor->savePdfAction()});
        fileMenu->insertSeparator(lockAction);
        QMenu* editMenu = new QMenu(tr("&Edit"), menuBar());
        menuBar()->insertMenu(clientMenu->menuAction(), editMenu);
        editMenu->addAction(editor->undoAction());
        editMenu->addAction(editor->redoAction());
        QMenu* programMenu = menuBar()->addMenu(tr("&Program"));
        programMenu->addActions({editor->addExerciseAction(),
                                 editor->removeExerciseAction(),
                                 editor->moveUpAction(),
                                 editor->moveDownAction()});
        programMenu->addSeparator();
        programMenu->addAction(editor->compareAction());
        programMenu->addAction(editor->closeAction());
    }

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction* about = helpMenu->addAction(tr("&About Backscreen"), this, [this] {
        MessageBox::information(this,
                                tr("About Backscreen"),
                                tr("Backscreen %1\nLow back pain screening and home programs for manual therapists.")
                                    .arg(QCoreApplication::applicationVersion()));
    });
    about->setObjectName(QStringLiteral("aboutAction"));
}

// The progress review page, its hook-ups and its menu actions, in one place.
void MainWindow::createOutcomeReview(QMenu* clientMenu)
{
    m_progressReviewPage = new ProgressReviewPage(m_session.service(), OutcomeCatalogue::shared(), m_pages);
    m_pages->addWidget(m_progressReviewPage);
    connect(m_clientRecordPage, &ClientRecordPage::progressReviewRequested, this, &MainWindow::openProgressReview);
    connect(m_clientRecordPage, &ClientRecordPage::outcomeEntryRequested, this, &MainWindow::enterOutcome);
    connect(m_progressReviewPage, &ProgressReviewPage::outcomeEntryRequested, this, &MainWindow::enterOutcome);
    connect(m_progressReviewPage, &ProgressReviewPage::backRequested, this, &MainWindow::openClient);

    auto currentClient = [this] {
        if (currentPage() == m_progressReviewPage) {
            return m_progressReviewPage->clientId();
        }
        return currentPage() == m_clientRecordPage ? m_clientRecordPage->clientId() : m_clientsPage->selectedClientId();
    };
    QAction* review = clientMenu->addAction(tr("Progress &review"), this, [this, currentClient] {
        if (const db::RecordId id = currentClient(); id != 0) {
            openProgressReview(id);
        }
    });
    review->setObjectName(QStringLiteral("progressReviewAction"));
    review->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    review->setToolTip(tr("Charts of the client's outcome measures over time"));
    QAction* outcome = clientMenu->addAction(tr("Enter &outcome measure…"), this, [this, currentClient] {
        const db::RecordId id = currentClient();
        if (id == 0) {
            return;
        }
        const db::RecordId visitId = currentPage() == m_progressReviewPage ? m_progressReviewPage->latestVisitId()
                                     : currentPage() == m_clientRecordPage ? m_clientRecordPage->selectedVisitId()
                                                                           : 0;
        enterOutcome(id, visitId);
    });
    outcome->setObjectName(QStringLiteral("enterOutcomeAction"));
    outcome->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    outcome->setToolTip(tr("Score an outcome measure (NPRS, ODI, …) at a visit"));
}

void MainWindow::openProgressReview(db::RecordId clientId)
{
    guarded(tr("Opening the progress review"), [this, clientId] {
        m_progressReviewPage->showClient(clientId);
        setPage(m_progressReviewPage);
    });
}

void MainWindow::enterOutcome(db::RecordId clientId, db::RecordId visitId)
{
    const OutcomeCatalogue* catalogue = OutcomeCatalogue::shared();
    if (catalogue == nullptr) {
        MessageBox::warning(
            this, tr("No outcome measures"), tr("The outcome-measure catalogue or its forms could not be loaded."));
        return;
    }
    guarded(tr("Opening the outcome entry"), [this, catalogue, clientId, visitId] {
        const db::ClientHistory history = m_clientRecordPage->clientId() == clientId
                                              ? m_clientRecordPage->history()
                                              : m_session.service().clientHistory(clientId);
        auto* dialog = new OutcomeEntryDialog(m_session.service(), *catalogue, history, visitId, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &OutcomeEntryDialog::outcomeSaved, this, [this](db::RecordId savedClientId) {
            guarded(tr("Showing the outcome"), [this, savedClientId] {
                if (m_clientRecordPage->clientId() == savedClientId) {
                    m_clientRecordPage->reload();
                }
                if (m_progressReviewPage->clientId() == savedClientId) {
                    m_progressReviewPage->reload();
                }
            });
        });
        dialog->open();
    });
}

void MainWindow::updateTitle()
{
    if (m_session.isDemo()) {
        setWindowTitle(
            tr("Backscreen — DEMO database (signed in automatically as %1)").arg(m_session.userDisplayName()));
    } else {
        setWindowTitle(tr("Backscreen — %1").arg(m_session.databaseName()));
    }
}

void MainWindow::updateStatus()
{
    const auto& user = m_session.service().currentUser();
    if (user) {
        m_userLabel->setText(
            tr("Signed in as %1 (%2)").arg(toQString(user->displayName), QString::fromUtf8(db::roleName(user->role))));
    } else {
        m_userLabel->setText(tr("Locked: nobody is signed in"));
    }
    m_databaseLabel->setText(m_session.isDemo() ? tr("DEMO database: %1").arg(m_session.databaseName())
                                                : tr("Database: %1").arg(m_session.databaseName()));
}

void MainWindow::setPage(QWidget* page)
{
    // Leaving the program editor with unsaved edits asks first (the lock screen keeps them as they are).
    if (m_programEditorPage != nullptr && currentPage() == m_programEditorPage && page != m_programEditorPage
        && page != m_lockScreen && !m_programEditorPage->maybeLeave()) {
        return;
    }
    m_pages->setCurrentWidget(page);
}

QString MainWindow::clientName(db::RecordId clientId)
{
    const int row = m_clientsPage->model()->rowOf(clientId);
    if (row >= 0) {
        const db::ClientRecord& client = m_clientsPage->model()->client(row);
        return toQString(client.givenName + " " + client.familyName);
    }
    const db::ClientRecord client = m_session.service().readClient(clientId);
    return toQString(client.givenName + " " + client.familyName);
}

} // namespace backscreen::app
