#include "core/program/ProgramRuleset.h"

#include "core/program/ExerciseCatalogue.h"

#include <gtest/gtest.h>

#include <filesystem>

using namespace backscreen;
using namespace backscreen::core;

namespace {

const ExerciseCatalogue& catalogue()
{
    static const ExerciseCatalogue loaded = *ExerciseCatalogue::loadDefault().catalogue;
    return loaded;
}

std::filesystem::path fixture(const std::string& name)
{
    return std::filesystem::path(BACKSCREEN_TEST_DATA_DIR) / "core" / "program" / name;
}

void expectSingleError(const std::string& file, ErrorCode code, const std::string& pointer, const std::string& subject)
{
    auto [ruleset, diagnostics] = ProgramRuleset::load(fixture(file), catalogue());
    EXPECT_FALSE(ruleset.has_value());
    ASSERT_EQ(diagnostics.size(), 1u) << (diagnostics.empty() ? "" : diagnostics[0].toString());
    EXPECT_EQ(diagnostics[0].code, code) << diagnostics[0].toString();
    EXPECT_EQ(diagnostics[0].pointer, pointer);
    EXPECT_EQ(diagnostics[0].subject, subject);
}

} // namespace

// forms-lint: the shipped catalogue and program ruleset load with no diagnostic at all.
TEST(ProgramRuleset, ShippedFormsLoadWithoutDiagnostics)
{
    ExerciseCatalogueLoadResult loaded = ExerciseCatalogue::loadDefault();
    for (const Diagnostic& diagnostic : loaded.diagnostics) {
        ADD_FAILURE() << diagnostic.toString();
    }
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded.catalogue->exercises().size(), 16u);
    auto [ruleset, diagnostics] = ProgramRuleset::loadDefault(*loaded.catalogue);
    for (const Diagnostic& diagnostic : diagnostics) {
        ADD_FAILURE() << diagnostic.toString();
    }
    ASSERT_TRUE(ruleset.has_value());
    EXPECT_EQ(ruleset->id(), "program");
    EXPECT_EQ(ruleset->version(), "1.0");
    EXPECT_EQ(ruleset->rules().size(), 15u);
    EXPECT_EQ(ruleset->maxExercises(), loaded.catalogue->maxExercises());
    EXPECT_EQ(ruleset->minActivationExercises(), loaded.catalogue->minActivationExercises());
    EXPECT_FALSE(ruleset->safetyNet().emergency.empty());
}

TEST(ProgramRuleset, RuleIdsAreNumberedInOrder)
{
    auto [ruleset, diagnostics] = ProgramRuleset::loadDefault(catalogue());
    ASSERT_TRUE(ruleset.has_value());
    for (std::size_t index = 0; index < ruleset->rules().size(); ++index) {
        std::string expected = (index + 1 < 10 ? "PROG-0" : "PROG-") + std::to_string(index + 1);
        EXPECT_EQ(ruleset->rules()[index].id, expected);
        EXPECT_TRUE(ruleset->rules()[index].compiled.has_value());
    }
}

TEST(ProgramRuleset, UnknownExerciseIdIsAnError)
{
    expectSingleError("rules-unknown-exercise.json",
                      ErrorCode::ProgramRulesUnknownExercise,
                      "/rules/1/exercises/0/id",
                      "rule \"PROG-02\"");
}

TEST(ProgramRuleset, DuplicateRuleIdIsAnError)
{
    expectSingleError("rules-duplicate-id.json", ErrorCode::ProgramRulesDuplicateId, "/rules/2/id", "rule \"PROG-02\"");
}

TEST(ProgramRuleset, UnknownReferenceIsAnError)
{
    expectSingleError("rules-unknown-reference.json",
                      ErrorCode::ProgramRulesUnknownReference,
                      "/rules/3/reference",
                      "rule \"PROG-04\"");
}

TEST(ProgramRuleset, LogicThatDoesNotCompileNamesTheNode)
{
    expectSingleError("rules-unknown-operation.json",
                      ErrorCode::ProgramRulesInvalidLogic,
                      "/rules/4/logic/and/1",
                      "rule \"PROG-05\"");
}

TEST(ProgramRuleset, VariableOutsideTheDataObjectIsAnError)
{
    expectSingleError(
        "rules-unknown-data-key.json", ErrorCode::ProgramRulesInvalidLogic, "/rules/5/logic/var", "rule \"PROG-06\"");
}

TEST(ProgramRuleset, UnknownFieldIsAnError)
{
    expectSingleError(
        "rules-unknown-field.json", ErrorCode::ProgramRulesInvalidField, "/rules/6/colour", "rule \"PROG-07\"");
}

TEST(ProgramRuleset, OtherSchemaVersionIsRefused)
{
    expectSingleError("rules-schema-2.json", ErrorCode::ProgramRulesUnsupportedSchema, "/schemaVersion", "");
}
