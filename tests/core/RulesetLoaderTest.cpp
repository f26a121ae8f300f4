#include "core/screening/RulesetLoader.h"

#include "core/fhir/QuestionnaireLoader.h"
#include "core/jsonlogic/JsonLogicCompiler.h"
#include "core/jsonlogic/JsonLogicRule.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

using backscreen::ErrorCode;
using backscreen::core::Diagnostic;
using backscreen::core::QuestionnaireLoader;
using backscreen::core::RuleKind;
using backscreen::core::RulesetLoader;
using backscreen::core::RulesetLoadResult;
using backscreen::core::Triage;

namespace {

const std::set<std::string>& intakeLinkIds()
{
    static const std::set<std::string> ids = [] {
        auto intake = QuestionnaireLoader::loadIntakeForm();
        if (!intake.ok()) {
            throw std::runtime_error("intake form did not load");
        }
        return RulesetLoader::answerableLinkIds(*intake.questionnaire);
    }();
    return ids;
}

std::filesystem::path fixture(const std::string& name)
{
    return std::filesystem::path(BACKSCREEN_TEST_DATA_DIR) / "core" / "screening" / name;
}

RulesetLoadResult loadFixture(const std::string& name)
{
    return RulesetLoader::loadFile(fixture(name), intakeLinkIds());
}

/// The only diagnostic of a fixture with one defect.
Diagnostic onlyDiagnostic(const RulesetLoadResult& result)
{
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(result.diagnostics.size(), 1u);
    if (result.diagnostics.size() != 1u) {
        for (const auto& diagnostic : result.diagnostics) {
            ADD_FAILURE() << "diagnostic: " << diagnostic.toString();
        }
    }
    return result.diagnostics.empty() ? Diagnostic{} : result.diagnostics.front();
}

} // namespace

TEST(RulesetLoader, LoadsTheThreeRulesetsOfTheRepository)
{
    const std::filesystem::path rules = std::filesystem::path(BACKSCREEN_FORMS_DIR) / "rules";
    auto redFlags = RulesetLoader::loadFile(rules / "redflags.json", intakeLinkIds());
    ASSERT_TRUE(redFlags.ok());
    EXPECT_TRUE(redFlags.diagnostics.empty());
    EXPECT_EQ(redFlags.ruleset->id, "redflags");
    EXPECT_EQ(redFlags.ruleset->version, "2.0.0");
    EXPECT_EQ(redFlags.ruleset->rules.size(), 44u);
    EXPECT_EQ(redFlags.ruleset->rules.front().tier, Triage::Emergency);
    auto sijRadicular = RulesetLoader::loadFile(rules / "sij-radicular.json", intakeLinkIds());
    ASSERT_TRUE(sijRadicular.ok());
    EXPECT_EQ(sijRadicular.ruleset->screens.size(), 2u);
    EXPECT_EQ(sijRadicular.ruleset->rules.size(), 21u);
    auto lcs = RulesetLoader::loadFile(rules / "lcs.json", intakeLinkIds());
    ASSERT_TRUE(lcs.ok());
    EXPECT_EQ(lcs.ruleset->context.size(), 2u);
    EXPECT_EQ(lcs.ruleset->screens.at(0).report.size(), 7u);
}

TEST(RulesetLoader, ValidFixtureLoadsWithDerivedItemSubstituted)
{
    auto result = loadFixture("valid.json");
    ASSERT_TRUE(result.ok());
    const auto* rule = result.ruleset->findRule("RF-CES-02");
    ASSERT_NE(rule, nullptr);
    EXPECT_EQ(rule->kind, RuleKind::Flag);
    EXPECT_EQ(rule->expandedLogic.find("or")->size(), 2u);
}

TEST(RulesetLoader, UnknownLinkIdInVarIsNamedWithRuleAndPointer)
{
    const Diagnostic d = onlyDiagnostic(loadFixture("unknown-linkid.json"));
    EXPECT_EQ(d.code, ErrorCode::RulesetUnknownLinkId);
    EXPECT_EQ(d.subject, "rule \"RF-CES-02\"");
    EXPECT_EQ(d.pointer, "/rules/1/logic/and/1/var");
    EXPECT_NE(d.message.find("\"bladder_dysfunction_new\""), std::string::npos);
}

TEST(RulesetLoader, UnknownLinkIdInRequiresIsNamed)
{
    const Diagnostic d = onlyDiagnostic(loadFixture("unknown-requires.json"));
    EXPECT_EQ(d.code, ErrorCode::RulesetUnknownLinkId);
    EXPECT_EQ(d.subject, "rule \"RF-CES-02\"");
    EXPECT_EQ(d.pointer, "/rules/1/requires/1");
}

TEST(RulesetLoader, DuplicateRuleIdIsAnError)
{
    const Diagnostic d = onlyDiagnostic(loadFixture("duplicate-rule-id.json"));
    EXPECT_EQ(d.code, ErrorCode::RulesetDuplicateId);
    EXPECT_EQ(d.subject, "rule \"RF-CES-01\"");
    EXPECT_EQ(d.pointer, "/rules/1/id");
}

TEST(RulesetLoader, UnknownTierIsAnError)
{
    const Diagnostic d = onlyDiagnostic(loadFixture("unknown-tier.json"));
    EXPECT_EQ(d.code, ErrorCode::RulesetUnknownTier);
    EXPECT_EQ(d.subject, "rule \"RF-CES-02\"");
    EXPECT_EQ(d.pointer, "/rules/1/tier");
    EXPECT_EQ(d.message, "unknown tier \"CRITICAL\"; expected \"EMERGENCY\", \"URGENT\", \"SOON\" or \"MONITOR\"");
}

TEST(RulesetLoader, UnknownFieldIsAnError)
{
    const Diagnostic d = onlyDiagnostic(loadFixture("unknown-field.json"));
    EXPECT_EQ(d.code, ErrorCode::RulesetUnknownField);
    EXPECT_EQ(d.subject, "rule \"RF-CES-02\"");
    EXPECT_EQ(d.pointer, "/rules/1/severity");
}

TEST(RulesetLoader, MalformedLogicNamesRuleAndPointerInsideTheFile)
{
    auto result = loadFixture("bad-logic.json");
    const Diagnostic d = onlyDiagnostic(result);
    EXPECT_EQ(d.code, ErrorCode::RulesetBadLogic);
    EXPECT_EQ(d.subject, "rule \"RF-CES-02\"");
    EXPECT_EQ(d.pointer, "/rules/1/logic/var");
    EXPECT_EQ(
        d.toString().rfind(fixture("bad-logic.json").string() + ": rule \"RF-CES-02\" at /rules/1/logic/var: ", 0), 0u)
        << d.toString();
}

TEST(RulesetLoader, UnknownOperationIsMalformedLogic)
{
    const Diagnostic d = onlyDiagnostic(loadFixture("unknown-operation.json"));
    EXPECT_EQ(d.code, ErrorCode::RulesetBadLogic);
    EXPECT_EQ(d.pointer, "/rules/1/logic/or/1");
    EXPECT_NE(d.message.find("between"), std::string::npos);
}

TEST(RulesetLoader, NewerSchemaIsRefusedNamingTheExpectedVersion)
{
    const Diagnostic d = onlyDiagnostic(loadFixture("newer-schema.json"));
    EXPECT_EQ(d.code, ErrorCode::RulesetSchemaVersion);
    EXPECT_EQ(d.pointer, "/schemaVersion");
    EXPECT_EQ(d.message, "schemaVersion 2 is not supported; expected schemaVersion 1");
}

TEST(RulesetLoader, UnresolvedReferenceIsAnError)
{
    const Diagnostic d = onlyDiagnostic(loadFixture("unresolved-reference.json"));
    EXPECT_EQ(d.code, ErrorCode::RulesetUnresolvedReference);
    EXPECT_EQ(d.pointer, "/rules/1/reference");
}

TEST(RulesetLoader, CollectsEveryProblemOfAFile)
{
    auto result = loadFixture("several-defects.json");
    EXPECT_FALSE(result.ok());
    ASSERT_EQ(result.diagnostics.size(), 3u);
    EXPECT_EQ(result.diagnostics[0].code, ErrorCode::RulesetUnknownTier);
    EXPECT_EQ(result.diagnostics[0].pointer, "/rules/0/tier");
    EXPECT_EQ(result.diagnostics[1].code, ErrorCode::RulesetUnknownField);
    EXPECT_EQ(result.diagnostics[1].pointer, "/rules/1/colour");
    EXPECT_EQ(result.diagnostics[2].code, ErrorCode::RulesetDuplicateId);
    EXPECT_EQ(result.diagnostics[2].pointer, "/rules/1/id");
}

TEST(RulesetLoader, UnreadableFileIsReported)
{
    auto result = loadFixture("no-such-file.json");
    EXPECT_FALSE(result.ok());
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].code, ErrorCode::FileUnreadable);
}

TEST(RulesetLoader, OptionalDefaultIsKnownInThreeValuedEvaluation)
{
    // The loader rewrites {"var": [x, d]} for evaluatePartial, which treats every absent var as unknown.
    auto result = RulesetLoader::loadFile(std::filesystem::path(BACKSCREEN_FORMS_DIR) / "rules" / "redflags.json",
                                          intakeLinkIds());
    ASSERT_TRUE(result.ok());
    const auto* rule = result.ruleset->findRule("RF-INF-02");
    ASSERT_NE(rule, nullptr);
    const backscreen::core::JsonValue answers(
        backscreen::core::JsonValue::Object{{"fever_or_rigors", false}, {"systemically_unwell", false}});
    EXPECT_EQ(rule->partial.evaluatePartial(answers).truth, backscreen::core::JsonLogicTruth::False);
    // The logic as written (json-logic-js semantics) leaves it unknown in evaluatePartial.
    EXPECT_EQ(backscreen::core::JsonLogicCompiler::compile(rule->expandedLogic).evaluatePartial(answers).truth,
              backscreen::core::JsonLogicTruth::Unknown);
}

TEST(RulesetLoader, ReadInputHashesMatchTheReadInputs)
{
    const std::filesystem::path rules = std::filesystem::path(BACKSCREEN_FORMS_DIR) / "rules";
    auto redFlags = RulesetLoader::loadFile(rules / "redflags.json", intakeLinkIds());
    ASSERT_TRUE(redFlags.ok());
    ASSERT_FALSE(redFlags.ruleset->rules.empty());
    std::size_t inputs = 0;
    for (const auto& rule : redFlags.ruleset->rules) {
        ASSERT_EQ(rule.readInputHashes.size(), rule.readInputs.size()) << rule.id;
        ASSERT_NE(rule.readInputHints, nullptr) << rule.id;
        for (std::size_t i = 0; i < rule.readInputs.size(); ++i) {
            EXPECT_EQ(rule.readInputHashes[i], backscreen::core::JsonValue::keyHash(rule.readInputs[i])) << rule.id;
            ++inputs;
        }
    }
    EXPECT_GT(inputs, 44u);
}
