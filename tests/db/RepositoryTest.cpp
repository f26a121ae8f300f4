#include "TestDatabase.h"

#include "db/AuditLogRepository.h"
#include "db/ClientRepository.h"
#include "db/HomeProgramRepository.h"
#include "db/OutcomeScoreRepository.h"
#include "db/OverrideRepository.h"
#include "db/Query.h"
#include "db/QuestionnaireResponseRepository.h"
#include "db/ScreeningRepository.h"
#include "db/Transaction.h"
#include "db/UserRepository.h"
#include "db/VisitRepository.h"

#include <gtest/gtest.h>

using namespace backscreen;
using namespace backscreen::db;
using backscreen::tests::TestDatabase;

namespace {

class Repository : public testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        m_test = std::make_unique<TestDatabase>(GetParam());
        m_database = m_test->open();
        UserRepository users(*m_database);
        m_userId =
            users.add({0, "anna", "Anna Therapist", Role::Therapist, "hash", 0, "", "2026-01-01T00:00:00.000Z"}).id;
    }

    ClientRecord client(const std::string& family, const std::string& given, const std::string& born)
    {
        ClientRecord record;
        record.familyName = family;
        record.givenName = given;
        record.birthDate = born;
        record.contact = "0400 000 000";
        record.notes = "notes";
        return ClientRepository(*m_database).add(record, "2026-01-02T00:00:00.000Z", m_userId);
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_database;
    RecordId m_userId = 0;
};

std::vector<std::string> familyNames(const std::vector<ClientRecord>& clients)
{
    std::vector<std::string> names;
    for (const auto& c : clients) {
        names.push_back(c.familyName);
    }
    return names;
}

} // namespace

TEST_P(Repository, UsersRoundTripAndListByName)
{
    UserRepository users(*m_database);
    users.add({0, "bob", "Bob", Role::Viewer, "h2", 0, "", "2026-01-01T00:00:00.000Z"});
    auto bob = users.findByUsername("bob");
    ASSERT_TRUE(bob);
    EXPECT_EQ(bob->displayName, "Bob");
    EXPECT_EQ(bob->role, Role::Viewer);
    EXPECT_EQ(bob->passwordHash, "h2");
    users.setLoginFailures(bob->id, 3, "2026-01-01T00:15:00.000Z");
    EXPECT_EQ(users.findById(bob->id)->failedAttempts, 3);
    EXPECT_EQ(users.findById(bob->id)->lockedUntil, "2026-01-01T00:15:00.000Z");
    users.setPasswordHash(bob->id, "h3");
    EXPECT_EQ(users.findById(bob->id)->passwordHash, "h3");
    EXPECT_EQ(users.findById(bob->id)->failedAttempts, 0);
    auto all = users.list();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].username, "anna");
    EXPECT_EQ(all[1].username, "bob");
    EXPECT_EQ(users.count(), 2);
    EXPECT_FALSE(users.findByUsername("nobody"));
}

TEST_P(Repository, ClientRoundTripsEveryField)
{
    auto added = client("Müller", "Jürgen", "1970-03-04");
    EXPECT_GT(added.id, 0);
    EXPECT_EQ(added.version, 1);
    auto found = ClientRepository(*m_database).find(added.id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->familyName, "Müller");
    EXPECT_EQ(found->givenName, "Jürgen");
    EXPECT_EQ(found->birthDate, "1970-03-04");
    EXPECT_EQ(found->contact, "0400 000 000");
    EXPECT_EQ(found->notes, "notes");
    EXPECT_FALSE(found->archived);
    EXPECT_EQ(found->version, 1);
    EXPECT_EQ(found->createdBy, m_userId);
    EXPECT_EQ(found->createdAt, "2026-01-02T00:00:00.000Z");
}

TEST_P(Repository, ClientUpdateBumpsVersion)
{
    ClientRepository clients(*m_database);
    auto added = client("Smith", "Jane", "1980-01-01");
    added.notes = "changed";
    added.archived = true;
    auto saved = clients.update(added, "2026-01-03T00:00:00.000Z", m_userId);
    EXPECT_EQ(saved.version, 2);
    auto found = clients.find(added.id);
    EXPECT_EQ(found->notes, "changed");
    EXPECT_TRUE(found->archived);
    EXPECT_EQ(found->version, 2);
    EXPECT_EQ(found->updatedAt, "2026-01-03T00:00:00.000Z");
}

TEST_P(Repository, StaleClientSaveIsRefusedNamingBothVersions)
{
    ClientRepository clients(*m_database);
    auto loadedByFirst = client("Smith", "Jane", "1980-01-01");
    auto loadedBySecond = loadedByFirst;
    loadedByFirst.notes = "first";
    clients.update(loadedByFirst, "2026-01-03T00:00:00.000Z", m_userId);
    loadedBySecond.notes = "second";
    try {
        clients.update(loadedBySecond, "2026-01-03T00:00:01.000Z", m_userId);
        FAIL() << "stale save accepted";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::RecordStale);
        EXPECT_EQ(std::string(error.what()),
                  m_database->name() + ": save client " + std::to_string(loadedByFirst.id)
                      + ": the client was changed by someone else: you edited version 1 but the database holds "
                        "version 2; reload the client and apply your change again");
    }
    EXPECT_EQ(clients.find(loadedByFirst.id)->notes, "first");
}

TEST_P(Repository, UpdateOfMissingClientIsNotFound)
{
    ClientRecord ghost;
    ghost.id = 999;
    ghost.version = 1;
    ghost.familyName = "Ghost";
    ghost.birthDate = "1900-01-01";
    try {
        ClientRepository(*m_database).update(ghost, "2026-01-03T00:00:00.000Z", m_userId);
        FAIL() << "update of a missing client accepted";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::RecordNotFound);
    }
}

TEST_P(Repository, SearchByNamePrefixMatchesFamilyOrGivenNameIgnoringCase)
{
    client("Smith", "Jane", "1980-01-01");
    client("Smithers", "Waylon", "1950-05-05");
    client("Jones", "Smitty", "1990-02-02");
    client("Brown", "Amy", "1985-03-03");
    client("Ötzi", "Iceman", "1900-01-01");
    ClientRepository clients(*m_database);
    // Family-name matches first, then given-name matches.
    EXPECT_EQ(familyNames(clients.searchByNamePrefix("smi", false, 50)),
              (std::vector<std::string>{"Smith", "Smithers", "Jones"}));
    EXPECT_EQ(familyNames(clients.searchByNamePrefix("SMITH", false, 50)),
              (std::vector<std::string>{"Smith", "Smithers"}));
    EXPECT_EQ(familyNames(clients.searchByNamePrefix("öt", false, 50)), (std::vector<std::string>{"Ötzi"}));
    EXPECT_EQ(familyNames(clients.searchByNamePrefix("smi", false, 1)), (std::vector<std::string>{"Smith"}));
    EXPECT_EQ(familyNames(clients.searchByNamePrefix("smi", false, 2)),
              (std::vector<std::string>{"Smith", "Smithers"}));
    EXPECT_TRUE(clients.searchByNamePrefix("zz", false, 50).empty());
}

TEST_P(Repository, SearchLeavesOutArchivedClientsUnlessAsked)
{
    ClientRepository clients(*m_database);
    auto archived = client("Smith", "Old", "1930-01-01");
    archived.archived = true;
    clients.update(archived, "2026-01-03T00:00:00.000Z", m_userId);
    client("Smith", "New", "1990-01-01");
    EXPECT_EQ(clients.searchByNamePrefix("smith", false, 50).size(), 1u);
    EXPECT_EQ(clients.searchByNamePrefix("smith", true, 50).size(), 2u);
    EXPECT_EQ(clients.list(false, 50, 0).size(), 1u);
    EXPECT_EQ(clients.list(true, 50, 0).size(), 2u);
}

TEST_P(Repository, SearchByBirthDateFindsExactDate)
{
    client("Smith", "Jane", "1980-01-01");
    client("Brown", "Amy", "1980-01-01");
    client("Jones", "Tom", "1980-01-02");
    auto found = ClientRepository(*m_database).searchByBirthDate("1980-01-01", false, 50);
    EXPECT_EQ(familyNames(found), (std::vector<std::string>{"Brown", "Smith"}));
}

TEST_P(Repository, ListPagesInNameOrder)
{
    client("C", "c", "1980-01-01");
    client("A", "a", "1980-01-01");
    client("B", "b", "1980-01-01");
    ClientRepository clients(*m_database);
    EXPECT_EQ(familyNames(clients.list(false, 2, 0)), (std::vector<std::string>{"A", "B"}));
    EXPECT_EQ(familyNames(clients.list(false, 2, 2)), (std::vector<std::string>{"C"}));
    EXPECT_EQ(clients.count(), 3);
}

TEST_P(Repository, ClinicalRecordsRoundTripExactJsonText)
{
    auto jane = client("Smith", "Jane", "1980-01-01");
    VisitRepository visits(*m_database);
    auto visit = visits.add({0, jane.id, "2026-02-01", "initial", "first visit", "2026-02-01T09:00:00.000Z", m_userId});
    auto later = visits.add({0, jane.id, "2026-02-08", "follow-up", "", "2026-02-08T09:00:00.000Z", m_userId});
    ASSERT_EQ(visits.listForClient(jane.id).size(), 2u);
    EXPECT_EQ(visits.listForClient(jane.id)[1].kind, "follow-up");
    EXPECT_EQ(visits.find(visit.id)->notes, "first visit");

    // Member order, spacing and decimal text must survive: FHIR decimals are compared as text.
    const std::string fhir = "{\"resourceType\":\"QuestionnaireResponse\",  \"item\":[{\"linkId\":\"a\",\"answer\":"
                             "[{\"valueDecimal\":2.50}]}]}";
    QuestionnaireResponseRepository responses(*m_database);
    responses.add(
        {0, visit.id, "https://backscreen.example/q/intake", "1.0.0", fhir, "2026-02-01T09:01:00.000Z", m_userId});
    auto storedResponses = responses.listForVisit(visit.id);
    ASSERT_EQ(storedResponses.size(), 1u);
    EXPECT_EQ(storedResponses[0].responseJson, fhir);
    EXPECT_EQ(storedResponses[0].questionnaireCanonical, "https://backscreen.example/q/intake");
    EXPECT_EQ(storedResponses[0].questionnaireVersion, "1.0.0");
    EXPECT_EQ(responses.listForClient(jane.id).size(), 1u);

    ScreeningRepository screenings(*m_database);
    auto screening = screenings.add({0,
                                     visit.id,
                                     "urgent",
                                     true,
                                     "{\"red-flags\":\"1.2.0\"}",
                                     "{\"findings\":[{\"ruleId\":\"RF-CES-02\"}]}",
                                     "{\"a\":1}",
                                     m_userId,
                                     "2026-02-01T09:02:00.000Z"});
    auto storedScreening = screenings.find(screening.id);
    ASSERT_TRUE(storedScreening);
    EXPECT_EQ(storedScreening->triage, "urgent");
    EXPECT_TRUE(storedScreening->programBlocked);
    EXPECT_EQ(storedScreening->rulesetVersions, "{\"red-flags\":\"1.2.0\"}");
    EXPECT_EQ(storedScreening->resultJson, "{\"findings\":[{\"ruleId\":\"RF-CES-02\"}]}");
    EXPECT_EQ(storedScreening->answersJson, "{\"a\":1}");
    EXPECT_EQ(screenings.listForClient(jane.id).size(), 1u);

    OverrideRepository overrides(*m_database);
    overrides.add({0,
                   screening.id,
                   "RF-CES-02",
                   "clearance",
                   "imaging-normal",
                   "MRI clear",
                   "{\"a\":1}",
                   "2026-02-01T09:03:00.000Z",
                   m_userId,
                   "",
                   ""});
    auto storedOverrides = overrides.listForScreening(screening.id);
    ASSERT_EQ(storedOverrides.size(), 1u);
    EXPECT_EQ(storedOverrides[0].ruleId, "RF-CES-02");
    EXPECT_EQ(storedOverrides[0].reasonCode, "imaging-normal");
    EXPECT_EQ(storedOverrides[0].reasonText, "MRI clear");
    EXPECT_EQ(storedOverrides[0].inputSnapshotJson, "{\"a\":1}");
    EXPECT_EQ(overrides.listForClient(jane.id).size(), 1u);

    OutcomeScoreRepository scores(*m_database);
    scores.add({0, later.id, "odi", "2.1a", "{\"score\":22.0}", "{\"item\":[]}", "2026-02-08T09:05:00.000Z", m_userId});
    auto storedScores = scores.listForVisit(later.id);
    ASSERT_EQ(storedScores.size(), 1u);
    EXPECT_EQ(storedScores[0].instrumentId, "odi");
    EXPECT_EQ(storedScores[0].instrumentVersion, "2.1a");
    EXPECT_EQ(storedScores[0].scoreJson, "{\"score\":22.0}");
    EXPECT_EQ(scores.listForClient(jane.id).size(), 1u);
}

TEST_P(Repository, HomeProgramKeepsEveryVersion)
{
    auto jane = client("Smith", "Jane", "1980-01-01");
    HomeProgramRepository programs(*m_database);
    HomeProgramVersionRecord first;
    first.clientId = jane.id;
    first.contentJson = "{\"exercises\":[\"a\"]}";
    first.createdAt = "2026-02-01T09:00:00.000Z";
    first.createdBy = m_userId;
    auto v1 = programs.create(first);
    EXPECT_EQ(v1.version, 1);
    auto edit = v1;
    edit.contentJson = "{\"exercises\":[\"a\",\"b\"]}";
    auto v2 = programs.saveVersion(edit);
    EXPECT_EQ(v2.version, 2);
    auto versions = programs.listVersions(v1.programId);
    ASSERT_EQ(versions.size(), 2u);
    EXPECT_EQ(versions[0].contentJson, "{\"exercises\":[\"a\"]}");
    EXPECT_EQ(versions[1].contentJson, "{\"exercises\":[\"a\",\"b\"]}");
    EXPECT_EQ(programs.find(v1.programId)->version, 2);
    EXPECT_EQ(programs.find(v1.programId, 1)->contentJson, "{\"exercises\":[\"a\"]}");
    EXPECT_FALSE(programs.find(v1.programId, 3));
    EXPECT_EQ(programs.listForClient(jane.id).size(), 2u);
}

TEST_P(Repository, StaleProgramSaveIsRefusedAndAddsNoVersion)
{
    auto jane = client("Smith", "Jane", "1980-01-01");
    HomeProgramRepository programs(*m_database);
    HomeProgramVersionRecord first{0, jane.id, 0, std::nullopt, "{}", "2026-02-01T09:00:00.000Z", m_userId};
    auto v1 = programs.create(first);
    programs.saveVersion(v1);
    try {
        programs.saveVersion(v1);
        FAIL() << "stale program save accepted";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::RecordStale);
        EXPECT_NE(std::string(error.what())
                      .find("save home program " + std::to_string(v1.programId)
                            + ": the program was changed by someone else: you edited version 1 "
                              "but the database holds version 2"),
                  std::string::npos)
            << error.what();
    }
    EXPECT_EQ(programs.listVersions(v1.programId).size(), 2u);
}

TEST_P(Repository, AuditLogAppendsAndRefusesUpdateAndDelete)
{
    AuditLogRepository audit(*m_database);
    audit.append({0, "2026-01-01T00:00:00.000Z", m_userId, "anna", "read", "client", 7, 7, ""});
    audit.append(
        {0, "2026-01-01T00:00:01.000Z", std::nullopt, "", "login-failed", "user", std::nullopt, std::nullopt, "x"});
    auto entries = audit.listForClient(7);
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].username, "anna");
    EXPECT_EQ(entries[0].userId, m_userId);
    EXPECT_EQ(entries[0].recordId, 7);
    auto recent = audit.listRecent(10);
    ASSERT_EQ(recent.size(), 2u);
    EXPECT_FALSE(recent[0].userId);
    EXPECT_EQ(recent[0].action, "login-failed");
    for (const char* sql : {"UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log"}) {
        try {
            Query(*m_database, sql).run("tamper with the audit log");
            FAIL() << sql << " was accepted";
        } catch (const Error& error) {
            EXPECT_NE(std::string(error.what()).find("audit_log is append-only"), std::string::npos) << error.what();
        }
    }
    EXPECT_EQ(audit.count(), 2);
}

TEST_P(Repository, FailedTransactionRollsBackEverything)
{
    ClientRepository clients(*m_database);
    try {
        Transaction transaction(*m_database, TransactionKind::Write, "test");
        client("Smith", "Jane", "1980-01-01");
        throw std::runtime_error("interrupted");
    } catch (const std::runtime_error&) {
    }
    EXPECT_EQ(clients.count(), 0);
}

TEST_P(Repository, InnerTransactionLeftUncommittedFailsTheOuterCommit)
{
    ClientRepository clients(*m_database);
    Transaction outer(*m_database, TransactionKind::Write, "outer");
    client("Smith", "Jane", "1980-01-01");
    {
        Transaction inner(*m_database, TransactionKind::Write, "inner");
    }
    try {
        outer.commit();
        FAIL() << "outer commit accepted after an inner failure";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::DatabaseQueryFailed);
    }
    EXPECT_EQ(clients.count(), 0);
}

BACKSCREEN_INSTANTIATE_FOR_BOTH_BACKENDS(Repository);
