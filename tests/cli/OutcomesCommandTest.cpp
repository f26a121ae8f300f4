#include "support/ProcessRunner.h"

#include "core/json/JsonReader.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <unistd.h>

using backscreen::core::JsonReader;
using backscreen::core::JsonValue;
using backscreen::tests::runCli;
using backscreen::tests::runProcess;

namespace {

std::string fixture(const std::string& name)
{
    return std::string(BACKSCREEN_TEST_DATA_DIR) + "/cli/outcomes/" + name;
}

std::string coreFixture(const std::string& name)
{
    return std::string(BACKSCREEN_TEST_DATA_DIR) + "/core/outcomes/" + name;
}

/// A fresh SQLite file with an administrator (init) and one client, run through the real backscreen-cli.
class OutcomesCli : public testing::Test
{
protected:
    void SetUp() override
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "backscreen-outcomes-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        m_directory = pattern;
        m_database = (m_directory / "clinic.sqlite").string();
        auto init = runCli({"init"}, "", admin());
        ASSERT_EQ(init.exitCode, 0) << init.err;
        auto client =
            runCli({"clients", "add", "--family-name", "Smith", "--given-name", "Jane", "--birth-date", "1980-01-02"},
                   "",
                   admin());
        ASSERT_EQ(client.exitCode, 0) << client.err;
        ASSERT_EQ(client.out, "added client 1: Smith, Jane\n");
    }

    void TearDown() override { std::filesystem::remove_all(m_directory); }

    std::map<std::string, std::string> as(const std::string& user, const std::string& password) const
    {
        return {{"BACKSCREEN_DB", m_database}, {"BACKSCREEN_USER", user}, {"BACKSCREEN_PASSWORD", password}};
    }

    std::map<std::string, std::string> admin() const { return as("admin", "admin-password"); }

    /// Rows of outcome_scores, read with the sqlite3 shell (a test tool scripts/install-deps installs) so the
    /// check does not go through the code under test.
    std::string storedScores() const
    {
        auto result = runProcess("sqlite3",
                                 {m_database,
                                  "SELECT visit_id, instrument_id, instrument_version FROM outcome_scores "
                                  "ORDER BY id"});
        EXPECT_EQ(result.exitCode, 0) << result.err;
        return result.out;
    }

    std::filesystem::path m_directory;
    std::string m_database;
};

JsonValue parse(const std::string& text)
{
    auto read = JsonReader::parse(text, "stdout");
    EXPECT_TRUE(read.ok()) << text;
    return read.value.value_or(JsonValue());
}

} // namespace

TEST_F(OutcomesCli, NprsAndOdiAtThreeVisitsListWithChangeSinceBaseline)
{
    auto env = admin();
    auto first = runCli({"outcomes", "add", "--client", "1", "--new-visit", "2024-01-10", "--instrument", "nprs", "-"},
                        R"({"nprs_back": 8, "nprs_leg": 5})",
                        env);
    ASSERT_EQ(first.exitCode, 0) << first.err;
    EXPECT_EQ(first.out, "stored nprs score 1 at visit 1 (2024-01-10) of client 1: 8\n");
    ASSERT_EQ(
        runCli({"outcomes", "add", "--client", "1", "--visit", "1", fixture("odi-visit1.json")}, "", env).exitCode, 0);
    ASSERT_EQ(runCli({"outcomes", "add", "--client", "1", "--new-visit", "2024-02-07", "--instrument", "nprs", "-"},
                     R"({"nprs_back": 6, "nprs_leg": 5})",
                     env)
                  .exitCode,
              0);
    ASSERT_EQ(
        runCli({"outcomes", "add", "--client", "1", "--visit", "2", fixture("odi-visit2.json")}, "", env).exitCode, 0);
    ASSERT_EQ(runCli({"outcomes", "add", "--client", "1", "--new-visit", "2024-03-06", "--instrument", "nprs", "-"},
                     R"({"nprs_back": 3, "nprs_leg": 1})",
                     env)
                  .exitCode,
              0);
    auto last = runCli(
        {"outcomes", "add", "--client", "1", "--visit", "3", fixture("odi-visit3.json"), "--format", "json"}, "", env);
    ASSERT_EQ(last.exitCode, 0) << last.err;
    JsonValue added = parse(last.out);
    EXPECT_EQ(added.find("scoreId")->asNumber(), 6.0);
    EXPECT_EQ(added.find("visitDate")->asString(), "2024-03-06");
    EXPECT_EQ(added.find("score")->find("score")->asNumber(), 72.0);
    EXPECT_EQ(storedScores(),
              "1|nprs|11-point\n1|odi|2.1a\n2|nprs|11-point\n2|odi|2.1a\n3|nprs|11-point\n3|odi|2.1a\n");

    auto csv = runCli({"outcomes", "list", "--client", "1", "--format", "csv"}, "", env);
    EXPECT_EQ(csv.exitCode, 0) << csv.err;
    EXPECT_EQ(
        csv.out,
        "visit_id,visit_date,instrument,version,scorable,score,band,baseline_date,baseline_score,improvement,"
        "category,threshold,reference,summary\n"
        "1,2024-01-10,nprs,11-point,true,8,,,,,,,,baseline\n"
        "1,2024-01-10,odi,2.1a,true,60.0,ODI_B3,,,,,,,baseline\n"
        "2,2024-02-07,nprs,11-point,true,6,,2024-01-10,8,2,POSSIBLE_IMPROVEMENT,MCID 2 points and 30 %,Ostelo 2008,"
        "\"Back pain improved by 2 points (from 8 to 6): a possible improvement (MCID 2 points and 30 %, Ostelo "
        "2008); Leg pain did not change (from 5 to 5): no important change (MCID 2 points and 30 %, Ostelo "
        "2008)\"\n"
        "2,2024-02-07,odi,2.1a,true,54.0,ODI_B3,2024-01-10,60.0,6.0,NO_IMPORTANT_CHANGE,MCID 10 points and 30 %,"
        "Ostelo 2008,\"Disability (ODI) improved by 6.0 points (from 60.0 to 54.0): no important change (MCID "
        "10 points and 30 %, Ostelo 2008)\"\n"
        "3,2024-03-06,nprs,11-point,true,3,,2024-01-10,8,5,IMPORTANT_IMPROVEMENT,MCID 2 points and 30 %,Ostelo 2008,"
        "\"Back pain improved by 5 points (from 8 to 3): an important improvement (MCID 2 points and 30 %, Ostelo "
        "2008); Leg pain improved by 4 points (from 5 to 1): an important improvement (MCID 2 points and 30 %, "
        "Ostelo 2008)\"\n"
        "3,2024-03-06,odi,2.1a,true,72.0,ODI_B4,2024-01-10,60.0,-12.0,IMPORTANT_WORSENING,MCID 10 points and 30 %,"
        "Ostelo 2008,\"Disability (ODI) worsened by 12.0 points (from 60.0 to 72.0): an important worsening "
        "(MCID 10 points and 30 %, Ostelo 2008)\"\n");

    auto json = runCli({"outcomes", "--client", "1", "--format", "json"}, "", env);
    EXPECT_EQ(json.exitCode, 0) << json.err;
    JsonValue listed = parse(json.out);
    EXPECT_EQ(listed.find("client")->find("familyName")->asString(), "Smith");
    const JsonValue* series = listed.find("series");
    ASSERT_NE(series, nullptr);
    ASSERT_EQ(series->size(), 6u);
    std::vector<std::string> categories;
    for (const JsonValue& row : series->asArray()) {
        const JsonValue* category = row.find("category");
        categories.push_back(category->isNull() ? "null" : category->asString());
    }
    EXPECT_EQ(categories,
              (std::vector<std::string>{"null",
                                        "null",
                                        "POSSIBLE_IMPROVEMENT",
                                        "NO_IMPORTANT_CHANGE",
                                        "IMPORTANT_IMPROVEMENT",
                                        "IMPORTANT_WORSENING"}));
    const JsonValue& odi3 = series->asArray()[5];
    EXPECT_EQ(odi3.find("instrument")->asString(), "odi");
    EXPECT_EQ(odi3.find("baselineVisitId")->asNumber(), 1.0);
    EXPECT_TRUE(series->asArray()[1].find("baseline")->asBool());
    const JsonValue& component = odi3.find("change")->find("components")->asArray()[0];
    EXPECT_EQ(component.find("delta")->asNumber(), -12.0);
    EXPECT_EQ(component.find("thresholds")->find("absolute")->asNumber(), 10.0);
    EXPECT_EQ(component.find("thresholds")->find("citation")->asString(), "Ostelo 2008");

    auto text = runCli({"outcomes", "--client", "1"}, "", env);
    EXPECT_EQ(text.exitCode, 0) << text.err;
    EXPECT_EQ(text.out.substr(0, text.out.find('\n')), "2024-01-10\tnprs\t8\t-\tbaseline");
}

TEST_F(OutcomesCli, ClinicSuppliedQuestionnaireIsUsedWhenGiven)
{
    auto env = admin();
    auto without = runCli(
        {"outcomes", "add", "--client", "1", "--new-visit", "2024-01-10", coreFixture("response-odi-clinic.json")},
        "",
        env);
    EXPECT_EQ(without.exitCode, 2);
    EXPECT_NE(without.err.find("is not an outcome-measure form"), std::string::npos) << without.err;
    EXPECT_EQ(storedScores(), "");
    auto with = runCli({"outcomes",
                        "add",
                        "--client",
                        "1",
                        "--new-visit",
                        "2024-01-10",
                        coreFixture("response-odi-clinic.json"),
                        "--questionnaire",
                        coreFixture("clinic-odi.json")},
                       "",
                       env);
    EXPECT_EQ(with.exitCode, 0) << with.err;
    EXPECT_EQ(with.out, "stored odi score 1 at visit 1 (2024-01-10) of client 1: 51.1\n");
    EXPECT_EQ(storedScores(), "1|odi|2.1a\n");
    // The raw response is stored exactly as given.
    auto raw = runProcess("sqlite3", {m_database, "SELECT response_json FROM outcome_scores"});
    std::ifstream file(coreFixture("response-odi-clinic.json"));
    std::string original((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    EXPECT_EQ(raw.out, original + "\n");
}

TEST_F(OutcomesCli, OutOfRangeAnswerStoresNothing)
{
    auto env = admin();
    auto response = runCli(
        {"outcomes", "add", "--client", "1", "--new-visit", "2024-01-10", fixture("nprs-out-of-range.json")}, "", env);
    EXPECT_EQ(response.exitCode, 2);
    EXPECT_EQ(
        response.err,
        "backscreen-cli outcomes: error: " + fixture("nprs-out-of-range.json")
            + ": item \"nprs_back\" at /item/0/answer/0: the answer 11 is above the maximum; expected at most 10\n"
              "backscreen-cli outcomes: nothing was stored\n");
    auto flat = runCli({"outcomes", "add", "--client", "1", "--new-visit", "2024-01-10", "--instrument", "nprs", "-"},
                       R"({"nprs_back": 11})",
                       env);
    EXPECT_EQ(flat.exitCode, 2);
    EXPECT_EQ(flat.err,
              "backscreen-cli outcomes: error: <stdin>: linkId \"nprs_back\" at /nprs_back: 11 is out of range; NPRS "
              "must be 0–10\nbackscreen-cli outcomes: nothing was stored\n");
    EXPECT_EQ(storedScores(), "");
    // Not even the new visit.
    auto visits = runProcess("sqlite3", {m_database, "SELECT count(*) FROM visits"});
    EXPECT_EQ(visits.out, "0\n");
}

TEST_F(OutcomesCli, UnscorableResponseIsStoredWithItsReasonAndExitsOne)
{
    auto env = admin();
    auto added = runCli({"outcomes", "add", "--client", "1", "--new-visit", "2024-01-10", "--instrument", "odi", "-"},
                        R"({"odi_s01": 1, "odi_s02": 1, "odi_s03": 1, "odi_s04": 1, "odi_s05": 1, "odi_s06": 1,
                            "odi_s07": 1})",
                        env);
    EXPECT_EQ(added.exitCode, 1) << added.err;
    EXPECT_EQ(added.out,
              "stored odi score 1 at visit 1 (2024-01-10) of client 1: not scorable: 3 of 10 sections unanswered; the "
              "ODI is scored with at most 2 unanswered\n");
    auto csv = runCli({"outcomes", "--client", "1", "--format", "csv"}, "", env);
    EXPECT_EQ(
        csv.out.substr(csv.out.find('\n') + 1),
        "1,2024-01-10,odi,2.1a,false,,,,,,,,,not scorable: 3 of 10 sections unanswered; the ODI is scored with at "
        "most 2 unanswered\n");
}

TEST_F(OutcomesCli, ViewerCannotAddButCanList)
{
    auto env = admin();
    env["BACKSCREEN_NEW_PASSWORD"] = "viewer-password";
    ASSERT_EQ(runCli({"users", "add", "vera", "--role", "viewer"}, "", env).exitCode, 0);
    auto viewer = as("vera", "viewer-password");
    auto added = runCli({"outcomes", "add", "--client", "1", "--new-visit", "2024-01-10", "--instrument", "pgic", "-"},
                        R"({"pgic": 2})",
                        viewer);
    EXPECT_EQ(added.exitCode, 2);
    EXPECT_NE(added.err.find("user \"vera\" has the role viewer, which may not change client records"),
              std::string::npos)
        << added.err;
    EXPECT_EQ(storedScores(), "");
    auto listed = runCli({"outcomes", "list", "--client", "1"}, "", viewer);
    EXPECT_EQ(listed.exitCode, 0) << listed.err;
    EXPECT_EQ(listed.out, "");
    // The list is an audited read of the client's history.
    auto audit = runProcess(
        "sqlite3",
        {m_database, "SELECT username, action, record_type FROM audit_log WHERE record_type = 'client-history'"});
    EXPECT_EQ(audit.out, "vera|read|client-history\n");
}

TEST_F(OutcomesCli, UsageErrors)
{
    auto env = admin();
    EXPECT_EQ(runCli({"outcomes"}, "", env).exitCode, 2);
    EXPECT_EQ(runCli({"outcomes", "list"}, "", env).exitCode, 2);
    auto both =
        runCli({"outcomes", "add", "--client", "1", "--visit", "1", "--new-visit", "2024-01-01", "-"}, "{}", env);
    EXPECT_EQ(both.exitCode, 2);
    EXPECT_EQ(both.err,
              "backscreen-cli outcomes: usage: give exactly one of --visit ID and --new-visit YYYY-MM-DD; see "
              "'backscreen-cli help'\n");
    auto otherClient = runCli(
        {"outcomes", "add", "--client", "1", "--visit", "99", "--instrument", "pgic", "-"}, R"({"pgic": 2})", env);
    EXPECT_EQ(otherClient.exitCode, 2);
    EXPECT_EQ(otherClient.err, "backscreen-cli outcomes: client 1 has no visit 99; nothing was stored\n");
    EXPECT_EQ(runCli({"outcomes", "--client", "1", "--format", "xml"}, "", env).exitCode, 2);
    auto prompt = runCli({"outcomes", "add", "--client", "1", "--visit", "1", "--instrument", "pgic", "-"},
                         R"({"pgic": 2})",
                         {{"BACKSCREEN_DB", m_database}, {"BACKSCREEN_USER", "admin"}, {"BACKSCREEN_PASSWORD", ""}});
    EXPECT_EQ(prompt.exitCode, 2);
    EXPECT_EQ(prompt.err,
              "backscreen-cli outcomes: usage: with FILE - the answers come from standard input, so the login must "
              "come from BACKSCREEN_USER and BACKSCREEN_PASSWORD\n");
    EXPECT_EQ(storedScores(), "");
}
