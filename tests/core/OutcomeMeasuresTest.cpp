#include "core/outcomes/OutcomeMeasures.h"

#include "OutcomeTestSupport.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using backscreen::ErrorCode;
using backscreen::core::ChangeRuleKind;
using backscreen::core::OutcomeMeasures;
using backscreen::tests::parseJson;

namespace {

std::string shippedText()
{
    std::ifstream in(std::filesystem::path(BACKSCREEN_FORMS_DIR) / "outcomes" / "measures.json");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The shipped catalogue with the first occurrence of `from` replaced by `to`.
backscreen::core::OutcomeMeasuresLoadResult loadEdited(const std::string& from, const std::string& to)
{
    std::string text = shippedText();
    auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) {
        text.replace(at, from.size(), to);
    }
    return OutcomeMeasures::load(parseJson(text), "measures.json");
}

} // namespace

TEST(OutcomeMeasures, ShippedCatalogueLoadsWithoutDiagnostics)
{
    auto loaded = OutcomeMeasures::loadDefault();
    ASSERT_TRUE(loaded.ok());
    EXPECT_TRUE(loaded.diagnostics.empty());
    const OutcomeMeasures& measures = *loaded.measures;
    EXPECT_EQ(measures.rulesetId(), "outcomes");
    EXPECT_EQ(measures.rulesetVersion(), "1.2");
    ASSERT_EQ(measures.instruments().size(), 6u);
    const auto* nprs = measures.find("nprs");
    ASSERT_NE(nprs, nullptr);
    EXPECT_EQ(nprs->change.kind, ChangeRuleKind::Threshold);
    EXPECT_EQ(nprs->change.absolute, 2.0);
    EXPECT_EQ(nprs->change.relative, 0.30);
    EXPECT_EQ(measures.find("odi")->change.absolute, 10.0);
    EXPECT_EQ(measures.find("rmdq")->change.absolute, 5.0);
    EXPECT_EQ(measures.find("psfs")->change.perActivityAbsolute, 3.0);
    EXPECT_FALSE(measures.find("psfs")->change.relative.has_value());
    EXPECT_EQ(measures.find("sbst")->change.kind, ChangeRuleKind::None);
    EXPECT_EQ(measures.find("pgic")->change.kind, ChangeRuleKind::Rating);
    EXPECT_EQ(measures.find("odi")->parameter("minAnsweredSections"), 8.0);
    EXPECT_EQ(measures.citeShort({"O1", "O18"}), "Ostelo 2008, Stratford 1995");
    EXPECT_EQ(measures.findByQuestionnaire("http://backscreen.local/fhir/Questionnaire/rmdq|1.2.0")->id, "rmdq");
    EXPECT_EQ(measures.findByLinkId("sbst_item_09")->id, "sbst");
    EXPECT_EQ(measures.find("missing"), nullptr);
}

TEST(OutcomeMeasures, LicensingDecisionsOfTheClinicalFileAreRecorded)
{
    const OutcomeMeasures& measures = backscreen::tests::outcomeMeasures();
    EXPECT_TRUE(measures.find("nprs")->shipItemText);
    EXPECT_FALSE(measures.find("odi")->shipItemText);
    EXPECT_FALSE(measures.find("rmdq")->shipItemText);
    EXPECT_TRUE(measures.find("psfs")->shipItemText);
    EXPECT_FALSE(measures.find("sbst")->shipItemText);
    EXPECT_TRUE(measures.find("pgic")->shipItemText);
}

TEST(OutcomeMeasures, UnresolvedReferenceIsNamedByPointer)
{
    auto loaded = loadEdited(R"("references": [
          "O1"
        ],
        "components": [
          {
            "key": "back")",
                             R"("references": [
          "O99"
        ],
        "components": [
          {
            "key": "back")");
    EXPECT_FALSE(loaded.ok());
    ASSERT_EQ(loaded.diagnostics.size(), 1u);
    EXPECT_EQ(loaded.diagnostics[0].code, ErrorCode::OutcomeReferenceUnresolved);
    EXPECT_EQ(loaded.diagnostics[0].pointer, "/instruments/0/change/references/0");
    EXPECT_EQ(loaded.diagnostics[0].toString(),
              "measures.json: instrument \"nprs\" at /instruments/0/change/references/0: unknown reference \"O99\"; "
              "expected the id of an entry in /references");
}

TEST(OutcomeMeasures, OtherSchemaVersionIsRefused)
{
    auto loaded = loadEdited(R"("schemaVersion": 1)", R"("schemaVersion": 2)");
    EXPECT_FALSE(loaded.ok());
    ASSERT_EQ(loaded.diagnostics.size(), 1u);
    EXPECT_EQ(loaded.diagnostics[0].code, ErrorCode::OutcomeMeasuresInvalid);
    EXPECT_EQ(loaded.diagnostics[0].message, "schemaVersion is 2; expected 1");
}

TEST(OutcomeMeasures, InputsMustMatchTheScoringAlgorithm)
{
    auto retyped = loadEdited(R"("linkId": "odi_s03",
          "type": "integer")",
                              R"("linkId": "odi_s03",
          "type": "text")");
    EXPECT_FALSE(retyped.ok());
    ASSERT_EQ(retyped.diagnostics.size(), 1u);
    EXPECT_EQ(retyped.diagnostics[0].pointer, "/instruments/1/inputs/3/type");
    EXPECT_EQ(retyped.diagnostics[0].message, "type is text; expected integer");

    auto renamed = loadEdited(R"("linkId": "odi_s03")", R"("linkId": "odi_s3")");
    EXPECT_FALSE(renamed.ok());
    ASSERT_EQ(renamed.diagnostics.size(), 2u);
    EXPECT_EQ(renamed.diagnostics[0].message, "the odi scoring does not read this input; expected an input of §0.1");
    EXPECT_EQ(renamed.diagnostics[1].subject, "linkId \"odi_s03\"");
    EXPECT_EQ(renamed.diagnostics[1].message, "input missing; the odi scoring reads it");
}

TEST(OutcomeMeasures, MissingConventionParameterIsRefused)
{
    auto loaded = loadEdited(R"("minAnsweredSections": 8)", R"("minAnswered": 8)");
    EXPECT_FALSE(loaded.ok());
    ASSERT_EQ(loaded.diagnostics.size(), 1u);
    EXPECT_EQ(loaded.diagnostics[0].pointer, "/instruments/1/parameters");
    EXPECT_EQ(loaded.diagnostics[0].message, "parameter \"minAnsweredSections\" missing; the odi scoring reads it");
}

TEST(OutcomeMeasures, BandsMustAscendAndReachTheMaximum)
{
    auto loaded = loadEdited(R"("upper": 100,)", R"("upper": 99,)");
    EXPECT_FALSE(loaded.ok());
    ASSERT_EQ(loaded.diagnostics.size(), 1u);
    EXPECT_EQ(loaded.diagnostics[0].pointer, "/instruments/1/bands");
    auto descending = loadEdited(R"("upper": 40,)", R"("upper": 10,)");
    ASSERT_EQ(descending.diagnostics.size(), 1u);
    EXPECT_EQ(descending.diagnostics[0].pointer, "/instruments/1/bands/1/upper");
    EXPECT_EQ(descending.diagnostics[0].message, "upper edge not above the previous band's; expected ascending edges");
}

TEST(OutcomeMeasures, RelativeThresholdMustBeAFraction)
{
    auto loaded = loadEdited(R"("relative": 0.3,)", R"("relative": 30,)");
    EXPECT_FALSE(loaded.ok());
    ASSERT_EQ(loaded.diagnostics.size(), 1u);
    EXPECT_EQ(loaded.diagnostics[0].pointer, "/instruments/0/change/relative");
}

TEST(OutcomeMeasures, EveryPgicRatingNeedsACategory)
{
    auto loaded = loadEdited("\"values\": [\n              6,\n              7\n            ]",
                             "\"values\": [\n              6\n            ]");
    EXPECT_FALSE(loaded.ok());
    ASSERT_EQ(loaded.diagnostics.size(), 1u);
    EXPECT_EQ(loaded.diagnostics[0].message, "rating 7 has no category; expected every rating from min to max");
}

TEST(OutcomeMeasures, MissingInstrumentIsRefused)
{
    auto loaded = loadEdited(R"("id": "pgic")", R"("id": "pgi-i")");
    EXPECT_FALSE(loaded.ok());
    EXPECT_GE(loaded.diagnostics.size(), 2u);
    EXPECT_EQ(loaded.diagnostics[0].message,
              "no scoring algorithm for this instrument; expected one of nprs, odi, rmdq, psfs, sbst, pgic");
    EXPECT_EQ(loaded.diagnostics.back().message, "instrument missing; expected an entry for every scored instrument");
}

TEST(OutcomeMeasures, UnreadableFileIsReported)
{
    auto loaded = OutcomeMeasures::loadFile("/nonexistent/measures.json");
    EXPECT_FALSE(loaded.ok());
    ASSERT_EQ(loaded.diagnostics.size(), 1u);
    EXPECT_EQ(loaded.diagnostics[0].code, ErrorCode::FileUnreadable);
}
