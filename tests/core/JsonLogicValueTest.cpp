#include "core/jsonlogic/JsonLogicValue.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using backscreen::core::JsonLogicValue;
using backscreen::core::JsonValue;

TEST(JsonLogicValue, NumbersPrintAsJavaScriptPrintsThem)
{
    EXPECT_EQ(JsonLogicValue::numberToString(1), "1");
    EXPECT_EQ(JsonLogicValue::numberToString(1.5), "1.5");
    EXPECT_EQ(JsonLogicValue::numberToString(-0.0), "0");
    EXPECT_EQ(JsonLogicValue::numberToString(0.1 + 0.2), "0.30000000000000004");
    EXPECT_EQ(JsonLogicValue::numberToString(1e21), "1e+21");
    EXPECT_EQ(JsonLogicValue::numberToString(123456789012345680000.0), "123456789012345680000");
    EXPECT_EQ(JsonLogicValue::numberToString(1e-7), "1e-7");
    EXPECT_EQ(JsonLogicValue::numberToString(0.000001), "0.000001");
    EXPECT_EQ(JsonLogicValue::numberToString(-2.5e-10), "-2.5e-10");
    EXPECT_EQ(JsonLogicValue::numberToString(std::numeric_limits<double>::quiet_NaN()), "NaN");
    EXPECT_EQ(JsonLogicValue::numberToString(-std::numeric_limits<double>::infinity()), "-Infinity");
}

TEST(JsonLogicValue, StringsConvertToNumbersAsJavaScriptConvertsThem)
{
    EXPECT_EQ(JsonLogicValue::stringToNumber(""), 0.0);
    EXPECT_EQ(JsonLogicValue::stringToNumber(" \t12\n"), 12.0);
    EXPECT_EQ(JsonLogicValue::stringToNumber("0x1f"), 31.0);
    EXPECT_EQ(JsonLogicValue::stringToNumber("-Infinity"), -std::numeric_limits<double>::infinity());
    EXPECT_EQ(JsonLogicValue::stringToNumber(".5"), 0.5);
    EXPECT_EQ(JsonLogicValue::stringToNumber("5."), 5.0);
    EXPECT_EQ(JsonLogicValue::stringToNumber("1e400"), std::numeric_limits<double>::infinity());
    EXPECT_TRUE(std::isnan(JsonLogicValue::stringToNumber("12px")));
    EXPECT_TRUE(std::isnan(JsonLogicValue::stringToNumber("-0x10")));
    EXPECT_EQ(JsonLogicValue::parseFloat(JsonLogicValue::string("12px")), 12.0);
    EXPECT_EQ(JsonLogicValue::parseFloat(JsonLogicValue::string("  -.5e1x")), -5.0);
    EXPECT_TRUE(std::isnan(JsonLogicValue::parseFloat(JsonLogicValue::boolean(true))));
}

TEST(JsonLogicValue, LooseEqualityFollowsJavaScript)
{
    auto eq = [](const JsonLogicValue& a, const JsonLogicValue& b) { return JsonLogicValue::looseEquals(a, b); };
    JsonValue pair(JsonValue::Array{JsonValue(1), JsonValue(2)});
    EXPECT_TRUE(eq(JsonLogicValue::number(1), JsonLogicValue::string("1")));
    EXPECT_TRUE(eq(JsonLogicValue::boolean(true), JsonLogicValue::string("1")));
    EXPECT_TRUE(eq(JsonLogicValue::null(), JsonLogicValue()));
    EXPECT_FALSE(eq(JsonLogicValue::null(), JsonLogicValue::number(0)));
    EXPECT_TRUE(eq(JsonLogicValue::borrow(pair), JsonLogicValue::string("1,2")));
    EXPECT_TRUE(eq(JsonLogicValue::borrow(pair), JsonLogicValue::borrow(pair)));
    EXPECT_FALSE(eq(JsonLogicValue::borrow(pair),
                    JsonLogicValue::array({JsonLogicValue::number(1), JsonLogicValue::number(2)})));
    EXPECT_FALSE(eq(JsonLogicValue::number(std::numeric_limits<double>::quiet_NaN()),
                    JsonLogicValue::number(std::numeric_limits<double>::quiet_NaN())));
}

TEST(JsonLogicValue, StringsCompareByUtf16CodeUnits)
{
    // U+FF61 sorts after U+1F600 in code points but before it in UTF-16 (surrogates are D800-DFFF).
    EXPECT_TRUE(
        JsonLogicValue::lessThan(JsonLogicValue::string("\xF0\x9F\x98\x80"), JsonLogicValue::string("\xEF\xBD\xA1")));
    EXPECT_TRUE(JsonLogicValue::lessThan(JsonLogicValue::string("10"), JsonLogicValue::string("9")));
    EXPECT_FALSE(JsonLogicValue::lessThan(JsonLogicValue::number(10), JsonLogicValue::string("9")));
    EXPECT_EQ(JsonLogicValue::utf16Length("h\xC3\xA9\xF0\x9F\x98\x80"), 4u);
    EXPECT_EQ(JsonLogicValue::utf16Slice("h\xC3\xA9llo", 1, 3), "\xC3\xA9l");
}

TEST(JsonLogicValue, EmptyArrayIsFalsyUnlikeJavaScript)
{
    EXPECT_FALSE(JsonLogicValue::array({}).truthy());
    EXPECT_TRUE(JsonLogicValue::array({JsonLogicValue::number(0)}).truthy());
    EXPECT_TRUE(JsonLogicValue::string("0").truthy());
    EXPECT_FALSE(JsonLogicValue::number(std::numeric_limits<double>::quiet_NaN()).truthy());
    EXPECT_TRUE(JsonLogicValue::object({}).truthy());
}

TEST(JsonLogicValue, JsonViewMapsWhatJsonCannotHoldToNull)
{
    JsonLogicValue mixed = JsonLogicValue::array({JsonLogicValue(),
                                                  JsonLogicValue::number(std::numeric_limits<double>::infinity()),
                                                  JsonLogicValue::string("x")});
    EXPECT_EQ(mixed.toJson(), JsonValue(JsonValue::Array{JsonValue(nullptr), JsonValue(nullptr), JsonValue("x")}));
    JsonLogicValue object =
        JsonLogicValue::object({{"current", JsonLogicValue::number(1)}, {"accumulator", JsonLogicValue()}});
    EXPECT_EQ(object.toJson(), JsonValue(JsonValue::Object{{"current", JsonValue(1)}}));
    EXPECT_EQ(mixed.toString(), ",Infinity,x");
}
