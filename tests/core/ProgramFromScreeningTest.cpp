#include "ScreeningTestSupport.h"

#include "core/common/Error.h"
#include "core/program/ExerciseCatalogue.h"
#include "core/program/ProgramBlockedError.h"
#include "core/program/ProgramGenerator.h"
#include "core/program/ProgramRequest.h"
#include "core/program/ProgramRuleset.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace backscreen;
using namespace backscreen::core;
using namespace backscreen::tests;

// Screen → ProgramRequest::fromScreening → generate, on the clinical vignettes (tests/data/vignettes).

namespace {

struct Forms
{
    ExerciseCatalogue catalogue;
    ProgramRuleset ruleset;
};

const Forms& forms()
{
    static const Forms loaded = [] {
        ExerciseCatalogue catalogue = *ExerciseCatalogue::loadDefault().catalogue;
        ProgramRuleset ruleset = *ProgramRuleset::loadDefault(catalogue).first;
        return Forms{std::move(catalogue), std::move(ruleset)};
    }();
    return loaded;
}

GeneratedProgram generate(const ProgramRequest& request)
{
    return ProgramGenerator(forms().catalogue, forms().ruleset).generate(request);
}

JsonValue vignette(const std::string& name)
{
    return readJsonFile(testDataDir() / "vignettes" / (name + ".json"));
}

ScreeningResult screenVignette(const std::string& name)
{
    return screeningEngine().screen(*vignette(name).find("answers"));
}

std::vector<std::string> ids(const Program& program)
{
    std::vector<std::string> result;
    for (const ProgramExercise& exercise : program.exercises) {
        result.push_back(exercise.exerciseId);
    }
    return result;
}

ProgramBlockedError blockedBy(const ProgramRequest& request)
{
    try {
        generate(request);
    } catch (const ProgramBlockedError& error) {
        return error;
    }
    ADD_FAILURE() << "expected ProgramBlockedError";
    return ProgramBlockedError("", {}, {}, "");
}

} // namespace

TEST(ProgramFromScreening, EveryVignetteIsBlockedOrGivesAProgramAsItsTriageSays)
{
    const auto files = filesIn(testDataDir() / "vignettes", ".json");
    ASSERT_GE(files.size(), 25u);
    std::size_t blocked = 0;
    std::size_t generated = 0;
    for (const auto& file : files) {
        SCOPED_TRACE(file.filename().string());
        const JsonValue answers = *readJsonFile(file).find("answers");
        const ScreeningResult result = screeningEngine().screen(answers);
        const ProgramRequest request = ProgramRequest::fromScreening(result);
        EXPECT_EQ(request.programBlocked, result.programBlocked);
        EXPECT_EQ(request.triage, std::string(triageName(result.triage)));
        if (result.programBlocked) {
            ++blocked;
            ProgramBlockedError error = blockedBy(request);
            EXPECT_EQ(error.code(), ErrorCode::ProgramBlocked);
            EXPECT_EQ(error.triage(), request.triage);
            EXPECT_EQ(error.missingInputs(), result.missing);
            const std::string message = error.what();
            EXPECT_NE(message.find("triage is " + request.triage), std::string::npos) << message;
            EXPECT_NE(message.find(result.blockingReason), std::string::npos) << message;
            for (const std::string& ruleId : request.blockingRuleIds) {
                EXPECT_NE(message.find(ruleId), std::string::npos) << message;
            }
        } else {
            ++generated;
            const GeneratedProgram program = generate(request);
            EXPECT_FALSE(program.program.exercises.empty());
            EXPECT_LE(program.program.exercises.size(), 6u);
            for (const ProgramExercise& exercise : program.program.exercises) {
                EXPECT_FALSE(exercise.reasons.empty()) << exercise.exerciseId;
            }
        }
    }
    EXPECT_EQ(blocked, 19u);
    EXPECT_EQ(generated, 11u);
}

TEST(ProgramFromScreening, CopiesTriagePatternsAndLowerCrossedFindings)
{
    const ScreeningResult result = screenVignette("v10-radiculopathy");
    const ProgramRequest request = ProgramRequest::fromScreening(result);
    EXPECT_EQ(request.triage, "NONE");
    EXPECT_FALSE(request.programBlocked);
    EXPECT_EQ(request.blockingReason, "");
    EXPECT_TRUE(request.blockingRuleIds.empty());
    EXPECT_TRUE(request.missingInputs.empty());
    EXPECT_EQ(request.firedRuleIds, (std::vector<std::string>{"LCS-R3", "RAD-R2", "RAD-R4", "SIJ-R1"}));
    EXPECT_TRUE(request.clearedRuleIds.empty());
    EXPECT_EQ(request.sij, "NOT_ASSESSED");
    EXPECT_FALSE(request.sijProvisional);
    EXPECT_EQ(request.radicular, "ASSESS");
    EXPECT_FALSE(request.radicularProvisional);
    EXPECT_EQ(request.lcs, "POSSIBLE");
    EXPECT_TRUE(request.lcsProvisional);
    EXPECT_EQ(request.positiveLcsTests, (std::vector<std::string>{"LCS-T01", "LCS-T05"}));
    EXPECT_TRUE(request.flexionRelated);
    EXPECT_EQ(request.answers, result.answers);
}

TEST(ProgramFromScreening, RadicularVignetteGetsPrecautionsAndFurtherAssessment)
{
    const GeneratedProgram generated = generate(ProgramRequest::fromScreening(screenVignette("v10-radiculopathy")));
    EXPECT_EQ(ids(generated.program), (std::vector<std::string>{"EX-LM-01", "EX-HF-01", "EX-GM-01", "EX-LM-02"}));
    EXPECT_FALSE(generated.program.furtherAssessment.empty());
    EXPECT_FALSE(generated.program.precautions.empty());
    EXPECT_NE(std::find(generated.firedRuleIds.begin(), generated.firedRuleIds.end(), "PROG-12"),
              generated.firedRuleIds.end());
}

TEST(ProgramFromScreening, FlexionLowerCrossedVignetteGetsEachPositiveRow)
{
    const ScreeningResult result = screenVignette("v11-flexion-lower-crossed");
    const ProgramRequest request = ProgramRequest::fromScreening(result);
    EXPECT_EQ(request.lcs, "LIKELY");
    const GeneratedProgram generated = generate(request);
    EXPECT_EQ(ids(generated.program),
              (std::vector<std::string>{"EX-LM-01", "EX-CO-01", "EX-GL-01", "EX-HF-01", "EX-HS-01", "EX-GM-01"}));
    for (const ProgramExercise& exercise : generated.program.exercises) {
        EXPECT_NE(exercise.reasons.front().ruleId.rfind("PROG-", 0), std::string::npos) << exercise.exerciseId;
    }
}

TEST(ProgramFromScreening, SoonRedFlagBlocksNamingTheRuleAndReason)
{
    const ScreeningResult result = screenVignette("v05-axial-spondyloarthritis");
    const ProgramRequest request = ProgramRequest::fromScreening(result);
    EXPECT_EQ(request.triage, "SOON");
    EXPECT_TRUE(request.programBlocked);
    EXPECT_EQ(request.blockingRuleIds, std::vector<std::string>{"RF-AXS-01"});
    EXPECT_EQ(request.lcs, "SUPPRESSED");
    ProgramBlockedError error = blockedBy(request);
    EXPECT_EQ(error.triage(), "SOON");
    EXPECT_EQ(error.blockingRuleIds(), std::vector<std::string>{"RF-AXS-01"});
    EXPECT_EQ(std::string(error.what()),
              "no home program: triage is SOON (RF-AXS-01); SOON: red flag RF-AXS-01; expected medical clearance to "
              "be documented first (exercises.md G1)");
}

TEST(ProgramFromScreening, EmergencyListsEveryUnclearedReferralFlag)
{
    const ScreeningResult result = screenVignette("v01-cauda-equina");
    const ProgramRequest request = ProgramRequest::fromScreening(result);
    EXPECT_EQ(request.triage, "EMERGENCY");
    EXPECT_EQ(request.blockingRuleIds, (std::vector<std::string>{"RF-CES-01", "RF-CES-03", "RF-CES-05"}));
    EXPECT_EQ(blockedBy(request).blockingRuleIds(), request.blockingRuleIds);
}

TEST(ProgramFromScreening, IncompleteScreenBlocksNamingTheMissingQuestions)
{
    const ScreeningResult result = screenVignette("v15-incomplete-intake");
    const ProgramRequest request = ProgramRequest::fromScreening(result);
    EXPECT_EQ(request.triage, "INCOMPLETE");
    EXPECT_TRUE(request.programBlocked);
    EXPECT_TRUE(request.blockingRuleIds.empty());
    EXPECT_EQ(request.missingInputs, result.missing);
    ASSERT_FALSE(request.missingInputs.empty());
    ProgramBlockedError error = blockedBy(request);
    EXPECT_EQ(error.triage(), "INCOMPLETE");
    EXPECT_EQ(error.missingInputs(), result.missing);
    const std::string message = error.what();
    EXPECT_EQ(message.rfind("no home program: triage is INCOMPLETE; unanswered: bladder_new_dysfunction, ", 0), 0u)
        << message;
    EXPECT_NE(message.find("expected the red-flag screen to be completed first"), std::string::npos) << message;
}

TEST(ProgramFromScreening, ClearedSoonRuleLetsTheProgramBeGenerated)
{
    const JsonValue answers = *vignette("v05-axial-spondyloarthritis").find("answers");
    std::vector<Diagnostic> diagnostics;
    std::optional<Clearance> clearance = screeningEngine().createClearance("RF-AXS-01",
                                                                           "Sam Therapist",
                                                                           "2026-11-24T10:30:00Z",
                                                                           ClearanceReason::SpecialistManaging,
                                                                           "rheumatology reviewed",
                                                                           answers,
                                                                           diagnostics);
    ASSERT_TRUE(clearance.has_value());
    EXPECT_TRUE(diagnostics.empty());
    const ScreeningResult result = screeningEngine().screen(answers, {*clearance});
    const ProgramRequest request = ProgramRequest::fromScreening(result);
    EXPECT_FALSE(request.programBlocked);
    EXPECT_NE(request.triage, "SOON");
    EXPECT_TRUE(request.blockingRuleIds.empty());
    EXPECT_EQ(request.clearedRuleIds, std::vector<std::string>{"RF-AXS-01"});
    EXPECT_NE(request.lcs, "SUPPRESSED");
    const GeneratedProgram generated = generate(request);
    EXPECT_FALSE(generated.program.exercises.empty());
}

TEST(ProgramFromScreening, LapsedClearanceBlocksAgain)
{
    const JsonValue answers = *vignette("v05-axial-spondyloarthritis").find("answers");
    std::vector<Diagnostic> diagnostics;
    std::optional<Clearance> clearance = screeningEngine().createClearance(
        "RF-AXS-01", "Sam Therapist", "2026-11-24T10:30:00Z", ClearanceReason::ImagingNormal, "", answers, diagnostics);
    ASSERT_TRUE(clearance.has_value());
    // A year later the rule still fires, but one of its inputs changed: the clearance lapses.
    JsonValue::Object members = answers.asObject();
    for (auto& [key, value] : members) {
        if (key == "lbp_duration_months") {
            value = JsonValue(72);
        }
    }
    const ScreeningResult result = screeningEngine().screen(JsonValue(std::move(members)), {*clearance});
    ASSERT_EQ(result.clearances.size(), 1u);
    EXPECT_EQ(result.clearances.front().status, ClearanceStatus::Lapsed);
    const ProgramRequest request = ProgramRequest::fromScreening(result);
    EXPECT_TRUE(request.programBlocked);
    EXPECT_EQ(request.blockingRuleIds, std::vector<std::string>{"RF-AXS-01"});
    EXPECT_TRUE(request.clearedRuleIds.empty());
    EXPECT_THROW(generate(request), ProgramBlockedError);
}

TEST(ProgramFromScreening, UnknownPatternValueIsRefusedNamingTheScreen)
{
    ScreeningResult result = screenVignette("v11-flexion-lower-crossed");
    for (PatternResult& pattern : result.patterns) {
        if (pattern.screen == "sij") {
            pattern.value = "MAYBE";
        }
    }
    try {
        ProgramRequest::fromScreening(result);
        ADD_FAILURE() << "expected an error";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::ProgramRequestInvalid);
        EXPECT_EQ(std::string(error.what()),
                  "screening result: program request at /patterns/sij: unknown value \"MAYBE\" of the sij screen; "
                  "expected one the program rules know");
    }
}
