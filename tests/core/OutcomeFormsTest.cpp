#include "core/outcomes/OutcomeForms.h"

#include "OutcomeTestSupport.h"

#include <gtest/gtest.h>

#include <filesystem>

using backscreen::ErrorCode;
using backscreen::core::OutcomeForms;
using backscreen::tests::outcomeForms;
using backscreen::tests::outcomeMeasures;
using backscreen::tests::parseJson;

namespace {

std::filesystem::path fixture(const std::string& name)
{
    return std::filesystem::path(BACKSCREEN_TEST_DATA_DIR) / "core" / "outcomes" / name;
}

} // namespace

TEST(OutcomeForms, EveryInstrumentHasItsShippedFormFoundByCanonical)
{
    const OutcomeForms& forms = outcomeForms();
    ASSERT_EQ(forms.forms().size(), outcomeMeasures().instruments().size());
    for (const auto& instrument : outcomeMeasures().instruments()) {
        const auto* shipped = forms.shipped(instrument.id);
        ASSERT_NE(shipped, nullptr) << instrument.id;
        EXPECT_FALSE(shipped->clinicSupplied);
        EXPECT_EQ(forms.find(instrument.questionnaire), shipped);
        EXPECT_EQ(forms.find(instrument.questionnaire + "|1.2.0"), shipped);
    }
    EXPECT_EQ(forms.find(""), nullptr);
    EXPECT_EQ(forms.find("http://example.org/Questionnaire/intake"), nullptr);
}

TEST(OutcomeForms, ClinicFormIsAddedAndWinsOverAShippedFormWithTheSameUrl)
{
    OutcomeForms forms = outcomeForms();
    auto added = forms.addClinicFormFile(fixture("clinic-odi.json"), outcomeMeasures());
    ASSERT_TRUE(added.empty()) << added.front().toString();
    const auto* clinic = forms.find("http://clinic.example/fhir/Questionnaire/odi-licensed|2024-03");
    ASSERT_NE(clinic, nullptr);
    EXPECT_TRUE(clinic->clinicSupplied);
    EXPECT_EQ(clinic->instrument, "odi");

    auto reused = forms.addClinicForm(parseJson(R"({"resourceType": "Questionnaire", "status": "active",
        "url": "http://backscreen.local/fhir/Questionnaire/pgic", "version": "clinic-1",
        "item": [{"linkId": "pgic", "type": "integer", "text": "Licensed wording"},
                 {"linkId": "pgic_scale_version", "type": "string"}]})"),
                                      "clinic-pgic.json",
                                      outcomeMeasures());
    ASSERT_TRUE(reused.empty()) << reused.front().toString();
    const auto* pgic = forms.find("http://backscreen.local/fhir/Questionnaire/pgic");
    ASSERT_NE(pgic, nullptr);
    EXPECT_TRUE(pgic->clinicSupplied);
    EXPECT_FALSE(forms.shipped("pgic")->clinicSupplied);
}

TEST(OutcomeForms, MismatchedClinicFormIsRefusedAndNotAdded)
{
    OutcomeForms forms = outcomeForms();
    auto added = forms.addClinicFormFile(fixture("clinic-odi-missing-linkid.json"), outcomeMeasures());
    ASSERT_FALSE(added.empty());
    EXPECT_EQ(added.front().code, ErrorCode::OutcomeQuestionnaireMismatch);
    EXPECT_EQ(forms.forms().size(), outcomeForms().forms().size());

    auto invalidFhir = forms.addClinicForm(parseJson(R"({"resourceType": "Questionnaire", "status": "draft-ish",
        "url": "http://clinic.example/pgic", "derivedFrom": ["http://backscreen.local/fhir/Questionnaire/pgic"],
        "item": [{"linkId": "pgic", "type": "integer"}, {"linkId": "pgic_scale_version", "type": "string"}]})"),
                                           "bad.json",
                                           outcomeMeasures());
    EXPECT_TRUE(backscreen::core::hasErrors(invalidFhir));
    EXPECT_EQ(forms.find("http://clinic.example/pgic"), nullptr);
}

TEST(OutcomeForms, AFolderWithoutFormsIsRefused)
{
    auto loaded = OutcomeForms::loadShipped(outcomeMeasures(), fixture("no-such-folder"));
    EXPECT_FALSE(loaded.ok());
    ASSERT_FALSE(loaded.diagnostics.empty());
    EXPECT_EQ(loaded.diagnostics.front().message,
              "no outcome-measure forms found; expected one Questionnaire per instrument");
}
