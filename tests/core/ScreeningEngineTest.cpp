#include "ScreeningTestSupport.h"

#include "core/common/Error.h"
#include "core/fhir/QuestionnaireLoader.h"
#include "core/json/JsonReader.h"
#include "core/json/JsonWriter.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <initializer_list>
#include <unistd.h>
#include <utility>

using backscreen::ErrorCode;
using backscreen::core::Clearance;
using backscreen::core::ClearanceReason;
using backscreen::core::ClearanceStatus;
using backscreen::core::Diagnostic;
using backscreen::core::JsonValue;
using backscreen::core::JsonWriter;
using backscreen::core::ScreeningResult;
using backscreen::core::Triage;
using backscreen::core::WhyItem;
using namespace backscreen::tests;

namespace {

JsonValue baseline()
{
    static const JsonValue value = readJsonFile(testDataDir() / "rule-cases" / "benign-baseline.json");
    return value;
}

/// `answers` with `changes` set (a null change removes the input: unanswered).
JsonValue with(const JsonValue& answers, std::initializer_list<std::pair<const char*, JsonValue>> changes)
{
    JsonValue::Object members = answers.asObject();
    for (const auto& [key, value] : changes) {
        auto found = std::find_if(members.begin(), members.end(), [&](const auto& m) { return m.first == key; });
        if (found != members.end()) {
            members.erase(found);
        }
        if (!value.isNull()) {
            members.emplace_back(key, value);
        }
    }
    return JsonValue(std::move(members));
}

/// The baseline with every input of the given names unanswered.
JsonValue without(const JsonValue& answers, const std::vector<std::string>& names)
{
    JsonValue::Object members;
    for (const auto& member : answers.asObject()) {
        if (std::find(names.begin(), names.end(), member.first) == names.end()) {
            members.push_back(member);
        }
    }
    return JsonValue(std::move(members));
}

bool fired(const ScreeningResult& result, const std::string& id)
{
    return result.finding(id) != nullptr;
}

bool undecided(const ScreeningResult& result, const std::string& id)
{
    const auto ids = result.notEvaluableIds();
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

const std::vector<std::string> kNeuroInputs = {"leg_weakness_progressive",
                                               "x_motor_grade_min",
                                               "gait_disturbance_new",
                                               "upper_limb_neuro_symptoms",
                                               "x_umn_signs",
                                               "x_multilevel_deficit",
                                               "leg_symptoms_bilateral",
                                               "bladder_new_dysfunction",
                                               "bowel_new_dysfunction",
                                               "saddle_sensory_change",
                                               "sexual_new_dysfunction",
                                               "rad_h1",
                                               "rad_h4",
                                               "rad_e4",
                                               "rad_e5",
                                               "rad_e6"};

const std::vector<std::string> kSpaInputs = {"spa_night_wake",
                                             "spa_buttock_pain",
                                             "spa_better_moving",
                                             "spa_nsaid_48h",
                                             "spa_family_fdr",
                                             "spa_arthritis",
                                             "spa_enthesitis",
                                             "spa_psoriasis",
                                             "hx_uveitis",
                                             "hx_ibd",
                                             "lbp_duration_months"};

} // namespace

TEST(ScreeningEngine, BaselineIsClearWithEveryRuleDecided)
{
    const auto result = screeningEngine().screen(baseline());
    EXPECT_EQ(result.triage, Triage::None);
    EXPECT_FALSE(result.programBlocked);
    EXPECT_TRUE(result.notEvaluable.empty());
    EXPECT_EQ(result.patternValue("sij"), "NOT_ASSESSED");
    EXPECT_EQ(result.patternValue("radicular"), "CONTINUE");
    EXPECT_EQ(result.patternValue("lcs"), "NOT_ASSESSED");
    ASSERT_EQ(result.rulesets.size(), 3u);
    EXPECT_EQ(result.rulesets[0].id, "redflags");
    EXPECT_EQ(result.rulesets[0].version, "2.0.0");
}

TEST(ScreeningEngine, CancerHistoryFalseDecidesMalignancyWithNeuroInputsUnanswered)
{
    const auto result = screeningEngine().screen(without(baseline(), kNeuroInputs));
    EXPECT_FALSE(fired(result, "RF-MAL-01"));
    EXPECT_FALSE(undecided(result, "RF-MAL-01"));
    // The CES rules read those inputs themselves, so they are the ones left undecided.
    EXPECT_TRUE(undecided(result, "RF-CES-01"));
    EXPECT_EQ(result.triage, Triage::Incomplete);

    const auto open = screeningEngine().screen(with(without(baseline(), kNeuroInputs), {{"cancer_history", true}}));
    EXPECT_TRUE(undecided(open, "RF-MAL-01"));
    EXPECT_TRUE(fired(open, "RF-MAL-02"));
}

TEST(ScreeningEngine, OnsetAgeFiftyTwoDecidesEveryAxialSpondyloarthritisRule)
{
    const auto result = screeningEngine().screen(
        with(without(baseline(), kSpaInputs), {{"lbp_onset_age_years", 52}, {"age_years", 60}}));
    for (const char* id : {"RF-AXS-01", "RF-AXS-02", "RF-AXS-03", "RF-AXS-04"}) {
        EXPECT_FALSE(undecided(result, id)) << id;
        EXPECT_FALSE(fired(result, id)) << id;
    }
    const auto young = screeningEngine().screen(with(without(baseline(), kSpaInputs), {{"lbp_onset_age_years", 30}}));
    EXPECT_TRUE(undecided(young, "RF-AXS-01"));
    EXPECT_EQ(young.triage, Triage::Incomplete);
}

TEST(ScreeningEngine, FemaleSexDecidesAorticRuleWithRiskFactorsUnanswered)
{
    const std::vector<std::string> risks = {"smoker_ever", "cardiovascular_disease", "hypertension", "family_hx_aaa"};
    const auto female =
        screeningEngine().screen(with(without(baseline(), risks), {{"sex", "female"}, {"age_years", 70}}));
    EXPECT_FALSE(undecided(female, "RF-VASC-03"));
    const auto male = screeningEngine().screen(
        with(without(baseline(), risks), {{"age_years", 70}, {"pain_unaffected_by_movement", true}}));
    EXPECT_TRUE(undecided(male, "RF-VASC-03"));
    EXPECT_EQ(male.missing,
              (std::vector<std::string>{"cardiovascular_disease", "family_hx_aaa", "hypertension", "smoker_ever"}));
}

TEST(ScreeningEngine, MeasuredFeverBoundaryIsThirtyEightPointZero)
{
    const auto at = screeningEngine().screen(with(baseline(), {{"temperature_c", 38.0}}));
    EXPECT_TRUE(fired(at, "RF-INF-02"));
    EXPECT_EQ(at.triage, Triage::Urgent);
    const auto below = screeningEngine().screen(with(baseline(), {{"temperature_c", 37.9}}));
    EXPECT_FALSE(fired(below, "RF-INF-02"));
    EXPECT_EQ(below.triage, Triage::None);
}

// temperature_c is optional: {"var": ["temperature_c", 0]} takes its default when unanswered, so the
// comparison is false, not unknown, and the rule is decided by the other inputs.
TEST(ScreeningEngine, UnansweredTemperatureIsFalseNotUnknown)
{
    const auto result = screeningEngine().screen(without(baseline(), {"temperature_c"}));
    EXPECT_FALSE(undecided(result, "RF-INF-02"));
    EXPECT_FALSE(undecided(result, "RF-INF-01"));
    EXPECT_EQ(result.triage, Triage::None);
    // With the fever question unanswered, a measured 38.5 still decides it.
    const auto measured =
        screeningEngine().screen(with(baseline(), {{"fever_or_rigors", nullptr}, {"temperature_c", 38.5}}));
    EXPECT_TRUE(fired(measured, "RF-INF-02"));
    const auto unknown = screeningEngine().screen(with(baseline(), {{"fever_or_rigors", nullptr}}));
    EXPECT_TRUE(undecided(unknown, "RF-INF-02"));
    EXPECT_EQ(unknown.missing, (std::vector<std::string>{"fever_or_rigors"}));
}

TEST(ScreeningEngine, NullAnswerCountsAsUnanswered)
{
    const auto result = screeningEngine().screen(with(baseline(), {{"bladder_new_dysfunction", nullptr}}));
    const auto viaNull = screeningEngine().screen(JsonValue([&] {
        JsonValue::Object members = without(baseline(), {"bladder_new_dysfunction"}).asObject();
        members.emplace_back("bladder_new_dysfunction", JsonValue());
        return members;
    }()));
    EXPECT_TRUE(undecided(viaNull, "RF-CES-01"));
    EXPECT_EQ(viaNull.missing, result.missing);
    EXPECT_EQ(viaNull.triage, Triage::Incomplete);
}

TEST(ScreeningEngine, WhyListsOnlyTheDecisiveAnswers)
{
    const auto result = screeningEngine().screen(with(baseline(), {{"weight_loss_unexplained", true}}));
    const auto* finding = result.finding("RF-MAL-03");
    ASSERT_NE(finding, nullptr);
    ASSERT_EQ(finding->why.size(), 1u);
    EXPECT_EQ(finding->why[0].linkId, "weight_loss_unexplained");
    EXPECT_EQ(finding->why[0].answer, JsonValue(true));
    EXPECT_EQ(finding->why[0].text.rfind("Have you lost weight without trying", 0), 0u);
    EXPECT_EQ(finding->rulesetVersion, "2.0.0");
    EXPECT_EQ(*finding->tier, Triage::Soon);
}

TEST(ScreeningEngine, SijClusterWhyNamesThePositiveTestsOnly)
{
    // Three of the four main tests positive and T4 negative: the cluster's why lists those three.
    const auto result = screeningEngine().screen(with(baseline(),
                                                      {{"sij_t1", "positive"},
                                                       {"sij_t2", "positive"},
                                                       {"sij_t3", "positive"},
                                                       {"sij_t4", "negative"},
                                                       {"sij_t5_left", "negative"},
                                                       {"sij_t5_right", "negative"},
                                                       {"centralises_with_repeated_movement", "no"}}));
    EXPECT_EQ(result.patternValue("sij"), "ASSESS");
    const auto* finding = result.finding("SIJ-R3");
    ASSERT_NE(finding, nullptr);
    std::vector<std::string> linkIds;
    for (const WhyItem& item : finding->why) {
        linkIds.push_back(item.linkId);
        EXPECT_EQ(item.answer, JsonValue("positive"));
    }
    EXPECT_EQ(linkIds, (std::vector<std::string>{"sij_t1", "sij_t2", "sij_t3"}));
}

TEST(ScreeningEngine, EmergencySuppressesPatternsAndBlocksTheProgram)
{
    const auto result = screeningEngine().screen(with(baseline(), {{"bladder_new_dysfunction", true}}));
    EXPECT_EQ(result.triage, Triage::Emergency);
    EXPECT_TRUE(result.programBlocked);
    EXPECT_EQ(result.blockingReason, "EMERGENCY: red flag RF-CES-01");
    for (const char* screen : {"sij", "radicular", "lcs"}) {
        EXPECT_EQ(result.patternValue(screen), "SUPPRESSED") << screen;
    }
}

TEST(ScreeningEngine, ClearingSoonRuleDropsTriageAndUnblocksProgram)
{
    const JsonValue answers = with(baseline(), {{"weight_loss_unexplained", true}});
    const auto before = screeningEngine().screen(answers);
    EXPECT_EQ(before.triage, Triage::Soon);
    EXPECT_EQ(before.patternValue("sij"), "SUPPRESSED");

    std::vector<Diagnostic> diagnostics;
    auto clearance = screeningEngine().createClearance("RF-MAL-03",
                                                       "Dr A. Jones",
                                                       "2026-11-24T10:30:00Z",
                                                       ClearanceReason::MedicallyReviewedNoSeriousPathology,
                                                       "GP reviewed; weight loss explained by diet",
                                                       answers,
                                                       diagnostics);
    ASSERT_TRUE(clearance.has_value());
    EXPECT_TRUE(diagnostics.empty());
    EXPECT_EQ(JsonWriter::write(clearance->inputs), R"({"weight_loss_unexplained":true})");

    const auto after = screeningEngine().screen(answers, {*clearance}, &diagnostics);
    EXPECT_TRUE(diagnostics.empty());
    EXPECT_EQ(after.triage, Triage::None);
    EXPECT_FALSE(after.programBlocked);
    ASSERT_NE(after.finding("RF-MAL-03"), nullptr);
    EXPECT_TRUE(after.finding("RF-MAL-03")->cleared);
    EXPECT_EQ(after.patternValue("sij"), "NOT_ASSESSED");
    ASSERT_EQ(after.clearances.size(), 1u);
    EXPECT_EQ(after.clearances[0].status, ClearanceStatus::Active);
}

TEST(ScreeningEngine, ClearanceLapsesWhenAnInputChanges)
{
    // RF-FX-06 (woman over 70, SOON) reads age_years and sex; RF-FX-07 and RF-MAL-04 (MONITOR) fire too.
    const JsonValue answers = with(baseline(), {{"age_years", 75}, {"sex", "female"}});
    ASSERT_EQ(screeningEngine().screen(answers).triage, Triage::Soon);
    std::vector<Diagnostic> diagnostics;
    auto clearance = screeningEngine().createClearance(
        "RF-FX-06", "Dr B", "2026-11-24", ClearanceReason::ImagingNormal, "", answers, diagnostics);
    ASSERT_TRUE(clearance.has_value());
    const auto cleared = screeningEngine().screen(answers, {*clearance});
    EXPECT_EQ(cleared.triage, Triage::Monitor);
    EXPECT_FALSE(cleared.programBlocked);

    // A year later the rule still fires, but its input changed: the clearance lapses and the rule counts again.
    const auto later = screeningEngine().screen(with(answers, {{"age_years", 76}}), {*clearance}, &diagnostics);
    EXPECT_EQ(later.triage, Triage::Soon);
    EXPECT_TRUE(later.programBlocked);
    EXPECT_FALSE(later.finding("RF-FX-06")->cleared);
    ASSERT_EQ(later.clearances.size(), 1u);
    EXPECT_EQ(later.clearances[0].status, ClearanceStatus::Lapsed);
    EXPECT_EQ(later.clearances[0].changedInputs, std::vector<std::string>{"age_years"});
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_EQ(diagnostics[0].code, ErrorCode::ClearanceLapsed);
    EXPECT_EQ(diagnostics[0].subject, "rule \"RF-FX-06\"");

    // An answer becoming unanswered is a change too.
    const auto unanswered = screeningEngine().screen(with(answers, {{"sex", nullptr}}), {*clearance});
    EXPECT_EQ(unanswered.clearances[0].status, ClearanceStatus::Lapsed);
}

TEST(ScreeningEngine, ClearanceOfAnotherRuleInputChangeLapsesOnlyWhenItsOwnInputChanges)
{
    const JsonValue answers = with(baseline(), {{"weight_loss_unexplained", true}});
    std::vector<Diagnostic> diagnostics;
    auto clearance = screeningEngine().createClearance(
        "RF-MAL-03", "Dr A", "2026-11-24", ClearanceReason::SpecialistManaging, "", answers, diagnostics);
    ASSERT_TRUE(clearance.has_value());
    // An unrelated answer changes: the clearance still holds.
    const auto unrelated = screeningEngine().screen(with(answers, {{"diabetes", true}}), {*clearance});
    EXPECT_EQ(unrelated.clearances[0].status, ClearanceStatus::Active);
    EXPECT_EQ(unrelated.triage, Triage::Monitor);
}

TEST(ScreeningEngine, EmergencyRuleCannotBeCleared)
{
    const JsonValue answers = with(baseline(), {{"bladder_new_dysfunction", true}});
    std::vector<Diagnostic> diagnostics;
    auto refused = screeningEngine().createClearance(
        "RF-CES-01", "Dr A", "2026-11-24", ClearanceReason::Other, "", answers, diagnostics);
    EXPECT_FALSE(refused.has_value());
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_EQ(diagnostics[0].code, ErrorCode::ClearanceNotAllowed);
    EXPECT_EQ(diagnostics[0].subject, "rule \"RF-CES-01\"");

    // A stored clearance of an EMERGENCY rule (e.g. hand-edited) is ignored with a diagnostic.
    Clearance forged;
    forged.ruleId = "RF-CES-01";
    forged.clearedBy = "someone";
    forged.clearedAt = "2026-11-24";
    forged.inputs = JsonValue(JsonValue::Object{{"bladder_new_dysfunction", true}});
    diagnostics.clear();
    const auto result = screeningEngine().screen(answers, {forged}, &diagnostics);
    EXPECT_EQ(result.triage, Triage::Emergency);
    EXPECT_FALSE(result.finding("RF-CES-01")->cleared);
    EXPECT_EQ(result.clearances[0].status, ClearanceStatus::Refused);
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_EQ(diagnostics[0].code, ErrorCode::ClearanceNotAllowed);
}

TEST(ScreeningEngine, MonitorAndUnfiredRulesCannotBeCleared)
{
    std::vector<Diagnostic> diagnostics;
    const JsonValue answers = with(baseline(), {{"age_years", 75}});
    EXPECT_FALSE(screeningEngine()
                     .createClearance("RF-FX-07", "Dr", "2026", ClearanceReason::Other, "", answers, diagnostics)
                     .has_value());
    EXPECT_FALSE(screeningEngine()
                     .createClearance("RF-MAL-03", "Dr", "2026", ClearanceReason::Other, "", answers, diagnostics)
                     .has_value());
    EXPECT_FALSE(screeningEngine()
                     .createClearance("RF-NOPE", "Dr", "2026", ClearanceReason::Other, "", answers, diagnostics)
                     .has_value());
    ASSERT_EQ(diagnostics.size(), 3u);
    EXPECT_EQ(diagnostics[0].code, ErrorCode::ClearanceNotAllowed);
    EXPECT_EQ(diagnostics[1].code, ErrorCode::ClearanceNotAllowed);
    EXPECT_EQ(diagnostics[2].code, ErrorCode::ClearanceUnknownRule);
}

TEST(ScreeningEngine, IncompleteCannotBeClearedAwayAndKeepsBlocking)
{
    // A SOON rule fired and cleared while another rule is not evaluable: the triage falls to INCOMPLETE.
    const JsonValue answers =
        with(baseline(), {{"weight_loss_unexplained", true}, {"bladder_new_dysfunction", nullptr}});
    std::vector<Diagnostic> diagnostics;
    auto clearance = screeningEngine().createClearance(
        "RF-MAL-03", "Dr", "2026", ClearanceReason::Other, "note", answers, diagnostics);
    ASSERT_TRUE(clearance.has_value());
    const auto result = screeningEngine().screen(answers, {*clearance});
    EXPECT_EQ(result.triage, Triage::Incomplete);
    EXPECT_TRUE(result.programBlocked);
    EXPECT_EQ(result.missing, std::vector<std::string>{"bladder_new_dysfunction"});
    EXPECT_EQ(result.provisionalScreens(), (std::vector<std::string>{"lcs", "radicular", "sij"}));
}

TEST(ScreeningEngine, ResultJsonRoundTripsExactly)
{
    const JsonValue answers = with(baseline(), {{"weight_loss_unexplained", true}, {"sij_t1", "positive"}});
    std::vector<Diagnostic> diagnostics;
    auto clearance = screeningEngine().createClearance(
        "RF-MAL-03", "Dr", "2026-11-24", ClearanceReason::Other, "reviewed", answers, diagnostics);
    ASSERT_TRUE(clearance.has_value());
    const auto result = screeningEngine().screen(answers, {*clearance});
    const std::string text = JsonWriter::write(result.toJson());
    auto reread = backscreen::core::JsonReader::parse(text, "result");
    ASSERT_TRUE(reread.ok());
    auto restored = ScreeningResult::fromJson(*reread.value, diagnostics);
    ASSERT_TRUE(restored.has_value());
    EXPECT_TRUE(diagnostics.empty());
    EXPECT_TRUE(*restored == result);
    EXPECT_EQ(JsonWriter::write(restored->toJson()), text);
    // Deterministic: screening again gives the same text.
    EXPECT_EQ(JsonWriter::write(screeningEngine().screen(answers, {*clearance}).toJson()), text);
}

TEST(ScreeningEngine, ResultJsonHasTheDocumentedShape)
{
    const auto result = screeningEngine().screen(with(baseline(), {{"weight_loss_unexplained", true}}));
    const JsonValue json = result.toJson();
    const auto& members = json.asObject();
    ASSERT_GE(members.size(), 5u);
    EXPECT_EQ(members[0].first, "triage");
    EXPECT_EQ(members[1].first, "programBlocked");
    EXPECT_EQ(*json.find("triage"), JsonValue("SOON"));
    const JsonValue& finding = json.find("findings")->asArray().at(0);
    EXPECT_EQ(JsonWriter::write(*finding.find("why")),
              R"([{"linkId":"weight_loss_unexplained","text":")"
                  + screeningEngine().questionText("weight_loss_unexplained") + R"(","answer":true}])");
    for (const char* key : {"ruleId", "rulesetId", "rulesetVersion", "tier", "title", "reference", "why"}) {
        EXPECT_NE(finding.find(key), nullptr) << key;
    }
    EXPECT_EQ(JsonWriter::write(*json.find("patterns")),
              R"({"sij":"SUPPRESSED","radicular":"SUPPRESSED","lcs":"SUPPRESSED"})");
    EXPECT_EQ(JsonWriter::write(*json.find("missing")), "[]");
}

TEST(ScreeningEngine, MalformedStoredResultIsReportedNotGuessed)
{
    std::vector<Diagnostic> diagnostics;
    auto parsed = backscreen::core::JsonReader::parse(R"({"triage": "MAYBE"})", "t");
    ASSERT_TRUE(parsed.ok());
    EXPECT_FALSE(ScreeningResult::fromJson(*parsed.value, diagnostics).has_value());
    ASSERT_FALSE(diagnostics.empty());
    EXPECT_EQ(diagnostics[0].code, ErrorCode::ScreeningResultMalformed);
    EXPECT_EQ(diagnostics[0].pointer, "/triage");
}

TEST(ScreeningEngine, LcsFindingsAreExposedForTheProgramGenerator)
{
    const JsonValue vignette = readJsonFile(testDataDir() / "vignettes" / "v11-flexion-lower-crossed.json");
    const auto result = screeningEngine().screen(*vignette.find("answers"));
    EXPECT_EQ(result.patternValue("lcs"), "LIKELY");
    EXPECT_TRUE(result.lcs.flexionRelated);
    const JsonValue& report = result.pattern("lcs")->report;
    EXPECT_TRUE(report.find("flexion_related")->isBool());
    EXPECT_TRUE(report.find("i_count")->isNumber());
    const int positives = int(result.lcs.t01Positive) + int(result.lcs.t02Positive) + int(result.lcs.t04Positive)
                          + int(result.lcs.t05Positive) + int(result.lcs.t06Positive);
    EXPECT_EQ(positives, static_cast<int>(report.find("i_count")->asNumber()));
}

// The engine decides a red flag two-valued when every input it reads is answered; that must give exactly the
// Kleene truth of evaluatePartial on every answer set we have.
TEST(ScreeningEngine, TwoValuedShortcutAgreesWithThreeValuedEvaluation)
{
    std::vector<JsonValue> sets;
    for (const auto& file : filesIn(testDataDir() / "vignettes", ".json")) {
        sets.push_back(*readJsonFile(file).find("answers"));
    }
    const JsonValue cases = readJsonFile(testDataDir() / "rule-cases" / "redflags.json");
    for (const JsonValue& item : cases.asArray()) {
        sets.push_back(*item.find("answers"));
    }
    ASSERT_GT(sets.size(), 200u);
    std::size_t shortcuts = 0;
    for (const JsonValue& answers : sets) {
        const auto result = screeningEngine().screen(answers);
        const auto notEvaluable = result.notEvaluableIds();
        for (const auto& rule : screeningEngine().redFlags().rules) {
            const auto truth = rule.partial.evaluatePartial(answers).truth;
            EXPECT_EQ(result.finding(rule.id) != nullptr, truth == backscreen::core::JsonLogicTruth::True) << rule.id;
            EXPECT_EQ(std::count(notEvaluable.begin(), notEvaluable.end(), rule.id) == 1,
                      truth == backscreen::core::JsonLogicTruth::Unknown)
                << rule.id;
            shortcuts += std::all_of(rule.readInputs.begin(),
                                     rule.readInputs.end(),
                                     [&](const std::string& input) { return answers.find(input) != nullptr; })
                             ? 1
                             : 0;
        }
    }
    EXPECT_GT(shortcuts, sets.size() * 30);
}

TEST(ScreeningEngine, LoadRefusesFormsWithABrokenRuleset)
{
    const std::filesystem::path forms(BACKSCREEN_FORMS_DIR);
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("screening-forms-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir / "intake");
    std::filesystem::create_directories(dir / "rules");
    std::filesystem::copy_file(forms / "intake" / "low-back-intake.json", dir / "intake" / "low-back-intake.json");
    std::filesystem::copy_file(forms / "rules" / "redflags.json", dir / "rules" / "redflags.json");
    std::filesystem::copy_file(forms / "rules" / "sij-radicular.json", dir / "rules" / "sij-radicular.json");
    std::filesystem::copy_file(testDataDir() / "core" / "screening" / "unknown-tier.json", dir / "rules" / "lcs.json");
    const auto loaded = backscreen::core::ScreeningEngine::load(dir);
    std::filesystem::remove_all(dir);
    EXPECT_FALSE(loaded.ok());
    ASSERT_EQ(loaded.diagnostics.size(), 1u);
    EXPECT_EQ(loaded.diagnostics[0].code, ErrorCode::RulesetUnknownTier);
    EXPECT_EQ(loaded.diagnostics[0].source, (dir / "rules" / "lcs.json").string());
}

TEST(ScreeningEngine, ConstructorNeedsAllThreeRulesets)
{
    const auto intake = backscreen::core::QuestionnaireLoader::loadIntakeForm();
    ASSERT_TRUE(intake.ok());
    std::vector<backscreen::core::Ruleset> rulesets = {screeningEngine().rulesets().at(0)};
    try {
        backscreen::core::ScreeningEngine engine(*intake.questionnaire, rulesets);
        FAIL() << "expected an error";
    } catch (const backscreen::Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::ScreeningRulesetMissing);
        EXPECT_EQ(std::string(error.what()),
                  "screening engine: ruleset \"sij_radicular\" missing; expected redflags, sij_radicular and lcs");
    }
}

TEST(ScreeningEngine, GivesTheSameResultWhateverWasScreenedBefore)
{
    // The engine keeps lookup hints between screenings (where each answer was found last time). Answer
    // sets of other shapes, screened in another order by another engine, must not change any result.
    const auto files = backscreen::tests::filesIn(backscreen::tests::testDataDir() / "vignettes", ".json");
    ASSERT_GE(files.size(), 25U);
    const auto other = backscreen::core::ScreeningEngine::load(BACKSCREEN_FORMS_DIR);
    ASSERT_TRUE(other.ok());
    std::vector<std::string> forward;
    for (const auto& file : files) {
        forward.push_back(JsonWriter::write(
            screeningEngine().screen(*backscreen::tests::readJsonFile(file).find("answers")).toJson()));
    }
    for (std::size_t i = files.size(); i-- > 0;) {
        const JsonValue answers = *backscreen::tests::readJsonFile(files[i]).find("answers");
        EXPECT_EQ(JsonWriter::write(other.engine->screen(answers).toJson()), forward[i]) << files[i].filename();
    }
}
