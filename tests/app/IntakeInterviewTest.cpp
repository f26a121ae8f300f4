#include "AppTestSupport.h"
#include "IntakeKeyboard.h"

#include "app/gui/ClientRecordPage.h"
#include "app/gui/IntakePage.h"
#include "app/gui/MainWindow.h"
#include "app/gui/QuestionnaireForm.h"
#include "core/fhir/FlatAnswers.h"
#include "core/json/JsonWriter.h"

#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>

using namespace backscreen;
using app::test::AppTestEnvironment;
using app::test::intakeQuestionnaire;

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

    app::MainWindow window(*run.session, intakeQuestionnaire());
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

// The vignette's answers as the form can hold them: some vignettes also answer questions their own answers
// disable (the AAA-risk group for a woman), which the rules ignore and a FHIR response may not contain.
core::JsonValue enabledVignetteAnswers(const std::string& vignette)
{
    const core::FlatAnswers::ReadResult read =
        core::FlatAnswers::read(intakeQuestionnaire(), app::test::vignetteAnswers(vignette), vignette);
    for (const auto& diagnostic : read.diagnostics) {
        EXPECT_EQ(diagnostic.code, ErrorCode::FhirResponseAnswerOnDisabled) << diagnostic.message;
    }
    core::EnableWhenEvaluator state(intakeQuestionnaire());
    state.setAllAnswers(read.answers);
    return core::FlatAnswers::flatten(intakeQuestionnaire(), state);
}

void expectSavedAndAudited(const AppTestEnvironment& environment, InterviewRun& run, const std::string& vignette)
{
    const core::JsonValue expected = enabledVignetteAnswers(vignette);
    EXPECT_EQ(run.formAnswers, expected) << core::JsonWriter::write(run.formAnswers);
    EXPECT_EQ(storedAnswers(run.session->service(), run.clientId, run.visitId), expected);
    EXPECT_EQ(run.status, "completed");

    // Every answer change was saved as it happened, and each save has its audit row.
    const auto audit = environment.auditForClient(run.clientId);
    const auto responseSaves = std::count_if(audit.begin(), audit.end(), [](const db::AuditEntry& entry) {
        return entry.action == "create" && entry.recordType == "questionnaire-response";
    });
    EXPECT_EQ(responseSaves, run.saveCount);
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
}

} // namespace

TEST(IntakeInterview, RedFlagVignetteByKeyboardIsSavedAndAudited)
{
    AppTestEnvironment environment;
    InterviewRun run;
    runInterview(environment, "v01-cauda-equina", run);
    expectSavedAndAudited(environment, run, "v01-cauda-equina");
    EXPECT_EQ(run.visited.front(), "age_years");
}

TEST(IntakeInterview, SijVignetteByKeyboardIsSavedAndAudited)
{
    AppTestEnvironment environment;
    InterviewRun run;
    runInterview(environment, "v09-sij-pain", run);
    expectSavedAndAudited(environment, run, "v09-sij-pain");
}

TEST(IntakeInterview, LowerCrossedVignetteByKeyboardIsSavedAndAudited)
{
    AppTestEnvironment environment;
    InterviewRun run;
    runInterview(environment, "v11-flexion-lower-crossed", run);
    expectSavedAndAudited(environment, run, "v11-flexion-lower-crossed");
}

TEST(IntakeInterview, FinishingAnIncompleteIntakeKeepsTheDraftAndMarksTheGaps)
{
    AppTestEnvironment environment;
    auto session = environment.openDemoSession();
    db::ClientRecord client;
    client.familyName = "Draft";
    client.birthDate = "1970-06-01";
    const db::RecordId clientId = session->service().addClient(client).id;
    app::MainWindow window(*session, intakeQuestionnaire());
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
