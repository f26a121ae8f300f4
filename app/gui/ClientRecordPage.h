#pragma once

#include "db/Records.h"

#include <QWidget>

class QLabel;
class QLayout;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace backscreen::db {
class ClinicService;
}

namespace backscreen::app {

/// One client's record: details, visits (with the intake status and the triage of each), and the saved
/// home-program versions, and the outcome history (each measure's score with its change since baseline). From
/// here a new intake visit starts, or an unfinished one resumes; outcome measures are entered and reviewed.
class ClientRecordPage : public QWidget
{
    Q_OBJECT

public:
    /// Columns of the visits table.
    enum VisitColumn
    {
        VisitDateColumn,
        VisitKindColumn,
        IntakeColumn,
        TriageColumn,
        VisitNotesColumn,
        VisitColumnCount,
    };

    explicit ClientRecordPage(db::ClinicService& service, QWidget* parent = nullptr);

    /// Loads the client's history (an audited read) and shows it.
    void showClient(db::RecordId clientId);

    /// Reloads the client shown.
    void reload();

    db::RecordId clientId() const { return m_history.client.id; }

    const db::ClientHistory& history() const { return m_history; }

    QStandardItemModel* visitsModel() const { return m_visitsModel; }

    QStandardItemModel* programsModel() const { return m_programsModel; }

    QTableView* programsTableView() const { return m_programsTableView; }

    QPushButton* openProgramButton() const { return m_openProgramButton; }

    /// The visit selected in the visits table, or 0.
    db::RecordId selectedVisitId() const;

    /// Columns of the outcome history table.
    enum OutcomeColumn
    {
        OutcomeDateColumn,
        OutcomeMeasureColumn,
        OutcomeScoreColumn,
        OutcomeChangeColumn,
        OutcomeInterpretationColumn,
        OutcomeColumnCount,
    };

    /// The outcome history: one row per visit and measure, oldest first.
    QStandardItemModel* outcomesModel() const { return m_outcomesModel; }

signals:
    void newIntakeRequested(db::RecordId clientId);
    void resumeIntakeRequested(db::RecordId clientId, db::RecordId visitId);
    /// The program editor on the client's newest program version.
    void openProgramRequested(db::RecordId clientId);
    void backRequested();
    void progressReviewRequested(db::RecordId clientId);
    /// `visitId` 0 = at a new review visit.
    void outcomeEntryRequested(db::RecordId clientId, db::RecordId visitId);

private:
    void updateButtons();
    void createOutcomeHistory(QLayout* layout, QLayout* buttons);
    void showOutcomeHistory();

    db::ClinicService& m_service;
    db::ClientHistory m_history;
    QLabel* m_nameLabel;
    QLabel* m_detailsLabel;
    QStandardItemModel* m_visitsModel;
    QStandardItemModel* m_programsModel;
    QTableView* m_visitsTableView;
    QTableView* m_programsTableView;
    QPushButton* m_newIntakeButton;
    QPushButton* m_openIntakeButton;
    QPushButton* m_backButton;
    QPushButton* m_openProgramButton;
    QStandardItemModel* m_outcomesModel = nullptr;
    QTableView* m_outcomesTableView = nullptr;
    QPushButton* m_progressReviewButton = nullptr;
    QPushButton* m_enterOutcomeButton = nullptr;
};

} // namespace backscreen::app
