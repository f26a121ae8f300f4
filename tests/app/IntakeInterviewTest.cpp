#include "AppTestSupport.h"
#include "IntakeKeyboard.h"
#include "support/AuditCount.h"

#include "app/gui/ClientRecordPage.h"
#include "app/gui/FindingsPanel.h"
#include "app/gui/IntakePage.h"
#include "app/gui/MainWindow.h"
#include "app/gui/MessageBox.h"
#include "app/gui/ProgramEditorPage.h"
#include "app/gui/QuestionnaireForm.h"
#include "core/fhir/FlatAnswers.h"
#include "core/json/JsonWriter.h"

#include <QLabel>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

using namespace backscreen;
using app::test::AppTestEnvironment;
using app::test::intakeQuestionnaire;
using backscreen::tests::auditCount;

namespace {

struct InterviewRun
{
    std::unique_ptr<app::ClinicSession> session;
    db::RecordId clientId = 0;
    db::RecordId visitId = 0;
    int saveCount = 0;
    core::JsonValue formAnswers;
    std::vector<std::string> visited;
    std::string status;
    // What the findings panel and the program button showed after the last answer.
    core::ScreeningResult result;
    QString triageText;
    QString urgencyText;
    QString blockedText;
    QString findingsText;
    bool generateEnabled = false;
    QString generateToolTip;
};

// Enters a client, starts an intake from the client's record, answers the whole vignette by keyboard and
// presses Ctrl+Enter to finish.
void runInterview(const AppTestEnvironment& environment, const std::string& vignette, InterviewRun& run)
{
    run.session = environment.openSession();
    db::ClinicService& service = run.session->service();
    service.createFirstAdmin("admin", "Clinic Admin", "long enough 1");
    service.addUser("therapist", "Tess Therapist", db::Role::Therapist, "long enough 2");
    service.login("therapist", "long enough 2");
    db::ClientRecord client;
    client.familyName = "Vignette";
    client.givenName = vignette;
    client.birthDate = "1980-01-01";
    run.clientId = service.addClient(client).id;

    app::MainWindow window(*run.session, intakeQuestionnaire(), app::test::screeningEngine());
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    window.openClient(run.clientId);
    ASSERT_EQ(window.currentPage(), window.clientRecordPage());
    QTest::keyClick(&window, Qt::Key_I, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_EQ(window.currentPage(), window.intakePage());
    run.visitId = window.intakePage()->visitId();
    ASSERT_NE(run.visitId, 0);

    const core::JsonValue answers = app::test::vignetteAnswers(vignette);
    ASSERT_GT(answers.size(), 20u);
    run.visited = app::test::answerInterviewByKeyboard(answers);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    run.formAnswers = core::FlatAnswers::flatten(intakeQuestionnaire(), window.intakePage()->form()->state());
    app::FindingsPanel* panel = window.intakePage()->findingsPanel();
    run.result = panel->result();
    run.triageText = panel->findChild<QLabel*>(QStringLiteral("triageLabel"))->text();
    run.urgencyText = panel->findChild<QLabel*>(QStringLiteral("urgencyLabel"))->text();
    run.blockedText = panel->findChild<QLabel*>(QStringLiteral("blockedLabel"))->text();
    run.findingsText = panel->findingsText();
    QPushButton* generate = window.intakePage()->generateProgramButton();
    run.generateEnabled = generate->isEnabled();
    run.generateToolTip = generate->toolTip();
    run.saveCount = window.intakePage()->saveCount();
    run.status = window.intakePage()->savedStatus();
}

core::JsonValue storedAnswers(db::ClinicService& service, db::RecordId clientId, db::RecordId visitId)
{
    const db::ClientHistory history = service.clientHistory(clientId);
    const db::QuestionnaireResponseRecord* latest = nullptr;
    for (const auto& response : history.responses) {
        if (response.visitId == visitId) {
            latest = &response;
        }
    }
    EXPECT_NE(latest, nullptr);
    if (latest == nullptr) {
        return {};
    }
    const core::JsonReadResult json = core::JsonReader::parse(latest->responseJson, "stored");
    EXPECT_TRUE(json.ok());
    const auto parsed = core::QuestionnaireResponse::parse(*json.value, "stored");
    EXPECT_TRUE(parsed.diagnostics.empty());
    return core::FlatAnswers::flatten(intakeQuestionnaire(), parsed.response);
}

// The vignette's answers as the form holds them (in the form's order and value types). Every vignette is valid
// input for the form (scripts/make-vignettes.py drops answers the form would disable), so reading them
// reports nothing.
core::JsonValue formVignetteAnswers(const std::string& vignette)
{
    const core::FlatAnswers::ReadResult read =
        core::FlatAnswers::read(intakeQuestionnaire(), app::test::vignetteAnswers(vignette), vignette);
    for (const auto& diagnostic : read.diagnostics) {
        ADD_FAILURE() << diagnostic.toString();
    }
    core::EnableWhenEvaluator state(intakeQuestionnaire());
    state.setAllAnswers(read.answers);
    return core::FlatAnswers::flatten(intakeQuestionnaire(), state);
}

void expectSavedAndAudited(const AppTestEnvironment& environment, InterviewRun& run, const std::string& vignette)
{
    const core::JsonValue expected = formVignetteAnswers(vignette);
    EXPECT_EQ(run.formAnswers, expected) << core::JsonWriter::write(run.formAnswers);
    EXPECT_EQ(storedAnswers(run.session->service(), run.clientId, run.visitId), expected);
    EXPECT_EQ(run.status, "completed");

    // Every answer change was saved as it happened, and each save has its audit row: the draft is created
    // once and updated in place, and finishing adds the completed version.
    const auto audit = environment.auditForClient(run.clientId);
    const long responseSaves =
        auditCount(audit, "create", "questionnaire-response") + auditCount(audit, "update", "questionnaire-response");
    EXPECT_EQ(responseSaves, run.saveCount);
    EXPECT_EQ(auditCount(audit, "create", "questionnaire-response"), 2);
    EXPECT_GE(run.saveCount, static_cast<int>(expected.size()));
    const auto visitCreated = std::count_if(audit.begin(), audit.end(), [&](const db::AuditEntry& entry) {
        return entry.action == "create" && entry.recordType == "visit" && entry.recordId == run.visitId;
    });
    EXPECT_EQ(visitCreated, 1);
    for (const auto& entry : audit) {
        if (entry.recordType == "questionnaire-response") {
            EXPECT_EQ(entry.username, "therapist");
        }
    }

    // Finishing stored the screening the panel showed, with its audit row.
    const db::ClientHistory history = run.session->service().clientHistory(run.clientId);
    ASSERT_EQ(history.screenings.size(), 1u);
    const db::ScreeningRecord& screening = history.screenings.front();
    EXPECT_EQ(screening.visitId, run.visitId);
    EXPECT_EQ(screening.triage, std::string(core::triageName(run.result.triage)));
    EXPECT_EQ(screening.programBlocked, run.result.programBlocked);
    EXPECT_EQ(screening.resultJson, core::JsonWriter::write(run.result.toJson()));
    EXPECT_EQ(auditCount(audit, "create", "screening"), 1);
}

// The vignette's expected session result, as the panel's result.
void expectVignetteResult(const InterviewRun& run, const std::string& vignette)
{
    const auto path = std::filesystem::path(BACKSCREEN_TEST_DATA_DIR) / "vignettes" / (vignette + ".json");
    const core::JsonValue expected = *core::JsonReader::parseFile(path).value->find("expected");
    EXPECT_EQ(std::string(core::triageName(run.result.triage)), expected.find("triage")->asString());
    EXPECT_EQ(run.result.programBlocked, expected.find("programBlocked")->asBool());
    std::vector<std::string> fired;
    for (const auto& id : expected.find("fired")->asArray()) {
        fired.push_back(id.asString());
    }
    EXPECT_EQ(run.result.firedIds(), fired);
    for (const auto& [screen, value] : expected.find("patterns")->asObject()) {
        EXPECT_EQ(run.result.patternValue(screen), value.asString()) << screen;
    }
    // Every fired rule is shown with its id.
    for (const std::string& id : fired) {
        EXPECT_TRUE(run.findingsText.contains(QString::fromStdString(id))) << id;
    }
}

} // namespace

TEST(IntakeInterview, RedFlagVignetteByKeyboardIsSavedAndAudited)
{
    AppTestEnvironment environment;
    InterviewRun run;
    runInterview(environment, "v01-cauda-equina", run);
    expectSavedAndAudited(environment, run, "v01-cauda-equina");
    expectVignetteResult(run, "v01-cauda-equina");
    EXPECT_EQ(run.visited.front(), "age_years");
    EXPECT_EQ(run.triageText, QStringLiteral("EMERGENCY"));
    EXPECT_EQ(run.urgencyText, QStringLiteral("Emergency: send to the emergency department now; do not treat."));
    EXPECT_TRUE(run.blockedText.startsWith(QStringLiteral("Home program blocked: EMERGENCY: red flag RF-CES-01")))
        << run.blockedText.toStdString();
    EXPECT_FALSE(run.generateEnabled);
    EXPECT_EQ(run.generateToolTip, QStringLiteral("No program: ") + QString::fromStdString(run.result.blockingReason));
    // The why of RF-CES-01: the bladder question and its answer.
    EXPECT_TRUE(run.findingsText.contains(QStringLiteral("(bladder_new_dysfunction)")))
        << run.findingsText.toStdString();
    EXPECT_TRUE(run.findingsText.contains(QStringLiteral("Rule RF-CES-01 · redflags")));
}

TEST(IntakeInterview, SijVignetteByKeyboardIsSavedAndAudited)
{
    AppTestEnvironment environment;
    InterviewRun run;
    runInterview(environment, "v09-sij-pain", run);
    expectSavedAndAudited(environment, run, "v09-sij-pain");
    expectVignetteResult(run, "v09-sij-pain");
    EXPECT_EQ(run.triageText, QStringLiteral("NO RED FLAGS"));
    EXPECT_TRUE(run.blockedText.isEmpty());
    EXPECT_TRUE(run.generateEnabled);
    EXPECT_EQ(run.generateToolTip, QStringLiteral("Generate the home program from this screening"));
    EXPECT_TRUE(run.findingsText.contains(QStringLiteral("Sacroiliac joint\nASSESS")))
        << run.findingsText.toStdString();
}

TEST(IntakeInterview, LowerCrossedVignetteByKeyboardIsSavedAndAudited)
{
    AppTestEnvironment environment;
    InterviewRun run;
    runInterview(environment, "v11-flexion-lower-crossed", run);
    expectSavedAndAudited(environment, run, "v11-flexion-lower-crossed");
    expectVignetteResult(run, "v11-flexion-lower-crossed");
    EXPECT_EQ(run.triageText, QStringLiteral("NO RED FLAGS"));
    EXPECT_TRUE(run.generateEnabled);
    EXPECT_TRUE(run.findingsText.contains(QStringLiteral("Lower-crossed pattern\nLIKELY")))
        << run.findingsText.toStdString();
}

TEST(IntakeInterview, GenerateProgramSavesTheNextVersionForAnUnblockedScreen)
{
    AppTestEnvironment environment;
    auto session = environment.openDemoSession();
    const auto found = session->service().searchClientsByName("Lindqvist");
    ASSERT_EQ(found.size(), 1u);
    const db::RecordId clientId = found.front().id;
    app::MainWindow window(*session, intakeQuestionnaire(), app::test::screeningEngine());
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    window.openClient(clientId);
    const db::RecordId initialVisit = session->service().clientHistory(clientId).visits.front().id;
    window.resumeIntake(clientId, initialVisit);
    QPushButton* generate = window.intakePage()->generateProgramButton();
    ASSERT_TRUE(generate->isEnabled());
    app::MessageBox::setNextAnswer(QMessageBox::Ok);
    generate->click();
    EXPECT_EQ(app::MessageBox::lastText(),
              QStringLiteral("The home program was generated from this screening and saved as version 3."));
    // The program editor opens on the new version.
    ASSERT_NE(window.programEditorPage(), nullptr);
    EXPECT_EQ(window.currentPage(), window.programEditorPage());
    EXPECT_EQ(window.programEditorPage()->version(), 3);
    // The demo client had versions 1 and 2 of one program; the generated one is version 3 of it.
    const db::ClientHistory history = session->service().clientHistory(clientId);
    ASSERT_EQ(history.programVersions.size(), 3u);
    EXPECT_EQ(history.programVersions[2].programId, history.programVersions[0].programId);
    EXPECT_EQ(history.programVersions[2].version, 3);
    EXPECT_EQ(history.programVersions[2].visitId, initialVisit);
    EXPECT_NE(history.programVersions[2].contentJson.find("\"exercises\""), std::string::npos);
    EXPECT_EQ(window.clientRecordPage()->programsModel()->rowCount(), 3);
}

TEST(IntakeInterview, GenerateProgramIsRefusedForTheRedFlagClient)
{
    AppTestEnvironment environment;
    auto session = environment.openDemoSession();
    const db::RecordId clientId = session->service().searchClientsByName("Hughes").front().id;
    app::MainWindow window(*session, intakeQuestionnaire(), app::test::screeningEngine());
    window.openClient(clientId);
    window.resumeIntake(clientId, session->service().clientHistory(clientId).visits.front().id);
    EXPECT_FALSE(window.intakePage()->generateProgramButton()->isEnabled());
    // Even when asked directly, the generator refuses a blocked screening and nothing is stored.
    app::MessageBox::setNextAnswer(QMessageBox::Ok);
    window.generateProgram(clientId, window.intakePage()->visitId());
    EXPECT_TRUE(app::MessageBox::lastText().startsWith(QStringLiteral("No program may be generated:")))
        << app::MessageBox::lastText().toStdString();
    EXPECT_TRUE(session->service().clientHistory(clientId).programVersions.empty());
}

TEST(IntakeInterview, FindingsFollowEveryAnswerLive)
{
    AppTestEnvironment environment;
    auto session = environment.openDemoSession();
    db::ClientRecord client;
    client.familyName = "Live";
    client.birthDate = "1960-02-03";
    const db::RecordId clientId = session->service().addClient(client).id;
    app::MainWindow window(*session, intakeQuestionnaire(), app::test::screeningEngine());
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    window.openClient(clientId);
    window.startIntake(clientId);
    app::IntakePage* page = window.intakePage();
    auto* triage = page->findingsPanel()->findChild<QLabel*>(QStringLiteral("triageLabel"));
    // Nothing answered: the red-flag screen is incomplete, lists what is missing and blocks the program.
    EXPECT_EQ(triage->text(), QStringLiteral("INCOMPLETE"));
    EXPECT_FALSE(page->generateProgramButton()->isEnabled());
    EXPECT_TRUE(page->generateProgramButton()->toolTip().startsWith(
        QStringLiteral("No program: INCOMPLETE: unanswered red-flag questions")));
    EXPECT_TRUE(
        page->findingsPanel()->findingsText().contains(QStringLiteral("Still to answer for the red-flag screen")));
    EXPECT_TRUE(page->findingsPanel()->findingsText().contains(QStringLiteral("bladder_new_dysfunction")));

    // One answer later the panel shows the emergency.
    page->form()->questionWidget("bladder_new_dysfunction")->focusTarget()->setFocus(Qt::TabFocusReason);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Y);
    EXPECT_EQ(triage->text(), QStringLiteral("EMERGENCY"));
    EXPECT_TRUE(page->findingsPanel()->findingsText().contains(QStringLiteral("RF-CES-01")));
    EXPECT_FALSE(page->generateProgramButton()->isEnabled());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_N);
    EXPECT_EQ(triage->text(), QStringLiteral("INCOMPLETE"));
    EXPECT_FALSE(page->findingsPanel()->findingsText().contains(QStringLiteral("RF-CES-01")));
}

TEST(IntakeInterview, FinishingAnIncompleteIntakeKeepsTheDraftAndMarksTheGaps)
{
    AppTestEnvironment environment;
    auto session = environment.openDemoSession();
    db::ClientRecord client;
    client.familyName = "Draft";
    client.birthDate = "1970-06-01";
    const db::RecordId clientId = session->service().addClient(client).id;
    app::MainWindow window(*session, intakeQuestionnaire(), app::test::screeningEngine());
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    window.openClient(clientId);
    window.startIntake(clientId);
    app::IntakePage* page = window.intakePage();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("52"));
    EXPECT_EQ(page->savedStatus(), "in-progress");
    EXPECT_EQ(page->saveCount(), 1);
    EXPECT_FALSE(page->finishIntake());
    EXPECT_EQ(page->savedStatus(), "in-progress");
    EXPECT_EQ(page->form()->questionWidget("sex")->validationMessage(),
              QStringLiteral("Please answer this question: it is required."));
    // The focus goes to the first unanswered required question.
    EXPECT_EQ(app::test::focusedQuestion(), page->form()->questionWidget("sex"));

    // Reopening the visit (after a crash, say) shows the draft as saved.
    window.openClient(clientId);
    window.resumeIntake(clientId, page->visitId());
    const core::JsonValue answers = core::FlatAnswers::flatten(intakeQuestionnaire(), page->form()->state());
    EXPECT_EQ(core::JsonWriter::write(answers), "{\"age_years\":52,\"nprs_recall\":\"avg_24h\"}");
}

TEST(IntakeInterview, ChangingACompletedIntakeSavesItAsAmended)
{
    AppTestEnvironment environment;
    auto session = environment.openDemoSession();
    const db::RecordId clientId = session->service().searchClientsByName("Okafor").front().id;
    const db::RecordId visitId = session->service().clientHistory(clientId).visits.front().id;
    app::MainWindow window(*session, intakeQuestionnaire(), app::test::screeningEngine());
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    window.openClient(clientId);
    window.resumeIntake(clientId, visitId);
    app::IntakePage* page = window.intakePage();
    EXPECT_EQ(page->savedStatus(), "completed");
    EXPECT_EQ(page->saveCount(), 0);
    page->form()->questionWidget("pain_worsening")->focusTarget()->setFocus(Qt::TabFocusReason);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Y);
    EXPECT_EQ(page->savedStatus(), "amended");
    EXPECT_EQ(page->saveCount(), 1);
    const db::ClientHistory history = session->service().clientHistory(clientId);
    ASSERT_EQ(history.responses.size(), 2u);
    EXPECT_NE(history.responses.back().responseJson.find("\"status\":\"amended\""), std::string::npos);
    // The first version is kept as it was.
    EXPECT_NE(history.responses.front().responseJson.find("\"status\": \"completed\""), std::string::npos);
}
