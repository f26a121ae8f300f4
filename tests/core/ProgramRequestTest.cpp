#include "core/program/ProgramRequest.h"

#include "core/common/Error.h"
#include "core/json/JsonReader.h"
#include "core/json/JsonWriter.h"

#include <gtest/gtest.h>

using namespace backscreen;
using namespace backscreen::core;

namespace {

JsonValue parse(const std::string& text)
{
    return *JsonReader::parse(text, "request.json").value;
}

std::string errorOf(const std::string& text)
{
    try {
        ProgramRequest::fromJson(parse(text), "request.json");
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::ProgramRequestInvalid);
        return error.what();
    }
    return "no error";
}

} // namespace

TEST(ProgramRequest, DataObjectAppliesDocumentedDefaults)
{
    ProgramRequest request;
    request.positiveLcsTests = {"LCS-T04"};
    JsonValue data = request.toData();
    EXPECT_EQ(*data.find("LCS-T04"), JsonValue(true));
    EXPECT_EQ(*data.find("LCS-T01"), JsonValue(false));
    EXPECT_EQ(*data.find("lcs_s05"), JsonValue(false));
    EXPECT_EQ(*data.find("lcs_s06"), JsonValue("not_tested"));
    EXPECT_EQ(*data.find("lcs_t02_leg_symptoms"), JsonValue(true));
    EXPECT_EQ(*data.find("lcs_x01"), JsonValue(false));
    EXPECT_EQ(*data.find("lcs"), JsonValue("NOT_ASSESSED"));
}

TEST(ProgramRequest, DataObjectReadsAnswers)
{
    ProgramRequest request;
    request.answers = parse(R"({"lcs_s05": true, "lcs_s06": "yes", "lcs_t02_leg_symptoms": false, "lcs_x01": null})");
    JsonValue data = request.toData();
    EXPECT_EQ(*data.find("lcs_s05"), JsonValue(true));
    EXPECT_EQ(*data.find("lcs_s06"), JsonValue("yes"));
    EXPECT_EQ(*data.find("lcs_t02_leg_symptoms"), JsonValue(false));
    EXPECT_EQ(*data.find("lcs_x01"), JsonValue(false));
}

TEST(ProgramRequest, JsonRoundTrip)
{
    ProgramRequest request;
    request.triage = "MONITOR";
    request.firedRuleIds = {"RF-MAL-W1"};
    request.radicular = "ASSESS";
    request.lcs = "POSSIBLE";
    request.lcsProvisional = true;
    request.positiveLcsTests = {"LCS-T01", "LCS-T05"};
    request.flexionRelated = true;
    request.answers = parse(R"({"lcs_s05": true})");
    ProgramRequest back = ProgramRequest::fromJson(request.toJson(), "x");
    EXPECT_EQ(JsonWriter::write(back.toJson()), JsonWriter::write(request.toJson()));
}

TEST(ProgramRequest, BlockedDefaultsFromTriage)
{
    EXPECT_TRUE(ProgramRequest::fromJson(parse(R"({"triage": "URGENT"})"), "x").programBlocked);
    EXPECT_FALSE(ProgramRequest::fromJson(parse(R"({"triage": "MONITOR"})"), "x").programBlocked);
}

TEST(ProgramRequest, RejectsContradictionsUnknownCodesAndFields)
{
    EXPECT_EQ(errorOf(R"({"triage": "SOON", "programBlocked": false})"),
              "request.json: program request at /programBlocked: contradicts triage SOON; expected true exactly for "
              "SOON, URGENT, EMERGENCY and INCOMPLETE");
    EXPECT_EQ(errorOf(R"({"lcs": "MAYBE"})"),
              "request.json: program request at /lcs: expected one of LIKELY, POSSIBLE, UNLIKELY, INCOMPLETE, "
              "NOT_ASSESSED, SUPPRESSED");
    EXPECT_EQ(errorOf(R"({"positiveLcsTests": ["LCS-T03"]})"),
              "request.json: program request at /positiveLcsTests/0: unknown test \"LCS-T03\"; expected LCS-T01, "
              "LCS-T02, LCS-T04, LCS-T05 or LCS-T06");
    EXPECT_EQ(errorOf(R"({"colour": 1})"), "request.json: program request at /colour: unknown field \"colour\"");
    EXPECT_EQ(errorOf(R"({"answers": []})"),
              "request.json: program request at /answers: expected the flat answers object");
}
