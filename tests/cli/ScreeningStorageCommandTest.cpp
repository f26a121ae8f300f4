#include "support/ProcessRunner.h"

#include "core/json/JsonReader.h"
#include "core/json/JsonWriter.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <unistd.h>

using backscreen::core::JsonReader;
using backscreen::core::JsonValue;
using backscreen::core::JsonWriter;
using backscreen::tests::ProcessResult;
using backscreen::tests::runCli;
using backscreen::tests::runProcess;

namespace {

JsonValue parseOutput(const std::string& text)
{
    auto read = JsonReader::parse(text, "stdout");
    if (!read.ok()) {
        ADD_FAILURE() << "not JSON: " << text;
        return JsonValue(JsonValue::Object{});
    }
    return *read.value;
}

std::string readText(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// The vignette's answers object, with `changes` set on top.
JsonValue vignetteAnswers(const std::string& name, const JsonValue::Object& changes = {})
{
    auto read = JsonReader::parseFile(std::filesystem::path(BACKSCREEN_TEST_DATA_DIR) / "vignettes" / (name + ".json"));
    EXPECT_TRUE(read.ok()) << name;
    JsonValue::Object answers = read.value->find("answers")->asObject();
    for (const auto& change : changes) {
        bool replaced = false;
        for (auto& member : answers) {
            if (member.first == change.first) {
                member.second = change.second;
                replaced = true;
            }
        }
        EXPECT_TRUE(replaced) << change.first;
    }
    return JsonValue(answers);
}

std::string example(const std::string& name)
{
    return (std::filesystem::path(BACKSCREEN_FORMS_DIR) / "examples" / name).string();
}

/// The "id" member of a JSON file.
std::string readJsonId(const std::string& file)
{
    auto read = JsonReader::parseFile(file);
    EXPECT_TRUE(read.ok()) << file;
    return read.ok() && read.value->find("id") != nullptr ? read.value->find("id")->asString() : std::string();
}

/// One finding of a screen JSON output by rule id (an empty object when absent).
JsonValue findingOf(const JsonValue& result, const std::string& ruleId)
{
    for (const JsonValue& finding : result.find("findings")->asArray()) {
        if (*finding.find("ruleId") == JsonValue(ruleId)) {
            return finding;
        }
    }
    return JsonValue(JsonValue::Object{});
}

/// A temp directory with the test's own SQLite file, an administrator made by `init`, a therapist, a
/// viewer and one client (id 1).
class ScreeningStorageCli : public testing::Test
{
protected:
    void SetUp() override
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "backscreen-screening-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        m_directory = pattern;
        m_database = (m_directory / "clinic.sqlite").string();
        auto init = runCli({"init"}, "", as("admin", "admin-password"));
        ASSERT_EQ(init.exitCode, 0) << init.err;
        for (const char* role : {"therapist", "viewer"}) {
            auto env = as("admin", "admin-password");
            env["BACKSCREEN_NEW_PASSWORD"] = std::string(role) + "-password";
            auto added = runCli({"users", "add", role, "--role", role}, "", env);
            ASSERT_EQ(added.exitCode, 0) << added.err;
        }
        auto client =
            runCli({"clients", "add", "--family-name", "Okafor", "--given-name", "Ben", "--birth-date", "1997-03-02"},
                   "",
                   as("therapist", "therapist-password"));
        ASSERT_EQ(client.exitCode, 0) << client.err;
        ASSERT_EQ(client.out, "added client 1: Okafor, Ben\n");
    }

    void TearDown() override { std::filesystem::remove_all(m_directory); }

    std::map<std::string, std::string> as(const std::string& user, const std::string& password) const
    {
        return {{"BACKSCREEN_DB", m_database}, {"BACKSCREEN_USER", user}, {"BACKSCREEN_PASSWORD", password}};
    }

    std::map<std::string, std::string> therapist() const { return as("therapist", "therapist-password"); }

    std::string write(const std::string& name, const JsonValue& value) const
    {
        const std::filesystem::path file = m_directory / name;
        std::ofstream(file) << JsonWriter::write(value);
        return file.string();
    }

    /// The sqlite3 shell's answer to `sql` on the test's database.
    std::string sql(const std::string& statement) const
    {
        ProcessResult result = runProcess("sqlite3", {m_database, statement});
        EXPECT_EQ(result.exitCode, 0) << result.err;
        return result.out;
    }

    std::filesystem::path m_directory;
    std::string m_database;
};

} // namespace

TEST_F(ScreeningStorageCli, SoonClearanceUnblocksUntilAnInputOfItsRuleChanges)
{
    const std::string first = write("axspa.json", vignetteAnswers("v05-axial-spondyloarthritis"));

    // Visit 1: NG65 criteria met, SOON, the program is blocked; response and result are stored.
    auto screened =
        runCli({"screen", first, "--client", "1", "--new-visit", "2026-11-01", "--format", "json"}, "", therapist());
    EXPECT_EQ(screened.exitCode, 4) << screened.err;
    EXPECT_EQ(screened.err, "stored screening 1 and questionnaire response 1 at visit 1 (2026-11-01) of client 1\n");
    JsonValue result = parseOutput(screened.out);
    EXPECT_EQ(*result.find("triage"), JsonValue("SOON"));
    EXPECT_EQ(*result.find("programBlocked"), JsonValue(true));
    EXPECT_EQ(sql("SELECT triage, program_blocked, ruleset_versions FROM screening_results;"),
              "SOON|1|{\"redflags\":\"2.0.0\",\"sij_radicular\":\"2.0.0\",\"lcs\":\"2.0.0\"}\n");

    // The rheumatologist has it in hand: the therapist clears RF-AXS-01.
    auto cleared = runCli({"clearances",
                           "add",
                           "--client",
                           "1",
                           "--rule",
                           "RF-AXS-01",
                           "--reason",
                           "specialist_managing",
                           "--note",
                           "seen in rheumatology clinic"},
                          "",
                          therapist());
    EXPECT_EQ(cleared.exitCode, 0) << cleared.err;
    EXPECT_EQ(cleared.out.rfind("cleared RF-AXS-01 for client 1 (screening 1) by therapist at 20", 0), 0u)
        << cleared.out;
    EXPECT_NE(cleared.out.find(", reason specialist_managing: seen in rheumatology clinic\n"), std::string::npos);

    // Visit 2, same answers: the finding is shown cleared, the triage drops and the program is free.
    auto again =
        runCli({"screen", first, "--client", "1", "--new-visit", "2026-11-08", "--format", "json"}, "", therapist());
    result = parseOutput(again.out);
    EXPECT_EQ(*result.find("triage"), JsonValue("NONE")) << again.out;
    EXPECT_EQ(*result.find("programBlocked"), JsonValue(false));
    EXPECT_EQ(*findingOf(result, "RF-AXS-01").find("cleared"), JsonValue(true));
    const JsonValue& applied = result.find("clearances")->asArray().at(0);
    EXPECT_EQ(*applied.find("status"), JsonValue("active"));
    EXPECT_EQ(*applied.find("clearance")->find("clearedBy"), JsonValue("therapist"));
    EXPECT_EQ(*applied.find("clearance")->find("reason"), JsonValue("specialist_managing"));
    EXPECT_EQ(*applied.find("clearance")->find("inputs")->find("spa_psoriasis"), JsonValue(false));
    EXPECT_NE(again.exitCode, 4);
    auto text = runCli({"screen", first, "--client", "1", "--visit", "2"}, "", therapist());
    EXPECT_NE(text.out.find("Home program: not blocked\n"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("CLEARED by therapist at 20"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("  RF-AXS-01  active  by therapist at "), std::string::npos) << text.out;
    auto listed = runCli({"clearances", "list", "--client", "1"}, "", therapist());
    EXPECT_EQ(listed.exitCode, 0) << listed.err;
    EXPECT_EQ(listed.out.rfind("1\tRF-AXS-01\tactive\tby therapist at 20", 0), 0u) << listed.out;

    // Visit 3: psoriasis is new (an NG65 criterion, an input of RF-AXS-01): the clearance lapses.
    const std::string changed = write(
        "axspa-psoriasis.json", vignetteAnswers("v05-axial-spondyloarthritis", {{"spa_psoriasis", JsonValue(true)}}));
    auto lapsed =
        runCli({"screen", changed, "--client", "1", "--new-visit", "2026-11-15", "--format", "json"}, "", therapist());
    EXPECT_EQ(lapsed.exitCode, 4) << lapsed.err;
    result = parseOutput(lapsed.out);
    EXPECT_EQ(*result.find("triage"), JsonValue("SOON"));
    EXPECT_EQ(*result.find("programBlocked"), JsonValue(true));
    EXPECT_EQ(*findingOf(result, "RF-AXS-01").find("cleared"), JsonValue(false));
    const JsonValue& gone = result.find("clearances")->asArray().at(0);
    EXPECT_EQ(*gone.find("status"), JsonValue("lapsed"));
    EXPECT_EQ(*gone.find("changedInputs"), JsonValue(JsonValue::Array{JsonValue("spa_psoriasis")}));
    auto lapsedText = runCli({"screenings", "show", "--client", "1"}, "", as("viewer", "viewer-password"));
    EXPECT_EQ(lapsedText.exitCode, 4) << lapsedText.err;
    EXPECT_NE(lapsedText.out.find("  RF-AXS-01  lapsed  by therapist at "), std::string::npos) << lapsedText.out;
    EXPECT_NE(lapsedText.out.find("      changed since cleared: spa_psoriasis\n"), std::string::npos);
    auto listedJson = runCli({"clearances", "list", "--client", "1", "--format", "json"}, "", therapist());
    const JsonValue list = parseOutput(listedJson.out);
    ASSERT_EQ(list.asArray().size(), 1u);
    EXPECT_EQ(*list.asArray()[0].find("status"), JsonValue("lapsed"));
    EXPECT_EQ(JsonWriter::write(*list.asArray()[0].find("screeningId")), "1");

    // Every stored screening has its response; the flat answers were stored as a FHIR response.
    EXPECT_EQ(sql("SELECT COUNT(*) FROM questionnaire_responses;"), "4\n");
    EXPECT_EQ(sql("SELECT json_extract(response_json, '$.resourceType') || ' ' || "
                  "json_extract(response_json, '$.status') FROM questionnaire_responses WHERE id = 1;"),
              "QuestionnaireResponse completed\n");
    EXPECT_EQ(sql("SELECT id, visit_id, triage, program_blocked FROM screening_results ORDER BY id;"),
              "1|1|SOON|1\n2|2|NONE|0\n3|2|NONE|0\n4|3|SOON|1\n");
    EXPECT_EQ(sql("SELECT screening_result_id, rule_id, kind, reason_code, reason_text, "
                  "json_extract(input_snapshot_json, '$.lbp_duration_months') FROM overrides;"),
              "1|RF-AXS-01|clearance|specialist_managing|seen in rheumatology clinic|60\n");
}

TEST_F(ScreeningStorageCli, EveryReadAndWriteHasItsAuditRow)
{
    const std::string answers = write("axspa.json", vignetteAnswers("v05-axial-spondyloarthritis"));
    const std::string before = sql("SELECT COALESCE(MAX(id), 0) FROM audit_log;");
    auto screened = runCli({"screen", answers, "--client", "1", "--new-visit", "2026-11-01"}, "", therapist());
    EXPECT_EQ(screened.exitCode, 4) << screened.err;
    auto cleared = runCli(
        {"clearances", "add", "--client", "1", "--rule", "RF-AXS-01", "--reason", "imaging_normal"}, "", therapist());
    EXPECT_EQ(cleared.exitCode, 0) << cleared.err;
    auto listed = runCli({"clearances", "list", "--client", "1"}, "", as("viewer", "viewer-password"));
    EXPECT_EQ(listed.exitCode, 0) << listed.err;
    auto shown = runCli({"screenings", "show", "--client", "1"}, "", as("viewer", "viewer-password"));
    EXPECT_EQ(shown.exitCode, 4) << shown.err;
    EXPECT_EQ(sql("SELECT username, action, record_type, COALESCE(record_id, ''), COALESCE(client_id, '') "
                  "FROM audit_log WHERE id > "
                  + before.substr(0, before.size() - 1) + " ORDER BY id;"),
              "therapist|login|user|2|\n"
              "therapist|read|client-history|1|1\n"
              "therapist|create|visit|1|1\n"
              "therapist|create|questionnaire-response|1|1\n"
              "therapist|create|screening|1|1\n"
              "therapist|login|user|2|\n"
              "therapist|read|client-history|1|1\n"
              "therapist|create|override|1|1\n"
              "viewer|login|user|3|\n"
              "viewer|read|client-history|1|1\n"
              "viewer|login|user|3|\n"
              "viewer|read|client-history|1|1\n");
}

TEST_F(ScreeningStorageCli, EmergencyRedFlagsCannotBeCleared)
{
    // A QuestionnaireResponse this time: stored as given.
    auto screened = runCli({"screen", example("cauda-equina.json"), "--client", "1"}, "", therapist());
    EXPECT_EQ(screened.exitCode, 4) << screened.err;
    auto refused = runCli(
        {"clearances", "add", "--client", "1", "--rule", "RF-CES-01", "--reason", "imaging_normal"}, "", therapist());
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_EQ(refused.err.rfind("backscreen-cli clearances add: refused: RF-CES-01 is an EMERGENCY red flag: it "
                                "cannot be cleared in Backscreen; ",
                                0),
              0u)
        << refused.err;
    EXPECT_EQ(refused.out, "");
    EXPECT_EQ(sql("SELECT COUNT(*) FROM overrides;"), "0\n");
    EXPECT_EQ(sql("SELECT json_extract(response_json, '$.id') FROM questionnaire_responses;"),
              readJsonId(example("cauda-equina.json")) + "\n");
}

TEST_F(ScreeningStorageCli, OnlyAFiredRuleOfADecidedScreeningCanBeCleared)
{
    auto none = runCli(
        {"clearances", "add", "--client", "1", "--rule", "RF-AXS-01", "--reason", "imaging_normal"}, "", therapist());
    EXPECT_EQ(none.exitCode, 1);
    EXPECT_EQ(none.err,
              "backscreen-cli clearances add: refused: client 1 has no stored screening; screen first with "
              "'backscreen-cli screen FILE --client 1'\n");

    auto screened = runCli({"screen", example("incomplete-red-flags.json"), "--client", "1"}, "", therapist());
    EXPECT_EQ(screened.exitCode, 3) << screened.err;
    auto undecided = runCli(
        {"clearances", "add", "--client", "1", "--rule", "RF-CES-03", "--reason", "imaging_normal"}, "", therapist());
    EXPECT_EQ(undecided.exitCode, 1);
    EXPECT_EQ(undecided.err,
              "backscreen-cli clearances add: refused: RF-CES-03 could not be decided in the latest screening (1, "
              "triage INCOMPLETE): its questions are unanswered, and an INCOMPLETE screening cannot be cleared; "
              "answer the missing questions and screen again\n");
    auto notFired = runCli(
        {"clearances", "add", "--client", "1", "--rule", "RF-AXS-01", "--reason", "imaging_normal"}, "", therapist());
    EXPECT_EQ(notFired.exitCode, 1);
    EXPECT_EQ(notFired.err,
              "backscreen-cli clearances add: refused: RF-AXS-01 did not fire in the latest screening (1, triage "
              "INCOMPLETE); only a fired SOON or URGENT red flag can be cleared\n");
    auto other =
        runCli({"clearances", "add", "--client", "1", "--rule", "RF-AXS-01", "--reason", "other"}, "", therapist());
    EXPECT_EQ(other.exitCode, 2);
    EXPECT_EQ(other.err, "backscreen-cli clearances: usage: --reason other needs --note TEXT saying why\n");
    EXPECT_EQ(sql("SELECT COUNT(*) FROM overrides;"), "0\n");
}

TEST_F(ScreeningStorageCli, ViewersListClearancesButCannotAddThem)
{
    const std::string answers = write("axspa.json", vignetteAnswers("v05-axial-spondyloarthritis"));
    auto viewerScreen = runCli({"screen", answers, "--client", "1"}, "", as("viewer", "viewer-password"));
    EXPECT_EQ(viewerScreen.exitCode, 2);
    EXPECT_NE(viewerScreen.err.find("user \"viewer\" has the role viewer, which may not change client records"),
              std::string::npos)
        << viewerScreen.err;
    EXPECT_EQ(sql("SELECT COUNT(*) FROM screening_results;"), "0\n");
    ASSERT_EQ(runCli({"screen", answers, "--client", "1"}, "", therapist()).exitCode, 4);

    auto refused = runCli({"clearances", "add", "--client", "1", "--rule", "RF-AXS-01", "--reason", "imaging_normal"},
                          "",
                          as("viewer", "viewer-password"));
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_NE(refused.err.find("user \"viewer\" has the role viewer, which may not change client records"),
              std::string::npos)
        << refused.err;
    EXPECT_EQ(sql("SELECT COUNT(*) FROM overrides;"), "0\n");
    auto listed = runCli({"clearances", "list", "--client", "1"}, "", as("viewer", "viewer-password"));
    EXPECT_EQ(listed.exitCode, 0) << listed.err;
    EXPECT_EQ(listed.out, "no clearances for client 1\n");
}

TEST_F(ScreeningStorageCli, StoredResultShowsAgainExactlyAfterTheRulesetsChange)
{
    const std::string answers = write("axspa.json", vignetteAnswers("v05-axial-spondyloarthritis"));
    auto json = runCli({"screen", answers, "--client", "1", "--format", "json"}, "", therapist());
    ASSERT_EQ(json.exitCode, 4) << json.err;
    auto text = runCli({"screen", answers, "--client", "1", "--visit", "1"}, "", therapist());
    ASSERT_EQ(text.exitCode, 4) << text.err;

    // A later ruleset release: RF-AXS-01 renamed and made stricter, under a new version.
    const std::filesystem::path forms = m_directory / "forms";
    std::filesystem::copy(BACKSCREEN_FORMS_DIR, forms, std::filesystem::copy_options::recursive);
    std::string redflags = readText(forms / "rules" / "redflags.json");
    ASSERT_NE(redflags.find("\"version\": \"2.0.0\""), std::string::npos);
    redflags.replace(redflags.find("\"version\": \"2.0.0\""), 18, "\"version\": \"2.1.0\"");
    const std::string title = "\"title\": \"NICE NG65: 4 or more criteria\"";
    ASSERT_NE(redflags.find(title), std::string::npos);
    redflags.replace(redflags.find(title), title.size(), "\"title\": \"NICE NG65: 7 or more criteria\"");
    const std::string threshold = "{\">=\": [{\"var\": \"axs_n\"}, 4]}";
    ASSERT_NE(redflags.find(threshold), std::string::npos);
    redflags.replace(redflags.find(threshold), threshold.size(), "{\">=\": [{\"var\": \"axs_n\"}, 7]}");
    std::ofstream(forms / "rules" / "redflags.json") << redflags;
    auto env = as("viewer", "viewer-password");
    env["BACKSCREEN_FORMS_DIR"] = forms.string();

    // Screening now gives another answer...
    auto now = runCli({"screen", answers, "--format", "json"}, "", env);
    EXPECT_EQ(now.exitCode, 1) << now.err;
    EXPECT_EQ(*parseOutput(now.out).find("triage"), JsonValue("NONE"));
    // ...but the stored screenings show exactly what was shown when they were stored.
    auto shownJson = runCli({"screenings", "show", "--client", "1", "--screening", "1", "--format", "json"}, "", env);
    EXPECT_EQ(shownJson.exitCode, 4) << shownJson.err;
    EXPECT_EQ(shownJson.out, json.out);
    auto shownText = runCli({"screenings", "show", "--client", "1", "--screening", "2"}, "", env);
    EXPECT_EQ(shownText.exitCode, 4) << shownText.err;
    EXPECT_EQ(shownText.out, text.out);
    auto listed = runCli({"screenings", "list", "--client", "1"}, "", env);
    EXPECT_EQ(listed.exitCode, 0) << listed.err;
    EXPECT_NE(listed.out.find("1\tvisit 1\t"), std::string::npos) << listed.out;
    EXPECT_NE(listed.out.find("\tSOON\tprogram blocked\t{\"redflags\":\"2.0.0\""), std::string::npos) << listed.out;
}

TEST_F(ScreeningStorageCli, VisitsOfAnotherClientAreRefusedAndNothingIsStored)
{
    const std::string answers = write("axspa.json", vignetteAnswers("v05-axial-spondyloarthritis"));
    auto wrong = runCli({"screen", answers, "--client", "1", "--visit", "7"}, "", therapist());
    EXPECT_EQ(wrong.exitCode, 2);
    EXPECT_EQ(wrong.err,
              "backscreen-cli screen: visit 7 is not a visit of client 1; expected one of the client's visits (see "
              "'clients show 1') or --new-visit DATE\n");
    auto both =
        runCli({"screen", answers, "--client", "1", "--visit", "1", "--new-visit", "2026-11-01"}, "", therapist());
    EXPECT_EQ(both.exitCode, 2);
    EXPECT_EQ(both.err, "backscreen-cli screen: usage: give --visit ID or --new-visit DATE, not both\n");
    auto badDate = runCli({"screen", answers, "--client", "1", "--new-visit", "November"}, "", therapist());
    EXPECT_EQ(badDate.exitCode, 2);
    EXPECT_NE(badDate.err.find("visit date \"November\" is not a date"), std::string::npos) << badDate.err;
    auto noClient = runCli({"screen", answers, "--visit", "1"}, "", therapist());
    EXPECT_EQ(noClient.exitCode, 2);
    EXPECT_EQ(noClient.err, "backscreen-cli screen: usage: --visit, --new-visit and --db need --client ID\n");
    EXPECT_EQ(sql("SELECT (SELECT COUNT(*) FROM visits) || ' ' || (SELECT COUNT(*) FROM questionnaire_responses) "
                  "|| ' ' || (SELECT COUNT(*) FROM screening_results);"),
              "0 0 0\n");
}

TEST_F(ScreeningStorageCli, WithoutClientTheCommandTouchesNoDatabase)
{
    const std::string answers = write("axspa.json", vignetteAnswers("v05-axial-spondyloarthritis"));
    const std::string elsewhere = (m_directory / "never.sqlite").string();
    auto result = runCli({"screen", answers}, "", {{"BACKSCREEN_DB", elsewhere}, {"BACKSCREEN_USER", "nobody"}});
    EXPECT_EQ(result.exitCode, 4) << result.err;
    EXPECT_EQ(result.err, "");
    EXPECT_FALSE(std::filesystem::exists(elsewhere));
}

TEST_F(ScreeningStorageCli, ANewClearanceReplacesALapsedOneAndJsonShowsBoth)
{
    const std::string first = write("axspa.json", vignetteAnswers("v05-axial-spondyloarthritis"));
    const std::string changed = write(
        "axspa-psoriasis.json", vignetteAnswers("v05-axial-spondyloarthritis", {{"spa_psoriasis", JsonValue(true)}}));
    ASSERT_EQ(runCli({"screen", first, "--client", "1"}, "", therapist()).exitCode, 4);
    auto json = runCli({"clearances",
                        "add",
                        "--client",
                        "1",
                        "--rule",
                        "RF-AXS-01",
                        "--reason",
                        "other",
                        "--note",
                        "reviewed by GP",
                        "--format",
                        "json"},
                       "",
                       therapist());
    EXPECT_EQ(json.exitCode, 0) << json.err;
    const JsonValue added = parseOutput(json.out);
    EXPECT_EQ(JsonWriter::write(*added.find("id")), "1");
    EXPECT_EQ(JsonWriter::write(*added.find("screeningId")), "1");
    EXPECT_EQ(*added.find("clearance")->find("ruleId"), JsonValue("RF-AXS-01"));
    EXPECT_EQ(*added.find("clearance")->find("reason"), JsonValue("other"));
    EXPECT_EQ(*added.find("clearance")->find("note"), JsonValue("reviewed by GP"));
    EXPECT_EQ(*added.find("clearance")->find("clearedBy"), JsonValue("therapist"));

    // The answers change: the clearance lapses; the clinician reviews again and clears the new picture.
    ASSERT_EQ(runCli({"screen", changed, "--client", "1"}, "", therapist()).exitCode, 4);
    auto second =
        runCli({"clearances", "add", "--client", "1", "--rule", "RF-AXS-01", "--reason", "specialist_managing"},
               "",
               therapist());
    EXPECT_EQ(second.exitCode, 0) << second.err;
    EXPECT_EQ(second.out.rfind("cleared RF-AXS-01 for client 1 (screening 2) by therapist at ", 0), 0u) << second.out;
    auto again = runCli({"screen", changed, "--client", "1", "--format", "json"}, "", therapist());
    const JsonValue result = parseOutput(again.out);
    EXPECT_EQ(*result.find("triage"), JsonValue("NONE")) << again.out;
    ASSERT_EQ(result.find("clearances")->asArray().size(), 1u);
    EXPECT_EQ(*result.find("clearances")->asArray()[0].find("status"), JsonValue("active"));
    EXPECT_EQ(*result.find("clearances")->asArray()[0].find("clearance")->find("reason"),
              JsonValue("specialist_managing"));

    auto listed =
        runCli({"clearances", "list", "--client", "1", "--format", "json"}, "", as("viewer", "viewer-password"));
    const JsonValue list = parseOutput(listed.out);
    ASSERT_EQ(list.asArray().size(), 2u);
    EXPECT_EQ(*list.asArray()[0].find("status"), JsonValue("lapsed"));
    EXPECT_EQ(*list.asArray()[0].find("changedInputs"), JsonValue(JsonValue::Array{JsonValue("spa_psoriasis")}));
    EXPECT_EQ(*list.asArray()[1].find("status"), JsonValue("active"));
    EXPECT_EQ(JsonWriter::write(*list.asArray()[1].find("screeningId")), "2");
    auto screenings = runCli({"screenings", "list", "--client", "1", "--format", "json"}, "", therapist());
    const JsonValue stored = parseOutput(screenings.out);
    ASSERT_EQ(stored.asArray().size(), 3u);
    EXPECT_EQ(*stored.asArray()[2].find("triage"), JsonValue("NONE"));
    EXPECT_EQ(*stored.asArray()[2].find("programBlocked"), JsonValue(false));
}

TEST_F(ScreeningStorageCli, AnswersFromStandardInputNeedTheLoginFromTheEnvironment)
{
    const std::string answers = JsonWriter::write(vignetteAnswers("v05-axial-spondyloarthritis"));
    auto stored = runCli({"screen", "-", "--client", "1", "--new-visit", "2026-11-01"}, answers, therapist());
    EXPECT_EQ(stored.exitCode, 4) << stored.err;
    EXPECT_EQ(stored.err, "stored screening 1 and questionnaire response 1 at visit 1 (2026-11-01) of client 1\n");
    auto env = therapist();
    env["BACKSCREEN_PASSWORD"] = "";
    auto refused = runCli({"screen", "-", "--client", "1"}, answers, env);
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_EQ(refused.err,
              "backscreen-cli screen: usage: with FILE - the answers come from standard input, so the login must "
              "come from BACKSCREEN_USER and BACKSCREEN_PASSWORD\n");
    EXPECT_EQ(sql("SELECT COUNT(*) FROM screening_results;"), "1\n");
}

TEST_F(ScreeningStorageCli, ClearanceNamesTheReviewingClinicianAndDateWhenGiven)
{
    const std::string file = write("axspa.json", vignetteAnswers("v05-axial-spondyloarthritis"));
    ASSERT_EQ(runCli({"screen", file, "--client", "1", "--new-visit", "2026-11-01"}, "", therapist()).exitCode, 4);
    auto bad = runCli({"clearances",
                       "add",
                       "--client",
                       "1",
                       "--rule",
                       "RF-AXS-01",
                       "--reason",
                       "imaging_normal",
                       "--reviewer",
                       "Dr A. Jones",
                       "--reviewed-on",
                       "20 Nov"},
                      "",
                      therapist());
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_EQ(bad.err,
              "backscreen-cli clearances add: refused: review date \"20 Nov\" is not a date; expected YYYY-MM-DD\n");
    auto cleared = runCli({"clearances",
                           "add",
                           "--client",
                           "1",
                           "--rule",
                           "RF-AXS-01",
                           "--reason",
                           "imaging_normal",
                           "--note",
                           "MRI normal",
                           "--reviewer",
                           "Dr A. Jones",
                           "--reviewed-on",
                           "2026-11-20"},
                          "",
                          therapist());
    EXPECT_EQ(cleared.exitCode, 0) << cleared.err;
    EXPECT_EQ(cleared.out,
              "cleared RF-AXS-01 for client 1 (screening 1) by Dr A. Jones at 2026-11-20, reason imaging_normal: MRI "
              "normal\n");
    EXPECT_EQ(sql("SELECT reviewed_by, reviewed_on, reason_code FROM overrides;"),
              "Dr A. Jones|2026-11-20|imaging_normal\n");
    auto listed = runCli({"clearances", "list", "--client", "1"}, "", therapist());
    EXPECT_EQ(listed.out.rfind("1\tRF-AXS-01\tactive\tby Dr A. Jones at 2026-11-20, reason imaging_normal", 0), 0u)
        << listed.out;
}
