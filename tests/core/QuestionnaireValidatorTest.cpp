#include "core/fhir/QuestionnaireValidator.h"

#include "FhirTestSupport.h"

#include "core/fhir/FhirDocument.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace backscreen;
using namespace backscreen::core;
using backscreen::tests::briefs;
using backscreen::tests::fhirFixture;
using backscreen::tests::sorted;

namespace {

std::vector<std::string> verdict(const std::string& fixture)
{
    return briefs(FhirDocument::loadFile(fhirFixture(fixture)).diagnostics);
}

} // namespace

TEST(QuestionnaireValidator, DuplicateLinkIdNamesTheSecondItem)
{
    auto document = FhirDocument::loadFile(fhirFixture("duplicate-link-ids.json"));
    EXPECT_EQ(briefs(document.diagnostics), std::vector<std::string>{"error 305 /item/1/item/0/linkId item \"q1\""});
    EXPECT_EQ(document.diagnostics[0].message,
              "que-2: linkId \"q1\" is already used by the item at /item/0; expected each linkId once");
}

TEST(QuestionnaireValidator, EnableWhenToAnUnknownItem)
{
    auto document = FhirDocument::loadFile(fhirFixture("enablewhen-unknown-item.json"));
    EXPECT_EQ(briefs(document.diagnostics),
              std::vector<std::string>{"error 330 /item/1/enableWhen/0/question item \"q2\""});
    EXPECT_EQ(document.diagnostics[0].toString(),
              document.source
                  + ": item \"q2\" at /item/1/enableWhen/0/question: enableWhen refers to \"q0\", which "
                    "no item has as linkId; expected the linkId of an earlier question");
}

TEST(QuestionnaireValidator, EnableWhenCycleIsAnError)
{
    EXPECT_EQ(
        verdict("enablewhen-cycle.json"),
        sorted({"error 335 /item/1/enableWhen item \"b\"", "warning 333 /item/0/enableWhen/0/question item \"a\""}));
}

TEST(QuestionnaireValidator, EnableWhenTargetsMustBeOtherEarlierQuestions)
{
    EXPECT_EQ(verdict("enablewhen-bad-targets.json"),
              sorted({"error 331 /item/1/enableWhen/0/question item \"self\"",
                      "error 332 /item/2/enableWhen/0/question item \"to-display\"",
                      "warning 333 /item/3/enableWhen/0/question item \"to-later\"",
                      "warning 333 /item/4/enableWhen/0/question item \"exists-integer\"",
                      "error 316 /item/4/enableWhen/0 item \"exists-integer\""}));
}

TEST(QuestionnaireValidator, EveryInvariantNamesItsItem)
{
    EXPECT_EQ(verdict("invariant-violations.json"),
              sorted({"error 306 /status",
                      "warning 323 /name",
                      "error 310 /item/0 item \"empty-group\"",
                      "error 311 /item/1/item item \"display-everything\"",
                      "error 312 /item/1/code item \"display-everything\"",
                      "error 315 /item/1/required item \"display-everything\"",
                      "error 318 /item/1/readOnly item \"display-everything\"",
                      "error 313 /item/2/answerValueSet item \"both-options\"",
                      "error 338 /item/2/answerValueSet item \"both-options\"",
                      "error 314 /item/3/answerOption item \"boolean-options\"",
                      "error 337 /item/3/answerOption/0/valueCoding item \"boolean-options\"",
                      "error 317 /item/4/initial item \"group-initial\"",
                      "error 319 /item/5/maxLength item \"date-max-length\"",
                      "error 322 /item/6/initial item \"two-initials\"",
                      "error 337 /item/7/answerOption/0/valueString item \"integer-string-option\"",
                      "error 303 /item/8/type item \"strange\"",
                      "error 302 /item/9"}));
}

TEST(QuestionnaireValidator, EveryAnswerTypeFixtureIsValid)
{
    EXPECT_EQ(verdict("every-answer-type.json"),
              std::vector<std::string>{"warning 304 /item/0/item/15/type item \"scan\""});
    EXPECT_EQ(verdict("enablewhen-operators.json"), std::vector<std::string>{});
    EXPECT_EQ(verdict("nested-groups.json"), std::vector<std::string>{});
}

TEST(QuestionnaireValidator, InitialTypeMustMatchTheItem)
{
    auto document = FhirDocument::load(JsonReader::parse(R"({"resourceType":"Questionnaire","status":"draft","item":[
            {"linkId":"b","type":"boolean","initial":[{"valueString":"true"}]},
            {"linkId":"o","type":"open-choice","initial":[{"valueString":"free"}]},
            {"linkId":"d","type":"decimal","initial":[{"valueInteger":2}]}]})",
                                                         "inline")
                                           .value.value(),
                                       "inline");
    EXPECT_EQ(briefs(document.diagnostics),
              sorted({"error 336 /item/0/initial/0/valueString item \"b\"",
                      "error 336 /item/2/initial/0/valueInteger item \"d\""}));
}

TEST(QuestionnaireValidator, EnableWhenKindsFollowTheTarget)
{
    QuestionnaireItem choice;
    choice.type = ItemType::Choice;
    EXPECT_EQ(QuestionnaireValidator::enableWhenKindsFor(choice), std::vector<FhirValueKind>{FhirValueKind::Coding});
    choice.answerOptions.push_back({FhirValue::text(FhirValueKind::String, "x"), false, "/o"});
    EXPECT_EQ(QuestionnaireValidator::enableWhenKindsFor(choice), std::vector<FhirValueKind>{FhirValueKind::String});
    QuestionnaireItem integer;
    integer.type = ItemType::Integer;
    EXPECT_EQ(QuestionnaireValidator::enableWhenKindsFor(integer),
              (std::vector<FhirValueKind>{FhirValueKind::Integer, FhirValueKind::Decimal}));
    QuestionnaireItem openChoice;
    openChoice.type = ItemType::OpenChoice;
    EXPECT_EQ(QuestionnaireValidator::acceptedAnswerKinds(openChoice),
              (std::vector<FhirValueKind>{FhirValueKind::Coding, FhirValueKind::String}));
}
