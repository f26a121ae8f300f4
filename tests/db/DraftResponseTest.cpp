#include "TestDatabase.h"
#include "support/AuditCount.h"

#include "db/AuditLogRepository.h"
#include "db/ClinicService.h"
#include "db/OverrideRepository.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace backscreen;
using namespace backscreen::db;
using backscreen::tests::TestDatabase;

namespace {

/// ClinicService::saveDraftResponse (one draft row per visit, updated in place) and the clearance reviewer
/// columns of schema version 2, on both backends.
class DraftResponse : public testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        m_test = std::make_unique<TestDatabase>(GetParam());
        m_database = m_test->open();
        m_service = std::make_unique<ClinicService>(*m_database, TestDatabase::fastOptions());
        m_service->createFirstAdmin("admin", "The Admin", "admin-password");
        m_service->addUser("anna", "Anna", Role::Therapist, "anna-password");
        m_service->addUser("vic", "Vic", Role::Viewer, "vic-password");
        m_service->login("anna", "anna-password");
        ClientRecord client;
        client.familyName = "Draft";
        client.birthDate = "1970-01-01";
        m_clientId = m_service->addClient(client).id;
        m_visitId = m_service->addVisit({0, m_clientId, "2026-11-24", "initial", "", "", 0}).id;
    }

    QuestionnaireResponseRecord response(const std::string& json, RecordId id = 0) const
    {
        QuestionnaireResponseRecord record;
        record.id = id;
        record.visitId = m_visitId;
        record.questionnaireCanonical = "http://example.org/intake";
        record.questionnaireVersion = "1.0.0";
        record.responseJson = json;
        return record;
    }

    long countAudit(const std::string& action) const
    {
        return tests::auditCount(
            AuditLogRepository(*m_database).listForClient(m_clientId), action, "questionnaire-response");
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ClinicService> m_service;
    RecordId m_clientId = 0;
    RecordId m_visitId = 0;
};

} // namespace

TEST_P(DraftResponse, ManySavesKeepOneRowUpdatedInPlaceEachAudited)
{
    QuestionnaireResponseRecord draft = m_service->saveDraftResponse(response("{\"n\":0}"));
    ASSERT_NE(draft.id, 0);
    for (int i = 1; i <= 5; ++i) {
        draft = m_service->saveDraftResponse(response("{\"n\":" + std::to_string(i) + "}", draft.id));
    }
    const ClientHistory history = m_service->clientHistory(m_clientId);
    ASSERT_EQ(history.responses.size(), 1u);
    EXPECT_EQ(history.responses.front().id, draft.id);
    EXPECT_EQ(history.responses.front().responseJson, "{\"n\":5}");
    EXPECT_EQ(countAudit("create"), 1);
    EXPECT_EQ(countAudit("update"), 5);
    const auto audit = AuditLogRepository(*m_database).listForClient(m_clientId);
    const auto last = std::find_if(audit.rbegin(), audit.rend(), [](const AuditEntry& entry) {
        return entry.recordType == "questionnaire-response";
    });
    ASSERT_NE(last, audit.rend());
    EXPECT_EQ(last->recordId, draft.id);
    EXPECT_EQ(last->username, "anna");
    EXPECT_EQ(last->detail, "draft http://example.org/intake|1.0.0");
}

TEST_P(DraftResponse, FinishingAddsANewVersionAndTheOldDraftCannotOverwriteIt)
{
    const QuestionnaireResponseRecord draft = m_service->saveDraftResponse(response("{\"status\":\"in-progress\"}"));
    const QuestionnaireResponseRecord completed =
        m_service->saveQuestionnaireResponse(response("{\"status\":\"completed\"}"));
    EXPECT_GT(completed.id, draft.id);
    try {
        m_service->saveDraftResponse(response("{\"late\":true}", draft.id));
        FAIL() << "a draft overwrote a newer version";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::RecordStale);
        EXPECT_NE(std::string(error.what()).find("the draft is not the newest response of the visit any more"),
                  std::string::npos)
            << error.what();
    }
    const ClientHistory history = m_service->clientHistory(m_clientId);
    ASSERT_EQ(history.responses.size(), 2u);
    EXPECT_EQ(history.responses[0].responseJson, "{\"status\":\"in-progress\"}");
    EXPECT_EQ(history.responses[1].responseJson, "{\"status\":\"completed\"}");
    // The refused save left no audit row.
    EXPECT_EQ(countAudit("update"), 0);
}

TEST_P(DraftResponse, ADraftOfAnotherVisitIsRefused)
{
    const QuestionnaireResponseRecord draft = m_service->saveDraftResponse(response("{}"));
    const RecordId otherVisit = m_service->addVisit({0, m_clientId, "2026-11-25", "review", "", "", 0}).id;
    QuestionnaireResponseRecord moved = response("{\"moved\":true}", draft.id);
    moved.visitId = otherVisit;
    try {
        m_service->saveDraftResponse(moved);
        FAIL() << "a draft moved to another visit";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::RecordStale);
    }
    EXPECT_EQ(m_service->clientHistory(m_clientId).responses.front().responseJson, "{}");
}

TEST_P(DraftResponse, ViewersCannotSaveDrafts)
{
    const QuestionnaireResponseRecord draft = m_service->saveDraftResponse(response("{}"));
    m_service->login("vic", "vic-password");
    try {
        m_service->saveDraftResponse(response("{\"x\":1}", draft.id));
        FAIL() << "a viewer saved";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::PermissionDenied);
    }
}

TEST_P(DraftResponse, ClearanceReviewerAndDateAreStored)
{
    const RecordId screening = m_service->saveScreening({0, m_visitId, "SOON", true, "{}", "{}", "{}", 0, ""}).id;
    OverrideRecord entry;
    entry.screeningResultId = screening;
    entry.ruleId = "RF-MAL-03";
    entry.kind = "clearance";
    entry.reasonCode = "imaging_normal";
    entry.reasonText = "MRI normal";
    entry.inputSnapshotJson = "{\"a\":true}";
    entry.reviewedBy = "Dr Jones (GP)";
    entry.reviewedOn = "2026-11-20";
    const OverrideRecord saved = m_service->saveOverride(entry);
    const auto rows = OverrideRepository(*m_database).listForClient(m_clientId);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows.front().id, saved.id);
    EXPECT_EQ(rows.front().reviewedBy, "Dr Jones (GP)");
    EXPECT_EQ(rows.front().reviewedOn, "2026-11-20");
    EXPECT_EQ(rows.front().reasonText, "MRI normal");
}

BACKSCREEN_INSTANTIATE_FOR_BOTH_BACKENDS(DraftResponse);
