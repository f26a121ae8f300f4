#include "ClientTableModel.h"

#include "TextConversion.h"

#include <QBrush>
#include <QColor>

namespace backscreen::app {

ClientTableModel::ClientTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void ClientTableModel::setClients(std::vector<db::ClientRecord> clients)
{
    beginResetModel();
    m_clients = std::move(clients);
    endResetModel();
}

void ClientTableModel::upsertClient(const db::ClientRecord& client)
{
    const int row = rowOf(client.id);
    if (row >= 0) {
        m_clients[static_cast<std::size_t>(row)] = client;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    const int newRow = rowCount();
    beginInsertRows({}, newRow, newRow);
    m_clients.push_back(client);
    endInsertRows();
}

const db::ClientRecord& ClientTableModel::client(int row) const
{
    return m_clients.at(static_cast<std::size_t>(row));
}

int ClientTableModel::rowOf(db::RecordId id) const
{
    for (std::size_t row = 0; row < m_clients.size(); ++row) {
        if (m_clients[row].id == id) {
            return static_cast<int>(row);
        }
    }
    return -1;
}

int ClientTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_clients.size());
}

int ClientTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClientTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const db::ClientRecord& record = m_clients[static_cast<std::size_t>(index.row())];
    if (role == ClientIdRole) {
        return QVariant::fromValue<qlonglong>(record.id);
    }
    if (role == ArchivedRole) {
        return record.archived;
    }
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case FamilyNameColumn:
            return toQString(record.familyName);
        case GivenNameColumn:
            return toQString(record.givenName);
        case BirthDateColumn:
            return toQString(record.birthDate);
        case StatusColumn:
            return record.archived ? tr("Archived") : tr("Active");
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && record.archived) {
        return QBrush(QColor(0x6b, 0x6b, 0x6b));
    }
    if (role == Qt::ToolTipRole && !record.notes.empty()) {
        return toQString(record.notes);
    }
    return {};
}

QVariant ClientTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case FamilyNameColumn:
        return tr("Family name");
    case GivenNameColumn:
        return tr("Given name");
    case BirthDateColumn:
        return tr("Date of birth");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace backscreen::app
