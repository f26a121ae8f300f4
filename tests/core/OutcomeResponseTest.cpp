#include "core/outcomes/OutcomeResponse.h"

#include "OutcomeTestSupport.h"

#include "core/json/JsonWriter.h"
#include "core/outcomes/OutcomeForms.h"

#include <gtest/gtest.h>

using backscreen::ErrorCode;
using backscreen::core::FlatOutcomeResponse;
using backscreen::core::JsonWriter;
using backscreen::core::OutcomeForms;
using backscreen::core::OutcomeResponse;
using backscreen::core::Severity;
using backscreen::tests::outcomeForms;
using backscreen::tests::outcomeMeasures;
using backscreen::tests::parseJson;

namespace {

FlatOutcomeResponse read(const std::string& text, const std::string& expected = {})
{
    return OutcomeResponse::read(parseJson(text), outcomeForms(), outcomeMeasures(), "qr.json", expected);
}

} // namespace

TEST(OutcomeResponse, FlattensAgainstTheFormKeepingEveryValueType)
{
    auto flat = read(R"({"resourceType": "QuestionnaireResponse",
        "questionnaire": "http://backscreen.local/fhir/Questionnaire/nprs|1.2.0", "status": "completed",
        "item": [
          {"linkId": "nprs_recall", "answer": [{"valueCoding": {"system": "http://backscreen.local/fhir/CodeSystem/nprs-recall", "code": "now"}}]},
          {"linkId": "nprs_back", "answer": [{"valueInteger": 7}]},
          {"linkId": "nprs_leg"}
        ]})");
    ASSERT_TRUE(flat.answers.has_value());
    EXPECT_TRUE(flat.diagnostics.empty()) << flat.diagnostics.front().toString();
    EXPECT_EQ(flat.instrument, "nprs");
    EXPECT_EQ(flat.questionnaire, "http://backscreen.local/fhir/Questionnaire/nprs|1.2.0");
    EXPECT_EQ(flat.status, "completed");
    EXPECT_EQ(JsonWriter::write(*flat.answers), R"({"nprs_recall":"now","nprs_back":7})");

    auto psfs = read(R"({"resourceType": "QuestionnaireResponse",
        "questionnaire": "http://backscreen.local/fhir/Questionnaire/psfs", "status": "amended",
        "item": [{"linkId": "psfs_activity_1_label", "answer": [{"valueString": "sit"}]},
                 {"linkId": "psfs_activity_1_score", "answer": [{"valueInteger": 4}]}]})");
    ASSERT_TRUE(psfs.answers.has_value()) << psfs.diagnostics.front().toString();
    EXPECT_EQ(psfs.instrument, "psfs");
    EXPECT_EQ(JsonWriter::write(*psfs.answers), R"({"psfs_activity_1_label":"sit","psfs_activity_1_score":4})");
}

TEST(OutcomeResponse, StatusOtherThanCompletedIsAWarning)
{
    auto flat = read(R"({"resourceType": "QuestionnaireResponse", "status": "in-progress",
        "questionnaire": "http://backscreen.local/fhir/Questionnaire/pgic"})");
    ASSERT_TRUE(flat.answers.has_value());
    ASSERT_EQ(flat.diagnostics.size(), 1u);
    EXPECT_EQ(flat.diagnostics[0].code, ErrorCode::OutcomeResponseNotCompleted);
    EXPECT_EQ(flat.diagnostics[0].severity, Severity::Warning);
    EXPECT_EQ(flat.diagnostics[0].message,
              "status is \"in-progress\"; expected \"completed\" or \"amended\" for a response to score");
}

// core/fhir's messages replace the old walker's "linkId answered twice" and "2 answers; expected one"; they say
// the same and name the item the same way.
TEST(OutcomeResponse, DuplicateLinkIdAndSeveralAnswersAreErrors)
{
    auto flat = read(R"({"resourceType": "QuestionnaireResponse", "status": "completed",
        "questionnaire": "http://backscreen.local/fhir/Questionnaire/nprs",
        "item": [{"linkId": "nprs_back", "answer": [{"valueInteger": 2}]},
                 {"linkId": "nprs_back", "answer": [{"valueInteger": 3}]},
                 {"linkId": "nprs_leg", "answer": [{"valueInteger": 2}, {"valueInteger": 3}]}]})");
    EXPECT_FALSE(flat.answers.has_value());
    ASSERT_EQ(flat.diagnostics.size(), 2u);
    EXPECT_EQ(flat.diagnostics[0].code, ErrorCode::FhirResponseRepeats);
    EXPECT_EQ(flat.diagnostics[0].toString(),
              "qr.json: item \"nprs_back\" at /item/1: the item occurs more than once but does not repeat; expected "
              "it once");
    EXPECT_EQ(flat.diagnostics[1].code, ErrorCode::FhirResponseRepeats);
    EXPECT_EQ(flat.diagnostics[1].pointer, "/item/2");
    EXPECT_EQ(flat.diagnostics[1].message, "the item has 2 answers but does not repeat; expected at most one");
}

TEST(OutcomeResponse, ValueOfTheWrongTypeIsAnError)
{
    auto flat = read(R"({"resourceType": "QuestionnaireResponse", "status": "completed",
        "questionnaire": "http://backscreen.local/fhir/Questionnaire/pgic",
        "item": [{"linkId": "pgic", "answer": [{"valueDate": "2024-01-01"}]}]})");
    EXPECT_FALSE(flat.answers.has_value());
    ASSERT_EQ(flat.diagnostics.size(), 1u);
    EXPECT_EQ(flat.diagnostics[0].code, ErrorCode::FhirResponseAnswerType);
    EXPECT_EQ(flat.diagnostics[0].pointer, "/item/0/answer/0");
    EXPECT_EQ(flat.diagnostics[0].subject, "item \"pgic\"");
}

TEST(OutcomeResponse, OutOfRangeAndUnknownLinkIdAreErrorsAgainstTheForm)
{
    auto flat = read(R"({"resourceType": "QuestionnaireResponse", "status": "completed",
        "questionnaire": "http://backscreen.local/fhir/Questionnaire/nprs",
        "item": [{"linkId": "nprs_back", "answer": [{"valueInteger": 11}]},
                 {"linkId": "odi_s01", "answer": [{"valueInteger": 1}]}]})");
    EXPECT_FALSE(flat.answers.has_value());
    ASSERT_EQ(flat.diagnostics.size(), 2u);
    EXPECT_EQ(flat.diagnostics[0].code, ErrorCode::FhirResponseOutOfRange);
    EXPECT_EQ(flat.diagnostics[0].toString(),
              "qr.json: item \"nprs_back\" at /item/0/answer/0: the answer 11 is above the maximum; expected at most "
              "10");
    EXPECT_EQ(flat.diagnostics[1].code, ErrorCode::FhirResponseUnknownLinkId);
    EXPECT_EQ(flat.diagnostics[1].pointer, "/item/1");
}

TEST(OutcomeResponse, OtherResourceIsRefused)
{
    auto flat = read(R"({"resourceType": "Questionnaire"})");
    EXPECT_FALSE(flat.answers.has_value());
    ASSERT_EQ(flat.diagnostics.size(), 1u);
    EXPECT_EQ(flat.diagnostics[0].code, ErrorCode::OutcomeResponseInvalid);
    EXPECT_EQ(flat.diagnostics[0].pointer, "/resourceType");
}

TEST(OutcomeResponse, WrongOrMissingQuestionnaireIsNamed)
{
    auto other = read(R"({"resourceType": "QuestionnaireResponse", "status": "completed",
        "questionnaire": "http://backscreen.local/fhir/Questionnaire/odi"})",
                      "nprs");
    ASSERT_EQ(other.diagnostics.size(), 1u);
    EXPECT_EQ(other.diagnostics[0].code, ErrorCode::OutcomeWrongQuestionnaire);
    EXPECT_EQ(other.diagnostics[0].message, "a response to the odi questionnaire; expected --instrument nprs");

    auto unknown = read(R"({"resourceType": "QuestionnaireResponse", "status": "completed",
        "questionnaire": "http://example.org/Questionnaire/intake|1.0.0"})");
    ASSERT_EQ(unknown.diagnostics.size(), 1u);
    EXPECT_EQ(unknown.diagnostics[0].code, ErrorCode::OutcomeWrongQuestionnaire);
    EXPECT_EQ(unknown.diagnostics[0].pointer, "/questionnaire");

    auto none = read(R"({"resourceType": "QuestionnaireResponse", "status": "completed"})");
    ASSERT_EQ(none.diagnostics.size(), 1u);
    EXPECT_EQ(none.diagnostics[0].code, ErrorCode::OutcomeWrongQuestionnaire);

    auto byInstrument = read(R"({"resourceType": "QuestionnaireResponse", "status": "completed",
        "item": [{"linkId": "pgic", "answer": [{"valueInteger": 2}]}]})",
                             "pgic");
    ASSERT_TRUE(byInstrument.answers.has_value());
    EXPECT_EQ(byInstrument.instrument, "pgic");

    auto unknownInstrument = read(R"({"resourceType": "QuestionnaireResponse", "status": "completed"})", "vas");
    ASSERT_EQ(unknownInstrument.diagnostics.size(), 1u);
    EXPECT_EQ(unknownInstrument.diagnostics[0].code, ErrorCode::OutcomeUnknownInstrument);
}

TEST(OutcomeResponse, RequiredItemOfAClinicFormLeftUnansweredIsOnlyAWarning)
{
    OutcomeForms forms = outcomeForms();
    auto added = forms.addClinicForm(parseJson(R"({"resourceType": "Questionnaire", "status": "active",
        "url": "http://clinic.example/Questionnaire/pgic", "version": "1",
        "derivedFrom": ["http://backscreen.local/fhir/Questionnaire/pgic"],
        "item": [{"linkId": "pgic_scale_version", "type": "string"},
                 {"linkId": "pgic", "type": "integer", "required": true, "text": "Licensed wording"}]})"),
                                     "clinic.json",
                                     outcomeMeasures());
    ASSERT_TRUE(added.empty()) << added.front().toString();
    auto flat = OutcomeResponse::read(parseJson(R"({"resourceType": "QuestionnaireResponse", "status": "completed",
        "questionnaire": "http://clinic.example/Questionnaire/pgic|1"})"),
                                      forms,
                                      outcomeMeasures(),
                                      "qr.json");
    ASSERT_TRUE(flat.answers.has_value());
    EXPECT_EQ(flat.instrument, "pgic");
    ASSERT_EQ(flat.diagnostics.size(), 1u);
    EXPECT_EQ(flat.diagnostics[0].code, ErrorCode::FhirResponseRequiredMissing);
    EXPECT_EQ(flat.diagnostics[0].severity, Severity::Warning);
}
