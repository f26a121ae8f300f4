#pragma once

#include <QSortFilterProxyModel>

namespace backscreen::app {

/// Search as you type over a ClientTableModel: every word of the search text must match the start of the
/// family or given name (case- and accent-insensitive) or a part of the date of birth ("1988", "1988-05",
/// "05-02"). Archived clients are hidden unless showArchived is set.
class ClientFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ClientFilterProxyModel(QObject* parent = nullptr);

    void setSearchText(const QString& text);

    void setShowArchived(bool show);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QStringList m_words;
    bool m_showArchived = false;
};

} // namespace backscreen::app
