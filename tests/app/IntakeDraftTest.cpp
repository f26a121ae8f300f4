#include "AppTestSupport.h"
#include "IntakeKeyboard.h"
#include "support/AuditCount.h"

#include "app/gui/IntakePage.h"
#include "app/gui/MainWindow.h"
#include "app/gui/QuestionWidget.h"
#include "app/gui/QuestionnaireForm.h"
#include "core/fhir/FlatAnswers.h"
#include "core/fhir/QuestionnaireResponse.h"
#include "core/json/JsonWriter.h"
#include "db/QuestionnaireResponseRepository.h"

#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>

using namespace backscreen;
using app::test::AppTestEnvironment;
using app::test::intakeQuestionnaire;
using backscreen::tests::auditCount;

namespace {

/// The first `count` answers of a vignette, in its order.
core::JsonValue firstAnswers(const std::string& vignette, std::size_t count)
{
    core::JsonValue::Object some;
    const core::JsonValue all = app::test::vignetteAnswers(vignette);
    for (const auto& [linkId, value] : all.asObject()) {
        if (some.size() < count) {
            some.emplace_back(linkId, value);
        }
    }
    return core::JsonValue(std::move(some));
}

/// The visit's stored responses, read through a second connection as another program (or the app after a
/// crash) would see them.
std::vector<db::QuestionnaireResponseRecord> storedResponses(const AppTestEnvironment& environment,
                                                             db::RecordId visitId)
{
    auto database = db::Database::open(db::DatabaseLocation::parse(environment.databasePath().string()));
    return db::QuestionnaireResponseRepository(*database).listForVisit(visitId);
}

core::JsonValue flatAnswers(const db::QuestionnaireResponseRecord& record, std::string* status = nullptr)
{
    const core::JsonReadResult json = core::JsonReader::parse(record.responseJson, "stored");
    EXPECT_TRUE(json.ok());
    const auto parsed = core::QuestionnaireResponse::parse(*json.value, "stored");
    if (status != nullptr) {
        *status = parsed.response.status;
    }
    return core::FlatAnswers::flatten(intakeQuestionnaire(), parsed.response);
}

struct DraftClinic
{
    std::unique_ptr<app::ClinicSession> session;
    db::RecordId clientId = 0;

    explicit DraftClinic(const AppTestEnvironment& environment)
    {
        session = environment.openSession();
        session->service().createFirstAdmin("admin", "Clinic Admin", "long enough 1");
        session->service().addUser("therapist", "Tess Therapist", db::Role::Therapist, "long enough 2");
        session->service().login("therapist", "long enough 2");
        db::ClientRecord client;
        client.familyName = "Draft";
        client.givenName = "Dana";
        client.birthDate = "1975-05-05";
        clientId = session->service().addClient(client).id;
    }
};

} // namespace

TEST(IntakeDraft, ManyAnswerChangesKeepOneDraftRowThenFinishingAddsAVersion)
{
    AppTestEnvironment environment;
    DraftClinic clinic(environment);
    app::MainWindow window(*clinic.session, intakeQuestionnaire(), app::test::screeningEngine());
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    window.openClient(clinic.clientId);
    window.startIntake(clinic.clientId);
    app::IntakePage* page = window.intakePage();
    const core::JsonValue answers = app::test::vignetteAnswers("v13-clear-acute-strain");
    ASSERT_GT(answers.size(), 20u);
    app::test::answerInterviewByKeyboard(answers);
    EXPECT_EQ(page->savedStatus(), "in-progress");
    EXPECT_GE(page->saveCount(), 20);

    // Every change was saved, all into one row, each save audited in its transaction.
    const auto rows = storedResponses(environment, page->visitId());
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows.front().id, page->draftId());
    std::string status;
    EXPECT_EQ(flatAnswers(rows.front(), &status),
              core::FlatAnswers::flatten(intakeQuestionnaire(), page->form()->state()));
    EXPECT_EQ(status, "in-progress");
    auto audit = environment.auditForClient(clinic.clientId);
    EXPECT_EQ(auditCount(audit, "create", "questionnaire-response"), 1);
    EXPECT_EQ(auditCount(audit, "update", "questionnaire-response"), page->saveCount() - 1);

    // Finishing adds the completed version and keeps the draft row as it was last saved.
    ASSERT_TRUE(page->finishIntake());
    const auto finished = storedResponses(environment, page->visitId());
    ASSERT_EQ(finished.size(), 2u);
    EXPECT_EQ(finished[0].responseJson, rows.front().responseJson);
    flatAnswers(finished[1], &status);
    EXPECT_EQ(status, "completed");
    EXPECT_EQ(page->draftId(), 0);
    audit = environment.auditForClient(clinic.clientId);
    EXPECT_EQ(auditCount(audit, "create", "questionnaire-response"), 2);
}

TEST(IntakeDraft, ReopeningTheVisitResumesTheSameDraftRow)
{
    AppTestEnvironment environment;
    DraftClinic clinic(environment);
    app::MainWindow window(*clinic.session, intakeQuestionnaire(), app::test::screeningEngine());
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    window.openClient(clinic.clientId);
    window.startIntake(clinic.clientId);
    app::IntakePage* page = window.intakePage();
    app::test::answerInterviewByKeyboard(firstAnswers("v13-clear-acute-strain", 4));
    const db::RecordId visitId = page->visitId();
    const db::RecordId draftId = page->draftId();
    ASSERT_NE(draftId, 0);

    window.openClient(clinic.clientId);
    window.resumeIntake(clinic.clientId, visitId);
    EXPECT_EQ(page->draftId(), draftId);
    EXPECT_EQ(page->savedStatus(), "in-progress");
    page->form()->questionWidget("bladder_new_dysfunction")->focusTarget()->setFocus(Qt::TabFocusReason);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_N);
    const auto rows = storedResponses(environment, visitId);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows.front().id, draftId);
    EXPECT_EQ(*flatAnswers(rows.front()).find("bladder_new_dysfunction"), core::JsonValue(false));
}

TEST(IntakeDraft, ACrashBetweenAnswersLosesNothingAlreadyAnswered)
{
    AppTestEnvironment environment;
    db::RecordId clientId = 0;
    db::RecordId visitId = 0;
    core::JsonValue answeredBeforeCrash;
    {
        DraftClinic clinic(environment);
        clientId = clinic.clientId;
        app::MainWindow window(*clinic.session, intakeQuestionnaire(), app::test::screeningEngine());
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
        window.openClient(clinic.clientId);
        window.startIntake(clinic.clientId);
        app::test::answerInterviewByKeyboard(firstAnswers("v09-sij-pain", 12));
        visitId = window.intakePage()->visitId();
        answeredBeforeCrash = core::FlatAnswers::flatten(intakeQuestionnaire(), window.intakePage()->form()->state());
        ASSERT_GE(answeredBeforeCrash.size(), 10u);
        // The "crash": the window and its connection go away without finishing or any further save.
    }
    const auto rows = storedResponses(environment, visitId);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(flatAnswers(rows.front()), answeredBeforeCrash);

    // The app started again resumes the draft with every answer given.
    auto session = environment.openSession();
    session->service().login("therapist", "long enough 2");
    app::MainWindow window(*session, intakeQuestionnaire(), app::test::screeningEngine());
    window.resumeIntake(clientId, visitId);
    EXPECT_EQ(core::FlatAnswers::flatten(intakeQuestionnaire(), window.intakePage()->form()->state()),
              answeredBeforeCrash);
    EXPECT_EQ(window.intakePage()->draftId(), rows.front().id);
}
