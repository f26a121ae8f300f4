#include "ScreeningTestSupport.h"

#include "core/fhir/FlatAnswers.h"
#include "core/fhir/QuestionnaireLoader.h"
#include "core/fhir/QuestionnaireResponse.h"
#include "core/fhir/ResponseValidator.h"

#include <gtest/gtest.h>

#include <map>

using backscreen::core::JsonValue;
using backscreen::core::triageName;
using namespace backscreen::tests;

namespace {

struct ExampleExpectation
{
    std::string triage;
    bool programBlocked;
    std::string sij;
    std::string radicular;
    std::string lcs;
    std::vector<std::string> provisional;
    std::vector<std::string> fired;
    std::vector<std::string> notEvaluable;
    std::vector<std::string> missing;
};

// forms/examples/README.md, summary table and per-file notes.
const std::map<std::string, ExampleExpectation>& expectations()
{
    static const std::map<std::string, ExampleExpectation> table = {
        {"cauda-equina.json",
         {"EMERGENCY",
          true,
          "SUPPRESSED",
          "SUPPRESSED",
          "SUPPRESSED",
          {},
          {"LCS-R0", "RAD-R0", "RF-CES-01", "RF-CES-03", "RF-CES-05", "RF-NEU-04", "SIJ-R0"},
          {},
          {}}},
        {"sij-pain.json",
         {"NONE", false, "ASSESS", "CONTINUE", "UNLIKELY", {}, {"LCS-R5", "RAD-N3", "RAD-R6", "SIJ-R3"}, {}, {}}},
        {"radiculopathy.json",
         {"NONE",
          false,
          "NOT_ASSESSED",
          "ASSESS",
          "POSSIBLE",
          {"lcs"},
          {"LCS-R3", "RAD-R2", "RAD-R4", "SIJ-R1"},
          {},
          {}}},
        {"lower-crossed.json",
         {"NONE",
          false,
          "CONTINUE",
          "CONTINUE",
          "LIKELY",
          {},
          {"LCS-R2", "RAD-N3", "RAD-R6", "SIJ-N4", "SIJ-R5"},
          {},
          {}}},
        {"clear-client.json",
         {"NONE",
          false,
          "CONTINUE",
          "CONTINUE",
          "UNLIKELY",
          {},
          {"LCS-R5", "RAD-N3", "RAD-R6", "SIJ-N4", "SIJ-R5"},
          {},
          {}}},
        {"incomplete-red-flags.json",
         {"INCOMPLETE",
          true,
          "NOT_ASSESSED",
          "CONTINUE",
          "POSSIBLE",
          {"lcs", "radicular", "sij"},
          {"LCS-R3", "RAD-N3", "RAD-R6", "RF-MAL-04", "SIJ-R1"},
          {"RF-CES-03", "RF-CES-04", "RF-MAL-05", "RF-MAL-C2"},
          {"failure_to_improve_4w", "saddle_sensory_change", "sexual_new_dysfunction"}}},
        {"inflammatory-back-pain.json",
         {"SOON",
          true,
          "SUPPRESSED",
          "SUPPRESSED",
          "SUPPRESSED",
          {},
          {"LCS-R0", "RAD-R0", "RF-AXS-01", "SIJ-R0"},
          {},
          {}}},
        {"monitor-older-adult.json",
         {"MONITOR",
          false,
          "CONTINUE",
          "CONTINUE",
          "LIKELY",
          {},
          {"LCS-R2", "RAD-N3", "RAD-R6", "RF-INF-04", "RF-MAL-04", "SIJ-N4", "SIJ-R5"},
          {},
          {}}},
    };
    return table;
}

} // namespace

TEST(ScreeningExamples, EveryExampleResponseGivesTheResultItsReadmeExpects)
{
    const auto intake = backscreen::core::QuestionnaireLoader::loadIntakeForm();
    ASSERT_TRUE(intake.ok());
    const auto files = filesIn(std::filesystem::path(BACKSCREEN_FORMS_DIR) / "examples", ".json");
    ASSERT_EQ(files.size(), expectations().size());
    for (const auto& file : files) {
        SCOPED_TRACE(file.filename().string());
        const auto found = expectations().find(file.filename().string());
        ASSERT_NE(found, expectations().end());
        const ExampleExpectation& expected = found->second;
        auto parsed = backscreen::core::QuestionnaireResponse::parse(readJsonFile(file), file.string());
        EXPECT_TRUE(parsed.diagnostics.empty());
        EXPECT_TRUE(backscreen::core::ResponseValidator::validate(*intake.questionnaire, parsed.response, file.string())
                        .empty());
        const JsonValue answers = backscreen::core::FlatAnswers::flatten(*intake.questionnaire, parsed.response);
        const auto result = screeningEngine().screen(answers);
        EXPECT_EQ(triageName(result.triage), expected.triage);
        EXPECT_EQ(result.programBlocked, expected.programBlocked);
        EXPECT_EQ(result.patternValue("sij"), expected.sij);
        EXPECT_EQ(result.patternValue("radicular"), expected.radicular);
        EXPECT_EQ(result.patternValue("lcs"), expected.lcs);
        EXPECT_EQ(result.provisionalScreens(), expected.provisional);
        EXPECT_EQ(result.firedIds(), expected.fired);
        EXPECT_EQ(result.notEvaluableIds(), expected.notEvaluable);
        EXPECT_EQ(result.missing, expected.missing);
    }
}
