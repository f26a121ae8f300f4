// Conformance against the real HL7, SDC, LHC-Forms and HL7-validator material in ../shared/testdata/fhir/.
// Its README gives, for every file, the verdict a correct validator must reach; each test here reproduces
// one of those verdicts exactly (code, severity, JSON pointer, linkId).
#include "FhirTestSupport.h"

#include "core/fhir/FhirDocument.h"
#include "core/fhir/Questionnaire.h"
#include "core/fhir/QuestionnaireLoader.h"
#include "core/fhir/QuestionnaireResponse.h"
#include "core/fhir/ResponseValidator.h"
#include "core/json/JsonReader.h"
#include "core/json/JsonWriter.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <regex>
#include <string>
#include <vector>

using namespace backscreen;
using namespace backscreen::core;
using backscreen::tests::briefs;
using backscreen::tests::loadDocument;
using backscreen::tests::sharedFhirDir;
using backscreen::tests::sorted;

namespace {

std::vector<std::filesystem::path> sharedFiles()
{
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(sharedFhirDir())) {
        if (entry.is_regular_file() && entry.path().extension() == ".json") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::filesystem::path shared(const std::string& relative)
{
    return sharedFhirDir() / relative;
}

// Structural diagnostics of the one Questionnaire (or Bundle) in a file.
std::vector<std::string> questionnaireVerdict(const std::string& relative)
{
    return briefs(loadDocument(shared(relative)).diagnostics);
}

// Diagnostics of a response checked against a questionnaire: the response's own parse problems, then the
// response validator's.
std::vector<Diagnostic> responseDiagnostics(const std::string& questionnaire, const std::string& response)
{
    FhirDocument q = loadDocument(shared(questionnaire));
    FhirDocument r = loadDocument(shared(response));
    EXPECT_EQ(q.questionnaires.size(), 1u);
    EXPECT_EQ(r.responses.size(), 1u);
    if (q.questionnaires.empty() || r.responses.empty()) {
        return {};
    }
    std::vector<Diagnostic> diagnostics = r.diagnostics;
    auto found = ResponseValidator::validate(q.questionnaires.front(), r.responses.front(), r.source);
    diagnostics.insert(diagnostics.end(), found.begin(), found.end());
    return diagnostics;
}

std::vector<std::string> responseVerdict(const std::string& questionnaire, const std::string& response)
{
    return briefs(responseDiagnostics(questionnaire, response));
}

// "QuestionnaireResponse.item[0].answer[3]" → "/item/0/answer/3", the way the reference validator's
// OperationOutcome expressions name what our diagnostics point at.
std::string pointerFromExpression(const std::string& expression)
{
    std::size_t dot = expression.find('.');
    if (dot == std::string::npos) {
        return "";
    }
    std::string path = std::regex_replace(expression.substr(dot + 1), std::regex(R"(\[(\d+)\])"), "/$1");
    std::string pointer = "/";
    pointer += std::regex_replace(path, std::regex(R"(\.)"), "/");
    return pointer;
}

std::vector<std::string> expectedErrorPointers(const std::string& relative)
{
    auto read = JsonReader::parseFile(shared(relative));
    EXPECT_TRUE(read.ok()) << relative;
    std::vector<std::string> pointers;
    if (!read.ok()) {
        return pointers;
    }
    const JsonValue* issues = read.value->find("issue");
    if (issues == nullptr) {
        return pointers;
    }
    for (const JsonValue& issue : issues->asArray()) {
        if (issue.find("severity")->asString() == "error") {
            pointers.push_back(pointerFromExpression(issue.find("expression")->asArray().front().asString()));
        }
    }
    return sorted(pointers);
}

std::vector<std::string> errorPointers(const std::vector<Diagnostic>& diagnostics)
{
    std::vector<std::string> pointers;
    for (const auto& diagnostic : diagnostics) {
        if (diagnostic.severity == Severity::Error) {
            pointers.push_back(diagnostic.pointer);
        }
    }
    return sorted(pointers);
}

} // namespace

TEST(FhirConformance, EveryFileLoadsAndRoundTrips)
{
    auto files = sharedFiles();
    ASSERT_EQ(files.size(), 28u); // 15 Questionnaires in 15 files, 9 responses, 4 expected outcomes
    std::size_t questionnaires = 0;
    std::size_t responses = 0;
    for (const auto& path : files) {
        SCOPED_TRACE(path.string());
        FhirDocument document = loadDocument(path);
        ASSERT_TRUE(document.json.has_value());
        // The whole document writes and reads back equal, keeping decimals and member order.
        std::string written = JsonWriter::write(*document.json, JsonWriter::Style::Pretty);
        auto again = JsonReader::parse(written, "again");
        ASSERT_TRUE(again.ok());
        EXPECT_EQ(*again.value, *document.json);
        EXPECT_EQ(JsonWriter::write(*again.value), JsonWriter::write(*document.json));
        for (const auto& questionnaire : document.questionnaires) {
            JsonValue model = questionnaire.toJson();
            EXPECT_EQ(model, questionnaire.json);
            auto reparsed = JsonReader::parse(JsonWriter::write(model), "again");
            ASSERT_TRUE(reparsed.ok());
            EXPECT_EQ(*reparsed.value, questionnaire.json);
            ++questionnaires;
        }
        for (const auto& response : document.responses) {
            JsonValue model = response.toJson();
            EXPECT_EQ(model, response.json);
            auto reparsed = JsonReader::parse(JsonWriter::write(model), "again");
            ASSERT_TRUE(reparsed.ok());
            EXPECT_EQ(*reparsed.value, response.json);
            ++responses;
        }
    }
    EXPECT_EQ(questionnaires, 15u);
    EXPECT_EQ(responses, 9u);
}

TEST(FhirConformance, DecimalTextSurvivesTheModel)
{
    FhirDocument document = loadDocument(shared("hl7-r4/questionnaireresponse-example-bluebook.json"));
    ASSERT_EQ(document.responses.size(), 1u);
    std::string written = JsonWriter::write(document.responses.front().toJson());
    EXPECT_NE(written.find("\"valueDecimal\":3.25"), std::string::npos);
    EXPECT_NE(written.find("\"valueDecimal\":44.3"), std::string::npos);
}

TEST(FhirConformance, ValidQuestionnairesHaveNoErrors)
{
    EXPECT_EQ(questionnaireVerdict("fhir-test-cases/choice-answer-option-q.json"), std::vector<std::string>{});
    EXPECT_EQ(questionnaireVerdict("fhir-test-cases/group-with-string-invalid-nesting-q.json"),
              std::vector<std::string>{});
    EXPECT_EQ(questionnaireVerdict("fhir-test-cases/q-enablewhen-me.json"), std::vector<std::string>{});
    EXPECT_EQ(questionnaireVerdict("hl7-r4/questionnaire-example-bluebook.json"), std::vector<std::string>{});
    EXPECT_EQ(questionnaireVerdict("hl7-r4/questionnaire-example-f201-lifelines.json"), std::vector<std::string>{});
    EXPECT_EQ(questionnaireVerdict("hl7-r4/questionnaire-example-gcs.json"), std::vector<std::string>{});
    EXPECT_EQ(questionnaireVerdict("hl7-r4/questionnaire-profile-example-ussg-fht.json"), std::vector<std::string>{});
    EXPECT_EQ(questionnaireVerdict("sdc/questionnaire-sdc-profile-example-PHQ9.json"), std::vector<std::string>{});
}

TEST(FhirConformance, CancerQuestionnaireWarnsOnlyAboutItsExternalValueSet)
{
    EXPECT_EQ(questionnaireVerdict("hl7-r4/questionnaire-example.json"),
              sorted({"warning 338 /item/0/item/0/answerValueSet item \"1.1\"",
                      "warning 338 /item/0/item/0/item/0/item/0/answerValueSet item \"1.1.1.1\"",
                      "warning 338 /item/0/item/0/item/0/item/0/item/0/answerValueSet item \"1.1.1.1.1\"",
                      "warning 338 /item/0/item/0/item/0/item/0/item/1/answerValueSet item \"1.1.1.1.2\"",
                      "warning 338 /item/0/item/0/item/0/item/1/answerValueSet item \"1.1.1.2\""}));
}

TEST(FhirConformance, AllDataTypesIsValidWithAttachmentReportedAsUnsupported)
{
    EXPECT_EQ(questionnaireVerdict("sdc/questionnaire-sdc-test-all-data-types.json"),
              sorted({"warning 304 /item/0/item/10/type item \"id-attachment\"",
                      "warning 338 /item/0/item/11/answerValueSet item \"id-choice\"",
                      "warning 338 /item/0/item/12/answerValueSet item \"440f8cc6-3ea2-40c2-b03a-d03187131fd3\"",
                      "warning 338 /item/0/item/13/answerValueSet item \"06aaa075-86e4-4cf2-a1ef-a86ab10e86e9\"",
                      "warning 338 /item/0/item/14/answerValueSet item \"EF8E3936-3246-4B3E-A46C-9FDAA5ACB635\""}));
}

TEST(FhirConformance, EnableWhenMeWrongViolatesQue12)
{
    EXPECT_EQ(questionnaireVerdict("fhir-test-cases/q-enablewhen-me-wrong.json"),
              std::vector<std::string>{"error 321 /item/2 item \"N2\""});
}

TEST(FhirConformance, InitialXViolatesQue11FourTimes)
{
    EXPECT_EQ(questionnaireVerdict("lhc-forms/questionnaire-initialx.json"),
              sorted({"error 320 /item/7/initial item \"/type-choice\"",
                      "error 320 /item/8/initial item \"/type-open-choice\"",
                      "error 320 /item/9/initial item \"/type-choice-m\"",
                      "error 320 /item/10/initial item \"/type-open-choice-m\"",
                      // R4's que-0 (a warning): the name has spaces and brackets
                      "warning 323 /name"}));
}

TEST(FhirConformance, InitialValueMultipleHasACodingOnATextItem)
{
    EXPECT_EQ(questionnaireVerdict("sdc/questionnaire-sdc-test-initial-value-multiple.json"),
              sorted({"error 336 /item/0/item/2/initial/0/valueCoding item \"655219ed-5e8b-4111-9d49-b4fbc0b4f627\"",
                      "warning 338 /item/0/item/0/answerValueSet item \"1acf93a7-0890-44cd-be48-542defb35248\""}));
}

TEST(FhirConformance, SdcEnableWhenHasTenTypeMismatches)
{
    EXPECT_EQ(
        questionnaireVerdict("sdc/questionnaire-sdc-test-enablewhen.json"),
        sorted({"warning 334 /item/0/item/6/enableWhen/0/answerString item \"e5da17a7-7546-45c5-9bcd-d0b09a74ty76\"",
                "warning 334 /item/0/item/9/enableWhen/0/answerString item \"65578509-21ae-4a48-94de-e46be454f8k1\"",
                "warning 334 /item/0/item/10/enableWhen/0/answerString item \"65578509-21ae-4a48-94de-h1l9v32opase\"",
                "warning 334 /item/0/item/11/enableWhen/0/answerString item \"65578509-21ae-4a48-3f56-aswtysn1238\"",
                "warning 334 /item/0/item/12/enableWhen/0/answerString item \"76daed4f-f957-45cb-9584-aab95f6021d4\"",
                "warning 334 /item/0/item/12/enableWhen/1/answerString item \"76daed4f-f957-45cb-9584-aab95f6021d4\"",
                "warning 334 /item/2/item/1/enableWhen/0/answerDecimal item \"945b97b5-6d74-4a55-9be1-19897512jj89\"",
                "warning 334 /item/2/item/2/enableWhen/0/answerDecimal item \"04fabc33-534a-4047-9a13-c13b0b63fa17\"",
                "warning 334 /item/3/item/1/enableWhen/0/answerInteger item \"945b97b5-6d74-4a55-9be1-1989751233ew\"",
                "warning 334 /item/3/item/2/enableWhen/0/answerInteger item \"04fabc33-534a-4047-9a13-c13b0b63gh76\"",
                "warning 338 /item/1/item/0/answerValueSet item \"1acf93a7-0890-44cd-be48-542defb35248\""}));
}

TEST(FhirConformance, LhcEnableWhenTestHasFiveTypingErrorsAtTheirPaths)
{
    EXPECT_EQ(questionnaireVerdict("lhc-forms/enableWhen-test.R4.json"),
              sorted({"error 301 /item/7/item/0/repeats item \"Q8\"",
                      "error 301 /item/11/item/3/enableWhen/0/answerInteger item \"Q9c-eq-B\"",
                      "error 301 /item/11/item/4/enableWhen/0/answerInteger item \"Q9c-noteq-B\"",
                      "error 301 /item/12/item/3/enableWhen/0/answerInteger item \"Q9d-eq-B\"",
                      "error 301 /item/12/item/4/enableWhen/0/answerInteger item \"Q9d-noteq-B\"",
                      // and answerInteger tested against a date and a time item
                      "warning 334 /item/11/item/3/enableWhen/0/answerInteger item \"Q9c-eq-B\"",
                      "warning 334 /item/11/item/4/enableWhen/0/answerInteger item \"Q9c-noteq-B\"",
                      "warning 334 /item/12/item/3/enableWhen/0/answerInteger item \"Q9d-eq-B\"",
                      "warning 334 /item/12/item/4/enableWhen/0/answerInteger item \"Q9d-noteq-B\""}));
}

TEST(FhirConformance, StrictLoaderRejectsTheLhcEnableWhenTest)
{
    auto loaded = QuestionnaireLoader::loadFile(shared("lhc-forms/enableWhen-test.R4.json"));
    EXPECT_FALSE(loaded.ok());
    EXPECT_EQ(std::count_if(loaded.diagnostics.begin(),
                            loaded.diagnostics.end(),
                            [](const Diagnostic& d) { return d.severity == Severity::Error; }),
              5);
}

TEST(FhirConformance, RepeatsAsStringMessageNamesTheValue)
{
    FhirDocument document = loadDocument(shared("lhc-forms/enableWhen-test.R4.json"));
    ASSERT_FALSE(document.diagnostics.empty());
    const Diagnostic& first = document.diagnostics.front();
    EXPECT_EQ(first.toString(),
              document.source
                  + ": item \"Q8\" at /item/7/item/0/repeats: repeats is the string \"true\"; expected true "
                    "or false");
}

TEST(FhirConformance, ResponsesOnTheirOwnParseCleanly)
{
    for (const char* file : {"hl7-r4/questionnaireresponse-example.json",
                             "hl7-r4/questionnaireresponse-example-bluebook.json",
                             "hl7-r4/questionnaireresponse-example-f201-lifelines.json",
                             "hl7-r4/questionnaireresponse-example-gcs.json",
                             "hl7-r4/questionnaireresponse-example-ussg-fht-answers.json",
                             "sdc/questionnaireresponse-sdc-profile-example-PHQ9.json",
                             "fhir-test-cases/qr-enablewhen-me.json",
                             "fhir-test-cases/choice-answer-option-qr.json",
                             "fhir-test-cases/group-with-string-invalid-nesting-qr.json"}) {
        SCOPED_TRACE(file);
        FhirDocument document = loadDocument(shared(file));
        EXPECT_EQ(document.responses.size(), 1u);
        EXPECT_EQ(briefs(document.diagnostics), std::vector<std::string>{});
    }
}

TEST(FhirConformance, EnableWhenMeResponsePasses)
{
    EXPECT_EQ(responseVerdict("fhir-test-cases/q-enablewhen-me.json", "fhir-test-cases/qr-enablewhen-me.json"),
              std::vector<std::string>{});
}

TEST(FhirConformance, GcsResponsePassesAgainstContainedValueSets)
{
    FhirDocument q = loadDocument(shared("hl7-r4/questionnaire-example-gcs.json"));
    FhirDocument r = loadDocument(shared("hl7-r4/questionnaireresponse-example-gcs.json"));
    ASSERT_EQ(q.questionnaires.size(), 1u);
    ASSERT_EQ(r.responses.size(), 1u);
    // "Questionnaire/gcs" is a relative reference, not the canonical URL; it still names this Questionnaire.
    EXPECT_TRUE(q.questionnaires.front().matchesReference(r.responses.front().questionnaire));
    for (const auto& item : q.questionnaires.front().items()) {
        if (!item.answerValueSet.empty()) {
            EXPECT_NE(item.valueSet, nullptr) << item.linkId;
        }
    }
    EXPECT_EQ(responseVerdict("hl7-r4/questionnaire-example-gcs.json", "hl7-r4/questionnaireresponse-example-gcs.json"),
              std::vector<std::string>{});
}

TEST(FhirConformance, GcsResponseWithAForeignCodeFails)
{
    FhirDocument q = loadDocument(shared("hl7-r4/questionnaire-example-gcs.json"));
    FhirDocument r = loadDocument(shared("hl7-r4/questionnaireresponse-example-gcs.json"));
    ASSERT_EQ(r.responses.size(), 1u);
    QuestionnaireResponse response = r.responses.front();
    ResponseAnswer& answer = response.items.at(0).answers.at(0);
    answer.value = FhirValue::coding("http://loinc.org", "LA0000-0");
    auto diagnostics = ResponseValidator::validate(q.questionnaires.front(), response, "edited");
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_EQ(diagnostics[0].code, ErrorCode::FhirResponseOptionNotAllowed);
    EXPECT_EQ(diagnostics[0].pointer, "/item/0/answer/0");
}

TEST(FhirConformance, Phq9ResponsePassesWithCodeOnlyCodings)
{
    EXPECT_EQ(responseVerdict("sdc/questionnaire-sdc-profile-example-PHQ9.json",
                              "sdc/questionnaireresponse-sdc-profile-example-PHQ9.json"),
              std::vector<std::string>{});
}

TEST(FhirConformance, Phq9OrdinalsSumToTenNotTheStoredThirteen)
{
    FhirDocument q = loadDocument(shared("sdc/questionnaire-sdc-profile-example-PHQ9.json"));
    FhirDocument r = loadDocument(shared("sdc/questionnaireresponse-sdc-profile-example-PHQ9.json"));
    ASSERT_EQ(q.questionnaires.size(), 1u);
    ASSERT_EQ(r.responses.size(), 1u);
    const Questionnaire& questionnaire = q.questionnaires.front();
    double sum = 0;
    double stored = -1;
    std::size_t scored = 0;
    std::function<void(const std::vector<ResponseItem>&)> visit = [&](const std::vector<ResponseItem>& items) {
        for (const ResponseItem& item : items) {
            const QuestionnaireItem* definition = questionnaire.find(item.linkId);
            ASSERT_NE(definition, nullptr) << item.linkId;
            for (const ResponseAnswer& answer : item.answers) {
                ASSERT_TRUE(answer.value.has_value());
                if (definition->calculated) {
                    stored = answer.value->number();
                } else if (definition->valueSet != nullptr) {
                    const ValueSetConcept* listed = definition->valueSet->find(*answer.value);
                    ASSERT_NE(listed, nullptr) << item.linkId;
                    ASSERT_TRUE(listed->ordinal.has_value());
                    sum += *listed->ordinal;
                    ++scored;
                }
                visit(answer.items);
            }
            visit(item.items);
        }
    };
    visit(r.responses.front().items);
    EXPECT_EQ(scored, 9u);
    EXPECT_EQ(sum, 10.0);
    EXPECT_EQ(stored, 13.0);
}

TEST(FhirConformance, ChoiceAnswerOptionRejectsC3Only)
{
    EXPECT_EQ(
        responseVerdict("fhir-test-cases/choice-answer-option-q.json", "fhir-test-cases/choice-answer-option-qr.json"),
        std::vector<std::string>{"error 354 /item/0/answer/3 item \"q1\""});
}

TEST(FhirConformance, GroupWithInvalidNestingGivesThreeErrors)
{
    EXPECT_EQ(
        responseVerdict("fhir-test-cases/group-with-string-invalid-nesting-q.json",
                        "fhir-test-cases/group-with-string-invalid-nesting-qr.json"),
        sorted({"error 359 /item/0 item \"grp1\"", "error 351 /item/0 item \"q1\"", "error 351 /item/0 item \"q2\""}));
}

TEST(FhirConformance, ReferenceValidatorOutcomesAreReproduced)
{
    struct Case
    {
        const char* expected;
        const char* questionnaire;
        const char* response;
    };

    const Case cases[] = {
        {"fhir-test-cases/expected-R4.choice-answer-option-qr-base.json",
         "fhir-test-cases/choice-answer-option-q.json",
         "fhir-test-cases/choice-answer-option-qr.json"},
        {"fhir-test-cases/expected-R4.group-with-string-invalid-nesting-qr-base.json",
         "fhir-test-cases/group-with-string-invalid-nesting-q.json",
         "fhir-test-cases/group-with-string-invalid-nesting-qr.json"},
        {"fhir-test-cases/expected-R4.qr-enablewhen-me-base.json",
         "fhir-test-cases/q-enablewhen-me.json",
         "fhir-test-cases/qr-enablewhen-me.json"},
        {"fhir-test-cases/expected-R4.q-enablewhen-me-wrong-base.json",
         "fhir-test-cases/q-enablewhen-me-wrong.json",
         nullptr},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.expected);
        std::vector<Diagnostic> ours = c.response == nullptr ? loadDocument(shared(c.questionnaire)).diagnostics
                                                             : responseDiagnostics(c.questionnaire, c.response);
        EXPECT_EQ(errorPointers(ours), expectedErrorPointers(c.expected));
    }
    EXPECT_EQ(expectedErrorPointers("fhir-test-cases/expected-R4.choice-answer-option-qr-base.json"),
              std::vector<std::string>{"/item/0/answer/3"});
}

TEST(FhirConformance, CancerResponseIsInconsistentWithItsQuestionnaire)
{
    EXPECT_EQ(responseVerdict("hl7-r4/questionnaire-example.json", "hl7-r4/questionnaireresponse-example.json"),
              sorted({"error 352 /item/0/item/0/answer/0/item/0/item/0 item \"1.1.1.1\"",
                      "error 352 /item/0/item/0/answer/0/item/0/item/1 item \"1.1.1.2\"",
                      "error 350 /item/0/item/0/answer/0/item/0/item/2 item \"1.1.1.3\""}));
}

TEST(FhirConformance, BluebookResponseIsInconsistentWithItsQuestionnaire)
{
    auto diagnostics = responseDiagnostics("hl7-r4/questionnaire-example-bluebook.json",
                                           "hl7-r4/questionnaireresponse-example-bluebook.json");
    EXPECT_EQ(briefs(diagnostics),
              sorted({"error 354 /item/0/item/0/item/1/answer/0 item \"sex\"",
                      "error 350 /item/0/item/1/item/2/answer/0/item/0/item/0 item \"vitaminKDose1\"",
                      "error 350 /item/0/item/1/item/2/answer/0/item/0/item/1 item \"vitaminKDose2\""}));
    // The spec's typo is named, so a reader finds the dateTime item the valueDate answers were meant for.
    bool suggested = std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) {
        return d.message.find("did you mean \"vitaminiKDose1\"") != std::string::npos;
    });
    EXPECT_TRUE(suggested);
}

TEST(FhirConformance, LifelinesResponseIsInconsistentWithItsQuestionnaire)
{
    EXPECT_EQ(responseVerdict("hl7-r4/questionnaire-example-f201-lifelines.json",
                              "hl7-r4/questionnaireresponse-example-f201-lifelines.json"),
              sorted({"error 358 /item/0 item \"1\"",
                      "error 353 /item/2/item/0/answer/0 item \"3.1\"",
                      "error 353 /item/2/item/1/answer/0 item \"3.2\""}));
}

TEST(FhirConformance, UssgBundleResolvesItsValueSetsByFullUrl)
{
    FhirDocument document = loadDocument(shared("hl7-r4/questionnaire-profile-example-ussg-fht.json"));
    ASSERT_EQ(document.questionnaires.size(), 1u);
    const Questionnaire& questionnaire = document.questionnaires.front();
    EXPECT_EQ(questionnaire.url, "http://hl7.org/fhir/us/sdc/Questionnaire/54127-6");
    EXPECT_EQ(questionnaire.pointer, "/entry/0/resource");
    std::size_t resolved = 0;
    for (const auto& item : questionnaire.items()) {
        if (!item.answerValueSet.empty()) {
            EXPECT_NE(item.valueSet, nullptr) << item.linkId;
            resolved += item.valueSet != nullptr ? 1 : 0;
        }
    }
    EXPECT_GE(resolved, 10u);
    EXPECT_NE(document.valueSets.find("http://hl7.org/fhir/us/sdc/ValueSet/LL1-9"), nullptr);
    EXPECT_NE(document.valueSets.find("http://details.loinc.org/AnswerList/LL1-9"), nullptr);
}

TEST(FhirConformance, UssgResponseAgainstTheBundledQuestionnaireReportsUnknownLinkIds)
{
    auto diagnostics = responseDiagnostics("hl7-r4/questionnaire-profile-example-ussg-fht.json",
                                           "hl7-r4/questionnaireresponse-example-ussg-fht-answers.json");
    std::size_t unknown = 0;
    std::vector<std::string> unknownLinkIds;
    for (const auto& diagnostic : diagnostics) {
        EXPECT_EQ(diagnostic.severity, Severity::Error);
        if (diagnostic.code == ErrorCode::FhirResponseUnknownLinkId) {
            ++unknown;
            unknownLinkIds.push_back(diagnostic.subject);
        } else {
            EXPECT_EQ(diagnostic.code, ErrorCode::FhirResponseRepeats) << diagnostic.toString();
        }
    }
    EXPECT_EQ(unknown, 18u);
    EXPECT_EQ(std::count(unknownLinkIds.begin(), unknownLinkIds.end(), "item \"1.1.7.1\""), 1);
    EXPECT_EQ(std::count(unknownLinkIds.begin(), unknownLinkIds.end(), "item \"1.1.8.1\""), 1);
    EXPECT_EQ(std::count(unknownLinkIds.begin(), unknownLinkIds.end(), "item \"2.1.1\""), 16);
}

TEST(FhirConformance, ExpectedOutcomeFilesAreNotQuestionnaireResources)
{
    FhirDocument document = loadDocument(shared("fhir-test-cases/expected-R4.qr-enablewhen-me-base.json"));
    EXPECT_EQ(briefs(document.diagnostics), std::vector<std::string>{"error 300 /resourceType"});
}
