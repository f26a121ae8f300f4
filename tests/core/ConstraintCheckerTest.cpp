#include "core/fhir/ConstraintChecker.h"

#include "FhirTestSupport.h"

#include "core/fhir/FlatAnswers.h"
#include "core/fhir/QuestionnaireLoader.h"
#include "core/fhir/ResponseValidator.h"
#include "core/json/JsonReader.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

using namespace backscreen;
using namespace backscreen::core;
using backscreen::tests::briefs;
using backscreen::tests::fhirFixture;
using backscreen::tests::sorted;

namespace {

const char* const onsetMessage = "The age when back pain first began cannot be greater than your current age.";
const char* const radE4Message =
    "Myotomal weakness (rad_e4) needs a worst motor grade of 4 or less in x_motor_grade_min.";

const Questionnaire& intake()
{
    static const QuestionnaireLoadResult loaded = QuestionnaireLoader::loadIntakeForm();
    EXPECT_TRUE(loaded.ok());
    static const Questionnaire empty;
    return loaded.ok() ? *loaded.questionnaire : empty;
}

JsonValue json(const std::string& text)
{
    auto read = JsonReader::parse(text, "inline");
    EXPECT_TRUE(read.ok()) << text;
    return read.ok() ? *read.value : JsonValue();
}

std::string integerItem(const std::string& linkId, std::optional<int> value)
{
    return R"({"linkId":")" + linkId + R"(")"
           + (value ? R"(,"answer":[{"valueInteger":)" + std::to_string(*value) + "}]" : std::string()) + "}";
}

// An in-progress intake response (so unanswered required items are no error) holding only the four inputs
// of the two form checks: age in grp-client, onset in grp-general, grade and rad_e4 in grp-exam-neuro.
QuestionnaireResponse
intakeResponse(std::optional<int> age, std::optional<int> onset, std::optional<bool> radE4, std::optional<int> grade)
{
    std::string radE4Item =
        radE4 ? std::string(R"(,{"linkId":"rad_e4","answer":[{"valueBoolean":)") + (*radE4 ? "true" : "false") + "}]}"
              : std::string();
    std::string text =
        R"({"resourceType":"QuestionnaireResponse",)"
        R"("questionnaire":"http://backscreen.local/fhir/Questionnaire/low-back-intake|1.0.0","status":"in-progress",)"
        R"("item":[{"linkId":"grp-client","item":[)"
        + integerItem("age_years", age) + R"(]},{"linkId":"grp-general","item":[)"
        + integerItem("lbp_onset_age_years", onset)
        + R"(]},{"linkId":"grp-exam","item":[{"linkId":"grp-exam-neuro","item":[)"
        + integerItem("x_motor_grade_min", grade) + radE4Item + "]}]}]}";
    auto parsed = QuestionnaireResponse::parse(json(text), "response.json");
    EXPECT_EQ(briefs(parsed.diagnostics), std::vector<std::string>{});
    return parsed.response;
}

std::vector<Diagnostic>
validateResponse(std::optional<int> age, std::optional<int> onset, std::optional<bool> radE4, std::optional<int> grade)
{
    return ResponseValidator::validate(intake(), intakeResponse(age, onset, radE4, grade), "response.json");
}

std::vector<Diagnostic> validateFlat(const std::string& answers)
{
    return FlatAnswers::validate(intake(), json(answers), "answers.json");
}

} // namespace

TEST(ConstraintChecker, IntakeFormCarriesBothChecksCompiled)
{
    const QuestionnaireItem* onset = intake().find("lbp_onset_age_years");
    ASSERT_NE(onset, nullptr);
    ASSERT_EQ(onset->constraints.size(), 1u);
    EXPECT_EQ(onset->constraints[0].key, "onset-not-after-age");
    EXPECT_EQ(onset->constraints[0].severity, Severity::Error);
    EXPECT_EQ(onset->constraints[0].human, onsetMessage);
    EXPECT_TRUE(onset->constraints[0].rule.has_value());
    EXPECT_NE(onset->constraints[0].expression.find("%resource"), std::string::npos);
    const QuestionnaireItem* radE4 = intake().find("rad_e4");
    ASSERT_NE(radE4, nullptr);
    ASSERT_EQ(radE4->constraints.size(), 1u);
    EXPECT_EQ(radE4->constraints[0].key, "rad-e4-needs-grade");
    EXPECT_TRUE(radE4->constraints[0].rule.has_value());
    EXPECT_TRUE(ConstraintChecker::hasConstraints(intake()));
}

TEST(ConstraintChecker, OnsetAfterCurrentAgeIsRefusedInAResponse)
{
    auto diagnostics = validateResponse(30, 40, std::nullopt, std::nullopt);
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_EQ(diagnostics[0].code, ErrorCode::FhirResponseConstraintFailed);
    EXPECT_EQ(diagnostics[0].severity, Severity::Error);
    EXPECT_EQ(diagnostics[0].pointer, "/item/1/item/0");
    EXPECT_EQ(diagnostics[0].subject, "item \"lbp_onset_age_years\"");
    EXPECT_EQ(diagnostics[0].message, onsetMessage);
}

TEST(ConstraintChecker, OnsetAfterCurrentAgeIsRefusedInFlatAnswers)
{
    auto diagnostics = validateFlat(R"({"age_years":30,"lbp_onset_age_years":40})");
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_EQ(diagnostics[0].code, ErrorCode::FhirResponseConstraintFailed);
    EXPECT_EQ(diagnostics[0].severity, Severity::Error);
    EXPECT_EQ(diagnostics[0].pointer, "/lbp_onset_age_years");
    EXPECT_EQ(diagnostics[0].subject, "item \"lbp_onset_age_years\"");
    EXPECT_EQ(diagnostics[0].message, onsetMessage);
}

TEST(ConstraintChecker, OnsetEqualToCurrentAgeIsAccepted)
{
    EXPECT_EQ(briefs(validateResponse(30, 30, std::nullopt, std::nullopt)), std::vector<std::string>{});
    EXPECT_EQ(briefs(validateFlat(R"({"age_years":30,"lbp_onset_age_years":30})")), std::vector<std::string>{});
    EXPECT_EQ(briefs(validateFlat(R"({"age_years":30,"lbp_onset_age_years":29})")), std::vector<std::string>{});
}

TEST(ConstraintChecker, RadE4WithFullStrengthIsRefused)
{
    auto diagnostics = validateResponse(std::nullopt, std::nullopt, true, 5);
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_EQ(diagnostics[0].code, ErrorCode::FhirResponseConstraintFailed);
    EXPECT_EQ(diagnostics[0].pointer, "/item/2/item/0/item/1");
    EXPECT_EQ(diagnostics[0].subject, "item \"rad_e4\"");
    EXPECT_EQ(diagnostics[0].message, radE4Message);

    auto flat = validateFlat(R"({"rad_e4":true,"x_motor_grade_min":5})");
    ASSERT_EQ(flat.size(), 1u);
    EXPECT_EQ(flat[0].code, ErrorCode::FhirResponseConstraintFailed);
    EXPECT_EQ(flat[0].pointer, "/rad_e4");
    EXPECT_EQ(flat[0].subject, "item \"rad_e4\"");
    EXPECT_EQ(flat[0].message, radE4Message);
}

TEST(ConstraintChecker, RadE4WithGradeFourOrNoWeaknessIsAccepted)
{
    EXPECT_EQ(briefs(validateResponse(std::nullopt, std::nullopt, true, 4)), std::vector<std::string>{});
    EXPECT_EQ(briefs(validateFlat(R"({"rad_e4":true,"x_motor_grade_min":4})")), std::vector<std::string>{});
    EXPECT_EQ(briefs(validateFlat(R"({"rad_e4":true,"x_motor_grade_min":0})")), std::vector<std::string>{});
    EXPECT_EQ(briefs(validateResponse(std::nullopt, std::nullopt, false, 5)), std::vector<std::string>{});
    EXPECT_EQ(briefs(validateFlat(R"({"rad_e4":false,"x_motor_grade_min":5})")), std::vector<std::string>{});
}

TEST(ConstraintChecker, EachUnansweredInputSatisfiesTheCheck)
{
    // As the FHIRPath expressions say: a check with an unanswered input passes (the missing answer is the
    // screening rules' business, not the form's).
    EXPECT_EQ(briefs(validateResponse(std::nullopt, 40, std::nullopt, std::nullopt)), std::vector<std::string>{});
    EXPECT_EQ(briefs(validateResponse(30, std::nullopt, std::nullopt, std::nullopt)), std::vector<std::string>{});
    EXPECT_EQ(briefs(validateResponse(std::nullopt, std::nullopt, true, std::nullopt)), std::vector<std::string>{});
    EXPECT_EQ(briefs(validateResponse(std::nullopt, std::nullopt, std::nullopt, 5)), std::vector<std::string>{});
    EXPECT_EQ(briefs(validateFlat(R"({"lbp_onset_age_years":40})")), std::vector<std::string>{});
    EXPECT_EQ(briefs(validateFlat(R"({"age_years":30})")), std::vector<std::string>{});
    EXPECT_EQ(briefs(validateFlat(R"({"age_years":30,"lbp_onset_age_years":null})")), std::vector<std::string>{});
    EXPECT_EQ(briefs(validateFlat(R"({"rad_e4":true})")), std::vector<std::string>{});
    EXPECT_EQ(briefs(validateFlat(R"({"x_motor_grade_min":5})")), std::vector<std::string>{});
    EXPECT_EQ(briefs(validateFlat(R"({"rad_e4":null,"x_motor_grade_min":5})")), std::vector<std::string>{});
}

TEST(ConstraintChecker, ARefusedAnswerIsNotCheckedAgain)
{
    // age 15 is refused by its own range check; the onset check then sees no age and does not fire as well.
    EXPECT_EQ(briefs(validateResponse(15, 40, std::nullopt, std::nullopt)),
              std::vector<std::string>{"error 355 /item/0/item/0/answer/0 item \"age_years\""});
    EXPECT_EQ(briefs(validateFlat(R"({"age_years":15,"lbp_onset_age_years":40})")),
              std::vector<std::string>{"error 355 /age_years item \"age_years\""});
    EXPECT_EQ(briefs(validateFlat(R"({"age_years":"30","lbp_onset_age_years":40})")),
              std::vector<std::string>{"error 353 /age_years item \"age_years\""});
}

TEST(ConstraintChecker, SeverityComesFromTheConstraintAndDisabledItemsAreNotChecked)
{
    auto loaded = QuestionnaireLoader::loadFile(fhirFixture("constraints.json"));
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(briefs(loaded.diagnostics), std::vector<std::string>{});
    const Questionnaire& q = *loaded.questionnaire;

    auto diagnostics = FlatAnswers::validate(q, json(R"({"shown":true,"low":50,"high":45})"), "answers.json");
    EXPECT_EQ(briefs(diagnostics), sorted({"error 362  item \"grp-dose\"", "warning 362 /high item \"high\""}));
    for (const Diagnostic& diagnostic : diagnostics) {
        EXPECT_EQ(diagnostic.message,
                  diagnostic.severity == Severity::Warning ? "High doses are usually a multiple of 10."
                                                           : "The low dose must not be above the high dose.");
    }
    EXPECT_EQ(briefs(FlatAnswers::validate(q, json(R"({"shown":true,"low":50,"high":50})"), "answers.json")),
              std::vector<std::string>{});
    // While the group is disabled its items (and their checks) are not part of the answers.
    EXPECT_EQ(briefs(FlatAnswers::validate(q, json(R"({"shown":false})"), "answers.json")), std::vector<std::string>{});

    auto response = QuestionnaireResponse::parse(json(R"({"resourceType":"QuestionnaireResponse","status":"completed",
        "item":[{"linkId":"shown","answer":[{"valueBoolean":true}]},
                {"linkId":"grp-dose","item":[{"linkId":"low","answer":[{"valueInteger":50}]},
                                             {"linkId":"high","answer":[{"valueInteger":45}]}]}]})"),
                                                 "response.json");
    EXPECT_EQ(briefs(ResponseValidator::validate(q, response.response, "response.json")),
              sorted({"error 362 /item/1 item \"grp-dose\"", "warning 362 /item/1/item/1 item \"high\""}));
}

TEST(ConstraintChecker, ConstraintErrorsAreReportedAtLoadNamingItemAndPointer)
{
    auto loaded = QuestionnaireLoader::loadFile(fhirFixture("constraint-errors.json"));
    EXPECT_FALSE(loaded.ok());
    EXPECT_EQ(briefs(loaded.diagnostics),
              sorted({"error 340 /item/0/extension/0/extension/4/valueString item \"a\"",
                      "error 340 /item/0/extension/1/extension/4/valueString item \"a\"",
                      "error 306 /item/1/extension/0 item \"b\"",
                      "error 340 /item/1/extension/0/extension/4/valueString item \"b\"",
                      "error 302 /item/1/extension/1 item \"b\"",
                      "warning 341 /item/1/extension/1 item \"b\""}));
    for (const Diagnostic& diagnostic : loaded.diagnostics) {
        if (diagnostic.pointer == "/item/0/extension/0/extension/4/valueString") {
            EXPECT_EQ(diagnostic.message,
                      "the JsonLogic of constraint \"unknown-operation\" does not compile: /or/1: unknown operation "
                      "\"between\"; expected a JsonLogic operation (var, if, and, ==, ...)");
        }
        if (diagnostic.pointer == "/item/1/extension/0/extension/4/valueString") {
            EXPECT_EQ(diagnostic.message,
                      "the JsonLogic of constraint \"reads-unknown-item\" reads \"bb\", which is no question of the "
                      "form; expected the linkId of an answerable item");
        }
    }
}
