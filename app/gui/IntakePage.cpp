#include "IntakePage.h"

#include "ClearanceDialog.h"
#include "ClearanceRecorder.h"
#include "FindingsPanel.h"
#include "MessageBox.h"
#include "QuestionWidget.h"
#include "QuestionnaireForm.h"
#include "StoredClearances.h"
#include "StoredScreening.h"
#include "TextConversion.h"

#include "core/common/Error.h"
#include "core/fhir/FlatAnswers.h"
#include "core/fhir/QuestionnaireResponse.h"
#include "core/json/JsonReader.h"
#include "core/json/JsonWriter.h"
#include "core/screening/ScreeningEngine.h"
#include "db/ClinicService.h"
#include "db/Transaction.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QVBoxLayout>

namespace backscreen::app {

IntakePage::IntakePage(db::ClinicService& service,
                       const core::Questionnaire& questionnaire,
                       const core::ScreeningEngine& engine,
                       QWidget* parent)
    : QWidget(parent)
    , m_service(service)
    , m_questionnaire(questionnaire)
    , m_engine(engine)
{
    setObjectName(QStringLiteral("intakePage"));

    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("titleLabel"));
    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("intakeSplitter"));
    auto* formHolder = new QWidget(splitter);
    m_formLayout = new QVBoxLayout(formHolder);
    m_formLayout->setContentsMargins(0, 0, 0, 0);
    m_findingsPanel = new FindingsPanel(splitter);
    splitter->addWidget(formHolder);
    splitter->addWidget(m_findingsPanel);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({780, 480});

    m_generateProgramButton = new QPushButton(tr("&Generate program"), this);
    m_generateProgramButton->setObjectName(QStringLiteral("generateProgramButton"));
    m_generateProgramButton->setAccessibleName(tr("Generate program"));
    m_generateProgramButton->setFocusPolicy(Qt::ClickFocus);

    m_saveStatusLabel = new QLabel(this);
    m_saveStatusLabel->setObjectName(QStringLiteral("saveStatusLabel"));
    m_saveStatusLabel->setAccessibleName(tr("Save status"));

    m_backButton = new QPushButton(tr("&Back to client"), this);
    m_backButton->setObjectName(QStringLiteral("backButton"));
    m_backButton->setToolTip(tr("Return to the client's record; the answers are already saved"));
    m_backButton->setAccessibleName(tr("Back to client"));
    m_backButton->setFocusPolicy(Qt::ClickFocus);
    m_finishButton = new QPushButton(tr("&Finish intake"), this);
    m_finishButton->setObjectName(QStringLiteral("finishButton"));
    m_finishButton->setToolTip(
        tr("Check that every required question is answered and save the intake as completed (Ctrl+Enter)"));
    m_finishButton->setAccessibleName(tr("Finish intake"));
    m_finishButton->setFocusPolicy(Qt::ClickFocus);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_backButton);
    buttons->addWidget(m_saveStatusLabel, 1);
    buttons->addWidget(m_finishButton);
    buttons->addWidget(m_generateProgramButton);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_titleLabel);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);

    connect(m_backButton, &QPushButton::clicked, this, &IntakePage::backRequested);
    connect(m_finishButton, &QPushButton::clicked, this, [this] { finishIntake(); });
    connect(m_generateProgramButton, &QPushButton::clicked, this, [this] {
        if (!m_findingsPanel->result().programBlocked) {
            emit programRequested(m_clientId, m_visitId);
        }
    });
    auto* finishShortcut =
        new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(finishShortcut, &QShortcut::activated, this, [this] { finishIntake(); });
    connect(m_findingsPanel, &FindingsPanel::clearanceRequested, this, &IntakePage::requestClearance);
}

void IntakePage::startNewVisit(db::RecordId clientId,
                               const QString& clientName,
                               const std::string& visitDate,
                               const std::string& kind)
{
    db::VisitRecord visit;
    visit.clientId = clientId;
    visit.visitDate = visitDate;
    visit.kind = kind;
    const db::VisitRecord added = m_service.addVisit(visit);
    m_clientId = clientId;
    m_visitId = added.id;
    m_status.clear();
    m_lastSavedJson.clear();
    m_saveCount = 0;
    m_draftId = 0;
    loadClearances(m_service.clientHistory(clientId));
    m_titleLabel->setText(tr("Intake: %1, visit of %2").arg(clientName, toQString(visitDate)));
    createForm();
    m_form->applyInitialAnswers();
    rescreen();
    m_saveStatusLabel->setText(tr("New intake: every answer is saved as you go."));
    m_form->focusFirstQuestion();
}

void IntakePage::openVisit(db::RecordId clientId, db::RecordId visitId, const QString& clientName)
{
    const db::ClientHistory history = m_service.clientHistory(clientId);
    m_clientId = clientId;
    m_visitId = visitId;
    m_status.clear();
    m_lastSavedJson.clear();
    m_saveCount = 0;
    m_draftId = 0;
    loadClearances(history);
    QString visitDate;
    for (const auto& visit : history.visits) {
        if (visit.id == visitId) {
            visitDate = toQString(visit.visitDate);
        }
    }
    m_titleLabel->setText(tr("Intake: %1, visit of %2").arg(clientName, visitDate));
    createForm();
    const db::QuestionnaireResponseRecord* latest = nullptr;
    for (const auto& response : history.responses) {
        if (response.visitId == visitId) {
            latest = &response;
        }
    }
    if (latest == nullptr) {
        m_form->applyInitialAnswers();
        m_saveStatusLabel->setText(tr("New intake: every answer is saved as you go."));
    } else {
        const core::JsonReadResult json = core::JsonReader::parse(latest->responseJson, "stored response");
        if (!json.ok()) {
            MessageBox::warning(this,
                                tr("Intake not readable"),
                                tr("The saved intake of this visit could not be read; the form starts empty."));
        } else {
            const auto parsed = core::QuestionnaireResponse::parse(*json.value, "stored response");
            m_form->setResponse(parsed.response);
            m_status = parsed.response.status;
            m_lastSavedJson = latest->responseJson;
            // An unfinished intake goes on in the same draft row.
            if (m_status == "in-progress") {
                m_draftId = latest->id;
            }
        }
        m_saveStatusLabel->setText(tr("Opened the intake saved %1.").arg(toQString(latest->createdAt)));
    }
    rescreen();
    m_form->focusFirstQuestion();
}

bool IntakePage::finishIntake()
{
    if (m_form == nullptr) {
        return false;
    }
    const int problems = m_form->validate();
    if (problems > 0) {
        m_saveStatusLabel->setText(
            tr("%n question(s) need attention before the intake is complete.", nullptr, problems));
        const std::vector<std::string> missing = m_form->unansweredRequired();
        if (!missing.empty()) {
            if (QuestionWidget* first = m_form->questionWidget(missing.front())) {
                first->focusTarget()->setFocus(Qt::OtherFocusReason);
            }
        }
        return false;
    }
    m_status = m_status.empty() || m_status == "in-progress" ? "completed" : "amended";
    save();
    saveScreening();
    emit intakeFinished(m_clientId, m_visitId);
    return true;
}

void IntakePage::createForm()
{
    if (m_form != nullptr) {
        m_formLayout->removeWidget(m_form);
        delete m_form;
    }
    m_form = new QuestionnaireForm(m_questionnaire, this);
    m_formLayout->addWidget(m_form);
    connect(m_form, &QuestionnaireForm::answersChanged, this, [this] {
        if (m_status.empty()) {
            m_status = "in-progress";
        } else if (m_status == "completed") {
            m_status = "amended";
        }
        save();
        rescreen();
    });
}

void IntakePage::rescreen()
{
    if (m_form == nullptr) {
        return;
    }
    const core::ScreeningResult result =
        m_engine.screen(core::FlatAnswers::flatten(m_questionnaire, m_form->state()), m_clearances);
    const auto& user = m_service.currentUser();
    const bool mayClear = user && db::roleAllows(user->role, db::Operation::WriteRecords);
    m_findingsPanel->setClearanceAllowed(
        mayClear, tr("Only therapists and administrators may record clearances; you are signed in as a viewer"));
    m_findingsPanel->showResult(result);
    m_generateProgramButton->setEnabled(!result.programBlocked);
    m_generateProgramButton->setToolTip(result.programBlocked
                                            ? tr("No program: %1").arg(toQString(result.blockingReason))
                                            : tr("Generate the home program from this screening"));
}

void IntakePage::saveScreening()
{
    const db::ScreeningRecord record = StoredScreening::toRecord(m_visitId, m_findingsPanel->result());
    try {
        m_service.saveScreening(record);
    } catch (const Error& error) {
        MessageBox::warning(this,
                            tr("Screening not saved"),
                            tr("The screening result could not be saved: %1").arg(toQString(error.what())));
    }
}

void IntakePage::loadClearances(const db::ClientHistory& history)
{
    m_clearances = StoredClearances::latestPerRule(StoredClearances::all(m_service, history));
}

void IntakePage::requestClearance(const QString& ruleId)
{
    const core::ScreeningResult& result = m_findingsPanel->result();
    if (const auto why = ClearanceRecorder::refusal(result, toUtf8(ruleId), "this screening")) {
        MessageBox::warning(this, tr("No clearance"), tr("No clearance can be recorded: %1").arg(toQString(*why)));
        return;
    }
    const core::Finding* finding = result.finding(toUtf8(ruleId));
    if (m_clearanceDialog != nullptr) {
        m_clearanceDialog->deleteLater();
    }
    m_clearanceDialog = new ClearanceDialog(*finding, this);
    connect(m_clearanceDialog, &QDialog::accepted, this, &IntakePage::recordClearance);
    m_clearanceDialog->open();
}

void IntakePage::recordClearance()
{
    const ClearanceRecorder::Request request = m_clearanceDialog->request();
    const core::ScreeningResult result = m_findingsPanel->result();
    try {
        // The screening shown is stored with the clearance made on it, both or neither.
        db::Transaction transaction(
            m_service.database(), db::TransactionKind::Write, "record a clearance of " + request.ruleId);
        const db::ScreeningRecord screening = m_service.saveScreening(StoredScreening::toRecord(m_visitId, result));
        ClearanceRecorder::record(m_service, m_engine, screening, result, request, "this screening");
        transaction.commit();
        loadClearances(m_service.clientHistory(m_clientId));
    } catch (const Error& error) {
        MessageBox::critical(this,
                             tr("Clearance not recorded"),
                             tr("The clearance of %1 could not be recorded: %2")
                                 .arg(toQString(request.ruleId), toQString(error.what())));
        return;
    }
    rescreen();
    m_saveStatusLabel->setText(tr("Clearance of %1 recorded.").arg(toQString(request.ruleId)));
}

void IntakePage::save()
{
    const std::string authored = toUtf8(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    const core::QuestionnaireResponse response = m_form->response(m_status, authored);
    db::QuestionnaireResponseRecord record;
    record.visitId = m_visitId;
    record.questionnaireCanonical = m_questionnaire.url;
    record.questionnaireVersion = m_questionnaire.version;
    record.responseJson = core::JsonWriter::write(response.toJson());
    try {
        if (m_status == "in-progress") {
            record.id = m_draftId;
            m_draftId = m_service.saveDraftResponse(record).id;
        } else {
            m_service.saveQuestionnaireResponse(record);
            m_draftId = 0;
        }
    } catch (const Error& error) {
        m_saveStatusLabel->setText(tr("NOT SAVED: %1").arg(toQString(error.what())));
        m_saveStatusLabel->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
        return;
    }
    m_lastSavedJson = record.responseJson;
    ++m_saveCount;
    m_saveStatusLabel->setStyleSheet({});
    m_saveStatusLabel->setText(
        m_status == "in-progress"
            ? tr("Draft saved at %1.").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")))
            : tr("Intake saved (%1) at %2.")
                  .arg(toQString(m_status), QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
}

} // namespace backscreen::app
