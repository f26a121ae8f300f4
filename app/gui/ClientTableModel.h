#pragma once

#include "db/Records.h"

#include <QAbstractTableModel>

#include <vector>

namespace backscreen::app {

/// The clients of the database as a table: family name, given name, date of birth, status. Holds plain
/// ClientRecords (loaded once; searching is the proxy's job, in memory, so typing stays fast with
/// thousands of clients).
class ClientTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        FamilyNameColumn,
        GivenNameColumn,
        BirthDateColumn,
        StatusColumn,
        ColumnCount,
    };

    /// The role whose data is the client's RecordId (qlonglong).
    static constexpr int ClientIdRole = Qt::UserRole + 1;
    /// The role whose data is whether the client is archived (bool).
    static constexpr int ArchivedRole = Qt::UserRole + 2;

    explicit ClientTableModel(QObject* parent = nullptr);

    void setClients(std::vector<db::ClientRecord> clients);

    /// Replaces the row of the client with the same id, or appends it.
    void upsertClient(const db::ClientRecord& client);

    const db::ClientRecord& client(int row) const;

    /// The row of the client with `id`, or -1.
    int rowOf(db::RecordId id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<db::ClientRecord> m_clients;
};

} // namespace backscreen::app
