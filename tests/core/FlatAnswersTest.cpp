#include "core/fhir/FlatAnswers.h"

#include "FhirTestSupport.h"

#include "core/fhir/QuestionnaireLoader.h"
#include "core/json/JsonReader.h"
#include "core/json/JsonWriter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace backscreen;
using namespace backscreen::core;
using backscreen::tests::briefs;
using backscreen::tests::fhirFixture;
using backscreen::tests::sorted;

namespace {

Questionnaire load(const std::string& fixture)
{
    auto loaded = QuestionnaireLoader::loadFile(fhirFixture(fixture));
    EXPECT_TRUE(loaded.ok()) << fixture;
    return loaded.ok() ? *loaded.questionnaire : Questionnaire();
}

JsonValue json(const std::string& text)
{
    auto read = JsonReader::parse(text, "inline");
    EXPECT_TRUE(read.ok()) << text;
    return read.ok() ? *read.value : JsonValue();
}

QuestionnaireResponse response(const std::string& text)
{
    return QuestionnaireResponse::parse(json(text), "inline").response;
}

} // namespace

TEST(FlatAnswers, FlattensEveryAnswerType)
{
    Questionnaire q = load("every-answer-type.json");
    auto document = FhirDocument::loadFile(fhirFixture("every-answer-type-response.json"));
    ASSERT_EQ(document.responses.size(), 1u);
    JsonValue flat = FlatAnswers::flatten(q, document.responses.front());
    // Document order; numbers keep their text; the Coding gives its code, the Quantity its value, the
    // Reference its reference; the attachment is left out; the repeating open-choice is an array.
    EXPECT_EQ(
        JsonWriter::write(flat),
        R"({"flag":false,"weight_kg":72.50,"age_years":42,"onset":"2026-10","seen_at":"2026-11-24T08:45:00Z",)"
        R"("wake_time":"06:30:00","nickname":"Jo","notes":"worse in the morning","homepage":"https://example.org",)"
        R"("side":"left","pain_words":["burning","like a knife"],"sessions":2,"height":172.0,)"
        R"("gp":"Practitioner/7","visits":3})");
}

TEST(FlatAnswers, DisabledAndUnansweredItemsAreAbsent)
{
    Questionnaire q = load("enablewhen-operators.json");
    JsonValue flat = FlatAnswers::flatten(q, response(R"({"resourceType":"QuestionnaireResponse","status":"in-progress",
        "item":[{"linkId":"b","answer":[{"valueBoolean":false}]},
                {"linkId":"c","answer":[{"valueCoding":{"system":"http://example.org/cs","code":"b"}}]},
                {"linkId":"b-eq-true","answer":[{"valueString":"hidden"}]},
                {"linkId":"b-exists","answer":[{"valueString":"shown"}]},
                {"linkId":"grp-when-b","item":[{"linkId":"in-group","answer":[{"valueInteger":9}]}]}]})"));
    EXPECT_EQ(JsonWriter::write(flat), R"({"b":false,"c":["b"],"b-exists":"shown"})");
}

TEST(FlatAnswers, ReadAcceptsWhatFlattenWrites)
{
    Questionnaire q = load("every-answer-type.json");
    auto document = FhirDocument::loadFile(fhirFixture("every-answer-type-response.json"));
    JsonValue flat = FlatAnswers::flatten(q, document.responses.front());
    auto read = FlatAnswers::read(q, flat, "flat");
    EXPECT_EQ(briefs(read.diagnostics), std::vector<std::string>{});
    EnableWhenEvaluator state(q);
    state.setAllAnswers(read.answers);
    EXPECT_EQ(FlatAnswers::flatten(q, state), flat);
    const auto& side = read.answers[q.indexOf("side")];
    ASSERT_EQ(side.size(), 1u);
    EXPECT_EQ(side[0].system(), "http://backscreen.local/fhir/CodeSystem/side");
}

TEST(FlatAnswers, InvalidValuesAreErrorsNeverUnanswered)
{
    Questionnaire q = load("every-answer-type.json");
    auto read = FlatAnswers::read(q,
                                  json(R"({"flag":"false","age_years":42.5,"weight_kg":"70","side":"up",
        "pain_words":"burning","sessions":4,"nickname":"Johnny","onset":"2026-02-30","grp-all":true,
        "nope":1,"notes":null,"homepage":["a"],"wake_time":"06:30:00"})"),
                                  "answers.json");
    EXPECT_EQ(briefs(read.diagnostics),
              sorted({"error 353 /flag item \"flag\"",
                      "error 353 /age_years item \"age_years\"",
                      "error 353 /weight_kg item \"weight_kg\"",
                      "error 354 /side item \"side\"",
                      "error 353 /pain_words item \"pain_words\"",
                      "error 354 /sessions item \"sessions\"",
                      "error 356 /nickname item \"nickname\"",
                      "error 306 /onset item \"onset\"",
                      "error 359 /grp-all item \"grp-all\"",
                      "error 350 /nope item \"nope\"",
                      "error 357 /homepage item \"homepage\""}));
    // Only the valid answer survives; null is absent, as the clinical README says.
    EXPECT_EQ(read.answers[q.indexOf("wake_time")].size(), 1u);
    EXPECT_TRUE(read.answers[q.indexOf("notes")].empty());
    EXPECT_TRUE(read.answers[q.indexOf("flag")].empty());
    EXPECT_EQ(read.diagnostics[0].toString(),
              "answers.json: item \"flag\" at /flag: the boolean item has the value \"false\"; expected true or false");
}

TEST(FlatAnswers, OutOfRangeNumberNamesTheLimit)
{
    Questionnaire q = load("every-answer-type.json");
    auto diagnostics = FlatAnswers::validate(q, json(R"({"age_years":15})"), "answers.json");
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_EQ(diagnostics[0].code, ErrorCode::FhirResponseOutOfRange);
    EXPECT_EQ(diagnostics[0].pointer, "/age_years");
    EXPECT_EQ(diagnostics[0].message, "the answer 15 is below the minimum; expected at least 16");
    EXPECT_TRUE(FlatAnswers::validate(q, json(R"({"age_years":16})"), "answers.json").empty());
}

TEST(FlatAnswers, AnswersToDisabledItemsAreErrors)
{
    Questionnaire q = load("enablewhen-operators.json");
    EXPECT_EQ(briefs(FlatAnswers::validate(q, json(R"({"b":false,"in-group":3})"), "answers.json")),
              std::vector<std::string>{"error 352 /in-group item \"in-group\""});
    EXPECT_EQ(briefs(FlatAnswers::validate(q, json(R"({"b":true,"in-group":3,"c":["a"]})"), "answers.json")),
              std::vector<std::string>{});
}

TEST(FlatAnswers, NotAnObjectIsAnError)
{
    Questionnaire q = load("enablewhen-operators.json");
    EXPECT_EQ(briefs(FlatAnswers::validate(q, json("[1]"), "answers.json")), std::vector<std::string>{"error 301 "});
}

TEST(FlatAnswers, IntakeExamplesFlattenToValidAnswers)
{
    auto loaded = QuestionnaireLoader::loadIntakeForm();
    ASSERT_TRUE(loaded.ok());
    const Questionnaire& q = *loaded.questionnaire;
    auto document =
        FhirDocument::loadFile(std::filesystem::path(BACKSCREEN_FORMS_DIR) / "examples" / "clear-client.json");
    ASSERT_EQ(document.responses.size(), 1u);
    JsonValue flat = FlatAnswers::flatten(q, document.responses.front());
    ASSERT_NE(flat.find("age_years"), nullptr);
    EXPECT_EQ(*flat.find("age_years"), JsonValue(35));
    EXPECT_EQ(*flat.find("sex"), JsonValue("male"));
    EXPECT_EQ(briefs(FlatAnswers::validate(q, flat, "flat")), std::vector<std::string>{});
}
