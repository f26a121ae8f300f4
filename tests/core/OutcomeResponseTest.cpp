#include "core/outcomes/OutcomeResponse.h"

#include "OutcomeTestSupport.h"

#include "core/json/JsonWriter.h"

#include <gtest/gtest.h>

using backscreen::ErrorCode;
using backscreen::core::flattenOutcomeResponse;
using backscreen::core::JsonWriter;
using backscreen::core::Severity;
using backscreen::tests::parseJson;

TEST(OutcomeResponse, FlattensNestedItemsAndEveryValueType)
{
    auto flat = flattenOutcomeResponse(parseJson(R"({"resourceType": "QuestionnaireResponse",
        "questionnaire": "http://backscreen.local/fhir/Questionnaire/nprs|1.2.0", "status": "completed",
        "item": [
          {"linkId": "nprs_recall", "answer": [{"valueCoding": {"system": "x", "code": "now"}}]},
          {"linkId": "group", "item": [{"linkId": "nprs_back", "answer": [{"valueInteger": 7}]}]},
          {"linkId": "nprs_leg", "answer": [{"valueDecimal": 2.50, "item": [{"linkId": "a", "answer": [{"valueBoolean": true}]}]}]},
          {"linkId": "label", "answer": [{"valueString": "sit"}]},
          {"linkId": "unanswered"}
        ]})"),
                                       "qr.json");
    ASSERT_TRUE(flat.answers.has_value());
    EXPECT_TRUE(flat.diagnostics.empty());
    EXPECT_EQ(flat.questionnaire, "http://backscreen.local/fhir/Questionnaire/nprs|1.2.0");
    EXPECT_EQ(flat.status, "completed");
    EXPECT_EQ(JsonWriter::write(*flat.answers),
              R"({"nprs_recall":"now","nprs_back":7,"a":true,"nprs_leg":2.50,"label":"sit"})");
}

TEST(OutcomeResponse, StatusOtherThanCompletedIsAWarning)
{
    auto flat = flattenOutcomeResponse(
        parseJson(R"({"resourceType": "QuestionnaireResponse", "status": "in-progress"})"), "qr.json");
    ASSERT_TRUE(flat.answers.has_value());
    ASSERT_EQ(flat.diagnostics.size(), 1u);
    EXPECT_EQ(flat.diagnostics[0].code, ErrorCode::OutcomeResponseNotCompleted);
    EXPECT_EQ(flat.diagnostics[0].severity, Severity::Warning);
    EXPECT_EQ(flat.diagnostics[0].message,
              "status is \"in-progress\"; expected \"completed\" or \"amended\" for a response to score");
}

TEST(OutcomeResponse, DuplicateLinkIdAndSeveralAnswersAreErrors)
{
    auto flat = flattenOutcomeResponse(parseJson(R"({"resourceType": "QuestionnaireResponse", "status": "completed",
        "item": [{"linkId": "pgic", "answer": [{"valueInteger": 2}]},
                 {"linkId": "pgic", "answer": [{"valueInteger": 3}]},
                 {"linkId": "nprs_back", "answer": [{"valueInteger": 2}, {"valueInteger": 3}]}]})"),
                                       "qr.json");
    EXPECT_FALSE(flat.answers.has_value());
    ASSERT_EQ(flat.diagnostics.size(), 2u);
    EXPECT_EQ(flat.diagnostics[0].code, ErrorCode::OutcomeResponseInvalid);
    EXPECT_EQ(flat.diagnostics[0].toString(),
              "qr.json: linkId \"pgic\" at /item/1: linkId answered twice; expected each linkId once");
    EXPECT_EQ(flat.diagnostics[1].pointer, "/item/2/answer");
    EXPECT_EQ(flat.diagnostics[1].message, "2 answers; expected one");
}

TEST(OutcomeResponse, UnsupportedValueTypeIsAnError)
{
    auto flat = flattenOutcomeResponse(parseJson(R"({"resourceType": "QuestionnaireResponse", "status": "completed",
        "item": [{"linkId": "pgic", "answer": [{"valueDate": "2024-01-01"}]}]})"),
                                       "qr.json");
    EXPECT_FALSE(flat.answers.has_value());
    ASSERT_EQ(flat.diagnostics.size(), 1u);
    EXPECT_EQ(flat.diagnostics[0].pointer, "/item/0/answer/0/valueDate");
    EXPECT_EQ(flat.diagnostics[0].message,
              "valueDate is not read; expected valueInteger, valueDecimal, valueBoolean, valueString or valueCoding");
}

TEST(OutcomeResponse, OtherResourceIsRefused)
{
    auto flat = flattenOutcomeResponse(parseJson(R"({"resourceType": "Questionnaire"})"), "q.json");
    EXPECT_FALSE(flat.answers.has_value());
    ASSERT_EQ(flat.diagnostics.size(), 1u);
    EXPECT_EQ(flat.diagnostics[0].pointer, "/resourceType");
}
