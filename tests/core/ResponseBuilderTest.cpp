#include "core/fhir/ResponseBuilder.h"

#include "FhirTestSupport.h"

#include "core/fhir/FlatAnswers.h"
#include "core/fhir/QuestionnaireLoader.h"
#include "core/fhir/ResponseValidator.h"
#include "core/json/JsonWriter.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

using namespace backscreen;
using namespace backscreen::core;
using backscreen::tests::briefs;
using backscreen::tests::fhirFixture;

TEST(ResponseBuilder, NestsAnswersAsTheQuestionnaireDoes)
{
    auto loaded = QuestionnaireLoader::loadFile(fhirFixture("nested-groups.json"));
    ASSERT_TRUE(loaded.ok());
    const Questionnaire& q = *loaded.questionnaire;
    EnableWhenEvaluator state(q);
    state.setAnswers("deep", {FhirValue::text(FhirValueKind::String, "x")});
    state.setAnswers("smoker", {FhirValue::boolean(true)});
    state.setAnswers("packs", {FhirValue::integer(2)});
    QuestionnaireResponse response = ResponseBuilder::build(q, state, "completed", "2026-11-24T10:00:00Z");
    EXPECT_EQ(JsonWriter::write(response.toJson()),
              R"({"resourceType":"QuestionnaireResponse",)"
              R"("questionnaire":"http://backscreen.local/fhir/Questionnaire/test-nested-groups",)"
              R"("status":"completed","authored":"2026-11-24T10:00:00Z","item":[{"linkId":"g1","item":[)"
              R"({"linkId":"g2","item":[{"linkId":"g3","item":[{"linkId":"deep","answer":[{"valueString":"x"}]}]}]},)"
              R"({"linkId":"smoker","answer":[{"valueBoolean":true,"item":[{"linkId":"packs","answer":[)"
              R"({"valueInteger":2}]}]}]}]}]})");
    EXPECT_EQ(briefs(ResponseValidator::validate(q, response, "built")), std::vector<std::string>{});
    // A disabled answer is kept in the state but not written.
    state.setAnswers("smoker", {FhirValue::boolean(false)});
    std::string written = JsonWriter::write(ResponseBuilder::build(q, state, "completed").toJson());
    EXPECT_EQ(written.find("packs"), std::string::npos);
}

TEST(ResponseBuilder, RebuildsEveryIntakeExampleEquivalently)
{
    auto loaded = QuestionnaireLoader::loadIntakeForm();
    ASSERT_TRUE(loaded.ok());
    const Questionnaire& q = *loaded.questionnaire;
    std::size_t rebuilt = 0;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::filesystem::path(BACKSCREEN_FORMS_DIR) / "examples")) {
        if (entry.path().extension() != ".json") {
            continue;
        }
        SCOPED_TRACE(entry.path().string());
        auto document = FhirDocument::loadFile(entry.path());
        ASSERT_EQ(document.responses.size(), 1u);
        const QuestionnaireResponse& original = document.responses.front();
        EnableWhenEvaluator state(q);
        state.setAllAnswers(EnableWhenEvaluator::collectAnswers(q, original));
        QuestionnaireResponse built = ResponseBuilder::build(q, state, original.status, original.authored);
        EXPECT_EQ(briefs(ResponseValidator::validate(q, built, "built")), std::vector<std::string>{});
        EXPECT_EQ(FlatAnswers::flatten(q, built), FlatAnswers::flatten(q, original));
        ++rebuilt;
    }
    EXPECT_GE(rebuilt, 8u);
}
