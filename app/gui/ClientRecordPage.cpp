#include "ClientRecordPage.h"

#include "OutcomeCatalogue.h"
#include "OutcomeHistory.h"
#include "TextConversion.h"
#include "TriageStyle.h"

#include "core/outcomes/DisplayNumber.h"
#include "db/ClinicService.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <map>

namespace backscreen::app {

namespace {

constexpr int VisitIdRole = Qt::UserRole + 1;

// The "status" of a stored QuestionnaireResponse, read without a full parse.
QString responseStatus(const std::string& json)
{
    const auto at = json.find("\"status\"");
    if (at == std::string::npos) {
        return {};
    }
    const auto open = json.find('"', json.find(':', at) + 1);
    const auto close = json.find('"', open + 1);
    if (open == std::string::npos || close == std::string::npos) {
        return {};
    }
    return toQString(json.substr(open + 1, close - open - 1));
}

QTableView* makeTable(QWidget* parent, const QString& objectName, QStandardItemModel* model)
{
    auto* view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(true);
    return view;
}

} // namespace

ClientRecordPage::ClientRecordPage(db::ClinicService& service, QWidget* parent)
    : QWidget(parent)
    , m_service(service)
    , m_visitsModel(new QStandardItemModel(0, VisitColumnCount, this))
    , m_programsModel(new QStandardItemModel(0, 3, this))
{
    setObjectName(QStringLiteral("clientRecordPage"));
    m_visitsModel->setHorizontalHeaderLabels({tr("Date"), tr("Visit"), tr("Intake"), tr("Triage"), tr("Notes")});
    m_programsModel->setHorizontalHeaderLabels({tr("Version"), tr("Saved"), tr("Visit")});

    m_nameLabel = new QLabel(this);
    m_nameLabel->setObjectName(QStringLiteral("nameLabel"));
    QFont nameFont = m_nameLabel->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.5);
    nameFont.setBold(true);
    m_nameLabel->setFont(nameFont);
    m_detailsLabel = new QLabel(this);
    m_detailsLabel->setObjectName(QStringLiteral("detailsLabel"));
    m_detailsLabel->setWordWrap(true);
    m_detailsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_visitsTableView = makeTable(this, QStringLiteral("visitsTableView"), m_visitsModel);
    m_visitsTableView->setAccessibleName(tr("Visits"));
    m_visitsTableView->setToolTip(tr("Visits with their intake and screening; Enter opens the intake"));
    m_visitsTableView->setColumnWidth(VisitDateColumn, 110);
    m_visitsTableView->setColumnWidth(VisitKindColumn, 90);
    m_visitsTableView->setColumnWidth(IntakeColumn, 110);
    m_visitsTableView->setColumnWidth(TriageColumn, 120);
    m_programsTableView = makeTable(this, QStringLiteral("programsTableView"), m_programsModel);
    m_programsTableView->setAccessibleName(tr("Home program versions"));
    m_programsTableView->setToolTip(
        tr("Every saved version of the client's home program; Enter or a double-click opens the program editor"));
    m_programsTableView->setMaximumHeight(160);

    auto* visitsLabel = new QLabel(tr("&Visits"), this);
    visitsLabel->setBuddy(m_visitsTableView);
    auto* programsLabel = new QLabel(tr("Home &program versions"), this);
    programsLabel->setBuddy(m_programsTableView);

    m_newIntakeButton = new QPushButton(tr("&New intake visit"), this);
    m_newIntakeButton->setObjectName(QStringLiteral("newIntakeButton"));
    m_newIntakeButton->setToolTip(tr("Start a visit today and open the intake interview"));
    m_newIntakeButton->setAccessibleName(tr("New intake visit"));
    m_openIntakeButton = new QPushButton(tr("Open &intake"), this);
    m_openIntakeButton->setObjectName(QStringLiteral("openIntakeButton"));
    m_openIntakeButton->setToolTip(tr("Open the selected visit's intake: resume a draft or review the answers"));
    m_openIntakeButton->setAccessibleName(tr("Open intake"));
    m_backButton = new QPushButton(tr("&Back to clients"), this);
    m_backButton->setObjectName(QStringLiteral("backButton"));
    m_backButton->setToolTip(tr("Return to the client list (Alt+Home)"));
    m_backButton->setAccessibleName(tr("Back to clients"));

    m_openProgramButton = new QPushButton(tr("Open progra&m"), this);
    m_openProgramButton->setObjectName(QStringLiteral("openProgramButton"));
    m_openProgramButton->setToolTip(
        tr("Edit the newest version of the home program, compare versions and print the handout"));
    m_openProgramButton->setAccessibleName(tr("Open program"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_backButton);
    buttons->addStretch(1);
    buttons->addWidget(m_openProgramButton);
    buttons->addWidget(m_openIntakeButton);
    buttons->addWidget(m_newIntakeButton);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_nameLabel);
    layout->addWidget(m_detailsLabel);
    layout->addWidget(visitsLabel);
    layout->addWidget(m_visitsTableView, 3);
    layout->addWidget(programsLabel);
    layout->addWidget(m_programsTableView, 1);
    createOutcomeHistory(layout, buttons);
    layout->addLayout(buttons);

    connect(m_newIntakeButton, &QPushButton::clicked, this, [this] { emit newIntakeRequested(clientId()); });
    // The button and activating a row (double-click, Enter) do the same.
    const auto openIntake = [this] {
        if (selectedVisitId() != 0) {
            emit resumeIntakeRequested(clientId(), selectedVisitId());
        }
    };
    connect(m_openIntakeButton, &QPushButton::clicked, this, openIntake);
    connect(m_visitsTableView, &QTableView::activated, this, openIntake);
    connect(m_backButton, &QPushButton::clicked, this, &ClientRecordPage::backRequested);
    const auto openProgram = [this] {
        if (!m_history.programVersions.empty()) {
            emit openProgramRequested(clientId());
        }
    };
    connect(m_openProgramButton, &QPushButton::clicked, this, openProgram);
    connect(m_programsTableView, &QTableView::activated, this, openProgram);
    connect(
        m_visitsTableView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] { updateButtons(); });
    updateButtons();
}

void ClientRecordPage::showClient(db::RecordId clientId)
{
    m_history = m_service.clientHistory(clientId);
    const db::ClientRecord& client = m_history.client;
    m_nameLabel->setText(toQString(client.givenName + " " + client.familyName)
                         + (client.archived ? tr(" (archived)") : QString()));
    QStringList details;
    details << tr("Born %1").arg(toQString(client.birthDate));
    if (!client.contact.empty()) {
        details << toQString(client.contact);
    }
    QString text = details.join(QStringLiteral(" · "));
    if (!client.notes.empty()) {
        text += QLatin1Char('\n') + toQString(client.notes);
    }
    m_detailsLabel->setText(text);

    // The latest response and screening per visit (they are listed oldest first).
    std::map<db::RecordId, const db::QuestionnaireResponseRecord*> responses;
    for (const auto& response : m_history.responses) {
        responses[response.visitId] = &response;
    }
    std::map<db::RecordId, const db::ScreeningRecord*> screenings;
    for (const auto& screening : m_history.screenings) {
        screenings[screening.visitId] = &screening;
    }

    m_visitsModel->removeRows(0, m_visitsModel->rowCount());
    for (auto visit = m_history.visits.rbegin(); visit != m_history.visits.rend(); ++visit) {
        QList<QStandardItem*> row;
        auto* date = new QStandardItem(toQString(visit->visitDate));
        date->setData(QVariant::fromValue<qlonglong>(visit->id), VisitIdRole);
        row << date;
        row << new QStandardItem(visit->kind == "initial"  ? tr("Initial")
                                 : visit->kind == "review" ? tr("Review")
                                                           : toQString(visit->kind));
        QString intake = tr("None");
        if (auto found = responses.find(visit->id); found != responses.end()) {
            const QString status = responseStatus(found->second->responseJson);
            intake = status == QStringLiteral("completed") ? tr("Completed") : tr("Draft");
        }
        row << new QStandardItem(intake);
        auto* triage = new QStandardItem;
        if (auto found = screenings.find(visit->id); found != screenings.end()) {
            const TriageStyle style = TriageStyle::forName(toQString(found->second->triage));
            triage->setText(style.label);
            triage->setBackground(style.background);
            triage->setForeground(style.foreground);
            triage->setToolTip(style.description);
        } else {
            triage->setText(tr("Not screened"));
        }
        row << triage;
        row << new QStandardItem(toQString(visit->notes));
        m_visitsModel->appendRow(row);
    }

    m_programsModel->removeRows(0, m_programsModel->rowCount());
    for (const auto& version : m_history.programVersions) {
        QList<QStandardItem*> row;
        row << new QStandardItem(tr("Version %1").arg(version.version));
        row << new QStandardItem(toQString(version.createdAt.substr(0, 10)));
        QString visitDate;
        for (const auto& visit : m_history.visits) {
            if (version.visitId && visit.id == *version.visitId) {
                visitDate = toQString(visit.visitDate);
            }
        }
        row << new QStandardItem(visitDate);
        m_programsModel->appendRow(row);
    }
    if (m_visitsModel->rowCount() > 0) {
        m_visitsTableView->selectRow(0);
    }
    showOutcomeHistory();
    updateButtons();
}

void ClientRecordPage::reload()
{
    if (clientId() != 0) {
        showClient(clientId());
    }
}

db::RecordId ClientRecordPage::selectedVisitId() const
{
    const QModelIndexList rows = m_visitsTableView->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        return 0;
    }
    return rows.first().data(VisitIdRole).toLongLong();
}

void ClientRecordPage::createOutcomeHistory(QLayout* layout, QLayout* buttons)
{
    m_outcomesModel = new QStandardItemModel(0, OutcomeColumnCount, this);
    m_outcomesModel->setHorizontalHeaderLabels(
        {tr("Date"), tr("Measure"), tr("Score"), tr("Change from baseline"), tr("Interpretation")});
    m_outcomesTableView = makeTable(this, QStringLiteral("outcomesTableView"), m_outcomesModel);
    m_outcomesTableView->setAccessibleName(tr("Outcome history"));
    m_outcomesTableView->setToolTip(
        tr("Every outcome measure scored, with the change since the client's baseline and what it means"));
    m_outcomesTableView->setColumnWidth(OutcomeDateColumn, 110);
    m_outcomesTableView->setColumnWidth(OutcomeMeasureColumn, 90);
    m_outcomesTableView->setColumnWidth(OutcomeScoreColumn, 70);
    m_outcomesTableView->setColumnWidth(OutcomeChangeColumn, 150);
    auto* outcomesLabel = new QLabel(tr("O&utcome history"), this);
    outcomesLabel->setBuddy(m_outcomesTableView);
    layout->addWidget(outcomesLabel);
    if (auto* column = qobject_cast<QBoxLayout*>(layout)) {
        column->addWidget(m_outcomesTableView, 2);
    }

    m_progressReviewButton = new QPushButton(tr("Progress &review"), this);
    m_progressReviewButton->setObjectName(QStringLiteral("progressReviewButton"));
    m_progressReviewButton->setAccessibleName(tr("Progress review"));
    m_progressReviewButton->setToolTip(
        tr("Charts of each outcome measure over time with the baseline and the MCID band (Ctrl+Shift+R)"));
    m_enterOutcomeButton = new QPushButton(tr("Enter &outcome…"), this);
    m_enterOutcomeButton->setObjectName(QStringLiteral("enterOutcomeButton"));
    m_enterOutcomeButton->setAccessibleName(tr("Enter outcome measure"));
    m_enterOutcomeButton->setToolTip(tr("Score an outcome measure (NPRS, ODI, …) at the selected visit, or at a new "
                                        "review visit when none is selected (Ctrl+Shift+O)"));
    if (auto* row = qobject_cast<QHBoxLayout*>(buttons)) {
        row->insertWidget(2, m_progressReviewButton);
        row->insertWidget(3, m_enterOutcomeButton);
    }
    connect(m_progressReviewButton, &QPushButton::clicked, this, [this] { emit progressReviewRequested(clientId()); });
    connect(m_enterOutcomeButton, &QPushButton::clicked, this, [this] {
        emit outcomeEntryRequested(clientId(), selectedVisitId());
    });
}

void ClientRecordPage::showOutcomeHistory()
{
    m_outcomesModel->removeRows(0, m_outcomesModel->rowCount());
    const OutcomeCatalogue* catalogue = OutcomeCatalogue::shared();
    if (catalogue == nullptr) {
        return;
    }
    const OutcomeHistory outcomes = OutcomeHistory::build(m_history, catalogue->measures());
    for (const core::OutcomeSeriesRow& row : outcomes.rows()) {
        const core::OutcomeScore& score = row.entry.score;
        const core::InstrumentDefinition* instrument = catalogue->measures().find(score.instrument);
        QList<QStandardItem*> items;
        items << new QStandardItem(toQString(row.entry.visitDate));
        items << new QStandardItem(instrument != nullptr ? toQString(instrument->shortTitle)
                                                         : toQString(score.instrument));
        items << new QStandardItem(
            score.score ? toQString(core::formatDisplayNumber(*score.score, score.displayDecimals)) : tr("–"));
        // The headline component's change in score points, follow-up minus baseline.
        QString change;
        if (row.isBaseline) {
            change = tr("Baseline");
        } else if (const core::ComponentChange* headline = row.headline();
                   headline != nullptr && headline->comparable && row.baseline) {
            const double difference = headline->followup - headline->baseline;
            change = (difference > 0 ? QStringLiteral("+") : QString())
                     + toQString(core::formatDisplayNumber(difference, score.displayDecimals));
        }
        items << new QStandardItem(change);
        auto* interpretation = new QStandardItem(toQString(row.summary));
        interpretation->setToolTip(toQString(row.summary));
        items << interpretation;
        m_outcomesModel->appendRow(items);
    }
}

void ClientRecordPage::updateButtons()
{
    m_openIntakeButton->setEnabled(selectedVisitId() != 0);
    m_openProgramButton->setEnabled(!m_history.programVersions.empty());
}

} // namespace backscreen::app
