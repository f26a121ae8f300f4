#include "core/fhir/ResponseValidator.h"

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

std::vector<Diagnostic> check(const Questionnaire& questionnaire, const std::string& responseText)
{
    auto read = JsonReader::parse(responseText, "inline");
    EXPECT_TRUE(read.ok());
    auto parsed = QuestionnaireResponse::parse(*read.value, "inline");
    auto diagnostics = parsed.diagnostics;
    auto found = ResponseValidator::validate(questionnaire, parsed.response, "inline");
    diagnostics.insert(diagnostics.end(), found.begin(), found.end());
    return diagnostics;
}

std::vector<Diagnostic> checkFixture(const Questionnaire& questionnaire, const std::string& fixture)
{
    auto document = FhirDocument::loadFile(fhirFixture(fixture));
    EXPECT_EQ(document.responses.size(), 1u);
    auto diagnostics = document.diagnostics;
    if (!document.responses.empty()) {
        auto found = ResponseValidator::validate(questionnaire, document.responses.front(), fixture);
        diagnostics.insert(diagnostics.end(), found.begin(), found.end());
    }
    return diagnostics;
}

} // namespace

TEST(ResponseValidator, EveryAnswerTypeResponseIsValid)
{
    Questionnaire q = load("every-answer-type.json");
    EXPECT_EQ(briefs(checkFixture(q, "every-answer-type-response.json")), std::vector<std::string>{});
}

TEST(ResponseValidator, AnswerOfTheWrongTypeNamesItemAndPath)
{
    Questionnaire q = load("every-answer-type.json");
    auto diagnostics = checkFixture(q, "answer-wrong-type-response.json");
    EXPECT_EQ(briefs(diagnostics),
              sorted({"error 353 /item/0/item/0/answer/0 item \"flag\"",
                      "error 353 /item/0/item/1/answer/0 item \"age_years\""}));
    EXPECT_EQ(diagnostics[0].message, "the boolean item is answered with valueString; expected valueBoolean");
}

TEST(ResponseValidator, OutOfRangeNumbersAndLongTextAreErrors)
{
    Questionnaire q = load("every-answer-type.json");
    auto diagnostics = checkFixture(q, "out-of-range-response.json");
    EXPECT_EQ(briefs(diagnostics),
              sorted({"error 355 /item/0/item/1/answer/0 item \"age_years\"",
                      "error 355 /item/0/item/2/answer/0 item \"weight_kg\"",
                      "error 356 /item/0/item/3/answer/0 item \"nickname\""}));
    EXPECT_EQ(diagnostics[0].message, "the answer 15 is below the minimum; expected at least 16");
    EXPECT_EQ(diagnostics[1].message, "the answer 250.51 is above the maximum; expected at most 250.50");
    EXPECT_EQ(diagnostics[2].message, "the answer is 6 characters long; expected at most 5");
}

TEST(ResponseValidator, NestedGroupsAndAnswersAreFollowed)
{
    Questionnaire q = load("nested-groups.json");
    EXPECT_EQ(briefs(checkFixture(q, "nested-groups-response.json")), std::vector<std::string>{});
}

TEST(ResponseValidator, RequiredItemsMissingInACompletedResponse)
{
    Questionnaire q = load("nested-groups.json");
    const char* response = R"({"resourceType":"QuestionnaireResponse","status":"completed","item":[
        {"linkId":"g1","item":[{"linkId":"g2","item":[{"linkId":"g3","item":[{"linkId":"deep","answer":[]}]}]}]}]})";
    // A required group counts as answered only when something in it is.
    EXPECT_EQ(briefs(check(q, response)),
              sorted({"error 351 /item/0/item/0 item \"g3\"", "error 351 /item/0/item/0/item/0 item \"deep\""}));
    const char* withoutGroup = R"({"resourceType":"QuestionnaireResponse","status":"completed","item":[
        {"linkId":"g1","item":[{"linkId":"g2"}]}]})";
    EXPECT_EQ(briefs(check(q, withoutGroup)), std::vector<std::string>{"error 351 /item/0/item/0 item \"g3\""});
    const char* inProgress = R"({"resourceType":"QuestionnaireResponse","status":"in-progress","item":[
        {"linkId":"g1","item":[{"linkId":"g2"}]}]})";
    EXPECT_EQ(briefs(check(q, inProgress)), std::vector<std::string>{});
}

TEST(ResponseValidator, AnswersOnDisabledItemsAreErrors)
{
    Questionnaire q = load("nested-groups.json");
    const char* response = R"({"resourceType":"QuestionnaireResponse","status":"in-progress","item":[
        {"linkId":"g1","item":[{"linkId":"smoker","answer":[{"valueBoolean":false,
            "item":[{"linkId":"packs","answer":[{"valueInteger":2}]}]}]}]}]})";
    auto diagnostics = check(q, response);
    EXPECT_EQ(briefs(diagnostics), std::vector<std::string>{"error 352 /item/0/item/0/answer/0/item/0 item \"packs\""});
}

TEST(ResponseValidator, RepeatsAndPlacementAreChecked)
{
    Questionnaire q = load("every-answer-type.json");
    const char* response = R"({"resourceType":"QuestionnaireResponse","status":"in-progress","item":[
        {"linkId":"grp-all","answer":[{"valueString":"x"}],"item":[
            {"linkId":"flag","answer":[{"valueBoolean":true},{"valueBoolean":false}]},
            {"linkId":"nickname","answer":[{"valueString":"a"}]},
            {"linkId":"nickname","answer":[{"valueString":"b"}]},
            {"linkId":"intro","answer":[{"valueString":"no"}]},
            {"linkId":"side","answer":[{"valueCoding":{"code":"up"}}]},
            {"linkId":"sessions","answer":[{"valueInteger":4}]},
            {"linkId":"pain_words","answer":[{"valueCoding":{"code":"burning"}}]},
            {"linkId":"height","answer":[{}]}]},
        {"linkId":"flag","answer":[{"valueBoolean":true}]}]})";
    EXPECT_EQ(briefs(check(q, response)),
              sorted({"error 359 /item/0 item \"grp-all\"",
                      "error 357 /item/0/item/0 item \"flag\"",
                      "error 357 /item/0/item/2 item \"nickname\"",
                      "error 359 /item/0/item/3 item \"intro\"",
                      "error 354 /item/0/item/4/answer/0 item \"side\"",
                      "error 354 /item/0/item/5/answer/0 item \"sessions\"",
                      "error 353 /item/0/item/6/answer/0 item \"pain_words\"",
                      "error 302 /item/0/item/7/answer/0 item \"height\"",
                      "error 360 /item/1 item \"flag\""}));
}

TEST(ResponseValidator, ResponseParseErrorsNameThePath)
{
    Questionnaire q = load("every-answer-type.json");
    const char* response = R"({"resourceType":"QuestionnaireResponse","status":"done","authored":"yesterday",
        "item":[{"linkId":"grp-all","item":[{"linkId":"onset","answer":[{"valueDate":"2026-02-30x"}]},
        {"answer":[]}, 5]}]})";
    EXPECT_EQ(briefs(check(q, response)),
              sorted({"error 306 /status",
                      "error 306 /authored",
                      "error 306 /item/0/item/0/answer/0/valueDate item \"onset\"",
                      "error 302 /item/0/item/1",
                      "error 301 /item/0/item/2"}));
}

TEST(ResponseValidator, WrongResourceTypeIsReported)
{
    auto parsed =
        QuestionnaireResponse::parse(JsonReader::parse(R"({"resourceType":"Questionnaire"})", "x").value.value(), "x");
    EXPECT_EQ(briefs(parsed.diagnostics), std::vector<std::string>{"error 300 /resourceType"});
}

TEST(ResponseValidator, WritesWhatItHolds)
{
    auto parsed = QuestionnaireResponse::parse(
        JsonReader::parse(R"({"resourceType":"QuestionnaireResponse","status":"in-progress","item":[
            {"linkId":"flag","x":1,"answer":[{"valueString":"no","extension":[]}]}]})",
                          "x")
            .value.value(),
        "x");
    QuestionnaireResponse response = parsed.response;
    response.status = "completed";
    response.items[0].answers[0].value = FhirValue::boolean(false);
    ResponseItem added;
    added.linkId = "age_years";
    ResponseAnswer age;
    age.value = FhirValue::integer(40);
    added.answers.push_back(age);
    response.items.push_back(added);
    EXPECT_EQ(
        JsonWriter::write(response.toJson()),
        R"({"resourceType":"QuestionnaireResponse","status":"completed","item":[{"linkId":"flag","x":1,)"
        R"("answer":[{"extension":[],"valueBoolean":false}]},{"linkId":"age_years","answer":[{"valueInteger":40}]}]})");
}

TEST(ResponseValidator, IntakeExamplesAreValid)
{
    auto loaded = QuestionnaireLoader::loadIntakeForm();
    ASSERT_TRUE(loaded.ok());
    std::size_t checked = 0;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::filesystem::path(BACKSCREEN_FORMS_DIR) / "examples")) {
        if (entry.path().extension() != ".json") {
            continue;
        }
        SCOPED_TRACE(entry.path().string());
        auto document = FhirDocument::loadFile(entry.path());
        ASSERT_EQ(document.responses.size(), 1u);
        EXPECT_TRUE(loaded.questionnaire->matchesReference(document.responses.front().questionnaire));
        EXPECT_EQ(briefs(document.diagnostics), std::vector<std::string>{});
        EXPECT_EQ(briefs(ResponseValidator::validate(*loaded.questionnaire, document.responses.front(), "example")),
                  std::vector<std::string>{});
        EXPECT_EQ(document.responses.front().toJson(), document.responses.front().json);
        ++checked;
    }
    EXPECT_GE(checked, 8u);
}
