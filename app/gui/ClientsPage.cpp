#include "ClientsPage.h"

#include "ClientDialog.h"
#include "ClientFilterProxyModel.h"
#include "ClientTableModel.h"
#include "MessageBox.h"
#include "TextConversion.h"

#include "core/common/Error.h"
#include "db/ClinicService.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace backscreen::app {

ClientsPage::ClientsPage(db::ClinicService& service, QWidget* parent)
    : QWidget(parent)
    , m_service(service)
    , m_model(new ClientTableModel(this))
    , m_proxy(new ClientFilterProxyModel(this))
{
    setObjectName(QStringLiteral("clientsPage"));
    m_proxy->setSourceModel(m_model);

    auto* title = new QLabel(tr("Clients"), this);
    title->setObjectName(QStringLiteral("titleLabel"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_searchLineEdit = new QLineEdit(this);
    m_searchLineEdit->setObjectName(QStringLiteral("searchLineEdit"));
    m_searchLineEdit->setPlaceholderText(tr("Search by name or date of birth (e.g. \"oka gr\" or \"1988-05\")"));
    m_searchLineEdit->setClearButtonEnabled(true);
    m_searchLineEdit->setAccessibleName(tr("Search clients"));
    m_searchLineEdit->setToolTip(tr("Type part of a name or a date of birth; the list filters as you type"));
    auto* searchLabel = new QLabel(tr("&Search:"), this);
    searchLabel->setBuddy(m_searchLineEdit);

    m_showArchivedCheckBox = new QCheckBox(tr("Show &archived"), this);
    m_showArchivedCheckBox->setObjectName(QStringLiteral("showArchivedCheckBox"));
    m_showArchivedCheckBox->setAccessibleName(tr("Show archived clients"));
    m_showArchivedCheckBox->setToolTip(tr("Also list clients who have been archived"));

    m_clientsTableView = new QTableView(this);
    m_clientsTableView->setObjectName(QStringLiteral("clientsTableView"));
    m_clientsTableView->setModel(m_proxy);
    m_clientsTableView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_clientsTableView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_clientsTableView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_clientsTableView->setSortingEnabled(true);
    m_clientsTableView->sortByColumn(ClientTableModel::FamilyNameColumn, Qt::AscendingOrder);
    m_clientsTableView->setAlternatingRowColors(true);
    m_clientsTableView->verticalHeader()->hide();
    m_clientsTableView->horizontalHeader()->setStretchLastSection(true);
    m_clientsTableView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_clientsTableView->setColumnWidth(ClientTableModel::FamilyNameColumn, 260);
    m_clientsTableView->setColumnWidth(ClientTableModel::GivenNameColumn, 260);
    m_clientsTableView->setColumnWidth(ClientTableModel::BirthDateColumn, 160);
    m_clientsTableView->setAccessibleName(tr("Client list"));
    m_clientsTableView->setToolTip(tr("Double-click or press Enter to open a client's record"));

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("countLabel"));

    m_newButton = new QPushButton(tr("&New client…"), this);
    m_newButton->setObjectName(QStringLiteral("newClientButton"));
    m_newButton->setToolTip(
        tr("Enter a new client (%1)").arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    m_editButton = new QPushButton(tr("&Edit…"), this);
    m_editButton->setObjectName(QStringLiteral("editClientButton"));
    m_editButton->setToolTip(tr("Change the selected client's details"));
    m_archiveButton = new QPushButton(tr("Ar&chive"), this);
    m_archiveButton->setObjectName(QStringLiteral("archiveClientButton"));
    m_archiveButton->setToolTip(tr("Archive the selected client; the records are kept"));
    m_openButton = new QPushButton(tr("&Open record"), this);
    m_openButton->setObjectName(QStringLiteral("openClientButton"));
    m_openButton->setToolTip(tr("Open the selected client's visits, screenings and programs"));
    m_openButton->setDefault(true);
    for (QPushButton* button : {m_newButton, m_editButton, m_archiveButton, m_openButton}) {
        button->setAccessibleName(button->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")));
    }

    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(searchLabel);
    searchRow->addWidget(m_searchLineEdit, 1);
    searchRow->addWidget(m_showArchivedCheckBox);

    auto* buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_countLabel, 1);
    buttonRow->addWidget(m_newButton);
    buttonRow->addWidget(m_editButton);
    buttonRow->addWidget(m_archiveButton);
    buttonRow->addWidget(m_openButton);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(searchRow);
    layout->addWidget(m_clientsTableView, 1);
    layout->addLayout(buttonRow);

    setTabOrder(m_searchLineEdit, m_showArchivedCheckBox);
    setTabOrder(m_showArchivedCheckBox, m_clientsTableView);
    setTabOrder(m_clientsTableView, m_newButton);

    connect(m_searchLineEdit, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setSearchText(text);
        updateCount();
        if (m_proxy->rowCount() > 0 && !m_clientsTableView->selectionModel()->hasSelection()) {
            m_clientsTableView->selectRow(0);
        }
    });
    // Enter in the search field opens the first match: search, Enter, and the record is open.
    connect(m_searchLineEdit, &QLineEdit::returnPressed, this, &ClientsPage::openSelectedClient);
    connect(m_showArchivedCheckBox, &QCheckBox::toggled, this, [this](bool checked) {
        m_proxy->setShowArchived(checked);
        updateCount();
    });
    connect(m_clientsTableView, &QTableView::activated, this, [this] { openSelectedClient(); });
    connect(m_clientsTableView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateButtons();
    });
    connect(m_newButton, &QPushButton::clicked, this, &ClientsPage::newClient);
    connect(m_editButton, &QPushButton::clicked, this, &ClientsPage::editSelectedClient);
    connect(m_archiveButton, &QPushButton::clicked, this, &ClientsPage::archiveSelectedClient);
    connect(m_openButton, &QPushButton::clicked, this, &ClientsPage::openSelectedClient);

    updateButtons();
}

void ClientsPage::reload()
{
    const db::RecordId selected = selectedClientId();
    m_model->setClients(m_service.listClients(true, 1000000));
    updateCount();
    if (selected != 0) {
        selectClient(selected);
    }
    updateButtons();
}

void ClientsPage::newClient()
{
    ClientDialog dialog(db::ClientRecord{}, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    saveClient(dialog.client());
}

void ClientsPage::editSelectedClient()
{
    const int row = m_model->rowOf(selectedClientId());
    if (row < 0) {
        return;
    }
    ClientDialog dialog(m_model->client(row), this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    saveClient(dialog.client());
}

void ClientsPage::archiveSelectedClient()
{
    const int row = m_model->rowOf(selectedClientId());
    if (row < 0) {
        return;
    }
    db::ClientRecord client = m_model->client(row);
    if (client.archived) {
        return;
    }
    const QString name = toQString(client.givenName + " " + client.familyName);
    if (MessageBox::question(this,
                             tr("Archive client"),
                             tr("Archive %1? The records are kept and can be shown with \"Show archived\".").arg(name))
        != QMessageBox::Yes) {
        return;
    }
    client.archived = true;
    saveClient(client);
}

void ClientsPage::openSelectedClient()
{
    const db::RecordId id = selectedClientId();
    if (id != 0) {
        emit clientOpened(id);
    }
}

db::RecordId ClientsPage::selectedClientId() const
{
    const QModelIndexList rows = m_clientsTableView->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        return 0;
    }
    return rows.first().data(ClientTableModel::ClientIdRole).toLongLong();
}

void ClientsPage::selectClient(db::RecordId id)
{
    const int row = m_model->rowOf(id);
    if (row < 0) {
        return;
    }
    const QModelIndex proxyIndex = m_proxy->mapFromSource(m_model->index(row, 0));
    if (proxyIndex.isValid()) {
        m_clientsTableView->selectRow(proxyIndex.row());
        m_clientsTableView->scrollTo(proxyIndex);
    }
}

void ClientsPage::focusSearch()
{
    m_searchLineEdit->setFocus();
    m_searchLineEdit->selectAll();
}

void ClientsPage::updateButtons()
{
    const bool hasSelection = selectedClientId() != 0;
    m_editButton->setEnabled(hasSelection);
    m_archiveButton->setEnabled(hasSelection);
    m_openButton->setEnabled(hasSelection);
}

void ClientsPage::updateCount()
{
    m_countLabel->setText(tr("%n client(s) shown", nullptr, m_proxy->rowCount()));
}

void ClientsPage::saveClient(const db::ClientRecord& client)
{
    try {
        const db::ClientRecord saved = client.id == 0 ? m_service.addClient(client) : m_service.updateClient(client);
        m_model->upsertClient(saved);
        updateCount();
        selectClient(saved.id);
    } catch (const Error& error) {
        MessageBox::warning(
            this, tr("Client not saved"), tr("The client could not be saved: %1").arg(toQString(error.what())));
    }
}

} // namespace backscreen::app
