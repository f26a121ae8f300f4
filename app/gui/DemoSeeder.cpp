#include "DemoSeeder.h"

#include "HomeProgramStarter.h"
#include "StoredScreening.h"

#include "core/common/Error.h"
#include "core/fhir/FlatAnswers.h"
#include "core/json/JsonReader.h"
#include "core/json/JsonWriter.h"
#include "core/outcomes/OutcomeMeasures.h"
#include "core/outcomes/OutcomeScorer.h"
#include "core/program/Program.h"
#include "core/screening/ScreeningEngine.h"

#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <string>

namespace backscreen::app {

namespace {

// The intake Questionnaire the examples answer.
constexpr const char* intakeCanonical = "http://backscreen.local/fhir/Questionnaire/low-back-intake";
constexpr const char* intakeVersion = "1.0.0";

std::string readExample(const std::filesystem::path& directory, const std::string& name)
{
    const std::filesystem::path path = directory / name;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw Error(ErrorCode::FileUnreadable, path.string() + ": cannot read the demo example; expected a file");
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

struct DemoVisit
{
    const char* date;
    const char* kind;
    const char* notes;
    /// The example response answered at this visit, or nullptr for a visit without an intake.
    const char* example;
    /// A note added to the home program as a new version at this visit, or nullptr.
    const char* programChange = nullptr;
    /// Outcome measures completed at this visit: instrument id and flat answers (JSON), scored when stored.
    std::vector<std::pair<const char*, const char*>> outcomes = {};
};

struct DemoClient
{
    const char* familyName;
    const char* givenName;
    const char* birthDate;
    const char* contact;
    const char* notes;
    std::vector<DemoVisit> visits;
};

std::vector<DemoClient> demoClients()
{
    return {
        {"Hughes",
         "Martin",
         "1984-03-12",
         "07700 900123",
         "Warehouse supervisor. Back pain after lifting; new urinary hesitancy reported at intake.",
         {{"2026-11-20",
           "initial",
           "Same-day referral to the emergency department (suspected cauda equina).",
           "cauda-equina.json"}}},
        {"Okafor",
         "Grace",
         "1988-05-02",
         "grace.okafor@example.org",
         "Eight months postpartum; one-sided buttock pain below the belt line.",
         {{"2026-11-18",
           "initial",
           "SIJ provocation cluster positive; starting a pelvic stability program.",
           "sij-pain.json"}}},
        {"Lindqvist",
         "Anna",
         "1997-02-19",
         "07700 900456",
         "Office worker; recurrent flexion-related back pain since age 27.",
         {{"2026-10-06",
           "initial",
           "Lower-crossed pattern likely; home program started.",
           "lower-crossed.json",
           nullptr,
           {{"nprs", R"({"nprs_back": 6, "nprs_leg": 1})"},
            {"odi",
             R"({"odi_s01": 2, "odi_s02": 1, "odi_s03": 3, "odi_s04": 1, "odi_s05": 3, "odi_s06": 2, )"
             R"("odi_s07": 1, "odi_s08": 1, "odi_s09": 2, "odi_s10": 2})"}}},
          {"2026-10-27",
           "review",
           "Sitting tolerance up from 30 to 60 minutes; progressed the hip flexor stretch.",
           nullptr,
           nullptr,
           {{"nprs", R"({"nprs_back": 4, "nprs_leg": 0})"},
            {"odi",
             R"({"odi_s01": 2, "odi_s02": 0, "odi_s03": 2, "odi_s04": 1, "odi_s05": 2, "odi_s06": 1, )"
             R"("odi_s07": 1, "odi_s08": 1, "odi_s09": 1, "odi_s10": 2})"}}},
          {"2026-11-17",
           "review",
           "Pain 2/10 at worst; driving without pain. Program reduced to three times a week.",
           nullptr,
           "Review 2026-11-17: pain 2/10 at worst; do the program three times a week.",
           {{"nprs", R"({"nprs_back": 2, "nprs_leg": 0})"},
            {"odi",
             R"({"odi_s01": 1, "odi_s02": 0, "odi_s03": 1, "odi_s04": 0, "odi_s05": 1, "odi_s06": 1, )"
             R"("odi_s07": 0, "odi_s08": 0, "odi_s09": 1, "odi_s10": 1})"}}}}},
        {"Patel",
         "Ravi",
         "1991-08-30",
         "ravi.patel@example.org",
         "Acute strain after gardening; reassured.",
         {{"2026-11-21", "initial", "No red flags; advice and graded activity.", "clear-client.json"}}},
    };
}

core::ScreeningResult screenExample(const core::Questionnaire& intake,
                                    const core::ScreeningEngine& engine,
                                    const std::string& json,
                                    const std::string& name)
{
    const core::JsonReadResult read = core::JsonReader::parse(json, name);
    if (!read.ok()) {
        throw Error(ErrorCode::FileUnreadable,
                    name + ": the demo example is not valid JSON; expected a QuestionnaireResponse");
    }
    const auto parsed = core::QuestionnaireResponse::parse(*read.value, name);
    return engine.screen(core::FlatAnswers::flatten(intake, parsed.response));
}

// Scores one demo outcome measure with the catalogue and stores it at the visit, as `outcomes add` would.
void storeOutcome(db::ClinicService& service,
                  const core::OutcomeMeasures& measures,
                  db::RecordId visitId,
                  const char* instrument,
                  const char* answers)
{
    const std::string source = std::string("demo ") + instrument + " answers";
    const core::JsonReadResult read = core::JsonReader::parse(answers, source);
    const core::OutcomeScoreResult scored =
        read.ok() ? core::OutcomeScorer(measures).score(instrument, *read.value, source) : core::OutcomeScoreResult();
    if (!scored.ok()) {
        throw Error(ErrorCode::FileUnreadable, source + ": cannot be scored; expected valid demo answers");
    }
    db::OutcomeScoreRecord record;
    record.visitId = visitId;
    record.instrumentId = scored.score->instrument;
    record.instrumentVersion = scored.score->version;
    record.scoreJson = core::JsonWriter::write(scored.score->toJson());
    record.responseJson = answers;
    service.saveOutcomeScore(record);
}

} // namespace

const char* DemoSeeder::therapistUsername()
{
    return "demo";
}

const char* DemoSeeder::therapistPassword()
{
    return "demo-therapist";
}

void DemoSeeder::seed(db::ClinicService& service,
                      const std::filesystem::path& examplesDirectory,
                      const core::Questionnaire& intake,
                      const core::ScreeningEngine& engine,
                      const HomeProgramStarter* programs)
{
    // The administrator's password is random: nobody signs in as it in the demo.
    service.createFirstAdmin(
        "demo-admin", "Demo administrator", "demo-admin-" + std::to_string(std::random_device{}()));
    service.addUser(therapistUsername(), "Demo Therapist", db::Role::Therapist, therapistPassword());
    service.logout();
    signIn(service);

    const core::OutcomeMeasuresLoadResult measures = core::OutcomeMeasures::loadDefault();
    if (!measures.ok()) {
        throw Error(ErrorCode::FileUnreadable,
                    "forms/outcomes/measures.json: cannot be loaded; expected the catalogue");
    }
    for (const DemoClient& demo : demoClients()) {
        db::ClientRecord client;
        client.familyName = demo.familyName;
        client.givenName = demo.givenName;
        client.birthDate = demo.birthDate;
        client.contact = demo.contact;
        client.notes = demo.notes;
        const db::ClientRecord added = service.addClient(client);
        std::optional<db::HomeProgramVersionRecord> program;
        for (const DemoVisit& demoVisit : demo.visits) {
            db::VisitRecord visit;
            visit.clientId = added.id;
            visit.visitDate = demoVisit.date;
            visit.kind = demoVisit.kind;
            visit.notes = demoVisit.notes;
            const db::VisitRecord savedVisit = service.addVisit(visit);
            if (demoVisit.example != nullptr) {
                db::QuestionnaireResponseRecord response;
                response.visitId = savedVisit.id;
                response.questionnaireCanonical = intakeCanonical;
                response.questionnaireVersion = intakeVersion;
                response.responseJson = readExample(examplesDirectory, demoVisit.example);
                service.saveQuestionnaireResponse(response);
                const core::ScreeningResult result =
                    screenExample(intake, engine, response.responseJson, demoVisit.example);
                service.saveScreening(StoredScreening::toRecord(savedVisit.id, result));
                if (programs != nullptr && !result.programBlocked) {
                    program = programs->start(service, added.id, savedVisit.id, result);
                }
            }
            if (demoVisit.programChange != nullptr && program) {
                core::Program changed = core::Program::fromJson(
                    *core::JsonReader::parse(program->contentJson, "demo program").value, "demo program");
                changed.addNote(demoVisit.programChange);
                db::HomeProgramVersionRecord next = *program;
                next.visitId = savedVisit.id;
                next.contentJson = core::JsonWriter::write(changed.toJson());
                program = service.saveHomeProgram(next);
            }
            for (const auto& [instrument, answers] : demoVisit.outcomes) {
                storeOutcome(service, *measures.measures, savedVisit.id, instrument, answers);
            }
        }
    }
}

void DemoSeeder::signIn(db::ClinicService& service)
{
    service.login(therapistUsername(), therapistPassword());
}

} // namespace backscreen::app
