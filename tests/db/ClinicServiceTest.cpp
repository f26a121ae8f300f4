#include "db/ClinicService.h"

#include "TestDatabase.h"

#include "db/UserRepository.h"

#include <gtest/gtest.h>

#include <functional>

using namespace backscreen;
using namespace backscreen::db;
using backscreen::tests::TestDatabase;

namespace {

class ClinicServiceTest : public testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        m_test = std::make_unique<TestDatabase>(GetParam());
        m_database = m_test->open();
        auto options = TestDatabase::fastOptions();
        options.clock = [this] { return m_now; };
        m_service = std::make_unique<ClinicService>(*m_database, options);
    }

    void setUpUsers()
    {
        m_service->createFirstAdmin("admin", "The Admin", "admin-password");
        m_service->addUser("anna", "Anna", Role::Therapist, "anna-password");
        m_service->addUser("vic", "Vic", Role::Viewer, "vic-password");
    }

    ClientRecord janeSmith()
    {
        ClientRecord client;
        client.familyName = "Smith";
        client.givenName = "Jane";
        client.birthDate = "1980-01-01";
        return client;
    }

    template <typename Function>
    ErrorCode codeOf(Function&& function)
    {
        try {
            function();
        } catch (const Error& error) {
            return error.code();
        }
        return static_cast<ErrorCode>(0);
    }

    std::chrono::system_clock::time_point m_now = std::chrono::sys_days{std::chrono::year{2026} / 3 / 1};
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ClinicService> m_service;
};

} // namespace

TEST_P(ClinicServiceTest, FreshDatabaseNeedsSetupAndNobodyCanLogIn)
{
    EXPECT_TRUE(m_service->needsSetup());
    EXPECT_EQ(codeOf([&] { m_service->login("admin", ""); }), ErrorCode::LoginFailed);
    EXPECT_EQ(codeOf([&] { m_service->login("admin", "admin"); }), ErrorCode::LoginFailed);
    EXPECT_EQ(codeOf([&] { m_service->listClients(); }), ErrorCode::NotLoggedIn);
}

TEST_P(ClinicServiceTest, FirstAdminIsCreatedOnceAndLoggedIn)
{
    auto admin = m_service->createFirstAdmin("admin", "The Admin", "admin-password");
    EXPECT_EQ(admin.role, Role::Admin);
    EXPECT_FALSE(m_service->needsSetup());
    ASSERT_TRUE(m_service->currentUser());
    EXPECT_EQ(m_service->currentUser()->username, "admin");
    EXPECT_EQ(codeOf([&] { m_service->createFirstAdmin("second", "Second", "second-password"); }),
              ErrorCode::AlreadySetUp);
}

TEST_P(ClinicServiceTest, ShortPasswordIsRefused)
{
    EXPECT_EQ(codeOf([&] { m_service->createFirstAdmin("admin", "The Admin", "short"); }), ErrorCode::PasswordTooWeak);
    EXPECT_TRUE(m_service->needsSetup());
}

TEST_P(ClinicServiceTest, PasswordsAreStoredAsSaltedArgon2id)
{
    setUpUsers();
    m_service->addUser("twin", "Twin", Role::Viewer, "anna-password");
    UserRepository users(*m_database);
    auto anna = users.findByUsername("anna");
    auto twin = users.findByUsername("twin");
    EXPECT_EQ(anna->passwordHash.rfind("$argon2id$", 0), 0u) << anna->passwordHash;
    EXPECT_NE(anna->passwordHash, twin->passwordHash);
    EXPECT_EQ(anna->passwordHash.find("anna-password"), std::string::npos);
}

TEST_P(ClinicServiceTest, LoginChecksThePassword)
{
    setUpUsers();
    m_service->logout();
    EXPECT_EQ(m_service->login("anna", "anna-password").username, "anna");
    m_service->logout();
    try {
        m_service->login("anna", "wrong-password");
        FAIL() << "wrong password accepted";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::LoginFailed);
        EXPECT_EQ(std::string(error.what()),
                  m_database->name() + ": log in as \"anna\": unknown user or wrong password");
    }
    EXPECT_FALSE(m_service->currentUser());
    EXPECT_EQ(codeOf([&] { m_service->login("nobody", "anna-password"); }), ErrorCode::LoginFailed);
}

TEST_P(ClinicServiceTest, FiveFailuresLockTheAccountForFifteenMinutes)
{
    setUpUsers();
    m_service->logout();
    for (int attempt = 0; attempt < 5; ++attempt) {
        EXPECT_EQ(codeOf([&] { m_service->login("anna", "wrong-password"); }), ErrorCode::LoginFailed);
    }
    // Locked: even the right password is refused, and the message names the end of the lock.
    try {
        m_service->login("anna", "anna-password");
        FAIL() << "locked account logged in";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::AccountLocked);
        EXPECT_NE(std::string(error.what()).find("locked until 2026-03-01T00:15:00.000Z"), std::string::npos)
            << error.what();
    }
    m_now += std::chrono::minutes(14);
    EXPECT_EQ(codeOf([&] { m_service->login("anna", "anna-password"); }), ErrorCode::AccountLocked);
    m_now += std::chrono::minutes(1);
    EXPECT_EQ(m_service->login("anna", "anna-password").username, "anna");
}

TEST_P(ClinicServiceTest, FourFailuresThenSuccessResetsTheCount)
{
    setUpUsers();
    m_service->logout();
    for (int attempt = 0; attempt < 4; ++attempt) {
        EXPECT_EQ(codeOf([&] { m_service->login("anna", "wrong-password"); }), ErrorCode::LoginFailed);
    }
    m_service->login("anna", "anna-password");
    m_service->logout();
    for (int attempt = 0; attempt < 4; ++attempt) {
        EXPECT_EQ(codeOf([&] { m_service->login("anna", "wrong-password"); }), ErrorCode::LoginFailed);
    }
    EXPECT_EQ(m_service->login("anna", "anna-password").username, "anna");
}

TEST_P(ClinicServiceTest, RolesAllowExactlyTheirOperations)
{
    setUpUsers();
    m_service->addUser("target", "Target", Role::Viewer, "target-password");
    m_service->logout();
    m_service->login("anna", "anna-password");
    auto client = m_service->addClient(janeSmith());
    auto visit = m_service->addVisit({0, client.id, "2026-03-01", "initial", "", "", 0});
    auto program = m_service->createHomeProgram({0, client.id, 0, visit.id, "{}", "", 0});
    auto screening = m_service->saveScreening({0, visit.id, "routine", false, "{}", "{}", "{}", 0, ""});

    // One representative call per operation kind; each is tried by each role.
    struct Case
    {
        const char* name;
        Operation kind;
        std::function<void()> call;
    };

    int unique = 0;
    std::vector<Case> cases = {
        {"read client", Operation::ReadRecords, [&] { m_service->readClient(client.id); }},
        {"search", Operation::ReadRecords, [&] { m_service->searchClientsByName("smi"); }},
        {"history", Operation::ReadRecords, [&] { m_service->clientHistory(client.id); }},
        {"program versions", Operation::ReadRecords, [&] { m_service->listHomeProgramVersions(program.programId); }},
        {"add client", Operation::WriteRecords, [&] { m_service->addClient(janeSmith()); }},
        {"update client", Operation::WriteRecords, [&] { client = m_service->updateClient(client); }},
        {"add visit",
         Operation::WriteRecords,
         [&] {
             m_service->addVisit({0, client.id, "2026-03-02", "follow-up", "", "", 0});
         }},
        {"save screening",
         Operation::WriteRecords,
         [&] {
             m_service->saveScreening({0, visit.id, "routine", false, "{}", "{}", "{}", 0, ""});
         }},
        {"save screening with response",
         Operation::WriteRecords,
         [&] {
             m_service->saveScreeningWithResponse(std::nullopt,
                                                  {0, visit.id, "q", "1", "{}", "", 0},
                                                  {0, visit.id, "routine", false, "{}", "{}", "{}", 0, ""});
         }},
        {"user name", Operation::ReadRecords, [&] { m_service->userName(1); }},
        {"save override",
         Operation::WriteRecords,
         [&] {
             m_service->saveOverride({0, screening.id, "R1", "override", "c", "t", "{}", "", 0, "", ""});
         }},
        {"save response",
         Operation::WriteRecords,
         [&] {
             m_service->saveQuestionnaireResponse({0, visit.id, "q", "1", "{}", "", 0});
         }},
        {"save program", Operation::WriteRecords, [&] { program = m_service->saveHomeProgram(program); }},
        {"save score",
         Operation::WriteRecords,
         [&] {
             m_service->saveOutcomeScore({0, visit.id, "odi", "2", "{}", "{}", "", 0});
         }},
        {"add user",
         Operation::ManageUsers,
         [&] { m_service->addUser("new" + std::to_string(++unique), "N", Role::Viewer, "new-password"); }},
        {"list users", Operation::ManageUsers, [&] { m_service->listUsers(); }},
        {"reset another's password",
         Operation::ManageUsers,
         [&] { m_service->changePassword("target", "target-password"); }},
        {"audit", Operation::Administer, [&] { m_service->recentAudit(10); }},
        {"client audit", Operation::Administer, [&] { m_service->auditForClient(client.id); }},
    };
    for (auto [username, role] : std::vector<std::pair<std::string, Role>>{
             {"admin", Role::Admin}, {"anna", Role::Therapist}, {"vic", Role::Viewer}}) {
        m_service->logout();
        m_service->login(username, username + "-password");
        for (const Case& testCase : cases) {
            bool allowed = roleAllows(role, testCase.kind);
            ErrorCode code = codeOf(testCase.call);
            if (allowed) {
                EXPECT_EQ(code, static_cast<ErrorCode>(0)) << username << " could not " << testCase.name;
            } else {
                EXPECT_EQ(code, ErrorCode::PermissionDenied) << username << " could " << testCase.name;
            }
        }
    }
    EXPECT_TRUE(roleAllows(Role::Admin, Operation::Administer));
    EXPECT_FALSE(roleAllows(Role::Therapist, Operation::ManageUsers));
    EXPECT_FALSE(roleAllows(Role::Viewer, Operation::WriteRecords));
}

TEST_P(ClinicServiceTest, EveryoneMayChangeTheirOwnPassword)
{
    setUpUsers();
    m_service->logout();
    m_service->login("vic", "vic-password");
    m_service->changePassword("vic", "new-vic-password");
    m_service->logout();
    EXPECT_EQ(codeOf([&] { m_service->login("vic", "vic-password"); }), ErrorCode::LoginFailed);
    EXPECT_EQ(m_service->login("vic", "new-vic-password").username, "vic");
}

TEST_P(ClinicServiceTest, PermissionMessageNamesUserRoleAndOperation)
{
    setUpUsers();
    m_service->logout();
    m_service->login("vic", "vic-password");
    try {
        m_service->addClient(janeSmith());
        FAIL() << "viewer added a client";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::PermissionDenied);
        EXPECT_EQ(std::string(error.what()),
                  m_database->name()
                      + ": add client: user \"vic\" has the role viewer, which may not change client "
                        "records");
    }
}

TEST_P(ClinicServiceTest, EveryReadAndChangeOfAClientIsAudited)
{
    setUpUsers();
    m_service->logout();
    m_service->login("anna", "anna-password");
    auto client = m_service->addClient(janeSmith());
    client.notes = "changed";
    client = m_service->updateClient(client);
    m_service->readClient(client.id);
    auto visit = m_service->addVisit({0, client.id, "2026-03-01", "initial", "", "", 0});
    m_service->saveScreening({0, visit.id, "routine", false, "{}", "{}", "{}", 0, ""});
    m_service->clientHistory(client.id);
    m_service->logout();
    m_service->login("admin", "admin-password");
    auto entries = m_service->auditForClient(client.id);
    std::vector<std::string> actions;
    for (const auto& entry : entries) {
        actions.push_back(entry.action + " " + entry.recordType);
        EXPECT_EQ(entry.username, "anna");
        EXPECT_EQ(entry.at, "2026-03-01T00:00:00.000Z");
        EXPECT_EQ(entry.clientId, client.id);
    }
    EXPECT_EQ(actions,
              (std::vector<std::string>{"create client",
                                        "update client",
                                        "read client",
                                        "create visit",
                                        "create screening",
                                        "read client-history"}));
}

TEST_P(ClinicServiceTest, FailedChangeLeavesNoAuditRow)
{
    setUpUsers();
    auto client = m_service->addClient(janeSmith());
    auto stale = client;
    m_service->updateClient(client);
    auto before = m_service->auditForClient(client.id).size();
    EXPECT_EQ(codeOf([&] { m_service->updateClient(stale); }), ErrorCode::RecordStale);
    EXPECT_EQ(m_service->auditForClient(client.id).size(), before);
}

TEST_P(ClinicServiceTest, VisitWithOutcomeScoreIsAddedTogetherOrNotAtAll)
{
    setUpUsers();
    auto client = m_service->addClient(janeSmith());
    auto [visit, score] = m_service->addVisitWithOutcomeScore(
        {0, client.id, "2026-03-01", "follow-up", "", "", 0},
        {0, 999, "nprs", "11-point", R"({"scorable":true})", R"({"nprs_back": 4})", "", 0});
    EXPECT_GT(visit.id, 0);
    EXPECT_EQ(score.visitId, visit.id);
    auto history = m_service->clientHistory(client.id);
    ASSERT_EQ(history.visits.size(), 1u);
    EXPECT_EQ(history.visits[0].visitDate, "2026-03-01");
    ASSERT_EQ(history.outcomeScores.size(), 1u);
    EXPECT_EQ(history.outcomeScores[0].visitId, visit.id);
    EXPECT_EQ(history.outcomeScores[0].responseJson, R"({"nprs_back": 4})");
    std::vector<std::string> actions;
    for (const auto& entry : m_service->auditForClient(client.id)) {
        actions.push_back(entry.action + " " + entry.recordType + " " + entry.detail);
    }
    EXPECT_EQ(actions,
              (std::vector<std::string>{
                  "create client ", "create visit ", "create outcome-score nprs|11-point", "read client-history "}));

    // Refused before anything is written: a bad date, an unknown client, a viewer.
    EXPECT_EQ(codeOf([&] {
                  m_service->addVisitWithOutcomeScore({0, client.id, "01/03/2026", "", "", "", 0},
                                                      {0, 0, "nprs", "11-point", "{}", "{}", "", 0});
              }),
              ErrorCode::RecordInvalid);
    EXPECT_EQ(codeOf([&] {
                  m_service->addVisitWithOutcomeScore({0, client.id + 100, "2026-03-02", "", "", "", 0},
                                                      {0, 0, "nprs", "11-point", "{}", "{}", "", 0});
              }),
              ErrorCode::RecordNotFound);
    m_service->logout();
    m_service->login("vic", "vic-password");
    EXPECT_EQ(codeOf([&] {
                  m_service->addVisitWithOutcomeScore({0, client.id, "2026-03-02", "", "", "", 0},
                                                      {0, 0, "nprs", "11-point", "{}", "{}", "", 0});
              }),
              ErrorCode::PermissionDenied);
    history = m_service->clientHistory(client.id);
    EXPECT_EQ(history.visits.size(), 1u);
    EXPECT_EQ(history.outcomeScores.size(), 1u);
}

TEST_P(ClinicServiceTest, InvalidClientIsRefusedWithReason)
{
    setUpUsers();
    auto client = janeSmith();
    client.birthDate = "01/01/1980";
    try {
        m_service->addClient(client);
        FAIL() << "bad date accepted";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::RecordInvalid);
        EXPECT_NE(std::string(error.what()).find("date of birth \"01/01/1980\" is not a date; expected YYYY-MM-DD"),
                  std::string::npos);
    }
}

TEST_P(ClinicServiceTest, HistoryHoldsEveryRecordOfTheClient)
{
    setUpUsers();
    auto client = m_service->addClient(janeSmith());
    auto other = m_service->addClient(janeSmith());
    auto visit = m_service->addVisit({0, client.id, "2026-03-01", "initial", "", "", 0});
    m_service->addVisit({0, other.id, "2026-03-01", "initial", "", "", 0});
    m_service->saveQuestionnaireResponse({0, visit.id, "q", "1", "{\"r\":1}", "", 0});
    auto screening = m_service->saveScreening({0, visit.id, "routine", false, "{}", "{}", "{}", 0, ""});
    m_service->saveOverride({0, screening.id, "R1", "override", "c", "t", "{}", "", 0, "", ""});
    auto program = m_service->createHomeProgram({0, client.id, 0, visit.id, "{}", "", 0});
    m_service->saveHomeProgram(program);
    m_service->saveOutcomeScore({0, visit.id, "odi", "2", "{}", "{}", "", 0});
    auto history = m_service->clientHistory(client.id);
    EXPECT_EQ(history.client.id, client.id);
    EXPECT_EQ(history.visits.size(), 1u);
    EXPECT_EQ(history.responses.size(), 1u);
    EXPECT_EQ(history.responses[0].responseJson, "{\"r\":1}");
    EXPECT_EQ(history.screenings.size(), 1u);
    EXPECT_EQ(history.overrides.size(), 1u);
    EXPECT_EQ(history.programVersions.size(), 2u);
    EXPECT_EQ(history.outcomeScores.size(), 1u);
    EXPECT_EQ(codeOf([&] { m_service->clientHistory(12345); }), ErrorCode::RecordNotFound);
}

TEST_P(ClinicServiceTest, SecondWorkstationsStaleSaveIsRefusedNotOverwriting)
{
    setUpUsers();
    auto client = m_service->addClient(janeSmith());
    auto program = m_service->createHomeProgram({0, client.id, 0, std::nullopt, "{\"v\":1}", "", 0});

    auto otherDatabase = m_test->open();
    ClinicService other(*otherDatabase, TestDatabase::fastOptions());
    other.login("anna", "anna-password");
    auto loadedThere = other.readClient(client.id);
    auto programThere = other.listHomeProgramVersions(program.programId).back();

    auto loadedHere = m_service->readClient(client.id);
    loadedHere.notes = "saved here first";
    m_service->updateClient(loadedHere);
    program.contentJson = "{\"v\":2}";
    m_service->saveHomeProgram(program);

    loadedThere.notes = "saved there second";
    EXPECT_EQ(codeOf([&] { other.updateClient(loadedThere); }), ErrorCode::RecordStale);
    programThere.contentJson = "{\"v\":\"there\"}";
    EXPECT_EQ(codeOf([&] { other.saveHomeProgram(programThere); }), ErrorCode::RecordStale);

    EXPECT_EQ(m_service->readClient(client.id).notes, "saved here first");
    auto versions = m_service->listHomeProgramVersions(program.programId);
    ASSERT_EQ(versions.size(), 2u);
    EXPECT_EQ(versions[1].contentJson, "{\"v\":2}");
}

TEST_P(ClinicServiceTest, ScreeningIsStoredWithItsResponseAndNewVisitTogether)
{
    setUpUsers();
    m_service->logout();
    m_service->login("anna", "anna-password");
    auto client = m_service->addClient(janeSmith());
    VisitRecord newVisit{0, client.id, "2026-03-01", "initial", "", "", 0};
    auto saved =
        m_service->saveScreeningWithResponse(newVisit,
                                             {0, 0, "q", "1", "{\"resourceType\":\"QuestionnaireResponse\"}", "", 0},
                                             {0, 0, "SOON", true, "{}", "{}", "{}", 0, ""});
    EXPECT_EQ(saved.visit.clientId, client.id);
    EXPECT_EQ(saved.response.visitId, saved.visit.id);
    EXPECT_EQ(saved.screening.visitId, saved.visit.id);
    EXPECT_EQ(saved.screening.triage, "SOON");
    auto again = m_service->saveScreeningWithResponse(std::nullopt,
                                                      {0, saved.visit.id, "q", "1", "{}", "", 0},
                                                      {0, saved.visit.id, "NONE", false, "{}", "{}", "{}", 0, ""});
    EXPECT_EQ(again.visit.id, saved.visit.id);
    EXPECT_EQ(m_service->userName(saved.screening.createdBy), "anna");
    EXPECT_EQ(m_service->userName(999), "");

    // A new visit that cannot be stored takes the response and the screening with it.
    VisitRecord badVisit{0, client.id, "someday", "follow-up", "", "", 0};
    EXPECT_EQ(codeOf([&] {
                  m_service->saveScreeningWithResponse(
                      badVisit, {0, 0, "q", "1", "{}", "", 0}, {0, 0, "NONE", false, "{}", "{}", "{}", 0, ""});
              }),
              ErrorCode::RecordInvalid);
    EXPECT_EQ(codeOf([&] {
                  m_service->saveScreeningWithResponse(std::nullopt,
                                                       {0, 424242, "q", "1", "{}", "", 0},
                                                       {0, 424242, "NONE", false, "{}", "{}", "{}", 0, ""});
              }),
              ErrorCode::RecordNotFound);
    auto history = m_service->clientHistory(client.id);
    EXPECT_EQ(history.visits.size(), 1u);
    EXPECT_EQ(history.responses.size(), 2u);
    EXPECT_EQ(history.screenings.size(), 2u);
    m_service->logout();
    m_service->login("admin", "admin-password");
    std::vector<std::string> actions;
    for (const auto& entry : m_service->auditForClient(client.id)) {
        actions.push_back(entry.action + " " + entry.recordType);
    }
    EXPECT_EQ(actions,
              (std::vector<std::string>{"create client",
                                        "create visit",
                                        "create questionnaire-response",
                                        "create screening",
                                        "create questionnaire-response",
                                        "create screening",
                                        "read client-history"}));
}

BACKSCREEN_INSTANTIATE_FOR_BOTH_BACKENDS(ClinicServiceTest);
