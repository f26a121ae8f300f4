#pragma once

#include "core/fhir/Questionnaire.h"
#include "core/screening/ScreeningResult.h"
#include "db/Records.h"

#include <QWidget>

#include <string>
#include <vector>

class QLabel;
class QPushButton;
class QSplitter;
class QVBoxLayout;

namespace backscreen::db {
class ClinicService;
}

namespace backscreen::core {
class ScreeningEngine;
}

namespace backscreen::app {

class ClearanceDialog;
class FindingsPanel;
class QuestionnaireForm;

/// The intake interview of one visit: the Questionnaire as a QuestionnaireForm, autosaved as a draft
/// QuestionnaireResponse ("in-progress") after every answer change, so a crash or power cut loses at most
/// the field being typed. The draft is one stored row per visit, updated in place by every save
/// (ClinicService::saveDraftResponse); reopening the visit resumes it. Finishing validates (messages beside
/// the questions) and saves the response as "completed"; later changes save it as "amended", each a new
/// stored version (the db keeps them all). Every save goes through the clinic service, which audits it.
/// The screening applies the client's recorded clearances (the newest of each rule, from any visit); a
/// fired SOON/URGENT red flag can be cleared from the findings panel with a ClearanceDialog. Every answer change also
/// re-screens the answers with the screening engine and shows the result in the FindingsPanel beside the form; a screen
/// that blocks the program disables "Generate program", its tooltip giving the reason. Finishing stores
/// the screening result with the response.
class IntakePage : public QWidget
{
    Q_OBJECT

public:
    /// `questionnaire` must outlive the page.
    /// `questionnaire` and `engine` must outlive the page.
    IntakePage(db::ClinicService& service,
               const core::Questionnaire& questionnaire,
               const core::ScreeningEngine& engine,
               QWidget* parent = nullptr);

    /// Adds a visit dated `visitDate` (YYYY-MM-DD) of `kind` to the client and starts a new interview with
    /// the items' initial answers.
    void startNewVisit(db::RecordId clientId,
                       const QString& clientName,
                       const std::string& visitDate,
                       const std::string& kind);

    /// Opens the interview of an existing visit with its latest saved response (or a new one when it has
    /// none).
    void openVisit(db::RecordId clientId, db::RecordId visitId, const QString& clientName);

    /// Checks the answers; when complete, saves the response as completed and returns true. Otherwise shows
    /// the messages, goes to the first question that has one and returns false.
    bool finishIntake();

    QuestionnaireForm* form() const { return m_form; }

    FindingsPanel* findingsPanel() const { return m_findingsPanel; }

    QPushButton* generateProgramButton() const { return m_generateProgramButton; }

    /// Screens the current answers again and shows the result.
    void rescreen();

    db::RecordId clientId() const { return m_clientId; }

    db::RecordId visitId() const { return m_visitId; }

    /// The status of the last saved response ("in-progress", "completed", "amended"), or empty.
    const std::string& savedStatus() const { return m_status; }

    /// How many times this interview was saved since it was opened.
    int saveCount() const { return m_saveCount; }

    /// The stored row of the visit's in-progress draft, or 0 when there is none (yet).
    db::RecordId draftId() const { return m_draftId; }

    /// The client's clearances the screening applies (the newest of each rule).
    const std::vector<core::Clearance>& clearances() const { return m_clearances; }

    /// Opens the clearance dialog for the fired red flag `ruleId` (window-modal, not blocking); accepting it
    /// stores the shown screening with the clearance and screens again.
    void requestClearance(const QString& ruleId);

    /// The clearance dialog last opened, or nullptr.
    ClearanceDialog* clearanceDialog() const { return m_clearanceDialog; }

signals:
    void backRequested();
    void intakeFinished(db::RecordId clientId, db::RecordId visitId);
    /// "Generate program" was pressed on a screen that allows one.
    void programRequested(db::RecordId clientId, db::RecordId visitId);

private:
    void createForm();
    void save();
    void saveScreening();
    void loadClearances(const db::ClientHistory& history);
    void recordClearance();

    db::ClinicService& m_service;
    const core::Questionnaire& m_questionnaire;
    const core::ScreeningEngine& m_engine;
    QuestionnaireForm* m_form = nullptr;
    FindingsPanel* m_findingsPanel;
    QPushButton* m_generateProgramButton;
    QVBoxLayout* m_formLayout;
    QLabel* m_titleLabel;
    QLabel* m_saveStatusLabel;
    QPushButton* m_finishButton;
    QPushButton* m_backButton;
    db::RecordId m_clientId = 0;
    db::RecordId m_visitId = 0;
    std::string m_status;
    std::string m_lastSavedJson;
    int m_saveCount = 0;
    db::RecordId m_draftId = 0;
    std::vector<core::Clearance> m_clearances;
    ClearanceDialog* m_clearanceDialog = nullptr;
};

} // namespace backscreen::app
