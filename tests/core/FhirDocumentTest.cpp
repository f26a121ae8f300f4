#include "core/fhir/FhirDocument.h"

#include "FhirTestSupport.h"

#include "core/fhir/ResponseValidator.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

using namespace backscreen;
using namespace backscreen::core;
using backscreen::tests::briefs;

namespace {

bool looksLikeFhir(const std::filesystem::path& path)
{
    std::ifstream in(path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return text.find("\"resourceType\"") != std::string::npos;
}

} // namespace

// The forms lint for FHIR: every Questionnaire and QuestionnaireResponse under forms/ is clean, and every
// response validates against the Questionnaire its canonical names.
TEST(FhirDocument, EveryFhirFileUnderFormsIsValid)
{
    std::vector<std::unique_ptr<FhirDocument>> documents;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(BACKSCREEN_FORMS_DIR)) {
        if (entry.is_regular_file() && entry.path().extension() == ".json" && looksLikeFhir(entry.path())) {
            documents.push_back(std::make_unique<FhirDocument>(FhirDocument::loadFile(entry.path())));
        }
    }
    ASSERT_FALSE(documents.empty());
    std::size_t questionnaires = 0;
    std::size_t responses = 0;
    for (const auto& document : documents) {
        SCOPED_TRACE(document->source);
        EXPECT_EQ(briefs(document->diagnostics), std::vector<std::string>{});
        questionnaires += document->questionnaires.size();
    }
    for (const auto& document : documents) {
        for (const auto& response : document->responses) {
            SCOPED_TRACE(document->source);
            const Questionnaire* match = nullptr;
            for (const auto& candidate : documents) {
                for (const auto& questionnaire : candidate->questionnaires) {
                    match = match == nullptr && questionnaire.matchesReference(response.questionnaire) ? &questionnaire
                                                                                                       : match;
                }
            }
            ASSERT_NE(match, nullptr) << response.questionnaire;
            EXPECT_EQ(briefs(ResponseValidator::validate(*match, response, document->source)),
                      std::vector<std::string>{});
            ++responses;
        }
    }
    EXPECT_GE(questionnaires, 1u);
    EXPECT_GE(responses, 8u);
}

TEST(FhirDocument, BundleOfQuestionnaireAndResponseIsUnwrapped)
{
    auto document = FhirDocument::loadFile(std::filesystem::path(BACKSCREEN_SOURCE_DIR)
                                           / "tests/fuzz/corpus/fhir-questionnaire/bundle-gcs.json");
    EXPECT_EQ(briefs(document.diagnostics), std::vector<std::string>{});
    ASSERT_EQ(document.questionnaires.size(), 1u);
    ASSERT_EQ(document.responses.size(), 1u);
    EXPECT_EQ(document.responses.front().pointer, "/entry/1/resource");
    EXPECT_EQ(briefs(ResponseValidator::validate(document.questionnaires.front(), document.responses.front(), "b")),
              std::vector<std::string>{});
}

TEST(FhirDocument, OtherBundleEntriesAreSkippedWithAWarning)
{
    auto read = JsonReader::parse(R"({"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Patient"}},
        {"request":{"method":"DELETE"}}]})",
                                  "b");
    auto document = FhirDocument::load(*read.value, "b");
    EXPECT_EQ(briefs(document.diagnostics), std::vector<std::string>{"warning 339 /entry/0/resource/resourceType"});
}
