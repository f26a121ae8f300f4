#include "core/fhir/EnableWhenEvaluator.h"

#include "FhirTestSupport.h"

#include "core/fhir/QuestionnaireLoader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace backscreen;
using namespace backscreen::core;
using backscreen::tests::fhirFixture;

namespace {

const Questionnaire& operatorsForm()
{
    static const Questionnaire form = [] {
        auto loaded = QuestionnaireLoader::loadFile(fhirFixture("enablewhen-operators.json"));
        EXPECT_TRUE(loaded.ok());
        return loaded.ok() ? *loaded.questionnaire : Questionnaire();
    }();
    return form;
}

std::vector<std::string> linkIds(const Questionnaire& questionnaire, const std::vector<std::size_t>& indices)
{
    std::vector<std::string> result;
    for (std::size_t index : indices) {
        result.push_back(questionnaire.items()[index].linkId);
    }
    return result;
}

FhirValue code(const char* value)
{
    return FhirValue::coding("http://example.org/cs", value);
}

} // namespace

TEST(EnableWhenEvaluator, UnansweredFormEnablesOnlyUnconditionalAndNegativeItems)
{
    EnableWhenEvaluator evaluator(operatorsForm());
    EXPECT_EQ(evaluator.enabledLinkIds(),
              (std::vector<std::string>{"b", "d", "i", "dt", "tm", "s", "c", "b-not-exists", "b-ne-true", "c-ne-a"}));
}

TEST(EnableWhenEvaluator, ExistsComparesWhetherThereIsAnAnswer)
{
    EnableWhenEvaluator evaluator(operatorsForm());
    evaluator.setAnswers("b", {FhirValue::boolean(false)});
    EXPECT_TRUE(evaluator.isEnabled("b-exists"));
    EXPECT_FALSE(evaluator.isEnabled("b-not-exists"));
    EXPECT_FALSE(evaluator.isEnabled("b-eq-true"));
    EXPECT_TRUE(evaluator.isEnabled("b-ne-true"));
    evaluator.setAnswers("b", {});
    EXPECT_FALSE(evaluator.isEnabled("b-exists"));
    EXPECT_TRUE(evaluator.isEnabled("b-not-exists"));
}

TEST(EnableWhenEvaluator, DecimalOrderingsAtTheBoundary)
{
    EnableWhenEvaluator evaluator(operatorsForm());
    evaluator.setAnswers("d", {FhirValue::decimal(2.5)});
    EXPECT_FALSE(evaluator.isEnabled("d-gt"));
    EXPECT_FALSE(evaluator.isEnabled("d-lt"));
    EXPECT_TRUE(evaluator.isEnabled("d-ge"));
    EXPECT_TRUE(evaluator.isEnabled("d-le"));
    evaluator.setAnswers("d", {FhirValue::decimal(2.6)});
    EXPECT_TRUE(evaluator.isEnabled("d-gt"));
    EXPECT_FALSE(evaluator.isEnabled("d-le"));
    evaluator.setAnswers("d", {FhirValue::decimal(-1)});
    EXPECT_TRUE(evaluator.isEnabled("d-lt"));
    EXPECT_FALSE(evaluator.isEnabled("d-ge"));
}

TEST(EnableWhenEvaluator, IntegerEqualityAndDecimalComparison)
{
    EnableWhenEvaluator evaluator(operatorsForm());
    evaluator.setAnswers("i", {FhirValue::integer(3)});
    EXPECT_TRUE(evaluator.isEnabled("i-eq"));
    EXPECT_TRUE(evaluator.isEnabled("i-gt-decimal"));
    evaluator.setAnswers("i", {FhirValue::integer(2)});
    EXPECT_FALSE(evaluator.isEnabled("i-eq"));
    EXPECT_FALSE(evaluator.isEnabled("i-gt-decimal"));
}

TEST(EnableWhenEvaluator, DatesTimesAndStrings)
{
    EnableWhenEvaluator evaluator(operatorsForm());
    evaluator.setAnswers("dt", {FhirValue::text(FhirValueKind::Date, "2020-01-01")});
    evaluator.setAnswers("tm", {FhirValue::text(FhirValueKind::Time, "11:59:59")});
    evaluator.setAnswers("s", {FhirValue::text(FhirValueKind::String, "yes")});
    EXPECT_TRUE(evaluator.isEnabled("dt-ge"));
    EXPECT_TRUE(evaluator.isEnabled("tm-lt"));
    EXPECT_TRUE(evaluator.isEnabled("s-eq"));
    evaluator.setAnswers("dt", {FhirValue::text(FhirValueKind::Date, "2019-12-31")});
    evaluator.setAnswers("tm", {FhirValue::text(FhirValueKind::Time, "12:00:00")});
    evaluator.setAnswers("s", {FhirValue::text(FhirValueKind::String, "Yes")});
    EXPECT_FALSE(evaluator.isEnabled("dt-ge"));
    EXPECT_FALSE(evaluator.isEnabled("tm-lt"));
    EXPECT_FALSE(evaluator.isEnabled("s-eq"));
}

TEST(EnableWhenEvaluator, CodingsMatchOnSystemAndCodeOrCodeAlone)
{
    EnableWhenEvaluator evaluator(operatorsForm());
    evaluator.setAnswers("c", {code("b"), code("a")});
    EXPECT_TRUE(evaluator.isEnabled("c-eq-a"));
    EXPECT_FALSE(evaluator.isEnabled("c-ne-a")); // "!=" holds only when no answer equals
    evaluator.setAnswers("c", {FhirValue::coding("http://other.org", "a")});
    EXPECT_FALSE(evaluator.isEnabled("c-eq-a"));
    EXPECT_TRUE(evaluator.isEnabled("c-ne-a"));
    evaluator.setAnswers("c", {FhirValue::coding("", "a")});
    EXPECT_TRUE(evaluator.isEnabled("c-eq-a"));
}

TEST(EnableWhenEvaluator, AnyAndAllBehaviours)
{
    EnableWhenEvaluator evaluator(operatorsForm());
    evaluator.setAnswers("b", {FhirValue::boolean(true)});
    EXPECT_TRUE(evaluator.isEnabled("any-of"));
    EXPECT_FALSE(evaluator.isEnabled("all-of"));
    evaluator.setAnswers("i", {FhirValue::integer(3)});
    EXPECT_TRUE(evaluator.isEnabled("all-of"));
    evaluator.setAnswers("b", {FhirValue::boolean(false)});
    EXPECT_TRUE(evaluator.isEnabled("any-of"));
    EXPECT_FALSE(evaluator.isEnabled("all-of"));
}

TEST(EnableWhenEvaluator, UpdateReportsExactlyTheItemsThatChanged)
{
    const Questionnaire& form = operatorsForm();
    EnableWhenEvaluator evaluator(form);
    auto changed = linkIds(form, evaluator.setAnswers("b", {FhirValue::boolean(true)}));
    std::sort(changed.begin(), changed.end());
    EXPECT_EQ(changed,
              (std::vector<std::string>{
                  "any-of", "b-eq-true", "b-exists", "b-ne-true", "b-not-exists", "grp-when-b", "in-group"}));
    EXPECT_TRUE(evaluator.setAnswers("b", {FhirValue::boolean(true)}).empty());
    EXPECT_TRUE(evaluator.setAnswers("no-such-item", {FhirValue::boolean(true)}).empty());
}

TEST(EnableWhenEvaluator, DisabledQuestionCountsAsUnanswered)
{
    EnableWhenEvaluator evaluator(operatorsForm());
    evaluator.setAnswers("b", {FhirValue::boolean(true)});
    evaluator.setAnswers("in-group", {FhirValue::integer(7)});
    EXPECT_TRUE(evaluator.isEnabled("after-in-group"));
    EXPECT_TRUE(evaluator.isEnabled("reads-in-group"));
    evaluator.setAnswers("b", {FhirValue::boolean(false)});
    EXPECT_FALSE(evaluator.isEnabled("grp-when-b"));
    EXPECT_FALSE(evaluator.isEnabled("in-group"));
    EXPECT_FALSE(evaluator.isEnabled("after-in-group"));
    EXPECT_FALSE(evaluator.isEnabled("reads-in-group"));
    // The answer is kept, so re-enabling the group brings its dependants back.
    evaluator.setAnswers("b", {FhirValue::boolean(true)});
    EXPECT_TRUE(evaluator.isEnabled("reads-in-group"));
}

TEST(EnableWhenEvaluator, IncrementalUpdatesEqualAFullRecompute)
{
    const Questionnaire& form = operatorsForm();
    const std::vector<std::pair<const char*, std::vector<FhirValue>>> steps = {
        {"b", {FhirValue::boolean(true)}},
        {"in-group", {FhirValue::integer(5)}},
        {"i", {FhirValue::integer(3)}},
        {"c", {code("a")}},
        {"b", {FhirValue::boolean(false)}},
        {"d", {FhirValue::decimal(9)}},
        {"in-group", {FhirValue::integer(1)}},
        {"b", {FhirValue::boolean(true)}},
        {"c", {}},
        {"b", {}},
    };
    EnableWhenEvaluator incremental(form);
    ItemAnswers answers(form.items().size());
    for (const auto& [linkId, values] : steps) {
        incremental.setAnswers(linkId, values);
        answers[form.indexOf(linkId)] = values;
        EnableWhenEvaluator full(form);
        full.setAllAnswers(answers);
        EXPECT_EQ(incremental.enabledLinkIds(), full.enabledLinkIds()) << "after setting " << linkId;
    }
}

TEST(EnableWhenEvaluator, IntakeFormIsEvaluable)
{
    auto loaded = QuestionnaireLoader::loadIntakeForm();
    ASSERT_TRUE(loaded.ok());
    EnableWhenEvaluator evaluator(*loaded.questionnaire);
    EXPECT_TRUE(evaluator.isEnabled("age_years"));
    EXPECT_FALSE(evaluator.enabledLinkIds().empty());
}
