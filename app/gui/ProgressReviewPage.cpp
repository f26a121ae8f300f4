#include "ProgressReviewPage.h"

#include "OutcomeCatalogue.h"
#include "TextConversion.h"

#include "core/json/JsonWriter.h"
#include "core/outcomes/DisplayNumber.h"
#include "db/ClinicService.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QDate>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPushButton>
#include <QScatterSeries>
#include <QScrollArea>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace backscreen::app {

namespace {

// Margin before the first and after the last date, so points and markers do not sit on the frame.
constexpr qint64 marginDays = 7;

QDateTime dateTime(const std::string& date)
{
    return QDate::fromString(toQString(date), Qt::ISODate).startOfDay();
}

qreal msecs(const std::string& date)
{
    return static_cast<qreal>(dateTime(date).toMSecsSinceEpoch());
}

QString number(double value, int decimals)
{
    return toQString(core::formatDisplayNumber(value, decimals));
}

void hideFromLegend(QChart* chart, QAbstractSeries* series)
{
    for (QLegendMarker* marker : chart->legend()->markers(series)) {
        marker->setVisible(false);
    }
}

} // namespace

ProgressReviewPage::ProgressReviewPage(db::ClinicService& service, const OutcomeCatalogue* catalogue, QWidget* parent)
    : QWidget(parent)
    , m_service(service)
    , m_catalogue(catalogue)
{
    setObjectName(QStringLiteral("progressReviewPage"));

    m_nameLabel = new QLabel(this);
    m_nameLabel->setObjectName(QStringLiteral("reviewNameLabel"));
    QFont nameFont = m_nameLabel->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.5);
    nameFont.setBold(true);
    m_nameLabel->setFont(nameFont);
    m_nameLabel->setAccessibleName(tr("Client"));

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setObjectName(QStringLiteral("reviewEmptyLabel"));
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setAccessibleName(tr("No outcome measures"));

    auto* charts = new QWidget;
    charts->setObjectName(QStringLiteral("reviewChartsWidget"));
    m_chartsLayout = new QVBoxLayout(charts);
    m_chartsLayout->addStretch(1);
    m_scrollArea = new QScrollArea(this);
    m_scrollArea->setObjectName(QStringLiteral("reviewScrollArea"));
    m_scrollArea->setWidgetResizable(true);
    m_scrollArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scrollArea->setWidget(charts);
    m_scrollArea->setAccessibleName(tr("Outcome charts"));
    m_scrollArea->setToolTip(tr("One chart per outcome measure; scroll for more"));

    m_enterOutcomeButton = new QPushButton(tr("&Enter outcome measure…"), this);
    m_enterOutcomeButton->setObjectName(QStringLiteral("reviewEnterOutcomeButton"));
    m_enterOutcomeButton->setAccessibleName(tr("Enter outcome measure"));
    m_enterOutcomeButton->setToolTip(
        tr("Score an outcome measure (NPRS, ODI, …) at the latest visit or at a new review visit (Ctrl+Shift+O)"));
    m_backButton = new QPushButton(tr("&Back to the record"), this);
    m_backButton->setObjectName(QStringLiteral("reviewBackButton"));
    m_backButton->setAccessibleName(tr("Back to the record"));
    m_backButton->setToolTip(tr("Return to the client's record"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_backButton);
    buttons->addStretch(1);
    buttons->addWidget(m_enterOutcomeButton);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_nameLabel);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(m_scrollArea, 1);
    layout->addLayout(buttons);

    connect(m_enterOutcomeButton, &QPushButton::clicked, this, [this] {
        emit outcomeEntryRequested(clientId(), latestVisitId());
    });
    connect(m_backButton, &QPushButton::clicked, this, [this] { emit backRequested(clientId()); });
}

void ProgressReviewPage::showClient(db::RecordId clientId)
{
    m_history = m_service.clientHistory(clientId);
    m_nameLabel->setText(
        tr("Progress review: %1").arg(toQString(m_history.client.givenName + " " + m_history.client.familyName)));
    clearCharts();
    if (m_catalogue == nullptr) {
        m_outcomes = OutcomeHistory();
        QStringList problems;
        for (const core::Diagnostic& problem : OutcomeCatalogue::problems()) {
            problems << toQString(problem.toString());
        }
        m_emptyLabel->setText(
            tr("The outcome-measure catalogue could not be loaded:\n%1").arg(problems.join(QLatin1Char('\n'))));
        m_emptyLabel->show();
        m_enterOutcomeButton->setEnabled(false);
        return;
    }
    m_outcomes = OutcomeHistory::build(m_history, m_catalogue->measures());
    m_enterOutcomeButton->setEnabled(true);
    m_emptyLabel->setText(tr("No outcome measure has been scored for this client yet. "
                             "Use Enter outcome measure… to score one."));
    m_emptyLabel->setVisible(m_outcomes.charts().empty());
    for (const core::OutcomeChartData& chart : m_outcomes.charts()) {
        QWidget* row = buildChart(chart);
        m_chartsLayout->insertWidget(m_chartsLayout->count() - 1, row);
        m_chartRows.push_back(row);
    }
}

void ProgressReviewPage::reload()
{
    if (clientId() != 0) {
        showClient(clientId());
    }
}

db::RecordId ProgressReviewPage::latestVisitId() const
{
    // Visits are listed oldest first.
    return m_history.visits.empty() ? 0 : m_history.visits.back().id;
}

void ProgressReviewPage::clearCharts()
{
    for (QWidget* row : m_chartRows) {
        m_chartsLayout->removeWidget(row);
        delete row;
    }
    m_chartRows.clear();
    m_chartViews.clear();
    m_interpretationLabels.clear();
}

QWidget* ProgressReviewPage::buildChart(const core::OutcomeChartData& plot)
{
    const QString measure = toQString(plot.shortTitle);
    auto* row = new QWidget;
    row->setObjectName(toQString(plot.instrument) + QStringLiteral("ReviewRow"));

    auto* chart = new QChart;
    chart->setTitle(plot.lowerIsBetter ? tr("%1 (lower is better)").arg(toQString(plot.title))
                                       : tr("%1 (higher is better)").arg(toQString(plot.title)));
    chart->legend()->setAlignment(Qt::AlignBottom);

    // The x range covers every score and program marker, with a margin either side.
    std::vector<std::string> dates;
    for (const core::OutcomeChartPoint& point : plot.points) {
        dates.push_back(point.date);
    }
    for (const ProgramMarker& marker : m_outcomes.programMarkers()) {
        dates.push_back(marker.date);
    }
    const auto [first, last] = std::minmax_element(dates.begin(), dates.end());
    const QDateTime from = dateTime(*first).addDays(-marginDays);
    const QDateTime to = dateTime(*last).addDays(marginDays);

    auto* xAxis = new QDateTimeAxis;
    xAxis->setObjectName(QStringLiteral("dateAxis"));
    xAxis->setFormat(QStringLiteral("d MMM yyyy"));
    xAxis->setTitleText(tr("Visit date"));
    xAxis->setRange(from, to);
    auto* yAxis = new QValueAxis;
    yAxis->setObjectName(QStringLiteral("scoreAxis"));
    yAxis->setRange(plot.min, plot.max);
    yAxis->setTitleText(tr("%1 score").arg(measure));
    // Whole-number ticks from the lowest score, at most six steps, so the labels fit a chart of this height.
    const int range = static_cast<int>(plot.max - plot.min);
    int interval = 1;
    for (int step : {1, 2, 4, 5, 10, 20, 25, 50, 100}) {
        interval = step;
        if (range <= 6 * step) {
            break;
        }
    }
    yAxis->setTickType(QValueAxis::TicksDynamic);
    yAxis->setTickAnchor(plot.min);
    yAxis->setTickInterval(interval);
    yAxis->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    auto attach = [&](QAbstractSeries* series) {
        chart->addSeries(series);
        series->attachAxis(xAxis);
        series->attachAxis(yAxis);
    };
    const qreal left = static_cast<qreal>(from.toMSecsSinceEpoch());
    const qreal right = static_cast<qreal>(to.toMSecsSinceEpoch());

    if (plot.band) {
        auto* upper = new QLineSeries(chart);
        upper->append(left, plot.band->upper);
        upper->append(right, plot.band->upper);
        auto* lower = new QLineSeries(chart);
        lower->append(left, plot.band->lower);
        lower->append(right, plot.band->lower);
        auto* band = new QAreaSeries(upper, lower);
        band->setObjectName(QStringLiteral("mcidBandSeries"));
        band->setName(tr("%1 band: not yet an important improvement").arg(toQString(plot.band->thresholdName)));
        band->setColor(QColor(76, 175, 80, 60));
        band->setBorderColor(QColor(76, 175, 80, 140));
        attach(band);
    }
    if (plot.baseline) {
        auto* baseline = new QLineSeries;
        baseline->setObjectName(QStringLiteral("baselineSeries"));
        baseline->setName(tr("Baseline %1 (%2)")
                              .arg(number(plot.baseline->value, plot.displayDecimals), toQString(plot.baseline->date)));
        baseline->append(left, plot.baseline->value);
        baseline->append(right, plot.baseline->value);
        QPen pen(QColor(90, 90, 90));
        pen.setStyle(Qt::DashLine);
        pen.setWidth(2);
        baseline->setPen(pen);
        attach(baseline);
    }
    for (const ProgramMarker& marker : m_outcomes.programMarkers()) {
        const QString label = tr("v%1").arg(marker.version);
        auto* line = new QLineSeries;
        line->setObjectName(QStringLiteral("programMarkerSeries"));
        line->setName(label);
        line->append(msecs(marker.date), plot.min);
        line->append(msecs(marker.date), plot.max);
        QPen pen(QColor(121, 85, 72));
        pen.setStyle(Qt::DotLine);
        pen.setWidth(2);
        line->setPen(pen);
        attach(line);
        hideFromLegend(chart, line);
        // The label sits at the top of the line.
        auto* tag = new QScatterSeries;
        tag->setObjectName(QStringLiteral("programMarkerLabelSeries"));
        tag->setName(label);
        tag->append(msecs(marker.date), plot.max);
        tag->setMarkerSize(6.0);
        tag->setColor(QColor(121, 85, 72));
        tag->setPointLabelsFormat(label);
        tag->setPointLabelsVisible(true);
        tag->setPointLabelsClipping(false);
        attach(tag);
        hideFromLegend(chart, tag);
    }
    auto* scores = new QLineSeries;
    scores->setObjectName(QStringLiteral("scoreSeries"));
    scores->setName(tr("%1 score").arg(measure));
    scores->setPointsVisible(true);
    QPen scorePen(QColor(25, 118, 210));
    scorePen.setWidth(3);
    scores->setPen(scorePen);
    for (const core::OutcomeChartPoint& point : plot.points) {
        scores->append(msecs(point.date), point.value);
    }
    attach(scores);

    auto* view = new QChartView(chart, row);
    view->setObjectName(toQString(plot.instrument) + QStringLiteral("ChartView"));
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(320);
    view->setAccessibleName(tr("%1 over time").arg(measure));
    view->setToolTip(plot.band ? tr("%1 at each visit, with the baseline, the %2 band and the home-program "
                                    "versions (v1, v2 …)")
                                     .arg(measure, toQString(plot.band->thresholdName))
                               : tr("%1 at each visit, with the home-program versions (v1, v2 …)").arg(measure));
    view->setFocusPolicy(Qt::NoFocus);

    auto* interpretation = new QLabel(interpretationText(plot), row);
    interpretation->setObjectName(toQString(plot.instrument) + QStringLiteral("InterpretationLabel"));
    interpretation->setWordWrap(true);
    interpretation->setTextFormat(Qt::PlainText);
    interpretation->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    interpretation->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    interpretation->setFocusPolicy(Qt::TabFocus);
    interpretation->setFixedWidth(380);
    interpretation->setAccessibleName(tr("Interpretation of the %1 scores").arg(measure));
    interpretation->setToolTip(tr("Change since the baseline at each visit, as the outcome rules classify it"));

    auto* layout = new QHBoxLayout(row);
    layout->addWidget(view, 1);
    layout->addWidget(interpretation);
    m_chartViews.push_back(view);
    m_interpretationLabels.push_back(interpretation);
    return row;
}

QString ProgressReviewPage::interpretationText(const core::OutcomeChartData& plot) const
{
    QStringList lines;
    if (plot.band) {
        const QString edge = toQString(core::JsonWriter::formatNumber(core::roundHalfAwayFromZero(plot.band->edge, 1)));
        const QString baseline = number(plot.band->baseline, plot.displayDecimals);
        QString threshold = tr("%1 %2 points")
                                .arg(toQString(plot.band->thresholdName),
                                     toQString(core::JsonWriter::formatNumber(plot.band->absolute)));
        if (plot.band->relative) {
            threshold += tr(" and %1 %")
                             .arg(toQString(core::JsonWriter::formatNumber(
                                 core::roundHalfAwayFromZero(*plot.band->relative * 100.0, 3))));
        }
        lines << (plot.lowerIsBetter ? tr("Important improvement: %1 at or below %2 (%3 from the baseline %4).")
                                     : tr("Important improvement: %1 at or above %2 (%3 from the baseline %4)."))
                     .arg(toQString(plot.shortTitle), edge, threshold, baseline);
    }
    for (std::size_t index : plot.rows) {
        const core::OutcomeSeriesRow& row = m_outcomes.rows()[index];
        const core::OutcomeScore& score = row.entry.score;
        const QString value = score.score ? number(*score.score, score.displayDecimals) : QStringLiteral("–");
        lines << QStringLiteral("%1 · %2 · %3").arg(toQString(row.entry.visitDate), value, toQString(row.summary));
    }
    return lines.join(QStringLiteral("\n\n"));
}

} // namespace backscreen::app
