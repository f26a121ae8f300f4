#include "core/program/ProgramGenerator.h"

#include "core/json/JsonReader.h"
#include "core/program/ProgramBlockedError.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

using namespace backscreen;
using namespace backscreen::core;

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

/// A clear screen with a likely lower-crossed pattern and the given positive tests; no leg symptoms.
ProgramRequest likely(std::vector<std::string> positive)
{
    ProgramRequest request;
    request.triage = "NONE";
    request.sij = "CONTINUE";
    request.radicular = "CONTINUE";
    request.lcs = "LIKELY";
    request.positiveLcsTests = std::move(positive);
    request.answers = JsonValue(JsonValue::Object{{"lcs_t02_leg_symptoms", false}});
    return request;
}

std::vector<std::string> ids(const Program& program)
{
    std::vector<std::string> result;
    for (const ProgramExercise& exercise : program.exercises) {
        result.push_back(exercise.exerciseId);
    }
    return result;
}

const ProgramExercise* find(const Program& program, const std::string& id)
{
    std::size_t index = program.indexOf(id);
    return index < program.exercises.size() ? &program.exercises[index] : nullptr;
}

bool hasReason(const ProgramExercise& exercise, const std::string& ruleId)
{
    return std::any_of(exercise.reasons.begin(), exercise.reasons.end(), [&](const ProgramReason& reason) {
        return reason.ruleId == ruleId;
    });
}

bool contains(const std::vector<std::string>& list, const std::string& text)
{
    return std::find(list.begin(), list.end(), text) != list.end();
}

bool fired(const GeneratedProgram& generated, const std::string& ruleId)
{
    return contains(generated.firedRuleIds, ruleId);
}

const ProgramRule& rule(const std::string& id)
{
    const auto& rules = forms().ruleset.rules();
    return *std::find_if(rules.begin(), rules.end(), [&](const ProgramRule& candidate) { return candidate.id == id; });
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

TEST(ProgramGenerator, Prog01BlocksSoonWithoutClearanceNamingRules)
{
    ProgramRequest request = likely({"LCS-T01"});
    request.triage = "SOON";
    request.programBlocked = true;
    request.blockingRuleIds = {"RF-AXS-01"};
    ProgramBlockedError error = blockedBy(request);
    EXPECT_EQ(error.code(), ErrorCode::ProgramBlocked);
    EXPECT_EQ(error.triage(), "SOON");
    EXPECT_EQ(error.blockingRuleIds(), std::vector<std::string>{"RF-AXS-01"});
    EXPECT_EQ(std::string(error.what()),
              "no home program: triage is SOON (RF-AXS-01); expected medical clearance to be documented first "
              "(exercises.md G1)");
}

TEST(ProgramGenerator, Prog01BlocksIncompleteNamingMissingQuestions)
{
    ProgramRequest request = likely({"LCS-T01"});
    request.triage = "INCOMPLETE";
    request.programBlocked = true;
    request.missingInputs = {"bladder_change", "saddle_numbness"};
    ProgramBlockedError error = blockedBy(request);
    EXPECT_EQ(error.missingInputs(), (std::vector<std::string>{"bladder_change", "saddle_numbness"}));
    EXPECT_EQ(std::string(error.what()),
              "no home program: triage is INCOMPLETE; unanswered: bladder_change, saddle_numbness; expected the "
              "red-flag screen to be completed first (exercises.md G1)");
}

TEST(ProgramGenerator, Prog01BlocksEmergencyEvenIfTheFlagWasNotSet)
{
    // The flag contradicts the triage here on purpose: the code must block on the triage alone.
    ProgramRequest request = likely({"LCS-T01"});
    request.triage = "EMERGENCY";
    request.blockingRuleIds = {"RF-CES-01"};
    EXPECT_EQ(blockedBy(request).triage(), "EMERGENCY");
}

TEST(ProgramGenerator, Prog01RuleBlocksASuppressedPatternResult)
{
    ProgramRequest request = likely({});
    request.lcs = "SUPPRESSED";
    ProgramBlockedError error = blockedBy(request);
    EXPECT_EQ(error.blockingRuleIds(), std::vector<std::string>{"PROG-01"});
}

TEST(ProgramGenerator, MonitorTriageIsNotBlockedAndPrintsCaution)
{
    ProgramRequest request = likely({"LCS-T04"});
    request.triage = "MONITOR";
    GeneratedProgram generated = generate(request);
    EXPECT_TRUE(fired(generated, "PROG-14"));
    EXPECT_TRUE(contains(generated.program.precautions, rule("PROG-14").precautions.front()));
    request.triage = "NONE";
    EXPECT_FALSE(fired(generate(request), "PROG-14"));
}

TEST(ProgramGenerator, Prog02HipFlexorStretchForPositiveT01)
{
    GeneratedProgram generated = generate(likely({"LCS-T01"}));
    const ProgramExercise* stretch = find(generated.program, "EX-HF-01");
    ASSERT_NE(stretch, nullptr);
    EXPECT_EQ(stretch->reasons.front(), (ProgramReason{"PROG-02", rule("PROG-02").finding}));
    EXPECT_EQ(find(generate(likely({"LCS-T04"})).program, "EX-HF-01"), nullptr);
}

TEST(ProgramGenerator, Prog03HamstringStretchForPositiveT02)
{
    GeneratedProgram generated = generate(likely({"LCS-T02"}));
    const ProgramExercise* stretch = find(generated.program, "EX-HS-01");
    ASSERT_NE(stretch, nullptr);
    EXPECT_TRUE(hasReason(*stretch, "PROG-03"));
    EXPECT_FALSE(stretch->nerveFriendly);
    EXPECT_EQ(find(generate(likely({"LCS-T01"})).program, "EX-HS-01"), nullptr);
}

TEST(ProgramGenerator, Prog04BridgeForPositiveT04)
{
    GeneratedProgram generated = generate(likely({"LCS-T04"}));
    const ProgramExercise* bridge = find(generated.program, "EX-GL-01");
    ASSERT_NE(bridge, nullptr);
    EXPECT_TRUE(hasReason(*bridge, "PROG-04"));
    EXPECT_FALSE(fired(generate(likely({"LCS-T05"})), "PROG-04"));
}

TEST(ProgramGenerator, Prog05ClamshellForPositiveT05)
{
    GeneratedProgram generated = generate(likely({"LCS-T05"}));
    const ProgramExercise* clamshell = find(generated.program, "EX-GM-01");
    ASSERT_NE(clamshell, nullptr);
    EXPECT_TRUE(hasReason(*clamshell, "PROG-05"));
    EXPECT_EQ(find(generate(likely({"LCS-T04"})).program, "EX-GM-01"), nullptr);
}

TEST(ProgramGenerator, Prog06BracingForPositiveT06)
{
    GeneratedProgram generated = generate(likely({"LCS-T06"}));
    const ProgramExercise* bracing = find(generated.program, "EX-CO-01");
    ASSERT_NE(bracing, nullptr);
    EXPECT_TRUE(hasReason(*bracing, "PROG-06"));
    EXPECT_FALSE(fired(generate(likely({"LCS-T04"})), "PROG-06"));
}

TEST(ProgramGenerator, Prog07ExtensionForFlexionRelatedPainEasedByExtension)
{
    ProgramRequest request = likely({"LCS-T04"});
    request.flexionRelated = true;
    request.answers = JsonValue(JsonValue::Object{{"lcs_s05", true}, {"lcs_t02_leg_symptoms", false}});
    GeneratedProgram generated = generate(request);
    EXPECT_EQ(ids(generated.program), (std::vector<std::string>{"EX-LM-01", "EX-GL-01", "EX-LM-02"}));
    EXPECT_TRUE(hasReason(*find(generated.program, "EX-LM-01"), "PROG-07"));
}

TEST(ProgramGenerator, Prog07AcceptsDirectionalPreferenceInsteadOfEasing)
{
    ProgramRequest request = likely({"LCS-T04"});
    request.flexionRelated = true;
    request.answers = JsonValue(JsonValue::Object{{"lcs_s06", "yes"}});
    EXPECT_TRUE(fired(generate(request), "PROG-07"));
    request.answers = JsonValue(JsonValue::Object{{"lcs_s06", "no"}});
    EXPECT_FALSE(fired(generate(request), "PROG-07"));
}

TEST(ProgramGenerator, Prog07NeverForTheExtensionPattern)
{
    ProgramRequest request = likely({"LCS-T04"});
    request.flexionRelated = true;
    request.answers = JsonValue(JsonValue::Object{{"lcs_s05", true}, {"lcs_x01", true}});
    GeneratedProgram generated = generate(request);
    EXPECT_FALSE(fired(generated, "PROG-07"));
    EXPECT_EQ(find(generated.program, "EX-LM-01"), nullptr);
}

TEST(ProgramGenerator, Prog08FlexionIntolerantPainAddsAvoidLoadedFlexionNote)
{
    ProgramRequest request = likely({"LCS-T04"});
    request.flexionRelated = true;
    GeneratedProgram generated = generate(request);
    EXPECT_EQ(generated.program.notes, rule("PROG-08").notes);
    request.flexionRelated = false;
    EXPECT_TRUE(generate(request).program.notes.empty());
}

TEST(ProgramGenerator, Prog09GeneralActivationSetWhenPatternUnlikelyIncompleteOrNotAssessed)
{
    for (const char* value : {"UNLIKELY", "INCOMPLETE", "NOT_ASSESSED"}) {
        ProgramRequest request = likely({});
        request.lcs = value;
        GeneratedProgram generated = generate(request);
        EXPECT_EQ(ids(generated.program), (std::vector<std::string>{"EX-CO-01", "EX-GL-01", "EX-CO-03"})) << value;
        EXPECT_TRUE(hasReason(generated.program.exercises.front(), "PROG-09"));
    }
    for (const char* value : {"LIKELY", "POSSIBLE"}) {
        ProgramRequest request = likely({"LCS-T01"});
        request.lcs = value;
        EXPECT_FALSE(fired(generate(request), "PROG-09")) << value;
    }
}

TEST(ProgramGenerator, Prog09KeepsIndividuallyPositiveFindings)
{
    ProgramRequest request = likely({"LCS-T01"});
    request.lcs = "INCOMPLETE";
    EXPECT_EQ(ids(generate(request).program),
              (std::vector<std::string>{"EX-CO-01", "EX-GL-01", "EX-HF-01", "EX-CO-03"}));
}

TEST(ProgramGenerator, Prog10ProvisionalResultIsNoted)
{
    ProgramRequest request = likely({"LCS-T04"});
    request.lcsProvisional = true;
    EXPECT_TRUE(contains(generate(request).program.notes, rule("PROG-10").notes.front()));
    request.lcsProvisional = false;
    EXPECT_FALSE(fired(generate(request), "PROG-10"));
}

TEST(ProgramGenerator, Prog11RadicularAssessShowsHamstringStretchNerveFriendly)
{
    ProgramRequest request = likely({"LCS-T02", "LCS-T04"});
    request.radicular = "ASSESS";
    GeneratedProgram generated = generate(request);
    const ProgramExercise* stretch = find(generated.program, "EX-HS-01");
    ASSERT_NE(stretch, nullptr);
    EXPECT_TRUE(stretch->nerveFriendly);
    EXPECT_EQ(stretch->note, rule("PROG-11").modifications.front().note);
    EXPECT_TRUE(hasReason(*stretch, "PROG-11"));
    EXPECT_TRUE(contains(generated.program.precautions, rule("PROG-11").modifications.front().precaution));
}

TEST(ProgramGenerator, Prog11UnansweredLegSymptomsCountAsPresent)
{
    ProgramRequest request = likely({"LCS-T02", "LCS-T04"});
    request.answers = JsonValue(JsonValue::Object{});
    EXPECT_TRUE(find(generate(request).program, "EX-HS-01")->nerveFriendly);
    request.answers = JsonValue(JsonValue::Object{{"lcs_t02_leg_symptoms", false}});
    GeneratedProgram clear = generate(request);
    EXPECT_FALSE(find(clear.program, "EX-HS-01")->nerveFriendly);
    EXPECT_FALSE(fired(clear, "PROG-11"));
}

TEST(ProgramGenerator, Prog11PrecautionOnlyWhenAHamstringStretchIsInTheProgram)
{
    ProgramRequest request = likely({"LCS-T04"});
    request.radicular = "ASSESS";
    GeneratedProgram generated = generate(request);
    EXPECT_TRUE(fired(generated, "PROG-11"));
    EXPECT_FALSE(contains(generated.program.precautions, rule("PROG-11").modifications.front().precaution));
}

TEST(ProgramGenerator, Prog12RadicularAssessAddsPrecautionsAndFurtherAssessment)
{
    ProgramRequest request = likely({"LCS-T04"});
    request.radicular = "ASSESS";
    request.flexionRelated = true;
    request.answers = JsonValue(JsonValue::Object{{"lcs_s05", true}});
    GeneratedProgram generated = generate(request);
    for (const std::string& precaution : rule("PROG-12").precautions) {
        EXPECT_TRUE(contains(generated.program.precautions, precaution)) << precaution;
    }
    EXPECT_EQ(generated.program.furtherAssessment, rule("PROG-12").furtherAssessment);
    EXPECT_EQ(generated.program.furtherAssessment.front().rfind("Needs further assessment", 0), 0u);
    EXPECT_EQ(find(generated.program, "EX-LM-01")->note, rule("PROG-12").modifications.front().note);
    request.radicular = "CONTINUE";
    EXPECT_TRUE(generate(request).program.furtherAssessment.empty());
}

TEST(ProgramGenerator, Prog13SijAssessAddsFurtherAssessmentButKeepsExercises)
{
    ProgramRequest request = likely({"LCS-T01", "LCS-T04"});
    Program without = generate(request).program;
    request.sij = "ASSESS";
    GeneratedProgram generated = generate(request);
    EXPECT_EQ(generated.program.exercises, without.exercises);
    EXPECT_EQ(generated.program.furtherAssessment, rule("PROG-13").furtherAssessment);
    EXPECT_EQ(generated.program.precautions, rule("PROG-13").precautions);
}

TEST(ProgramGenerator, Prog15AddsActivationWhenTheFindingsChoseOnlyStretches)
{
    GeneratedProgram generated = generate(likely({"LCS-T01", "LCS-T02"}));
    EXPECT_EQ(ids(generated.program), (std::vector<std::string>{"EX-CO-01", "EX-HF-01", "EX-HS-01"}));
    EXPECT_EQ(generated.program.exercises.front().reasons,
              std::vector<ProgramReason>{(ProgramReason{"PROG-15", rule("PROG-15").finding})});
    EXPECT_FALSE(fired(generate(likely({"LCS-T01", "LCS-T04"})), "PROG-15"));
}

TEST(ProgramGenerator, G8CapsAtSixAndReportsOmittedExercises)
{
    ProgramRequest request = likely({"LCS-T01", "LCS-T02", "LCS-T04", "LCS-T05", "LCS-T06"});
    request.flexionRelated = true;
    request.answers = JsonValue(JsonValue::Object{{"lcs_s05", true}, {"lcs_t02_leg_symptoms", false}});
    GeneratedProgram generated = generate(request);
    EXPECT_EQ(ids(generated.program),
              (std::vector<std::string>{"EX-LM-01", "EX-CO-01", "EX-GL-01", "EX-HF-01", "EX-HS-01", "EX-GM-01"}));
    EXPECT_EQ(generated.omittedExerciseIds, std::vector<std::string>{"EX-LM-02"});
}

TEST(ProgramGenerator, G8SwapsInAnActivationExerciseWhenTheCapDropsThemAll)
{
    auto [ruleset, diagnostics] = ProgramRuleset::load(std::filesystem::path(BACKSCREEN_TEST_DATA_DIR) / "core"
                                                           / "program" / "rules-cap-swap.json",
                                                       forms().catalogue);
    ASSERT_TRUE(ruleset.has_value()) << (diagnostics.empty() ? "" : diagnostics.front().toString());
    GeneratedProgram generated = ProgramGenerator(forms().catalogue, *ruleset).generate(likely({}));
    EXPECT_EQ(ids(generated.program), (std::vector<std::string>{"EX-HF-01", "EX-GL-01"}));
    EXPECT_EQ(generated.omittedExerciseIds, (std::vector<std::string>{"EX-HS-01", "EX-HF-02"}));
}

TEST(ProgramGenerator, EveryExerciseSaysWhyAndHasTheCatalogueDose)
{
    ProgramRequest request = likely({"LCS-T01", "LCS-T04", "LCS-T05"});
    request.flexionRelated = true;
    request.answers = JsonValue(JsonValue::Object{{"lcs_s06", "yes"}});
    GeneratedProgram generated = generate(request);
    ASSERT_FALSE(generated.program.exercises.empty());
    for (const ProgramExercise& exercise : generated.program.exercises) {
        ASSERT_FALSE(exercise.reasons.empty()) << exercise.exerciseId;
        EXPECT_EQ(exercise.reasons.front().ruleId.rfind("PROG-", 0), 0u);
        EXPECT_FALSE(exercise.reasons.front().finding.empty());
        EXPECT_EQ(exercise.dosage, forms().catalogue.find(exercise.exerciseId)->dosage);
    }
    EXPECT_EQ(generated.program.rulesetId, "program");
    EXPECT_EQ(generated.program.rulesetVersion, "1.0");
    EXPECT_EQ(generated.program.catalogueVersion, "1.1");
    EXPECT_EQ(generated.program.version, 1);
}

TEST(ProgramGenerator, GeneralActivationExerciseCitesEveryRuleThatChoseIt)
{
    ProgramRequest request = likely({"LCS-T04"});
    request.lcs = "UNLIKELY";
    GeneratedProgram generated = generate(request);
    const ProgramExercise* bridge = find(generated.program, "EX-GL-01");
    ASSERT_NE(bridge, nullptr);
    EXPECT_EQ(bridge->reasons.size(), 2u);
    EXPECT_TRUE(hasReason(*bridge, "PROG-04"));
    EXPECT_TRUE(hasReason(*bridge, "PROG-09"));
}

TEST(ProgramGenerator, ExerciseAddedByTherapistGetsG6ForARadicularClient)
{
    ProgramRequest request = likely({"LCS-T04"});
    request.radicular = "ASSESS";
    ProgramGenerator generator(forms().catalogue, forms().ruleset);
    ProgramExercise stretch = generator.exerciseFor(request, "EX-HS-03");
    EXPECT_TRUE(stretch.nerveFriendly);
    EXPECT_EQ(stretch.dosage, forms().catalogue.find("EX-HS-03")->dosage);
    EXPECT_EQ(
        stretch.reasons,
        (std::vector<ProgramReason>{{"therapist", "added by the therapist"}, {"PROG-11", rule("PROG-11").finding}}));
    request.radicular = "CONTINUE";
    ProgramExercise plain = generator.exerciseFor(request, "EX-HS-03");
    EXPECT_FALSE(plain.nerveFriendly);
    EXPECT_EQ(plain.note, "");
    try {
        generator.exerciseFor(request, "EX-ZZ-01");
        FAIL() << "expected an error";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::ProgramEditRejected);
    }
}
