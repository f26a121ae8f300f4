#include "support/PdfInspect.h"
#include "support/ProcessRunner.h"

#include "core/json/JsonReader.h"
#include "core/json/JsonWriter.h"
#include "core/program/Program.h"
#include "core/screening/ScreeningEngine.h"
#include "db/ClinicService.h"
#include "db/Database.h"
#include "db/DatabaseLocation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <unistd.h>

using namespace backscreen;
using backscreen::core::JsonReader;
using backscreen::core::JsonValue;
using backscreen::core::JsonWriter;
using backscreen::tests::pdfText;
using backscreen::tests::runCli;
using backscreen::tests::runProcess;

// The stored-program commands and `handout --client`/`handout --from` run as the real process on a fresh
// SQLite file per test. Screenings and clearances are stored directly through db::ClinicService and the
// screening engine, in the form the app and `screen --client` store them, so these tests depend only on db.

namespace {

const core::ScreeningEngine& engine()
{
    static const std::shared_ptr<const core::ScreeningEngine> loaded =
        core::ScreeningEngine::load(BACKSCREEN_FORMS_DIR).engine;
    return *loaded;
}

JsonValue parse(const std::string& text)
{
    auto read = JsonReader::parse(text, "output");
    if (!read.ok()) {
        ADD_FAILURE() << "not JSON: " << text;
        return {};
    }
    return *read.value;
}

JsonValue vignetteAnswers(const std::string& name)
{
    auto read = JsonReader::parseFile(std::string(BACKSCREEN_TEST_DATA_DIR) + "/vignettes/" + name + ".json");
    if (!read.ok()) {
        ADD_FAILURE() << "cannot read vignette " << name;
        return JsonValue(JsonValue::Object{});
    }
    return *read.value->find("answers");
}

class ProgramsCli : public testing::Test
{
protected:
    void SetUp() override
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "backscreen-programs-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        m_directory = pattern;
        m_database = (m_directory / "clinic.sqlite").string();
        auto init = runCli({"init", "--display-name", "Sam Therapist"}, "", env());
        ASSERT_EQ(init.exitCode, 0) << init.err;
        m_db = db::Database::open(db::DatabaseLocation::resolve(m_database));
        m_service = std::make_unique<db::ClinicService>(*m_db);
        m_service->login("admin", "admin-password");
        db::ClientRecord client;
        client.familyName = "Example";
        client.givenName = "Alex";
        client.birthDate = "1990-04-12";
        m_clientId = m_service->addClient(client).id;
    }

    void TearDown() override
    {
        m_service.reset();
        m_db.reset();
        std::filesystem::remove_all(m_directory);
    }

    std::map<std::string, std::string> env() const
    {
        return {{"BACKSCREEN_DB", m_database}, {"BACKSCREEN_USER", "admin"}, {"BACKSCREEN_PASSWORD", "admin-password"}};
    }

    std::string client() const { return std::to_string(m_clientId); }

    db::RecordId addVisit(const std::string& date)
    {
        db::VisitRecord visit;
        visit.clientId = m_clientId;
        visit.visitDate = date;
        visit.kind = "initial";
        return m_service->addVisit(visit).id;
    }

    /// Screens `answers` and stores the result at `visitId` as the app does; returns the screening id.
    db::RecordId storeScreening(db::RecordId visitId, const JsonValue& answers)
    {
        const core::ScreeningResult result = engine().screen(answers);
        JsonValue::Object versions;
        for (const core::RulesetStamp& stamp : result.rulesets) {
            versions.emplace_back(stamp.id, JsonValue(stamp.version));
        }
        db::ScreeningRecord record;
        record.visitId = visitId;
        record.triage = std::string(core::triageName(result.triage));
        record.programBlocked = result.programBlocked;
        record.rulesetVersions = JsonWriter::write(JsonValue(std::move(versions)));
        record.resultJson = JsonWriter::write(result.toJson());
        record.answersJson = JsonWriter::write(result.answers);
        return m_service->saveScreening(record).id;
    }

    /// Records a clinician's clearance of `ruleId` on a stored screening, as the app does.
    void storeClearance(db::RecordId screeningId, const std::string& ruleId, const JsonValue& answers)
    {
        std::vector<core::Diagnostic> diagnostics;
        auto clearance = engine().createClearance(ruleId,
                                                  "Sam Therapist",
                                                  "2026-11-24T10:30:00Z",
                                                  core::ClearanceReason::SpecialistManaging,
                                                  "rheumatology reviewed, no inflammatory disease",
                                                  answers,
                                                  diagnostics);
        ASSERT_TRUE(clearance.has_value());
        db::OverrideRecord entry;
        entry.screeningResultId = screeningId;
        entry.ruleId = ruleId;
        entry.kind = "clearance";
        entry.reasonCode = std::string(core::clearanceReasonName(clearance->reason));
        entry.reasonText = clearance->note;
        entry.inputSnapshotJson = JsonWriter::write(clearance->inputs);
        m_service->saveOverride(entry);
    }

    std::string writeFile(const std::string& name, const std::string& text)
    {
        const std::string path = (m_directory / name).string();
        std::ofstream(path) << text;
        return path;
    }

    core::Program shown(const std::string& version = {})
    {
        std::vector<std::string> arguments = {"programs", "show", "--client", client(), "--format", "json"};
        if (!version.empty()) {
            arguments.insert(arguments.end(), {"--version", version});
        }
        auto result = runCli(arguments, "", env());
        EXPECT_EQ(result.exitCode, 0) << result.err;
        return core::Program::fromJson(parse(result.out), "show");
    }

    std::filesystem::path m_directory;
    std::string m_database;
    std::unique_ptr<db::Database> m_db;
    std::unique_ptr<db::ClinicService> m_service;
    db::RecordId m_clientId = 0;
};

std::vector<std::string> ids(const core::Program& program)
{
    std::vector<std::string> result;
    for (const auto& exercise : program.exercises) {
        result.push_back(exercise.exerciseId);
    }
    return result;
}

} // namespace

TEST_F(ProgramsCli, StoredScreeningIsGeneratedEditedSavedAsNewVersionAndPrinted)
{
    const db::RecordId visit = addVisit("2026-11-24");
    storeScreening(visit, vignetteAnswers("v11-flexion-lower-crossed"));

    auto generated = runCli({"programs", "generate", "--client", client()}, "", env());
    ASSERT_EQ(generated.exitCode, 0) << generated.err;
    EXPECT_EQ(generated.out,
              "generated home program 1 version 1 for client " + client() + ": 6 exercises (visit "
                  + std::to_string(visit) + ")\n");
    const core::Program first = shown();
    EXPECT_EQ(first.version, 1);
    EXPECT_EQ(ids(first),
              (std::vector<std::string>{"EX-LM-01", "EX-CO-01", "EX-GL-01", "EX-HF-01", "EX-HS-01", "EX-GM-01"}));
    const std::size_t bridge = first.indexOf("EX-GL-01");
    ASSERT_LT(bridge, first.exercises.size());
    ASSERT_TRUE(first.exercises[bridge].dosage.repetitions.has_value());
    EXPECT_NE(first.exercises[bridge].dosage.repetitions->low, 14);

    auto edited = runCli({"programs",
                          "edit",
                          "--client",
                          client(),
                          "--expected-version",
                          "1",
                          "--set-dosage",
                          "EX-GL-01:repetitions=14",
                          "--set-dosage",
                          "EX-GL-01:daysPerWeek=3",
                          "--note",
                          "EX-GL-01:Squeeze your seat muscles before you lift",
                          "--move",
                          "EX-GL-01:1",
                          "--remove",
                          "EX-HF-01"},
                         "",
                         env());
    ASSERT_EQ(edited.exitCode, 0) << edited.err;
    EXPECT_EQ(edited.out, "saved home program 1 version 2 for client " + client() + " (5 edits to version 1)\n");

    const core::Program second = shown();
    EXPECT_EQ(second.version, 2);
    EXPECT_EQ(ids(second), (std::vector<std::string>{"EX-GL-01", "EX-LM-01", "EX-CO-01", "EX-HS-01", "EX-GM-01"}));
    EXPECT_EQ(second.exercises[0].dosage.repetitions, core::DosageRange::single(14));
    EXPECT_EQ(second.exercises[0].dosage.daysPerWeek, core::DosageRange::single(3));
    EXPECT_EQ(second.exercises[0].note, "Squeeze your seat muscles before you lift");
    EXPECT_EQ(shown("1"), first);

    auto list = runCli({"programs", "list", "--client", client()}, "", env());
    ASSERT_EQ(list.exitCode, 0) << list.err;
    ASSERT_EQ(std::count(list.out.begin(), list.out.end(), '\n'), 2) << list.out;
    EXPECT_EQ(list.out.rfind("program 1 version 1\t", 0), 0u) << list.out;
    EXPECT_NE(list.out.find("\nprogram 1 version 2\t"), std::string::npos) << list.out;
    EXPECT_NE(list.out.find("\tvisit " + std::to_string(visit) + "\t5 exercises\n"), std::string::npos) << list.out;

    const std::string pdf = (m_directory / "handout.pdf").string();
    auto printed = runCli(
        {"handout", "--client", client(), "--out", pdf, "--clinic", "Riverside Physiotherapy", "--date", "2026-11-24"},
        "",
        env());
    ASSERT_EQ(printed.exitCode, 0) << printed.err;
    EXPECT_EQ(printed.out.rfind(pdf + ": 5 exercises on ", 0), 0u) << printed.out;
    const std::string text = pdfText(pdf);
    const std::string newDose = core::dosageInWords(second.exercises[0].dosage);
    EXPECT_NE(newDose.find("14 repetitions"), std::string::npos) << newDose;
    EXPECT_NE(text.find(newDose), std::string::npos) << newDose << "\n" << text;
    EXPECT_NE(text.find("Squeeze your seat muscles before you lift"), std::string::npos);
    EXPECT_NE(text.find("Alex Example"), std::string::npos);
    EXPECT_NE(text.find("Sam Therapist"), std::string::npos);
    EXPECT_NE(text.find("Version 2"), std::string::npos);

    const std::string old = (m_directory / "version-1.pdf").string();
    auto printedOld = runCli({"handout", "--client", client(), "--program-version", "1", "--out", old}, "", env());
    ASSERT_EQ(printedOld.exitCode, 0) << printedOld.err;
    const std::string oldText = pdfText(old);
    EXPECT_NE(oldText.find("Version 1"), std::string::npos);
    EXPECT_NE(oldText.find(core::dosageInWords(first.exercises[bridge].dosage)), std::string::npos);
    EXPECT_EQ(oldText.find("Squeeze your seat muscles"), std::string::npos);
}

TEST_F(ProgramsCli, StaleExpectedVersionIsRefusedAndNothingIsSaved)
{
    storeScreening(addVisit("2026-11-24"), vignetteAnswers("v11-flexion-lower-crossed"));
    ASSERT_EQ(runCli({"programs", "generate", "--client", client()}, "", env()).exitCode, 0);
    auto firstEdit =
        runCli({"programs", "edit", "--client", client(), "--expected-version", "1", "--note", "EX-CO-01:Breathe out"},
               "",
               env());
    ASSERT_EQ(firstEdit.exitCode, 0) << firstEdit.err;

    // A second workstation still holds version 1.
    auto stale = runCli(
        {"programs", "edit", "--client", client(), "--expected-version", "1", "--remove", "EX-CO-01"}, "", env());
    EXPECT_EQ(stale.exitCode, 1);
    EXPECT_EQ(stale.out, "");
    EXPECT_NE(stale.err.find("backscreen-cli programs edit: "), std::string::npos) << stale.err;
    EXPECT_NE(stale.err.find("you edited version 1 but the database holds version 2"), std::string::npos) << stale.err;
    const core::Program current = shown();
    EXPECT_EQ(current.version, 2);
    EXPECT_TRUE(current.contains("EX-CO-01"));
    auto list = runCli({"programs", "list", "--client", client(), "--format", "json"}, "", env());
    EXPECT_EQ(parse(list.out).size(), 2u);
}

TEST_F(ProgramsCli, BlockedScreeningIsRefusedUntilTheRuleIsCleared)
{
    const JsonValue answers = vignetteAnswers("v05-axial-spondyloarthritis");
    const db::RecordId screening = storeScreening(addVisit("2026-11-24"), answers);
    auto refused = runCli({"programs", "generate", "--client", client()}, "", env());
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_EQ(refused.err,
              "backscreen-cli programs generate: client " + client()
                  + ": no home program: triage is SOON (RF-AXS-01); SOON: red flag RF-AXS-01; expected medical "
                    "clearance to be documented first (exercises.md G1)\n");
    auto none = runCli({"programs", "list", "--client", client()}, "", env());
    EXPECT_EQ(none.exitCode, 0) << none.err;
    EXPECT_EQ(none.out, "");

    storeClearance(screening, "RF-AXS-01", answers);
    auto cleared = runCli({"programs", "generate", "--client", client(), "--format", "json"}, "", env());
    ASSERT_EQ(cleared.exitCode, 0) << cleared.err;
    const JsonValue saved = parse(cleared.out);
    EXPECT_EQ(saved.find("version")->asNumber(), 1);
    EXPECT_GT(saved.find("exercises")->asNumber(), 0);
}

TEST_F(ProgramsCli, GenerateUsesTheLatestScreeningOrTheNamedVisit)
{
    const db::RecordId firstVisit = addVisit("2026-11-10");
    storeScreening(firstVisit, vignetteAnswers("v15-incomplete-intake"));
    const db::RecordId secondVisit = addVisit("2026-11-24");
    storeScreening(secondVisit, vignetteAnswers("v10-radiculopathy"));

    auto atFirst =
        runCli({"programs", "generate", "--client", client(), "--visit", std::to_string(firstVisit)}, "", env());
    EXPECT_EQ(atFirst.exitCode, 1);
    EXPECT_NE(atFirst.err.find("triage is INCOMPLETE; unanswered: bladder_new_dysfunction, bowel_new_dysfunction"),
              std::string::npos)
        << atFirst.err;

    auto latest = runCli({"programs", "generate", "--client", client()}, "", env());
    ASSERT_EQ(latest.exitCode, 0) << latest.err;
    const core::Program program = shown();
    EXPECT_EQ(ids(program), (std::vector<std::string>{"EX-LM-01", "EX-HF-01", "EX-GM-01", "EX-LM-02"}));
    EXPECT_FALSE(program.furtherAssessment.empty());

    // Generating again adds the next version of the same program.
    auto again =
        runCli({"programs", "generate", "--client", client(), "--visit", std::to_string(secondVisit)}, "", env());
    ASSERT_EQ(again.exitCode, 0) << again.err;
    EXPECT_EQ(again.out.rfind("generated home program 1 version 2 for client " + client(), 0), 0u) << again.out;

    auto noVisit = runCli({"programs", "generate", "--client", client(), "--visit", "99"}, "", env());
    EXPECT_EQ(noVisit.exitCode, 2);
    EXPECT_NE(noVisit.err.find("client " + client() + ": no visit 99"), std::string::npos) << noVisit.err;
}

TEST_F(ProgramsCli, AddedExerciseFollowsTheScreeningsModifications)
{
    storeScreening(addVisit("2026-11-24"), vignetteAnswers("v10-radiculopathy"));
    ASSERT_EQ(runCli({"programs", "generate", "--client", client()}, "", env()).exitCode, 0);
    auto added =
        runCli({"programs", "edit", "--client", client(), "--expected-version", "1", "--add", "EX-HS-01"}, "", env());
    ASSERT_EQ(added.exitCode, 0) << added.err;
    const core::Program program = shown();
    ASSERT_TRUE(program.contains("EX-HS-01"));
    const auto& exercise = program.exercises[program.indexOf("EX-HS-01")];
    EXPECT_TRUE(exercise.nerveFriendly);
    ASSERT_EQ(exercise.reasons.size(), 2u);
    EXPECT_EQ(exercise.reasons[0], (core::ProgramReason{"therapist", "added by the therapist"}));
    EXPECT_EQ(exercise.reasons[1].ruleId, "PROG-11");
}

TEST_F(ProgramsCli, ShowPrintsTheProgramAsText)
{
    storeScreening(addVisit("2026-11-24"), vignetteAnswers("v11-flexion-lower-crossed"));
    ASSERT_EQ(runCli({"programs", "generate", "--client", client()}, "", env()).exitCode, 0);
    auto text = runCli({"programs", "show", "--client", client()}, "", env());
    ASSERT_EQ(text.exitCode, 0) << text.err;
    EXPECT_EQ(text.out.rfind("home program 1 version 1 for client " + client() + "\n", 0), 0u) << text.out;
    const core::Program program = shown();
    EXPECT_NE(text.out.find("\n1. EX-LM-01  "), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("   " + core::dosageInWords(program.exercises[0].dosage) + "\n"), std::string::npos)
        << text.out;
    EXPECT_NE(text.out.find("   why: " + program.exercises[0].reasons[0].ruleId + " "), std::string::npos) << text.out;
}

TEST_F(ProgramsCli, RejectedEditsAndMissingRecordsSaveNothing)
{
    auto noScreening = runCli({"programs", "generate", "--client", client()}, "", env());
    EXPECT_EQ(noScreening.exitCode, 2);
    EXPECT_EQ(noScreening.err,
              "backscreen-cli programs: client " + client()
                  + ": no stored screening; expected the intake to be screened and stored first\n");
    auto noProgram = runCli({"programs", "show", "--client", client()}, "", env());
    EXPECT_EQ(noProgram.exitCode, 2);
    EXPECT_NE(noProgram.err.find("client " + client() + ": no home program"), std::string::npos) << noProgram.err;

    storeScreening(addVisit("2026-11-24"), vignetteAnswers("v11-flexion-lower-crossed"));
    ASSERT_EQ(runCli({"programs", "generate", "--client", client()}, "", env()).exitCode, 0);
    auto notInProgram = runCli({"programs",
                                "edit",
                                "--client",
                                client(),
                                "--expected-version",
                                "1",
                                "--note",
                                "EX-CO-01:fine",
                                "--remove",
                                "EX-CO-03"},
                               "",
                               env());
    EXPECT_EQ(notInProgram.exitCode, 2);
    EXPECT_EQ(notInProgram.err, "backscreen-cli programs: program: exercise \"EX-CO-03\" is not in the program\n");
    auto badDose = runCli(
        {"programs", "edit", "--client", client(), "--expected-version", "1", "--set-dosage", "EX-CO-01:holds=lots"},
        "",
        env());
    EXPECT_EQ(badDose.exitCode, 2);
    EXPECT_NE(badDose.err.find("program at /exercises/1/dosage/holds: expected a whole number"), std::string::npos)
        << badDose.err;
    auto noVersion = runCli({"programs", "edit", "--client", client(), "--remove", "EX-CO-01"}, "", env());
    EXPECT_EQ(noVersion.exitCode, 2);
    EXPECT_NE(noVersion.err.find("missing --expected-version N"), std::string::npos) << noVersion.err;
    auto noSuchVersion = runCli({"programs", "show", "--client", client(), "--version", "5"}, "", env());
    EXPECT_EQ(noSuchVersion.exitCode, 2);
    EXPECT_NE(noSuchVersion.err.find("has no version 5; expected 1 to 1"), std::string::npos) << noSuchVersion.err;
    auto list = runCli({"programs", "list", "--client", client(), "--format", "json"}, "", env());
    EXPECT_EQ(parse(list.out).size(), 1u);
}

TEST_F(ProgramsCli, HandoutFromAFlatAnswersFileScreensGeneratesAndRenders)
{
    const std::string answers =
        writeFile("answers.json", JsonWriter::write(vignetteAnswers("v11-flexion-lower-crossed")));
    const std::string pdf = (m_directory / "answers.pdf").string();
    auto result = runCli({"handout", "--from", answers, "--out", pdf, "--client-name", "Alex Example"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out.rfind(pdf + ": 6 exercises on ", 0), 0u) << result.out;
    const std::string text = pdfText(pdf);
    EXPECT_NE(text.find("Alex Example"), std::string::npos);
    EXPECT_NE(text.find("Glute bridge"), std::string::npos) << text;
}

TEST_F(ProgramsCli, HandoutFromAQuestionnaireResponseScreensGeneratesAndRenders)
{
    const std::string pdf = (m_directory / "response.pdf").string();
    auto result =
        runCli({"handout", "--from", std::string(BACKSCREEN_FORMS_DIR) + "/examples/lower-crossed.json", "--out", pdf});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_TRUE(std::filesystem::is_regular_file(pdf));
    auto info = runProcess("/usr/bin/pdfinfo", {pdf});
    EXPECT_EQ(info.exitCode, 0) << info.err;
}

TEST_F(ProgramsCli, HandoutFromARedFlagIntakeIsRefusedWithTheReason)
{
    const std::string answers = writeFile("infection.json", JsonWriter::write(vignetteAnswers("v04-spinal-infection")));
    const std::string pdf = (m_directory / "refused.pdf").string();
    auto result = runCli({"handout", "--from", answers, "--out", pdf});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_EQ(result.out, "");
    EXPECT_EQ(result.err,
              "backscreen-cli handout: no home program: triage is EMERGENCY (RF-INF-01, RF-INF-02, RF-INF-03); "
              "EMERGENCY: red flag RF-INF-01; expected medical clearance to be documented first (exercises.md G1)\n");
    EXPECT_FALSE(std::filesystem::exists(pdf));

    auto response =
        runCli({"handout", "--from", std::string(BACKSCREEN_FORMS_DIR) + "/examples/cauda-equina.json", "--out", pdf});
    EXPECT_EQ(response.exitCode, 1);
    EXPECT_NE(response.err.find("no home program: triage is EMERGENCY (RF-CES-"), std::string::npos) << response.err;
    EXPECT_FALSE(std::filesystem::exists(pdf));

    const std::string incomplete =
        writeFile("incomplete.json", JsonWriter::write(vignetteAnswers("v27-known-aaa-question-skipped")));
    auto missing = runCli({"handout", "--from", incomplete, "--out", pdf});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_EQ(missing.err,
              "backscreen-cli handout: no home program: triage is INCOMPLETE; unanswered: pain_new_or_different; "
              "INCOMPLETE: unanswered red-flag questions pain_new_or_different; expected the red-flag screen to be "
              "completed first (exercises.md G1)\n");
    EXPECT_FALSE(std::filesystem::exists(pdf));
}

TEST_F(ProgramsCli, HandoutFromInvalidAnswersIsBadInput)
{
    const std::string answers = writeFile("bad.json", R"({"age_years": 15, "no_such_item": true})");
    const std::string pdf = (m_directory / "bad.pdf").string();
    auto result = runCli({"handout", "--from", answers, "--out", pdf});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("backscreen-cli handout: invalid input: " + answers + ": item \"age_years\""),
              std::string::npos)
        << result.err;
    EXPECT_NE(result.err.find("item \"no_such_item\""), std::string::npos) << result.err;
    const std::string other = writeFile("patient.json", R"({"resourceType": "Patient"})");
    auto notAResponse = runCli({"handout", "--from", other, "--out", pdf});
    EXPECT_EQ(notAResponse.exitCode, 2);
    EXPECT_EQ(notAResponse.err,
              "backscreen-cli handout: invalid input: " + other
                  + ": resourceType is not QuestionnaireResponse; expected a QuestionnaireResponse or a flat answers "
                    "object\n");
    EXPECT_FALSE(std::filesystem::exists(pdf));
}

TEST_F(ProgramsCli, HandoutClientOptionsAreCheckedBeforeAnythingIsRead)
{
    const std::string pdf = (m_directory / "x.pdf").string();
    auto both = runCli({"handout", "--client", client(), "--program", "p.json", "--out", pdf}, "", env());
    EXPECT_EQ(both.exitCode, 2);
    EXPECT_NE(both.err.find("expected exactly one of --from, --program and --client"), std::string::npos) << both.err;
    auto name = runCli({"handout", "--client", client(), "--client-name", "X", "--out", pdf}, "", env());
    EXPECT_EQ(name.exitCode, 2);
    EXPECT_NE(name.err.find("--client-name does not go with --client"), std::string::npos) << name.err;
    auto version = runCli({"handout", "--from", "a.json", "--program-version", "2", "--out", pdf}, "", env());
    EXPECT_EQ(version.exitCode, 2);
    EXPECT_NE(version.err.find("--program-version goes with --client ID"), std::string::npos) << version.err;
    auto noProgram = runCli({"handout", "--client", client(), "--out", pdf}, "", env());
    EXPECT_EQ(noProgram.exitCode, 2);
    EXPECT_NE(noProgram.err.find("no home program"), std::string::npos) << noProgram.err;
    EXPECT_FALSE(std::filesystem::exists(pdf));
}

TEST_F(ProgramsCli, HandoutOfAStoredProgramIsRefusedAfterALaterBlockingScreening)
{
    storeScreening(addVisit("2026-11-10"), vignetteAnswers("v11-flexion-lower-crossed"));
    ASSERT_EQ(runCli({"programs", "generate", "--client", client()}, "", env()).exitCode, 0);
    const std::string pdf = (m_directory / "stored.pdf").string();
    ASSERT_EQ(runCli({"handout", "--client", client(), "--out", pdf}, "", env()).exitCode, 0);
    std::filesystem::remove(pdf);

    // The review visit finds a SOON red flag: the program printed before must not be printed again.
    const JsonValue answers = vignetteAnswers("v05-axial-spondyloarthritis");
    const db::RecordId review = addVisit("2026-11-24");
    const db::RecordId screening = storeScreening(review, answers);
    auto refused = runCli({"handout", "--client", client(), "--out", pdf}, "", env());
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_EQ(refused.out, "");
    EXPECT_EQ(refused.err,
              "backscreen-cli handout: client " + client() + ": not printed: the latest screening (screening "
                  + std::to_string(screening)
                  + ", 2026-11-24) blocks the home program: SOON: red flag RF-AXS-01; expected the red flag "
                    "cleared or the red-flag screen completed first (exercises.md G1)\n");
    EXPECT_FALSE(std::filesystem::exists(pdf));
    auto older = runCli({"handout", "--client", client(), "--program-version", "1", "--out", pdf}, "", env());
    EXPECT_EQ(older.exitCode, 1) << older.err;
    EXPECT_FALSE(std::filesystem::exists(pdf));

    // Once the red flag is cleared the stored program prints again.
    storeClearance(screening, "RF-AXS-01", answers);
    auto cleared = runCli({"handout", "--client", client(), "--out", pdf}, "", env());
    EXPECT_EQ(cleared.exitCode, 0) << cleared.err;
    EXPECT_TRUE(std::filesystem::is_regular_file(pdf));
}

TEST_F(ProgramsCli, HandoutOfAStoredProgramIsRefusedAfterAnIncompleteScreening)
{
    storeScreening(addVisit("2026-11-10"), vignetteAnswers("v11-flexion-lower-crossed"));
    ASSERT_EQ(runCli({"programs", "generate", "--client", client()}, "", env()).exitCode, 0);
    storeScreening(addVisit("2026-11-24"), vignetteAnswers("v15-incomplete-intake"));
    const std::string pdf = (m_directory / "incomplete.pdf").string();
    auto refused = runCli({"handout", "--client", client(), "--out", pdf}, "", env());
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.err.find(") blocks the home program: INCOMPLETE: unanswered red-flag questions"),
              std::string::npos)
        << refused.err;
    EXPECT_FALSE(std::filesystem::exists(pdf));
}
