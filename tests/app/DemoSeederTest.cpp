#include "app/gui/DemoSeeder.h"

#include "AppTestSupport.h"

#include "core/common/Error.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace backscreen;
using app::test::AppTestEnvironment;

TEST(DemoSeeder, CreatesTheDemoClientsWithTheirVisitsAndIntakes)
{
    AppTestEnvironment environment;
    auto session = environment.openDemoSession();
    db::ClinicService& service = session->service();
    ASSERT_TRUE(service.currentUser().has_value());
    EXPECT_EQ(service.currentUser()->username, "demo");
    EXPECT_EQ(service.currentUser()->role, db::Role::Therapist);

    const auto clients = service.listClients();
    ASSERT_EQ(clients.size(), 4u);
    auto find = [&](const std::string& family) {
        auto found = std::find_if(
            clients.begin(), clients.end(), [&](const auto& client) { return client.familyName == family; });
        EXPECT_NE(found, clients.end()) << family;
        return *found;
    };
    const db::ClientHistory redFlag = service.clientHistory(find("Hughes").id);
    ASSERT_EQ(redFlag.visits.size(), 1u);
    ASSERT_EQ(redFlag.responses.size(), 1u);
    EXPECT_NE(redFlag.responses[0].responseJson.find("\"id\": \"cauda-equina\""), std::string::npos);
    EXPECT_EQ(redFlag.responses[0].questionnaireCanonical,
              "http://backscreen.local/fhir/Questionnaire/low-back-intake");
    EXPECT_EQ(redFlag.responses[0].questionnaireVersion, "1.0.0");

    const db::ClientHistory sij = service.clientHistory(find("Okafor").id);
    ASSERT_EQ(sij.responses.size(), 1u);
    EXPECT_NE(sij.responses[0].responseJson.find("\"id\": \"sij-pain\""), std::string::npos);

    const db::ClientHistory lowerCrossed = service.clientHistory(find("Lindqvist").id);
    ASSERT_EQ(lowerCrossed.visits.size(), 3u);
    EXPECT_EQ(lowerCrossed.visits[0].kind, "initial");
    EXPECT_EQ(lowerCrossed.visits[1].kind, "review");
    EXPECT_EQ(lowerCrossed.visits[2].kind, "review");
    ASSERT_EQ(lowerCrossed.responses.size(), 1u);
    EXPECT_EQ(lowerCrossed.responses[0].visitId, lowerCrossed.visits[0].id);

    // Each intake is screened and stored; the program follows the screening.
    ASSERT_EQ(redFlag.screenings.size(), 1u);
    EXPECT_EQ(redFlag.screenings[0].triage, "EMERGENCY");
    EXPECT_TRUE(redFlag.screenings[0].programBlocked);
    EXPECT_TRUE(redFlag.programVersions.empty());
    ASSERT_EQ(sij.screenings.size(), 1u);
    EXPECT_EQ(sij.screenings[0].triage, "NONE");
    EXPECT_EQ(sij.programVersions.size(), 1u);
    ASSERT_EQ(lowerCrossed.screenings.size(), 1u);
    EXPECT_EQ(lowerCrossed.screenings[0].triage, "NONE");
    EXPECT_NE(lowerCrossed.screenings[0].resultJson.find("\"lcs\":\"LIKELY\""), std::string::npos);
    ASSERT_EQ(lowerCrossed.programVersions.size(), 2u);
    EXPECT_EQ(lowerCrossed.programVersions[0].version, 1);
    EXPECT_EQ(lowerCrossed.programVersions[0].visitId, lowerCrossed.visits[0].id);
    EXPECT_EQ(lowerCrossed.programVersions[1].version, 2);
    EXPECT_EQ(lowerCrossed.programVersions[1].visitId, lowerCrossed.visits[2].id);
    EXPECT_NE(lowerCrossed.programVersions[1].contentJson.find("three times a week"), std::string::npos);
}

TEST(DemoSeeder, RefusesADatabaseThatHasUsers)
{
    AppTestEnvironment environment;
    auto session = environment.openSession();
    session->service().createFirstAdmin("admin", "Clinic admin", "correct horse battery");
    try {
        app::DemoSeeder::seed(session->service(),
                              core::formsDirectory() / "examples",
                              app::test::intakeQuestionnaire(),
                              app::test::screeningEngine(),
                              nullptr);
        FAIL() << "a database with users was seeded";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::AlreadySetUp);
    }
    session->service().login("admin", "correct horse battery");
    EXPECT_TRUE(session->service().listClients().empty());
}

TEST(DemoSeeder, SignsInAgainOnALaterStart)
{
    AppTestEnvironment environment;
    environment.openDemoSession();
    auto again = environment.openSession(true);
    EXPECT_FALSE(again->service().needsSetup());
    app::DemoSeeder::signIn(again->service());
    EXPECT_EQ(again->userDisplayName(), QStringLiteral("Demo Therapist"));
    EXPECT_EQ(again->service().listClients().size(), 4u);
}
