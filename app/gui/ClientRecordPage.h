#pragma once

#include "db/Records.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace backscreen::db {
class ClinicService;
}

namespace backscreen::app {

/// One client's record: details, visits (with the intake status and the triage of each), and the saved
/// home-program versions. From here a new intake visit starts, or an unfinished one resumes.
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

signals:
    void newIntakeRequested(db::RecordId clientId);
    void resumeIntakeRequested(db::RecordId clientId, db::RecordId visitId);
    /// The program editor on the client's newest program version.
    void openProgramRequested(db::RecordId clientId);
    void backRequested();

private:
    void updateButtons();

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
};

} // namespace backscreen::app
