#pragma once

#include "core/common/Diagnostic.h"
#include "core/outcomes/OutcomeScore.h"
#include "db/Records.h"

#include <QDialog>

#include <optional>
#include <string>
#include <vector>

class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QStackedWidget;

namespace backscreen::db {
class ClinicService;
}

namespace backscreen::app {

class OutcomeCatalogue;
class QuestionnaireForm;

/// Enters one outcome measure at a visit: pick the measure (its shipped form from forms/outcomes is shown with
/// QuestionnaireForm), answer it, see the score core::OutcomeScorer gives as the answers change, and save. The
/// score is stored through ClinicService with the response, in one audited transaction: at an existing visit
/// of the client (saveOutcomeScore) or at a new visit (addVisitWithOutcomeScore): a review visit, or the
/// initial one for a client without visits. Answers the scorer
/// refuses get its message beside the question and nothing is stored; answers that leave the measure not
/// scorable mark the unanswered questions the reason names and are stored only when the user confirms.
/// Keyboard: Tab between fields, Enter to the next question, Ctrl+S or Ctrl+Enter saves, Esc cancels.
class OutcomeEntryDialog : public QDialog
{
    Q_OBJECT

public:
    /// `visitId` preselects a visit of the client; 0 preselects a new visit. `catalogue` and `service`
    /// must outlive the dialog.
    OutcomeEntryDialog(db::ClinicService& service,
                       const OutcomeCatalogue& catalogue,
                       const db::ClientHistory& history,
                       db::RecordId visitId,
                       QWidget* parent = nullptr);

    /// Shows the form of the instrument (nprs, odi, rmdq, psfs, sbst, pgic).
    void setInstrument(const std::string& instrument);
    std::string instrument() const;

    /// The form of the measure shown.
    QuestionnaireForm* form() const;

    QComboBox* measureComboBox() const { return m_measureComboBox; }

    QComboBox* visitComboBox() const { return m_visitComboBox; }

    QDateEdit* visitDateEdit() const { return m_visitDateEdit; }

    QLabel* scoreLabel() const { return m_scoreLabel; }

    QPushButton* saveButton() const { return m_saveButton; }

    /// The visit the score goes to: a visit id, or 0 for a new visit on visitDateEdit's date.
    db::RecordId selectedVisitId() const;

    /// Scores and stores the answers; true when stored (the dialog is then accepted).
    bool save();

    /// What was stored by save().
    const std::optional<db::OutcomeScoreRecord>& savedScore() const { return m_saved; }

signals:
    /// A score was stored (the visit may be new).
    void outcomeSaved(db::RecordId clientId, db::RecordId visitId);

private:
    struct Scored
    {
        std::optional<core::OutcomeScore> score;
        std::vector<core::Diagnostic> diagnostics;
    };

    Scored scoreAnswers() const;
    /// Updates the score line; with `mark`, also the messages beside the questions. Returns the score.
    std::optional<core::OutcomeScore> showScore(bool mark);
    /// The same with the answers already scored (by scoreAnswers()).
    std::optional<core::OutcomeScore> showScore(bool mark, const Scored& scored);
    void updateVisitDate();

    db::ClinicService& m_service;
    const OutcomeCatalogue& m_catalogue;
    db::RecordId m_clientId;
    /// "initial" for a client without visits, else "review".
    std::string m_newVisitKind;
    std::vector<std::string> m_instruments;
    std::vector<QuestionnaireForm*> m_forms;
    QComboBox* m_measureComboBox;
    QComboBox* m_visitComboBox;
    QDateEdit* m_visitDateEdit;
    QStackedWidget* m_formStack;
    QLabel* m_scoreLabel;
    QPushButton* m_saveButton;
    std::optional<db::OutcomeScoreRecord> m_saved;
};

} // namespace backscreen::app
