#pragma once

#include "db/Records.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace backscreen::db {
class ClinicService;
}

namespace backscreen::app {

class ClientFilterProxyModel;
class ClientTableModel;

/// The client list: search as you type (name or date of birth), new, edit, archive, open.
class ClientsPage : public QWidget
{
    Q_OBJECT

public:
    explicit ClientsPage(db::ClinicService& service, QWidget* parent = nullptr);

    /// Reads the clients from the database again (archived ones too; the proxy hides them).
    void reload();

    /// Asks for a new client in a ClientDialog and saves it.
    void newClient();
    /// Edits the selected client in a ClientDialog and saves it.
    void editSelectedClient();
    /// Archives the selected client after asking; archived clients keep their records.
    void archiveSelectedClient();
    /// Emits clientOpened for the selected client.
    void openSelectedClient();

    /// The selected client's id, or 0.
    db::RecordId selectedClientId() const;

    /// Selects the client with `id` when it is visible.
    void selectClient(db::RecordId id);

    ClientTableModel* model() const { return m_model; }

    ClientFilterProxyModel* proxy() const { return m_proxy; }

    void focusSearch();

signals:
    void clientOpened(db::RecordId clientId);

private:
    void updateButtons();
    void updateCount();
    void saveClient(const db::ClientRecord& client);

    db::ClinicService& m_service;
    ClientTableModel* m_model;
    ClientFilterProxyModel* m_proxy;
    QLineEdit* m_searchLineEdit;
    QCheckBox* m_showArchivedCheckBox;
    QTableView* m_clientsTableView;
    QLabel* m_countLabel;
    QPushButton* m_newButton;
    QPushButton* m_editButton;
    QPushButton* m_archiveButton;
    QPushButton* m_openButton;
};

} // namespace backscreen::app
