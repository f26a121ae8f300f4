#include "core/outcomes/OutcomeQuestionnaire.h"

#include "OutcomeTestSupport.h"

#include "core/json/JsonReader.h"
#include "core/outcomes/OutcomeResponse.h"
#include "core/outcomes/OutcomeScorer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

using backscreen::ErrorCode;
using backscreen::core::flattenOutcomeResponse;
using backscreen::core::JsonReader;
using backscreen::core::OutcomeQuestionnaire;
using backscreen::core::OutcomeScore;
using backscreen::core::OutcomeScorer;
using backscreen::tests::outcomeMeasures;
using backscreen::tests::parseJson;

namespace {

std::filesystem::path fixture(const std::string& name)
{
    return std::filesystem::path(BACKSCREEN_TEST_DATA_DIR) / "core" / "outcomes" / name;
}

// Scores a response file the way the CLI does: flatten, find the instrument by questionnaire canonical (the
// shipped one or a checked clinic form), score.
OutcomeScore scoreResponse(const std::filesystem::path& path, const std::string& clinicUrl, const std::string& clinicId)
{
    auto read = JsonReader::parseFile(path);
    EXPECT_TRUE(read.ok());
    auto flat = flattenOutcomeResponse(*read.value, path.string());
    EXPECT_TRUE(flat.answers.has_value());
    std::string url = flat.questionnaire.substr(0, flat.questionnaire.find('|'));
    std::string instrument = url == clinicUrl ? clinicId : "";
    if (const auto* shipped = outcomeMeasures().findByQuestionnaire(flat.questionnaire)) {
        instrument = shipped->id;
    }
    auto result = OutcomeScorer(outcomeMeasures()).score(instrument, flat.answers.value_or(parseJson("{}")), "t");
    EXPECT_TRUE(result.ok());
    return result.score.value_or(OutcomeScore());
}

} // namespace

TEST(OutcomeQuestionnaire, EveryShippedFormMatchesItsInstrument)
{
    std::set<std::string> formsFound;
    std::filesystem::path folder = std::filesystem::path(BACKSCREEN_FORMS_DIR) / "outcomes";
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().filename() == "measures.json") {
            continue;
        }
        auto check = OutcomeQuestionnaire::checkFile(entry.path(), outcomeMeasures());
        EXPECT_TRUE(check.ok()) << entry.path();
        EXPECT_TRUE(check.diagnostics.empty())
            << entry.path() << ": " << (check.diagnostics.empty() ? "" : check.diagnostics[0].toString());
        const auto* instrument = outcomeMeasures().find(check.instrument);
        ASSERT_NE(instrument, nullptr) << entry.path();
        EXPECT_EQ(check.url, instrument->questionnaire);
        EXPECT_EQ(check.url, "http://backscreen.local/fhir/Questionnaire/" + instrument->id);
        EXPECT_EQ(check.version, "1.2.0");
        formsFound.insert(check.instrument);
    }
    EXPECT_EQ(formsFound.size(), 6u);
    EXPECT_EQ(formsFound.size(), outcomeMeasures().instruments().size());
}

TEST(OutcomeQuestionnaire, UnlicensedFormsShipNoItemText)
{
    // The forms of instruments whose text may not be shipped carry only topics and placeholders; the shipped
    // text must never contain the scoring statements. A cheap guard: every such item says "licensed" or names
    // the paper form.
    for (const char* name : {"odi.json", "rmdq.json", "start-back.json"}) {
        auto read = JsonReader::parseFile(std::filesystem::path(BACKSCREEN_FORMS_DIR) / "outcomes" / name);
        ASSERT_TRUE(read.ok()) << name;
        const auto& items = read.value->find("item")->asArray();
        ASSERT_FALSE(items.empty());
        for (const auto& item : items) {
            const std::string& text = item.find("text")->asString();
            bool placeholder = text.find("licensed") != std::string::npos || text.find("form") != std::string::npos;
            EXPECT_TRUE(placeholder) << name << ": " << text;
        }
    }
}

TEST(OutcomeQuestionnaire, ClinicFormWithOtherTextButSameLinkIdsIsAcceptedAndScoresIdentically)
{
    auto check = OutcomeQuestionnaire::checkFile(fixture("clinic-odi.json"), outcomeMeasures(), "odi");
    ASSERT_TRUE(check.ok()) << (check.diagnostics.empty() ? "" : check.diagnostics[0].toString());
    EXPECT_EQ(check.instrument, "odi");
    EXPECT_EQ(check.url, "http://clinic.example/fhir/Questionnaire/odi-licensed");
    EXPECT_EQ(check.version, "2024-03");

    OutcomeScore clinic = scoreResponse(fixture("response-odi-clinic.json"), check.url, check.instrument);
    OutcomeScore shipped = scoreResponse(fixture("response-odi.json"), "", "");
    ASSERT_TRUE(clinic.scorable);
    EXPECT_EQ(clinic.instrument, "odi");
    EXPECT_NEAR(*clinic.score, 2300.0 / 45.0, 1e-9);
    EXPECT_EQ(clinic.toJson(), shipped.toJson());
}

TEST(OutcomeQuestionnaire, ClinicFormMissingALinkIdIsRefused)
{
    auto check = OutcomeQuestionnaire::checkFile(fixture("clinic-odi-missing-linkid.json"), outcomeMeasures());
    EXPECT_FALSE(check.ok());
    ASSERT_EQ(check.diagnostics.size(), 1u);
    EXPECT_EQ(check.diagnostics[0].code, ErrorCode::OutcomeQuestionnaireMismatch);
    EXPECT_EQ(check.diagnostics[0].subject, "linkId \"odi_s08\"");
    EXPECT_EQ(check.diagnostics[0].message,
              "no item has this linkId; expected an item of type integer for ODI section 8");
}

TEST(OutcomeQuestionnaire, ClinicFormWithARetypedLinkIdIsRefused)
{
    auto check = OutcomeQuestionnaire::checkFile(fixture("clinic-odi-retyped-linkid.json"), outcomeMeasures());
    EXPECT_FALSE(check.ok());
    ASSERT_EQ(check.diagnostics.size(), 1u);
    EXPECT_EQ(check.diagnostics[0].code, ErrorCode::OutcomeQuestionnaireMismatch);
    EXPECT_EQ(check.diagnostics[0].pointer, "/item/1/item/2/type");
    EXPECT_EQ(check.diagnostics[0].toString(),
              fixture("clinic-odi-retyped-linkid.json").string()
                  + ": linkId \"odi_s03\" at /item/1/item/2/type: item type is decimal; expected integer");
}

TEST(OutcomeQuestionnaire, ExtraAnswerableItemAndWrongOptionsAreRefused)
{
    auto check = OutcomeQuestionnaire::check(parseJson(R"({"resourceType": "Questionnaire",
        "url": "http://clinic.example/q/sbst", "derivedFrom": ["http://backscreen.local/fhir/Questionnaire/sbst|1.2.0"],
        "item": [{"linkId": "sbst_form_version", "type": "string"},
          {"linkId": "sbst_item_01", "type": "choice", "answerOption": [{"valueCoding": {"code": "agree"}},
             {"valueCoding": {"code": "yes"}}]},
          {"linkId": "comments", "type": "text"}]})"),
                                             outcomeMeasures(),
                                             "clinic.json");
    EXPECT_EQ(check.instrument, "sbst");
    EXPECT_FALSE(check.ok());
    // sbst_item_02 … 09 missing (8), item 1: "disagree" missing and "yes" extra (2), "comments" extra (1).
    ASSERT_EQ(check.diagnostics.size(), 11u);
    EXPECT_EQ(check.diagnostics[0].message, "answer option \"disagree\" missing; expected the codes agree, disagree");
    EXPECT_EQ(check.diagnostics[1].message,
              "answer option \"yes\" is not an answer of STarT Back item 1; expected the codes agree, disagree");
    EXPECT_EQ(check.diagnostics[10].subject, "linkId \"comments\"");
    EXPECT_EQ(check.diagnostics[10].message,
              "not an input of the STarT Back; expected only its linkIds (outcome-measures.md §0.1)");
}

TEST(OutcomeQuestionnaire, FormOfAnotherInstrumentIsTheWrongQuestionnaire)
{
    auto check = OutcomeQuestionnaire::checkFile(
        std::filesystem::path(BACKSCREEN_FORMS_DIR) / "outcomes" / "nprs.json", outcomeMeasures(), "odi");
    EXPECT_FALSE(check.ok());
    ASSERT_EQ(check.diagnostics.size(), 1u);
    EXPECT_EQ(check.diagnostics[0].code, ErrorCode::OutcomeWrongQuestionnaire);
    EXPECT_EQ(check.diagnostics[0].message, "a form of the NPRS (nprs); expected a form of odi");
    auto unrelated = OutcomeQuestionnaire::check(
        parseJson(R"({"resourceType": "Questionnaire", "url": "http://example.org/intake"})"), outcomeMeasures(), "q");
    ASSERT_EQ(unrelated.diagnostics.size(), 1u);
    EXPECT_EQ(unrelated.diagnostics[0].code, ErrorCode::OutcomeWrongQuestionnaire);
    EXPECT_EQ(unrelated.diagnostics[0].message,
              "not a form of an outcome measure; expected url or derivedFrom to name "
              "http://backscreen.local/fhir/Questionnaire/<instrument>");
}

TEST(OutcomeQuestionnaire, ClinicFormWithAnotherRangeIsRefused)
{
    auto check = OutcomeQuestionnaire::check(parseJson(R"({"resourceType": "Questionnaire",
        "url": "http://clinic.example/q/nprs", "derivedFrom": ["http://backscreen.local/fhir/Questionnaire/nprs"],
        "item": [{"linkId": "nprs_recall", "type": "choice", "answerOption": [{"valueCoding": {"code": "avg_24h"}},
            {"valueCoding": {"code": "now"}}, {"valueCoding": {"code": "avg_7d"}}]},
          {"linkId": "nprs_back", "type": "integer", "extension": [
            {"url": "http://hl7.org/fhir/StructureDefinition/minValue", "valueInteger": 0},
            {"url": "http://hl7.org/fhir/StructureDefinition/maxValue", "valueInteger": 100}]},
          {"linkId": "nprs_leg", "type": "integer"}]})"),
                                             outcomeMeasures(),
                                             "clinic.json");
    EXPECT_FALSE(check.ok());
    ASSERT_EQ(check.diagnostics.size(), 1u);
    EXPECT_EQ(check.diagnostics[0].code, ErrorCode::OutcomeQuestionnaireMismatch);
    EXPECT_EQ(check.diagnostics[0].pointer, "/item/1/extension");
    EXPECT_EQ(check.diagnostics[0].message, "maxValue is 100; expected NPRS 0–10");
}
