#include "ScreeningTestSupport.h"

#include "core/fhir/FlatAnswers.h"
#include "core/fhir/QuestionnaireLoader.h"

#include <gtest/gtest.h>

using backscreen::core::JsonValue;
using backscreen::core::triageName;
using namespace backscreen::tests;

// The clinical vignettes of tests/data/vignettes (forms/rules/README.md, "Test data"): each client's whole
// session result must equal the expected one written from the clinical files.
TEST(ScreeningVignette, EveryVignetteGivesItsExpectedSession)
{
    const auto files = filesIn(testDataDir() / "vignettes", ".json");
    ASSERT_GE(files.size(), 25u);
    for (const auto& file : files) {
        SCOPED_TRACE(file.filename().string());
        const JsonValue vignette = readJsonFile(file);
        const JsonValue& expected = *vignette.find("expected");
        const auto result = screeningEngine().screen(*vignette.find("answers"));
        EXPECT_EQ(triageName(result.triage), expected.find("triage")->asString());
        EXPECT_EQ(result.firedIds(), stringList(*expected.find("fired")));
        EXPECT_EQ(result.notEvaluableIds(), stringList(*expected.find("notEvaluable")));
        EXPECT_EQ(result.missing, stringList(*expected.find("missing")));
        EXPECT_EQ(result.programBlocked, expected.find("programBlocked")->asBool());
        for (const char* screen : {"sij", "radicular", "lcs"}) {
            EXPECT_EQ(result.patternValue(screen), expected.find("patterns")->find(screen)->asString()) << screen;
        }
        EXPECT_EQ(result.provisionalScreens(), stringList(*expected.find("provisional")));
    }
}

// Each vignette is an answer set the intake form itself could hold: no answer to a question the form
// disables, no value out of range, no unknown linkId. (The GUI tests type them into the form.)
TEST(ScreeningVignette, EveryVignetteIsValidInputForTheIntakeForm)
{
    const auto intake = backscreen::core::QuestionnaireLoader::loadIntakeForm();
    ASSERT_TRUE(intake.ok());
    const auto files = filesIn(testDataDir() / "vignettes", ".json");
    ASSERT_GE(files.size(), 25u);
    for (const auto& file : files) {
        SCOPED_TRACE(file.filename().string());
        const JsonValue vignette = readJsonFile(file);
        const auto problems =
            backscreen::core::FlatAnswers::validate(*intake.questionnaire, *vignette.find("answers"), file.string());
        for (const auto& problem : problems) {
            ADD_FAILURE() << problem.toString();
        }
    }
}
