#include "AppTestSupport.h"
#include "IntakeKeyboard.h"
#include "ScreenshotCheck.h"

#include "app/gui/ClientRecordPage.h"
#include "app/gui/IdleLock.h"
#include "app/gui/MainWindow.h"
#include "app/gui/MessageBox.h"
#include "app/gui/OutcomeCatalogue.h"
#include "app/gui/OutcomeEntryDialog.h"
#include "app/gui/ProgressReviewPage.h"
#include "app/gui/QuestionWidget.h"
#include "app/gui/QuestionnaireForm.h"
#include "core/json/JsonReader.h"
#include "core/outcomes/OutcomeScorer.h"
#include "core/outcomes/OutcomeSeries.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QPointer>
#include <QPushButton>
#include <QScatterSeries>
#include <QStandardItemModel>
#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>

using namespace backscreen;
using app::test::AppTestEnvironment;
using app::test::clientNamed;

namespace {

qreal day(int year, int month, int dayOfMonth)
{
    return static_cast<qreal>(QDate(year, month, dayOfMonth).startOfDay().toMSecsSinceEpoch());
}

std::vector<QPointF> pointsOf(QAbstractSeries* series)
{
    auto* xy = qobject_cast<QXYSeries*>(series);
    EXPECT_NE(xy, nullptr);
    if (xy == nullptr) {
        return {};
    }
    const QList<QPointF> points = xy->points();
    return {points.begin(), points.end()};
}

std::vector<QAbstractSeries*> seriesNamed(QChartView* view, const QString& objectName)
{
    std::vector<QAbstractSeries*> found;
    for (QAbstractSeries* series : view->chart()->series()) {
        if (series->objectName() == objectName) {
            found.push_back(series);
        }
    }
    return found;
}

QChartView* chartOf(app::ProgressReviewPage& page, const std::string& instrument)
{
    const auto& charts = page.outcomes().charts();
    for (std::size_t index = 0; index < charts.size(); ++index) {
        if (charts[index].instrument == instrument) {
            return page.chartViews()[index];
        }
    }
    ADD_FAILURE() << "no chart of " << instrument;
    return nullptr;
}

// The demo client's rows as core builds them from the same answers, independently of the app.
std::vector<core::OutcomeSeriesRow> expectedDemoRows()
{
    const core::OutcomeMeasures& measures = app::OutcomeCatalogue::shared()->measures();
    const std::vector<std::tuple<const char*, const char*, const char*>> answers = {
        {"2026-10-06", "nprs", R"({"nprs_back": 6, "nprs_leg": 1})"},
        {"2026-10-06", "odi", R"({"odi_s01": 2, "odi_s02": 1, "odi_s03": 3, "odi_s04": 1, "odi_s05": 3, "odi_s06": 2,
                                  "odi_s07": 1, "odi_s08": 1, "odi_s09": 2, "odi_s10": 2})"},
        {"2026-10-27", "nprs", R"({"nprs_back": 4, "nprs_leg": 0})"},
        {"2026-10-27", "odi", R"({"odi_s01": 2, "odi_s02": 0, "odi_s03": 2, "odi_s04": 1, "odi_s05": 2, "odi_s06": 1,
                                  "odi_s07": 1, "odi_s08": 1, "odi_s09": 1, "odi_s10": 2})"},
        {"2026-11-17", "nprs", R"({"nprs_back": 2, "nprs_leg": 0})"},
        {"2026-11-17", "odi", R"({"odi_s01": 1, "odi_s02": 0, "odi_s03": 1, "odi_s04": 0, "odi_s05": 1, "odi_s06": 1,
                                  "odi_s07": 0, "odi_s08": 0, "odi_s09": 1, "odi_s10": 1})"},
    };
    std::vector<core::OutcomeSeriesEntry> entries;
    std::int64_t id = 0;
    for (const auto& [date, instrument, json] : answers) {
        auto scored =
            core::OutcomeScorer(measures).score(instrument, *core::JsonReader::parse(json, "test").value, "test");
        EXPECT_TRUE(scored.ok());
        ++id;
        entries.push_back({id, date, id, *scored.score});
    }
    return core::OutcomeSeries::build(std::move(entries), measures);
}

struct ReviewFixture
{
    AppTestEnvironment environment;
    std::unique_ptr<app::ClinicSession> session = environment.openDemoSession();
    db::RecordId clientId = clientNamed(session->service(), "Lindqvist");
    app::MainWindow window{*session, app::test::intakeQuestionnaire(), app::test::screeningEngine()};

    ReviewFixture()
    {
        window.show();
        EXPECT_TRUE(QTest::qWaitForWindowActive(&window));
    }

    app::ProgressReviewPage& openReview()
    {
        window.openClient(clientId);
        EXPECT_EQ(window.currentPage(), window.clientRecordPage());
        QTest::keyClick(&window, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        EXPECT_EQ(window.currentPage(), window.progressReviewPage());
        return *window.progressReviewPage();
    }

    // The outcome entry dialog the window opened (window-modal, so the test can drive it).
    app::OutcomeEntryDialog* entryDialog() const
    {
        auto* dialog = window.findChild<app::OutcomeEntryDialog*>();
        EXPECT_NE(dialog, nullptr);
        if (dialog != nullptr) {
            EXPECT_TRUE(QTest::qWaitForWindowExposed(dialog));
        }
        return dialog;
    }
};

} // namespace

TEST(ProgressReview, DemoClientChartsHoldTheScoresBaselineAndMcidBand)
{
    ASSERT_NE(app::OutcomeCatalogue::shared(), nullptr);
    ReviewFixture fixture;
    app::ProgressReviewPage& page = fixture.openReview();
    ASSERT_EQ(page.chartViews().size(), 2u);
    ASSERT_EQ(page.outcomes().charts().size(), 2u);
    EXPECT_EQ(page.outcomes().charts()[0].instrument, "nprs");
    EXPECT_EQ(page.outcomes().charts()[1].instrument, "odi");

    QChartView* nprs = chartOf(page, "nprs");
    ASSERT_NE(nprs, nullptr);
    ASSERT_EQ(seriesNamed(nprs, QStringLiteral("scoreSeries")).size(), 1u);
    EXPECT_EQ(pointsOf(seriesNamed(nprs, QStringLiteral("scoreSeries"))[0]),
              (std::vector<QPointF>{{day(2026, 10, 6), 6.0}, {day(2026, 10, 27), 4.0}, {day(2026, 11, 17), 2.0}}));
    ASSERT_EQ(seriesNamed(nprs, QStringLiteral("baselineSeries")).size(), 1u);
    for (const QPointF& point : pointsOf(seriesNamed(nprs, QStringLiteral("baselineSeries"))[0])) {
        EXPECT_EQ(point.y(), 6.0);
    }
    // NPRS: MCID 2 points and 30 %; from 6 the absolute 2 asks more than 30 % (1.8), so the band is 4–6.
    ASSERT_EQ(seriesNamed(nprs, QStringLiteral("mcidBandSeries")).size(), 1u);
    auto* band = qobject_cast<QAreaSeries*>(seriesNamed(nprs, QStringLiteral("mcidBandSeries"))[0]);
    ASSERT_NE(band, nullptr);
    for (const QPointF& point : band->upperSeries()->points()) {
        EXPECT_EQ(point.y(), 6.0);
    }
    for (const QPointF& point : band->lowerSeries()->points()) {
        EXPECT_EQ(point.y(), 4.0);
    }
    EXPECT_EQ(band->name(), QStringLiteral("MCID band: not yet an important improvement"));

    // ODI 36 → 26 → 12; 30 % of 36 (10.8) asks more than the 10 points, so the band is 25.2–36.
    QChartView* odi = chartOf(page, "odi");
    ASSERT_NE(odi, nullptr);
    EXPECT_EQ(pointsOf(seriesNamed(odi, QStringLiteral("scoreSeries"))[0]),
              (std::vector<QPointF>{{day(2026, 10, 6), 36.0}, {day(2026, 10, 27), 26.0}, {day(2026, 11, 17), 12.0}}));
    auto* odiBand = qobject_cast<QAreaSeries*>(seriesNamed(odi, QStringLiteral("mcidBandSeries"))[0]);
    ASSERT_NE(odiBand, nullptr);
    EXPECT_EQ(odiBand->upperSeries()->points().front().y(), 36.0);
    EXPECT_NEAR(odiBand->lowerSeries()->points().front().y(), 25.2, 1e-9);
    const auto& odiData = page.outcomes().charts()[1];
    ASSERT_TRUE(odiData.band.has_value());
    EXPECT_NEAR(odiData.band->edge, 25.2, 1e-9);
    EXPECT_EQ(odiData.band->thresholdName, "MCID");
}

TEST(ProgressReview, ProgramVersionsAreMarkedOnTheTimeline)
{
    ReviewFixture fixture;
    app::ProgressReviewPage& page = fixture.openReview();
    ASSERT_EQ(page.outcomes().programMarkers().size(), 2u);
    for (QChartView* view : page.chartViews()) {
        const auto lines = seriesNamed(view, QStringLiteral("programMarkerSeries"));
        const auto labels = seriesNamed(view, QStringLiteral("programMarkerLabelSeries"));
        ASSERT_EQ(lines.size(), 2u);
        ASSERT_EQ(labels.size(), 2u);
        // Version 1 at the initial visit, version 2 at the last review: vertical lines over the whole range.
        const auto first = pointsOf(lines[0]);
        const auto second = pointsOf(lines[1]);
        ASSERT_EQ(first.size(), 2u);
        ASSERT_EQ(second.size(), 2u);
        EXPECT_EQ(first[0].x(), day(2026, 10, 6));
        EXPECT_EQ(first[1].x(), day(2026, 10, 6));
        EXPECT_EQ(second[0].x(), day(2026, 11, 17));
        EXPECT_EQ(second[1].x(), day(2026, 11, 17));
        auto* firstLabel = qobject_cast<QScatterSeries*>(labels[0]);
        auto* secondLabel = qobject_cast<QScatterSeries*>(labels[1]);
        ASSERT_NE(firstLabel, nullptr);
        ASSERT_NE(secondLabel, nullptr);
        EXPECT_EQ(firstLabel->pointLabelsFormat(), QStringLiteral("v1"));
        EXPECT_EQ(secondLabel->pointLabelsFormat(), QStringLiteral("v2"));
        EXPECT_TRUE(firstLabel->pointLabelsVisible());
    }
}

TEST(ProgressReview, InterpretationBesideEachChartIsCoresText)
{
    ReviewFixture fixture;
    app::ProgressReviewPage& page = fixture.openReview();
    const std::vector<core::OutcomeSeriesRow> expected = expectedDemoRows();
    ASSERT_EQ(expected.size(), 6u);
    ASSERT_EQ(page.outcomes().rows().size(), 6u);
    for (std::size_t index = 0; index < expected.size(); ++index) {
        EXPECT_EQ(page.outcomes().rows()[index].summary, expected[index].summary);
    }
    ASSERT_EQ(page.interpretationLabels().size(), 2u);
    const QString nprsText = page.interpretationLabels()[0]->text();
    const QString odiText = page.interpretationLabels()[1]->text();
    EXPECT_EQ(
        nprsText,
        QStringLiteral("Important improvement: NPRS at or below 4 (MCID 2 points and 30 % from the baseline 6).\n\n"
                       "2026-10-06 · 6 · baseline\n\n2026-10-27 · 4 · %1\n\n2026-11-17 · 2 · %2")
            .arg(QString::fromStdString(expected[2].summary), QString::fromStdString(expected[4].summary)));
    EXPECT_TRUE(odiText.contains(QString::fromStdString(expected[3].summary)));
    EXPECT_TRUE(odiText.contains(QString::fromStdString(expected[5].summary)));
    EXPECT_TRUE(odiText.startsWith(QStringLiteral(
        "Important improvement: ODI at or below 25.2 (MCID 10 points and 30 % from the baseline 36.0).")));
    // The words are core's, as `backscreen-cli outcomes list` prints them.
    EXPECT_EQ(expected[2].summary.rfind("Back pain improved by 2 points (from 6 to 4): an important improvement", 0),
              0u)
        << expected[2].summary;
    EXPECT_EQ(expected[3].summary.rfind("Disability (ODI) improved by 10.0 points (from 36.0 to 26.0): a possible "
                                        "improvement",
                                        0),
              0u)
        << expected[3].summary;
}

TEST(ProgressReview, OutcomeHistoryTableListsEachScoreWithItsChange)
{
    ReviewFixture fixture;
    fixture.window.openClient(fixture.clientId);
    QStandardItemModel* model = fixture.window.clientRecordPage()->outcomesModel();
    ASSERT_EQ(model->rowCount(), 6);
    ASSERT_EQ(model->columnCount(), 5);
    const std::vector<core::OutcomeSeriesRow> expected = expectedDemoRows();
    const QStringList dates = {"2026-10-06", "2026-10-06", "2026-10-27", "2026-10-27", "2026-11-17", "2026-11-17"};
    const QStringList measures = {"NPRS", "ODI", "NPRS", "ODI", "NPRS", "ODI"};
    const QStringList scores = {"6", "36.0", "4", "26.0", "2", "12.0"};
    const QStringList changes = {"Baseline", "Baseline", "-2", "-10.0", "-4", "-24.0"};
    for (int row = 0; row < 6; ++row) {
        EXPECT_EQ(model->item(row, app::ClientRecordPage::OutcomeDateColumn)->text(), dates[row]);
        EXPECT_EQ(model->item(row, app::ClientRecordPage::OutcomeMeasureColumn)->text(), measures[row]);
        EXPECT_EQ(model->item(row, app::ClientRecordPage::OutcomeScoreColumn)->text(), scores[row]);
        EXPECT_EQ(model->item(row, app::ClientRecordPage::OutcomeChangeColumn)->text(), changes[row]);
        EXPECT_EQ(model->item(row, app::ClientRecordPage::OutcomeInterpretationColumn)->text(),
                  QString::fromStdString(expected[static_cast<std::size_t>(row)].summary));
    }
}

TEST(ProgressReview, EnteringAnOutcomeByKeyboardStoresItAuditedAndUpdatesTheChart)
{
    ReviewFixture fixture;
    app::ProgressReviewPage& page = fixture.openReview();
    const std::size_t auditBefore = fixture.environment.auditForClient(fixture.clientId).size();
    QTest::keyClick(&fixture.window, Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
    app::OutcomeEntryDialog* dialog = fixture.entryDialog();
    ASSERT_NE(dialog, nullptr);
    // From the review the latest visit is preselected; a new review visit is chosen instead.
    EXPECT_EQ(dialog->visitComboBox()->currentText(), QStringLiteral("2026-11-17 (review visit)"));
    EXPECT_EQ(QApplication::focusWidget(), dialog->measureComboBox());
    EXPECT_EQ(dialog->instrument(), "nprs");
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    ASSERT_EQ(QApplication::focusWidget(), dialog->visitComboBox());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_End);
    EXPECT_EQ(dialog->selectedVisitId(), 0);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    ASSERT_EQ(QApplication::focusWidget(), dialog->visitDateEdit());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("2026-12-08"));
    EXPECT_EQ(dialog->visitDateEdit()->date(), QDate(2026, 12, 8));
    // Into the form: recall period (option 1, average over 24 hours), back pain 1, leg pain 0.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    app::QuestionWidget* recall = app::test::focusedQuestion();
    ASSERT_NE(recall, nullptr);
    EXPECT_EQ(recall->item().linkId, "nprs_recall");
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_1);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    ASSERT_NE(app::test::focusedQuestion(), nullptr);
    EXPECT_EQ(app::test::focusedQuestion()->item().linkId, "nprs_back");
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("1"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    EXPECT_EQ(app::test::focusedQuestion()->item().linkId, "nprs_leg");
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("0"));
    EXPECT_EQ(dialog->scoreLabel()->text(), QStringLiteral("NPRS: 1 (range 0–10)"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_S, Qt::ControlModifier);

    // Stored at a new review visit, in one audited transaction.
    const db::ClientHistory history = fixture.session->service().clientHistory(fixture.clientId);
    ASSERT_EQ(history.visits.size(), 4u);
    EXPECT_EQ(history.visits.back().visitDate, "2026-12-08");
    EXPECT_EQ(history.visits.back().kind, "review");
    ASSERT_EQ(history.outcomeScores.size(), 7u);
    const db::OutcomeScoreRecord& stored = history.outcomeScores.back();
    EXPECT_EQ(stored.visitId, history.visits.back().id);
    EXPECT_EQ(stored.instrumentId, "nprs");
    const auto score = core::OutcomeScore::fromJson(*core::JsonReader::parse(stored.scoreJson, "stored").value);
    ASSERT_TRUE(score.has_value());
    EXPECT_EQ(score->score, 1.0);
    EXPECT_EQ(score->subscale("leg"), 0.0);
    EXPECT_NE(stored.responseJson.find("\"resourceType\":\"QuestionnaireResponse\""), std::string::npos)
        << stored.responseJson;
    const auto audit = fixture.environment.auditForClient(fixture.clientId);
    ASSERT_GT(audit.size(), auditBefore);
    const auto created = std::find_if(audit.begin(), audit.end(), [&](const db::AuditEntry& entry) {
        return entry.action == "create" && entry.recordType == "outcome-score" && entry.recordId == stored.id;
    });
    ASSERT_NE(created, audit.end());
    EXPECT_EQ(created->detail, "nprs|11-point");

    // The chart shows the new point at once.
    EXPECT_EQ(fixture.window.currentPage(), fixture.window.progressReviewPage());
    QChartView* nprs = chartOf(page, "nprs");
    ASSERT_NE(nprs, nullptr);
    const auto points = pointsOf(seriesNamed(nprs, QStringLiteral("scoreSeries"))[0]);
    ASSERT_EQ(points.size(), 4u);
    EXPECT_EQ(points.back(), QPointF(day(2026, 12, 8), 1.0));
    EXPECT_TRUE(page.interpretationLabels()[0]->text().contains(
        QStringLiteral("2026-12-08 · 1 · Back pain improved by 5 points (from 6 to 1): an important improvement")));
}

TEST(ProgressReview, RefusedAnswersGetAMessageBesideTheQuestionAndNothingIsStored)
{
    ReviewFixture fixture;
    fixture.window.openClient(fixture.clientId);
    fixture.window.clientRecordPage()->findChild<QPushButton*>(QStringLiteral("enterOutcomeButton"))->click();
    app::OutcomeEntryDialog* dialog = fixture.entryDialog();
    ASSERT_NE(dialog, nullptr);
    dialog->setInstrument("psfs");
    // A rating without the activity it rates: the PSFS cannot say what improved.
    app::QuestionWidget* rating = dialog->form()->questionWidget("psfs_activity_1_score");
    ASSERT_NE(rating, nullptr);
    rating->focusTarget()->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("7"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_FALSE(dialog->savedScore().has_value());
    EXPECT_FALSE(rating->validationMessage().isEmpty()
                 && dialog->form()->questionWidget("psfs_activity_1_label")->validationMessage().isEmpty());
    EXPECT_EQ(dialog->scoreLabel()->text(),
              app::OutcomeEntryDialog::tr("%1: not scored, %n answer(s) need attention", nullptr, 1)
                  .arg(QStringLiteral("PSFS")));
    EXPECT_EQ(fixture.session->service().clientHistory(fixture.clientId).outcomeScores.size(), 6u);
}

TEST(ProgressReview, UnscorableAnswersAreMarkedAndStoredOnlyWhenConfirmed)
{
    ReviewFixture fixture;
    fixture.window.openClient(fixture.clientId);
    const db::RecordId lastVisit = fixture.window.clientRecordPage()->selectedVisitId();
    ASSERT_NE(lastVisit, 0);
    fixture.window.clientRecordPage()->findChild<QPushButton*>(QStringLiteral("enterOutcomeButton"))->click();
    app::OutcomeEntryDialog* dialog = fixture.entryDialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->selectedVisitId(), lastVisit);
    dialog->setInstrument("pgic");
    ASSERT_EQ(dialog->instrument(), "pgic");
    EXPECT_EQ(dialog->scoreLabel()->text(), QStringLiteral("PGIC: not scorable: no rating given (pgic)"));

    // Declined: the unanswered rating is marked and nothing is stored.
    app::MessageBox::setNextAnswer(QMessageBox::No);
    EXPECT_FALSE(dialog->save());
    EXPECT_EQ(app::MessageBox::lastText(),
              QStringLiteral("These answers give no pgic score: no rating given (pgic).\n\n"
                             "Store the form as not scorable anyway?"));
    EXPECT_EQ(dialog->form()->questionWidget("pgic")->validationMessage(),
              QStringLiteral("Not answered: the PGIC is not scorable without it (no rating given (pgic))"));
    EXPECT_EQ(fixture.session->service().clientHistory(fixture.clientId).outcomeScores.size(), 6u);

    // Confirmed: stored with its reason, as the record should say the form was filled in.
    app::MessageBox::setNextAnswer(QMessageBox::Yes);
    EXPECT_TRUE(dialog->save());
    const db::ClientHistory history = fixture.session->service().clientHistory(fixture.clientId);
    ASSERT_EQ(history.outcomeScores.size(), 7u);
    EXPECT_EQ(history.outcomeScores.back().visitId, lastVisit);
    EXPECT_EQ(history.visits.size(), 3u);
    QStandardItemModel* model = fixture.window.clientRecordPage()->outcomesModel();
    ASSERT_EQ(model->rowCount(), 7);
    EXPECT_EQ(model->item(6, app::ClientRecordPage::OutcomeInterpretationColumn)->text(),
              QStringLiteral("not scorable: no rating given (pgic)"));
}

TEST(ProgressReview, Screenshots)
{
    ReviewFixture fixture;
    fixture.window.resize(app::test::screenshotSize);
    app::ProgressReviewPage& page = fixture.openReview();
    ASSERT_EQ(page.chartViews().size(), 2u);
    app::test::grabAndCheck(fixture.window, QStringLiteral("progress-review"), app::test::screenshotSize);

    QTest::keyClick(&fixture.window, Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
    app::OutcomeEntryDialog* dialog = fixture.entryDialog();
    ASSERT_NE(dialog, nullptr);
    dialog->setInstrument("nprs");
    app::QuestionWidget* back = dialog->form()->questionWidget("nprs_back");
    back->focusTarget()->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("3"));
    EXPECT_EQ(dialog->scoreLabel()->text(), QStringLiteral("NPRS: 3 (range 0–10)"));
    dialog->resize(860, 640);
    app::test::grabAndCheck(*dialog, QStringLiteral("outcome-entry"), QSize(860, 640));
}

TEST(ProgressReview, EveryControlHasAnAccessibleNameAndATooltip)
{
    ReviewFixture fixture;
    fixture.window.openClient(fixture.clientId);
    std::vector<QWidget*> controls;
    auto collect = [&](QWidget* root) {
        for (QWidget* widget : root->findChildren<QWidget*>()) {
            // A combo box's popup list (in a window of its own) and a table's headers are parts of their control.
            if (widget->window() != root->window() || qobject_cast<QHeaderView*>(widget) != nullptr) {
                continue;
            }
            if (qobject_cast<QAbstractButton*>(widget) != nullptr || qobject_cast<QComboBox*>(widget) != nullptr
                || qobject_cast<QAbstractSpinBox*>(widget) != nullptr
                || qobject_cast<QAbstractItemView*>(widget) != nullptr
                || qobject_cast<QChartView*>(widget) != nullptr) {
                controls.push_back(widget);
            }
        }
    };
    collect(fixture.window.clientRecordPage()->findChild<QWidget*>(QStringLiteral("outcomesTableView")));
    controls.push_back(fixture.window.clientRecordPage()->findChild<QWidget*>(QStringLiteral("outcomesTableView")));
    controls.push_back(fixture.window.clientRecordPage()->findChild<QWidget*>(QStringLiteral("progressReviewButton")));
    controls.push_back(fixture.window.clientRecordPage()->findChild<QWidget*>(QStringLiteral("enterOutcomeButton")));
    app::ProgressReviewPage& page = fixture.openReview();
    collect(&page);
    for (QLabel* label : page.interpretationLabels()) {
        controls.push_back(label);
    }
    QTest::keyClick(&fixture.window, Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
    app::OutcomeEntryDialog* dialog = fixture.entryDialog();
    ASSERT_NE(dialog, nullptr);
    for (const std::string instrument : {"nprs", "odi", "rmdq", "psfs", "sbst", "pgic"}) {
        dialog->setInstrument(instrument);
        ASSERT_EQ(dialog->instrument(), instrument);
    }
    collect(dialog);
    ASSERT_GT(controls.size(), 20u);
    for (QWidget* control : controls) {
        ASSERT_NE(control, nullptr);
        if (qobject_cast<QAbstractButton*>(control) != nullptr && control->parentWidget() != nullptr
            && qobject_cast<QAbstractItemView*>(control->parentWidget()) != nullptr) {
            continue; // the corner button of a table view
        }
        EXPECT_FALSE(control->accessibleName().isEmpty())
            << control->metaObject()->className() << " " << control->objectName().toStdString();
        EXPECT_FALSE(control->toolTip().isEmpty())
            << control->metaObject()->className() << " " << control->objectName().toStdString();
    }
}

TEST(ProgressReview, LockingClosesTheEntryDialogWithoutStoring)
{
    ReviewFixture fixture;
    fixture.openReview();
    QTest::keyClick(&fixture.window, Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
    QPointer<app::OutcomeEntryDialog> dialog = fixture.entryDialog();
    ASSERT_FALSE(dialog.isNull());
    app::QuestionWidget* back = dialog->form()->questionWidget("nprs_back");
    back->focusTarget()->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("5"));
    emit fixture.window.idleLock()->lockRequested();
    EXPECT_TRUE(fixture.window.isLocked());
    EXPECT_FALSE(dialog->isVisible());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    EXPECT_TRUE(dialog.isNull());
    app::DemoSeeder::signIn(fixture.session->service());
    EXPECT_EQ(fixture.session->service().clientHistory(fixture.clientId).outcomeScores.size(), 6u);
}

TEST(ProgressReview, AClientWithoutVisitsGetsAnInitialVisitWithTheBaseline)
{
    ReviewFixture fixture;
    db::ClientRecord client;
    client.familyName = "Newcomer";
    client.givenName = "Nina";
    client.birthDate = "1990-04-01";
    const db::RecordId clientId = fixture.session->service().addClient(client).id;
    fixture.window.openClient(clientId);
    EXPECT_EQ(fixture.window.clientRecordPage()->outcomesModel()->rowCount(), 0);
    QTest::keyClick(&fixture.window, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_EQ(fixture.window.currentPage(), fixture.window.progressReviewPage());
    EXPECT_TRUE(fixture.window.progressReviewPage()->chartViews().empty());
    EXPECT_TRUE(fixture.window.progressReviewPage()
                    ->findChild<QLabel*>(QStringLiteral("reviewEmptyLabel"))
                    ->isVisibleTo(fixture.window.progressReviewPage()));
    fixture.window.progressReviewPage()->findChild<QPushButton*>(QStringLiteral("reviewEnterOutcomeButton"))->click();
    app::OutcomeEntryDialog* dialog = fixture.entryDialog();
    ASSERT_NE(dialog, nullptr);
    ASSERT_EQ(dialog->visitComboBox()->count(), 1);
    EXPECT_EQ(dialog->visitComboBox()->currentText(), QStringLiteral("New initial visit"));
    dialog->visitDateEdit()->setDate(QDate(2026, 11, 2));
    app::QuestionWidget* back = dialog->form()->questionWidget("nprs_back");
    back->focusTarget()->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("7"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_S, Qt::ControlModifier);
    const db::ClientHistory history = fixture.session->service().clientHistory(clientId);
    ASSERT_EQ(history.visits.size(), 1u);
    EXPECT_EQ(history.visits[0].kind, "initial");
    EXPECT_EQ(history.visits[0].visitDate, "2026-11-02");
    ASSERT_EQ(history.outcomeScores.size(), 1u);
    // The review now shows the baseline chart: one point, the baseline and the band 4.9–7 (30 % of 7, 2.1,
    // asks more than the 2 points).
    ASSERT_EQ(fixture.window.progressReviewPage()->chartViews().size(), 1u);
    const auto& chart = fixture.window.progressReviewPage()->outcomes().charts()[0];
    ASSERT_EQ(chart.points.size(), 1u);
    ASSERT_TRUE(chart.band.has_value());
    EXPECT_EQ(chart.band->upper, 7.0);
    EXPECT_NEAR(chart.band->lower, 4.9, 1e-9);
    EXPECT_TRUE(fixture.window.progressReviewPage()->interpretationLabels()[0]->text().endsWith(
        QStringLiteral("2026-11-02 · 7 · baseline")));
}

TEST(ProgressReview, EnterNeverSavesAndEscapeCancels)
{
    ReviewFixture fixture;
    fixture.openReview();
    QTest::keyClick(&fixture.window, Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
    QPointer<app::OutcomeEntryDialog> dialog = fixture.entryDialog();
    ASSERT_FALSE(dialog.isNull());
    ASSERT_EQ(QApplication::focusWidget(), dialog->measureComboBox());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    app::QuestionWidget* back = dialog->form()->questionWidget("nprs_back");
    back->focusTarget()->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("3"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_FALSE(dialog->savedScore().has_value());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    EXPECT_TRUE(dialog.isNull() || !dialog->isVisible());
    EXPECT_EQ(fixture.session->service().clientHistory(fixture.clientId).outcomeScores.size(), 6u);
}
