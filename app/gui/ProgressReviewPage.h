#pragma once

#include "OutcomeHistory.h"

#include "db/Records.h"

#include <QWidget>

#include <vector>

class QLabel;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

class QChartView;

namespace backscreen::db {
class ClinicService;
}

namespace backscreen::app {

class OutcomeCatalogue;

/// One client's progress: for each outcome measure with a score, a chart of the scores over the visit dates
/// with the baseline, the band a score must leave for an important improvement (MCID, in the measure's better
/// direction) and the home-program versions as vertical markers (v1, v2 …); beside it the interpretation of
/// each visit's score, in core's words (the ones `backscreen-cli outcomes list` prints).
class ProgressReviewPage : public QWidget
{
    Q_OBJECT

public:
    /// `catalogue` may be null (the catalogue could not be loaded): the page then says so.
    ProgressReviewPage(db::ClinicService& service, const OutcomeCatalogue* catalogue, QWidget* parent = nullptr);

    /// Loads the client's history (an audited read) and draws the charts.
    void showClient(db::RecordId clientId);

    /// Reloads the client shown.
    void reload();

    db::RecordId clientId() const { return m_history.client.id; }

    const db::ClientHistory& history() const { return m_history; }

    const OutcomeHistory& outcomes() const { return m_outcomes; }

    /// One chart view per measure, in the order of outcomes().charts().
    const std::vector<QChartView*>& chartViews() const { return m_chartViews; }

    /// The interpretation text beside each chart, in the same order.
    const std::vector<QLabel*>& interpretationLabels() const { return m_interpretationLabels; }

    /// The visit an outcome entered from here is stored at: the latest visit, or 0 for a new review visit.
    db::RecordId latestVisitId() const;

signals:
    void outcomeEntryRequested(db::RecordId clientId, db::RecordId visitId);
    void backRequested(db::RecordId clientId);

private:
    void clearCharts();
    QWidget* buildChart(const core::OutcomeChartData& chart);
    QString interpretationText(const core::OutcomeChartData& chart) const;

    db::ClinicService& m_service;
    const OutcomeCatalogue* m_catalogue;
    db::ClientHistory m_history;
    OutcomeHistory m_outcomes;
    QLabel* m_nameLabel;
    QLabel* m_emptyLabel;
    QScrollArea* m_scrollArea;
    QVBoxLayout* m_chartsLayout;
    QPushButton* m_enterOutcomeButton;
    QPushButton* m_backButton;
    std::vector<QWidget*> m_chartRows;
    std::vector<QChartView*> m_chartViews;
    std::vector<QLabel*> m_interpretationLabels;
};

} // namespace backscreen::app
