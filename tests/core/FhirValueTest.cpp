#include "core/fhir/FhirValue.h"

#include "FhirTestSupport.h"

#include "core/json/JsonReader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace backscreen;
using namespace backscreen::core;

namespace {

std::optional<FhirValue> read(FhirValueKind kind, const std::string& json, std::vector<Diagnostic>& diagnostics)
{
    static const std::string source = "inline";
    FhirDiagnosticContext context{diagnostics, source, "item \"x\""};
    return FhirValue::fromJson(kind, JsonReader::parse(json, source).value.value(), "/v", context);
}

} // namespace

TEST(FhirValue, DateFormatsFollowR4)
{
    EXPECT_TRUE(isFhirDate("2024"));
    EXPECT_TRUE(isFhirDate("2024-02"));
    EXPECT_TRUE(isFhirDate("2024-02-29"));
    EXPECT_FALSE(isFhirDate("2023-02-29"));
    EXPECT_FALSE(isFhirDate("2024-04-31"));
    EXPECT_FALSE(isFhirDate("2024-13"));
    EXPECT_FALSE(isFhirDate("24-01-01"));
    EXPECT_FALSE(isFhirDate("2024-1-1"));
    EXPECT_TRUE(isFhirDateTime("2013-02-19T14:15:00-05:00"));
    EXPECT_TRUE(isFhirDateTime("2026-11-24T08:45:00.123Z"));
    EXPECT_TRUE(isFhirDateTime("2026-11"));
    EXPECT_FALSE(isFhirDateTime("2026-11-24T08:45:00"));
    EXPECT_FALSE(isFhirDateTime("2026-11-24T08:45Z"));
    EXPECT_TRUE(isFhirTime("23:59:60"));
    EXPECT_TRUE(isFhirTime("06:30:00.5"));
    EXPECT_FALSE(isFhirTime("24:00:00"));
    EXPECT_FALSE(isFhirTime("06:30"));
    EXPECT_FALSE(isFhirTime("06:30:00."));
}

TEST(FhirValue, WrongJsonTypeIsReportedAtThePointer)
{
    std::vector<Diagnostic> diagnostics;
    EXPECT_FALSE(read(FhirValueKind::Boolean, "\"true\"", diagnostics).has_value());
    EXPECT_FALSE(read(FhirValueKind::Integer, "2.0", diagnostics).has_value());
    EXPECT_FALSE(read(FhirValueKind::Integer, "2147483648", diagnostics).has_value());
    EXPECT_FALSE(read(FhirValueKind::Coding, R"({"code":1})", diagnostics).has_value());
    ASSERT_EQ(diagnostics.size(), 4u);
    EXPECT_EQ(diagnostics[0].code, ErrorCode::FhirElementType);
    EXPECT_EQ(diagnostics[0].message, "a Boolean value is a JSON string; expected true or false");
    EXPECT_EQ(diagnostics[1].code, ErrorCode::FhirInvalidValue);
    EXPECT_EQ(diagnostics[1].message,
              "2.0 is not a valid Integer; expected a whole number of 32 bits without a fraction");
    EXPECT_EQ(diagnostics[2].code, ErrorCode::FhirInvalidValue);
    EXPECT_EQ(diagnostics[3].pointer, "/v/code");
    EXPECT_EQ(diagnostics[3].subject, "item \"x\"");
}

TEST(FhirValue, NumbersCompareByValueAndKeepTheirText)
{
    std::vector<Diagnostic> diagnostics;
    auto decimal = read(FhirValueKind::Decimal, "2.50", diagnostics);
    ASSERT_TRUE(decimal.has_value());
    EXPECT_EQ(decimal->describe(), "2.50");
    EXPECT_EQ(decimal->toFlatJson().numberText(), "2.50");
    EXPECT_TRUE(decimal->equals(FhirValue::decimal(2.5)));
    EXPECT_TRUE(FhirValue::integer(2).equals(FhirValue::decimal(2.0)));
    EXPECT_EQ(FhirValue::integer(3).compare(FhirValue::decimal(2.5)), 1);
    EXPECT_EQ(FhirValue::integer(3).compare(FhirValue::boolean(true)), std::nullopt);
    EXPECT_TRUE(diagnostics.empty());
}

TEST(FhirValue, CodingsMatchOnSystemAndCodeOrOnCodeAlone)
{
    FhirValue full = FhirValue::coding("http://loinc.org", "LA33-6");
    EXPECT_TRUE(full.equals(FhirValue::coding("http://loinc.org", "LA33-6", "Yes")));
    EXPECT_TRUE(full.equals(FhirValue::coding("", "LA33-6")));
    EXPECT_FALSE(full.equals(FhirValue::coding("http://snomed.info/sct", "LA33-6")));
    EXPECT_FALSE(full.equals(FhirValue::coding("http://loinc.org", "la33-6")));
    EXPECT_EQ(full.compare(full), std::nullopt);
    EXPECT_EQ(full.describe(), "http://loinc.org|LA33-6");
    EXPECT_EQ(full.toFlatJson(), JsonValue("LA33-6"));
}

TEST(FhirValue, FindChoiceReportsUnknownAndDoubleValues)
{
    std::vector<Diagnostic> diagnostics;
    const std::string source = "inline";
    FhirDiagnosticContext context{diagnostics, source, {}};
    auto object = JsonReader::parse(R"({"valueFoo":1,"valueString":"a","valueBoolean":true,"valueSet":"x"})", source);
    auto choice = FhirValue::findChoice(*object.value, "value", "/o", context);
    ASSERT_TRUE(choice.has_value());
    EXPECT_EQ(choice->key, "valueString");
    EXPECT_EQ(
        backscreen::tests::briefs(diagnostics),
        (std::vector<std::string>{"error 301 /o/valueBoolean", "error 301 /o/valueFoo", "error 301 /o/valueSet"}));
    diagnostics.clear();
    auto answer = JsonReader::parse(R"({"answerOption":[],"answerValueSet":"x","answerCoding":{"code":"a"}})", source);
    auto found = FhirValue::findChoice(*answer.value, "answer", "/a", context);
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->kind, FhirValueKind::Coding);
    EXPECT_TRUE(diagnostics.empty());
}

TEST(FhirValue, CalendarDateIsAWholeDateThatExists)
{
    using backscreen::core::isCalendarDate;
    EXPECT_TRUE(isCalendarDate("2026-11-24"));
    EXPECT_TRUE(isCalendarDate("2024-02-29"));
    EXPECT_FALSE(isCalendarDate("2026-02-29"));
    EXPECT_FALSE(isCalendarDate("2026-04-31"));
    EXPECT_FALSE(isCalendarDate("2026-13-01"));
    EXPECT_FALSE(isCalendarDate("2026-00-10"));
    EXPECT_FALSE(isCalendarDate("2026-11"));
    EXPECT_FALSE(isCalendarDate("2026"));
    EXPECT_FALSE(isCalendarDate("2026-11-24T10:00:00Z"));
    EXPECT_FALSE(isCalendarDate("24/11/2026"));
    EXPECT_FALSE(isCalendarDate(""));
}
