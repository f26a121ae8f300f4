#include "core/fhir/QuestionnaireParser.h"

#include "FhirTestSupport.h"

#include "core/fhir/FhirDocument.h"
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

QuestionnaireParseResult parseText(const std::string& text)
{
    auto read = JsonReader::parse(text, "inline");
    EXPECT_TRUE(read.ok()) << text;
    return QuestionnaireParser::parse(read.ok() ? *read.value : JsonValue(), "inline");
}

QuestionnaireParseResult parseFixture(const std::string& name)
{
    auto read = JsonReader::parseFile(fhirFixture(name));
    EXPECT_TRUE(read.ok()) << name;
    return QuestionnaireParser::parse(read.ok() ? *read.value : JsonValue(), name);
}

} // namespace

TEST(QuestionnaireParser, ReadsTheResourceElements)
{
    auto parsed = parseFixture("every-answer-type.json");
    const Questionnaire& q = parsed.questionnaire;
    EXPECT_EQ(q.id, "every-answer-type");
    EXPECT_EQ(q.url, "http://backscreen.local/fhir/Questionnaire/test-every-answer-type");
    EXPECT_EQ(q.version, "2.1.0");
    EXPECT_EQ(q.name, "EveryAnswerType");
    EXPECT_EQ(q.title, "One item of each R4 type");
    EXPECT_EQ(q.status, "active");
    EXPECT_EQ(q.canonical(), "http://backscreen.local/fhir/Questionnaire/test-every-answer-type|2.1.0");
    EXPECT_TRUE(q.matchesReference("http://backscreen.local/fhir/Questionnaire/test-every-answer-type|2.1.0"));
    EXPECT_TRUE(q.matchesReference("http://backscreen.local/fhir/Questionnaire/test-every-answer-type"));
    EXPECT_TRUE(q.matchesReference("Questionnaire/every-answer-type"));
    EXPECT_FALSE(q.matchesReference("http://backscreen.local/fhir/Questionnaire/test-every-answer-type|2.0.0"));
    EXPECT_EQ(q.items().size(), 18u);
    EXPECT_EQ(q.roots().size(), 1u);
}

TEST(QuestionnaireParser, ReadsEveryItemTypeAndItsElements)
{
    auto parsed = parseFixture("every-answer-type.json");
    const Questionnaire& q = parsed.questionnaire;
    const std::vector<std::pair<const char*, ItemType>> types = {{"grp-all", ItemType::Group},
                                                                 {"intro", ItemType::Display},
                                                                 {"flag", ItemType::Boolean},
                                                                 {"weight_kg", ItemType::Decimal},
                                                                 {"age_years", ItemType::Integer},
                                                                 {"onset", ItemType::Date},
                                                                 {"seen_at", ItemType::DateTime},
                                                                 {"wake_time", ItemType::Time},
                                                                 {"nickname", ItemType::String},
                                                                 {"notes", ItemType::Text},
                                                                 {"homepage", ItemType::Url},
                                                                 {"side", ItemType::Choice},
                                                                 {"pain_words", ItemType::OpenChoice},
                                                                 {"height", ItemType::Quantity},
                                                                 {"gp", ItemType::Reference},
                                                                 {"scan", ItemType::Attachment}};
    for (const auto& [linkId, type] : types) {
        ASSERT_NE(q.find(linkId), nullptr) << linkId;
        EXPECT_EQ(q.find(linkId)->type, type) << linkId;
    }
    const QuestionnaireItem& age = *q.find("age_years");
    EXPECT_EQ(age.prefix, "1.");
    EXPECT_EQ(age.text, "Age");
    EXPECT_TRUE(age.required);
    EXPECT_EQ(age.entryFormat, "years");
    ASSERT_TRUE(age.minValue.has_value());
    EXPECT_EQ(age.minValue->number(), 16.0);
    EXPECT_EQ(age.maxValue->number(), 120.0);
    EXPECT_EQ(age.pointer, "/item/0/item/3");
    EXPECT_EQ(age.depth, 1u);
    EXPECT_EQ(q.items()[age.parent].linkId, "grp-all");
    EXPECT_EQ(age.subject(), "item \"age_years\"");

    const QuestionnaireItem& weight = *q.find("weight_kg");
    EXPECT_EQ(weight.maxValue->describe(), "250.50");
    ASSERT_TRUE(weight.unit.has_value());
    EXPECT_EQ(weight.unit->text(), "kg");

    EXPECT_EQ(q.find("nickname")->maxLength, 5);
    EXPECT_FALSE(q.find("nickname")->readOnly);
    const QuestionnaireItem& side = *q.find("side");
    EXPECT_EQ(side.itemControl, "radio-button");
    ASSERT_EQ(side.answerOptions.size(), 3u);
    EXPECT_FALSE(side.answerOptions[0].initialSelected);
    EXPECT_TRUE(side.answerOptions[1].initialSelected);
    EXPECT_EQ(side.answerOptions[2].value.system(), "http://backscreen.local/fhir/CodeSystem/side");
    EXPECT_EQ(side.answerOptions[2].value.text(), "both");
    EXPECT_TRUE(q.find("pain_words")->repeats);
    EXPECT_EQ(q.find("sessions")->answerOptions[1].value.kind(), FhirValueKind::Integer);
    ASSERT_EQ(q.find("visits")->initial.size(), 1u);
    EXPECT_EQ(q.find("visits")->initial[0].kind(), FhirValueKind::Integer);
}

TEST(QuestionnaireParser, AttachmentIsReadButReportedUnsupported)
{
    auto parsed = parseFixture("every-answer-type.json");
    EXPECT_EQ(briefs(parsed.diagnostics), std::vector<std::string>{"warning 304 /item/0/item/15/type item \"scan\""});
}

TEST(QuestionnaireParser, UnknownElementsAndExtensionsAreWrittenBack)
{
    auto parsed = parseFixture("every-answer-type.json");
    std::string written = JsonWriter::write(parsed.questionnaire.toJson());
    EXPECT_NE(written.find("\"x-vendor-note\":{\"kept\":true,\"score\":2.50}"), std::string::npos);
    EXPECT_NE(written.find("\"url\":\"http://example.org/unknown-extension\",\"valueString\":\"kept as is\""),
              std::string::npos);
    EXPECT_NE(written.find("\"valueDecimal\":250.50"), std::string::npos);
    EXPECT_EQ(parsed.questionnaire.toJson(), parsed.questionnaire.json);
}

TEST(QuestionnaireParser, WrongResourceTypeIsReported)
{
    auto parsed = parseFixture("wrong-resource-type.json");
    ASSERT_EQ(parsed.diagnostics.size(), 1u);
    EXPECT_EQ(parsed.diagnostics[0].code, ErrorCode::FhirWrongResourceType);
    EXPECT_EQ(parsed.diagnostics[0].pointer, "/resourceType");
    EXPECT_EQ(parsed.diagnostics[0].message, "the resource has resourceType \"Patient\"; expected \"Questionnaire\"");
    FhirDocument document = FhirDocument::loadFile(fhirFixture("wrong-resource-type.json"));
    EXPECT_EQ(briefs(document.diagnostics), std::vector<std::string>{"error 300 /resourceType"});
}

TEST(QuestionnaireParser, MalformedJsonIsUnreadable)
{
    FhirDocument document = FhirDocument::loadFile(fhirFixture("malformed-json.json"));
    EXPECT_FALSE(document.readable);
    ASSERT_EQ(document.diagnostics.size(), 1u);
    EXPECT_EQ(document.diagnostics[0].code, ErrorCode::JsonSyntax);
    EXPECT_EQ(document.diagnostics[0].pointer, "/item/0");
    EXPECT_NE(document.diagnostics[0].message.find("line 1, column 64"), std::string::npos)
        << document.diagnostics[0].message;
}

TEST(QuestionnaireParser, DuplicateJsonKeyIsReportedByPath)
{
    FhirDocument document = FhirDocument::loadFile(fhirFixture("duplicate-json-key.json"));
    EXPECT_FALSE(document.readable);
    EXPECT_EQ(briefs(document.diagnostics), std::vector<std::string>{"error 101 /item/0/type"});
}

TEST(QuestionnaireParser, WrongJsonTypesAreErrorsAtTheirPaths)
{
    auto parsed = parseText(R"({"resourceType":"Questionnaire","status":"draft","title":7,"item":[
        {"linkId":"q","type":"integer","required":"yes","maxLength":2.5,
         "enableWhen":[{"question":7,"operator":"~","answerFoo":1}],
         "answerOption":[{"valueDecimal":1.5}],"initial":{"valueInteger":1}}]})");
    EXPECT_EQ(briefs(parsed.diagnostics),
              sorted({"error 301 /title",
                      "error 301 /item/0/required item \"q\"",
                      "error 306 /item/0/maxLength item \"q\"",
                      "error 301 /item/0/enableWhen/0/question item \"q\"",
                      "error 306 /item/0/enableWhen/0/operator item \"q\"",
                      "error 301 /item/0/enableWhen/0/answerFoo item \"q\"",
                      "error 302 /item/0/enableWhen/0 item \"q\"",
                      "error 301 /item/0/answerOption/0/valueDecimal item \"q\"",
                      "error 301 /item/0/initial item \"q\""}));
}

TEST(QuestionnaireParser, MissingRequiredElementsAreErrors)
{
    auto parsed = parseText(R"({"resourceType":"Questionnaire","item":[{"text":"no id"},
        {"linkId":"e","type":"string","enableWhen":[{"answerBoolean":true}]}]})");
    EXPECT_EQ(briefs(parsed.diagnostics),
              sorted({"error 302 ",
                      "error 302 /item/0",
                      "error 302 /item/0",
                      "error 302 /item/1/enableWhen/0 item \"e\"",
                      "error 302 /item/1/enableWhen/0 item \"e\""}));
}

TEST(QuestionnaireParser, MalformedValuesAreErrors)
{
    auto parsed = parseText(R"({"resourceType":"Questionnaire","status":"draft","item":[
        {"linkId":"d","type":"date","initial":[{"valueDate":"2020-13-01"}]},
        {"linkId":"t","type":"time","initial":[{"valueTime":"25:00:00"}]},
        {"linkId":"dt","type":"dateTime","initial":[{"valueDateTime":"2020-01-01T10:00:00"}]},
        {"linkId":"i","type":"integer","initial":[{"valueInteger":1e3}]}]})");
    EXPECT_EQ(briefs(parsed.diagnostics),
              sorted({"error 306 /item/0/initial/0/valueDate item \"d\"",
                      "error 306 /item/1/initial/0/valueTime item \"t\"",
                      "error 306 /item/2/initial/0/valueDateTime item \"dt\"",
                      "error 306 /item/3/initial/0/valueInteger item \"i\""}));
}

TEST(QuestionnaireParser, DeepNestingIsRefusedNotOverflowed)
{
    std::string text = R"({"resourceType":"Questionnaire","status":"draft","item":[)";
    for (int i = 0; i < 150; ++i) {
        text += R"({"linkId":"g)" + std::to_string(i) + R"(","type":"group","item":[)";
    }
    text += R"({"linkId":"leaf","type":"string"})";
    for (int i = 0; i < 150; ++i) {
        text += "]}";
    }
    text += "]}";
    auto parsed = parseText(text);
    ASSERT_EQ(parsed.diagnostics.size(), 1u);
    EXPECT_EQ(parsed.diagnostics[0].code, ErrorCode::FhirElementType);
    EXPECT_EQ(parsed.questionnaire.items().size(), 100u);
}

TEST(QuestionnaireLoader, LoadsTheIntakeFormCleanly)
{
    auto loaded = QuestionnaireLoader::loadIntakeForm();
    EXPECT_EQ(briefs(loaded.diagnostics), std::vector<std::string>{});
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded.questionnaire->canonical(), "http://backscreen.local/fhir/Questionnaire/low-back-intake|1.0.0");
    EXPECT_NE(loaded.questionnaire->find("age_years"), nullptr);
    EXPECT_NE(loaded.questionnaire->find("bladder_new_dysfunction"), nullptr);
}

TEST(QuestionnaireLoader, RefusesAQuestionnaireWithErrors)
{
    auto loaded = QuestionnaireLoader::loadFile(fhirFixture("duplicate-link-ids.json"));
    EXPECT_FALSE(loaded.ok());
    EXPECT_EQ(briefs(loaded.diagnostics), std::vector<std::string>{"error 305 /item/1/item/0/linkId item \"q1\""});
}

TEST(QuestionnaireLoader, RefusesADocumentWithoutQuestionnaire)
{
    auto loaded = QuestionnaireLoader::loadFile(fhirFixture("every-answer-type-response.json"));
    EXPECT_FALSE(loaded.ok());
    EXPECT_EQ(briefs(loaded.diagnostics), std::vector<std::string>{"error 300 "});
}
