#pragma once

#include "core/fhir/Questionnaire.h"
#include "core/screening/ScreeningResult.h"
#include "db/Records.h"

#include <QWidget>

#include <string>

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

class FindingsPanel;
class QuestionnaireForm;

/// The intake interview of one visit: the Questionnaire as a QuestionnaireForm, autosaved as a draft
/// QuestionnaireResponse ("in-progress") after every answer change, so a crash or power cut loses at most
/// the field being typed. Finishing validates (messages beside the questions) and saves the response as
/// "completed"; later changes save it as "amended". Every save is a new stored version (the db keeps them
/// all), written through the clinic service, which audits it. Every answer change also re-screens the
/// answers with the screening engine and shows the result in the FindingsPanel beside the form; a screen
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

signals:
    void backRequested();
    void intakeFinished(db::RecordId clientId, db::RecordId visitId);
    /// "Generate program" was pressed on a screen that allows one.
    void programRequested(db::RecordId clientId, db::RecordId visitId);

private:
    void createForm();
    void save();
    void saveScreening();

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
};

} // namespace backscreen::app
