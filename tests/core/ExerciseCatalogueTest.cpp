#include "core/program/ExerciseCatalogue.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

using namespace backscreen;
using namespace backscreen::core;

namespace {

std::filesystem::path fixture(const std::string& name)
{
    return std::filesystem::path(BACKSCREEN_TEST_DATA_DIR) / "core" / "program" / name;
}

// Loads a broken fixture and expects exactly one error with the given code, pointer and subject.
void expectSingleError(const std::string& file, ErrorCode code, const std::string& pointer, const std::string& subject)
{
    ExerciseCatalogueLoadResult result = ExerciseCatalogue::load(fixture(file));
    EXPECT_FALSE(result.ok());
    ASSERT_EQ(result.diagnostics.size(), 1u) << (result.diagnostics.empty() ? "" : result.diagnostics[0].toString());
    EXPECT_EQ(result.diagnostics[0].code, code);
    EXPECT_EQ(result.diagnostics[0].pointer, pointer);
    EXPECT_EQ(result.diagnostics[0].subject, subject);
    EXPECT_EQ(result.diagnostics[0].source, fixture(file).string());
}

} // namespace

TEST(ExerciseCatalogue, LoadsValidFixtureWithoutDiagnostics)
{
    ExerciseCatalogueLoadResult result = ExerciseCatalogue::load(fixture("catalogue.json"));
    ASSERT_TRUE(result.ok());
    EXPECT_TRUE(result.diagnostics.empty());
    const ExerciseCatalogue& catalogue = *result.catalogue;
    EXPECT_EQ(catalogue.id(), "exercises");
    EXPECT_EQ(catalogue.version(), "1.1");
    ASSERT_EQ(catalogue.exercises().size(), 4u);
    const Exercise* bridge = catalogue.find("EX-GL-01");
    ASSERT_NE(bridge, nullptr);
    EXPECT_EQ(bridge->name, "Glute bridge");
    EXPECT_EQ(bridge->category, ExerciseCategory::Activation);
    EXPECT_EQ(bridge->steps.size(), 4u);
    EXPECT_EQ(bridge->progressionIds, std::vector<std::string>{"EX-GL-02"});
    EXPECT_EQ(bridge->dosage.mode, DosageMode::Repetitions);
    EXPECT_EQ(bridge->dosage.sets, DosageRange::single(2));
    EXPECT_EQ(bridge->dosage.repetitions, DosageRange::single(10));
    EXPECT_EQ(bridge->startIllustration, fixture("illustrations/figure-start.svg"));
    EXPECT_EQ(catalogue.find("EX-NOPE-01"), nullptr);
    EXPECT_EQ(catalogue.maxExercises(), 6);
    EXPECT_EQ(catalogue.minActivationExercises(), 1);
}

TEST(ExerciseCatalogue, ReadsRangesAndPerSideIntoDosage)
{
    ExerciseCatalogueLoadResult result = ExerciseCatalogue::load(fixture("catalogue.json"));
    ASSERT_TRUE(result.ok());
    const Exercise* hamstring = result.catalogue->find("EX-HS-01");
    ASSERT_NE(hamstring, nullptr);
    EXPECT_TRUE(hamstring->dosage.perSide);
    EXPECT_EQ(hamstring->dosage.daysPerWeek, (DosageRange{5, 7}));
    EXPECT_EQ(hamstring->dosage.holdSeconds, DosageRange::single(30));
    EXPECT_TRUE(hamstring->hasTag("neural_tension"));
    EXPECT_FALSE(hamstring->nerveFriendlyForm.empty());
}

TEST(ExerciseCatalogue, HandoutRulesComeFromGeneralRules)
{
    ExerciseCatalogueLoadResult result = ExerciseCatalogue::load(fixture("catalogue.json"));
    ASSERT_TRUE(result.ok());
    std::vector<std::string> ids;
    for (const HandoutRule& rule : result.catalogue->handoutRules()) {
        ids.push_back(rule.id);
    }
    EXPECT_EQ(ids, (std::vector<std::string>{"G3", "G4", "G5", "G9"}));
    EXPECT_EQ(result.catalogue->handoutRules()[0].categories, std::vector<ExerciseCategory>{ExerciseCategory::Stretch});
}

TEST(ExerciseCatalogue, UnknownFieldIsAnErrorNamingExerciseAndPointer)
{
    expectSingleError("catalogue-unknown-field.json",
                      ErrorCode::CatalogueUnknownField,
                      "/exercises/0/colour",
                      "exercise \"EX-HS-01\"");
}

TEST(ExerciseCatalogue, DuplicateIdIsAnError)
{
    expectSingleError(
        "catalogue-duplicate-id.json", ErrorCode::CatalogueDuplicateId, "/exercises/2/id", "exercise \"EX-GL-01\"");
}

TEST(ExerciseCatalogue, DanglingProgressionIdIsAnError)
{
    expectSingleError("catalogue-dangling-progression.json",
                      ErrorCode::CatalogueDanglingExerciseId,
                      "/exercises/1/progressionIds/0",
                      "exercise \"EX-GL-01\"");
}

TEST(ExerciseCatalogue, MissingIllustrationFileIsAnError)
{
    expectSingleError("catalogue-missing-illustration.json",
                      ErrorCode::CatalogueMissingIllustration,
                      "/exercises/3/illustrations/end",
                      "exercise \"EX-CO-01\"");
}

TEST(ExerciseCatalogue, UnknownReferenceIdIsAnError)
{
    expectSingleError("catalogue-unknown-reference.json",
                      ErrorCode::CatalogueUnknownReference,
                      "/exercises/0/references/1",
                      "exercise \"EX-HS-01\"");
}

TEST(ExerciseCatalogue, OtherSchemaVersionIsRefused)
{
    expectSingleError("catalogue-schema-2.json", ErrorCode::CatalogueUnsupportedSchema, "/schemaVersion", "");
}

TEST(ExerciseCatalogue, UnreadableFileIsADiagnostic)
{
    ExerciseCatalogueLoadResult result = ExerciseCatalogue::load(fixture("no-such-catalogue.json"));
    EXPECT_FALSE(result.ok());
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].code, ErrorCode::FileUnreadable);
}
