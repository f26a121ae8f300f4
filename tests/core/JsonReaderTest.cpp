#include "core/json/JsonReader.h"

#include "core/json/JsonWriter.h"

#include <gtest/gtest.h>

#include <string>

using backscreen::ErrorCode;
using backscreen::core::JsonReader;
using backscreen::core::JsonValue;
using backscreen::core::JsonWriter;

TEST(JsonReader, ReadsNestedDocumentKeepingMemberOrder)
{
    auto result = JsonReader::parse(R"({"zeta": 1, "alpha": [true, false, null], "mid": {"b": "x", "a": 2.5}})", "t");
    ASSERT_TRUE(result.ok());
    const JsonValue& value = *result.value;
    ASSERT_TRUE(value.isObject());
    ASSERT_EQ(value.asObject().size(), 3u);
    EXPECT_EQ(value.asObject()[0].first, "zeta");
    EXPECT_EQ(value.asObject()[1].first, "alpha");
    EXPECT_EQ(value.asObject()[2].first, "mid");
    EXPECT_EQ(value.find("mid")->find("a")->asNumber(), 2.5);
    EXPECT_EQ(value.find("alpha")->asArray().size(), 3u);
    EXPECT_EQ(value.find("missing"), nullptr);
}

TEST(JsonReader, KeepsDecimalTextOnRoundTrip)
{
    auto result = JsonReader::parse(R"({"valueDecimal":2.50,"big":1E3,"neg":-0.0})", "t");
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.value->find("valueDecimal")->asNumber(), 2.5);
    EXPECT_EQ(JsonWriter::write(*result.value), R"({"valueDecimal":2.50,"big":1E3,"neg":-0.0})");
}

TEST(JsonReader, ReportsEveryDuplicateKeyByPointer)
{
    auto result = JsonReader::parse(R"({"a": 1, "b": {"c": 1, "c": 2}, "a": 3})", "dup.json");
    EXPECT_FALSE(result.ok());
    ASSERT_EQ(result.diagnostics.size(), 2u);
    EXPECT_EQ(result.diagnostics[0].code, ErrorCode::JsonDuplicateKey);
    EXPECT_EQ(result.diagnostics[0].pointer, "/b/c");
    EXPECT_EQ(result.diagnostics[1].pointer, "/a");
    EXPECT_EQ(result.diagnostics[1].source, "dup.json");
}

TEST(JsonReader, SyntaxErrorNamesLineColumnAndPointer)
{
    auto result = JsonReader::parse("{\n  \"items\": [1, 2,]\n}", "broken.json");
    EXPECT_FALSE(result.ok());
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].code, ErrorCode::JsonSyntax);
    EXPECT_EQ(result.diagnostics[0].pointer, "/items/2");
    EXPECT_EQ(result.diagnostics[0].toString(),
              "broken.json: at /items/2: unexpected ']' at line 2, column 18; expected a value");
}

TEST(JsonReader, RejectsTrailingGarbage)
{
    auto result = JsonReader::parse("[1] x", "t");
    EXPECT_FALSE(result.ok());
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].message, "unexpected 'x' at line 1, column 5 after the end of the document");
}

TEST(JsonReader, DeepNestingIsAnErrorNotACrash)
{
    std::string deep(10000, '[');
    deep += std::string(10000, ']');
    auto result = JsonReader::parse(deep, "deep");
    EXPECT_FALSE(result.ok());
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].code, ErrorCode::JsonTooDeep);
}

TEST(JsonReader, NestingAtTheLimitIsAccepted)
{
    JsonReader::Options options;
    options.maxDepth = 4;
    EXPECT_TRUE(JsonReader::parse("[[[[1]]]]", "t", options).ok());
    EXPECT_FALSE(JsonReader::parse("[[[[[1]]]]]", "t", options).ok());
}

TEST(JsonReader, DecodesEscapesAndSurrogatePairs)
{
    auto result = JsonReader::parse(R"(["a\"b\\c\/\n\t", "\u00e9\ud83d\ude00"])", "t");
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.value->asArray()[0].asString(), "a\"b\\c/\n\t");
    EXPECT_EQ(result.value->asArray()[1].asString(), "\xC3\xA9\xF0\x9F\x98\x80");
}

TEST(JsonReader, RejectsInvalidUtf8AndLoneSurrogates)
{
    EXPECT_EQ(JsonReader::parse("\"\xC3\x28\"", "t").diagnostics.at(0).code, ErrorCode::JsonInvalidUtf8);
    EXPECT_EQ(JsonReader::parse("\"\xED\xA0\x80\"", "t").diagnostics.at(0).code, ErrorCode::JsonInvalidUtf8);
    EXPECT_EQ(JsonReader::parse(R"("\ud800")", "t").diagnostics.at(0).code, ErrorCode::JsonInvalidUtf8);
}

TEST(JsonReader, RejectsMalformedNumbersAndLeadingZeros)
{
    EXPECT_FALSE(JsonReader::parse("01", "t").ok());
    EXPECT_FALSE(JsonReader::parse("1.", "t").ok());
    EXPECT_FALSE(JsonReader::parse("-", "t").ok());
    EXPECT_FALSE(JsonReader::parse("1e", "t").ok());
    EXPECT_FALSE(JsonReader::parse("1e999", "t").ok());
    EXPECT_TRUE(JsonReader::parse("-0.5e-3", "t").ok());
}

TEST(JsonReader, UnreadableFileIsNamed)
{
    auto result = JsonReader::parseFile("/nonexistent/dir/form.json");
    EXPECT_FALSE(result.ok());
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].code, ErrorCode::FileUnreadable);
    EXPECT_EQ(result.diagnostics[0].source, "/nonexistent/dir/form.json");
}

TEST(JsonReader, DirectoryIsUnreadableNotEmpty)
{
    auto result = JsonReader::parseFile(BACKSCREEN_TEST_DATA_DIR);
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].code, ErrorCode::FileUnreadable);
}

TEST(JsonWriter, FormatsComputedNumbersShortest)
{
    EXPECT_EQ(JsonWriter::formatNumber(3.0), "3");
    EXPECT_EQ(JsonWriter::formatNumber(0.1), "0.1");
    EXPECT_EQ(JsonWriter::formatNumber(-2.5), "-2.5");
    EXPECT_EQ(JsonWriter::formatNumber(1e21), "1e+21");
    EXPECT_EQ(JsonWriter::formatNumber(0.0 / 1.0 - 0.0), "0");
}

TEST(JsonWriter, EscapesControlCharacters)
{
    EXPECT_EQ(JsonWriter::quote(std::string("a\x01\"\n", 4)), R"("a\u0001\"\n")");
}

TEST(JsonWriter, PrettyStyleIndentsTwoSpaces)
{
    JsonValue value(JsonValue::Object{{"a", JsonValue(JsonValue::Array{1, 2})}, {"b", JsonValue::Object{}}});
    EXPECT_EQ(JsonWriter::write(value, JsonWriter::Style::Pretty),
              "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {}\n}");
}

TEST(JsonValue, EqualityIgnoresMemberOrderButNotValues)
{
    auto a = JsonReader::parse(R"({"x": 1, "y": [1, "2"]})", "t");
    auto b = JsonReader::parse(R"({"y": [1, "2"], "x": 1.0})", "t");
    auto c = JsonReader::parse(R"({"y": [1, 2], "x": 1})", "t");
    ASSERT_TRUE(a.ok() && b.ok() && c.ok());
    EXPECT_TRUE(*a.value == *b.value);
    EXPECT_FALSE(*a.value == *c.value);
}
