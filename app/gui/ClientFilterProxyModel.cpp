#include "ClientFilterProxyModel.h"

#include "ClientTableModel.h"

#include <QRegularExpression>

namespace backscreen::app {

namespace {

// Folds case and strips accents so "ozil" finds "Özil".
QString foldForSearch(const QString& text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar character : decomposed) {
        if (character.category() != QChar::Mark_NonSpacing) {
            folded.append(character.toCaseFolded());
        }
    }
    return folded;
}

} // namespace

ClientFilterProxyModel::ClientFilterProxyModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

void ClientFilterProxyModel::setSearchText(const QString& text)
{
    m_words = foldForSearch(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateRowsFilter();
}

void ClientFilterProxyModel::setShowArchived(bool show)
{
    m_showArchived = show;
    invalidateRowsFilter();
}

bool ClientFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QAbstractItemModel* model = sourceModel();
    if (!m_showArchived) {
        if (model->index(sourceRow, 0, sourceParent).data(ClientTableModel::ArchivedRole).toBool()) {
            return false;
        }
    }
    if (m_words.isEmpty()) {
        return true;
    }
    const QString family =
        foldForSearch(model->index(sourceRow, ClientTableModel::FamilyNameColumn, sourceParent).data().toString());
    const QString given =
        foldForSearch(model->index(sourceRow, ClientTableModel::GivenNameColumn, sourceParent).data().toString());
    const QString birthDate =
        model->index(sourceRow, ClientTableModel::BirthDateColumn, sourceParent).data().toString();
    static const QRegularExpression separators(QStringLiteral("[\\s-]+"));
    const QStringList nameParts = (family + QLatin1Char(' ') + given).split(separators, Qt::SkipEmptyParts);
    for (const QString& word : m_words) {
        bool matched = birthDate.contains(word);
        for (const QString& part : nameParts) {
            if (matched) {
                break;
            }
            matched = part.startsWith(word);
        }
        if (!matched) {
            return false;
        }
    }
    return true;
}

} // namespace backscreen::app
