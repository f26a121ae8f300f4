#include "core/json/JsonReader.h"
#include "core/json/JsonWriter.h"
#include "core/jsonlogic/JsonLogicCompiler.h"

#include <gtest/gtest.h>

#include <string>

using backscreen::core::JsonLogicCompiler;
using backscreen::core::JsonReader;
using backscreen::core::JsonValue;
using backscreen::core::JsonWriter;

namespace {

// The shared suite that json-logic-js and its ports run; strings in it are section headings.
JsonValue conformanceSuite()
{
    auto read = JsonReader::parseFile(BACKSCREEN_SHARED_DIR "/testdata/jsonlogic/tests.json");
    if (!read.ok()) {
        ADD_FAILURE() << read.diagnostics.front().toString();
        return JsonValue();
    }
    return *read.value;
}

} // namespace

TEST(JsonLogicConformance, PassesEveryCaseOfTheOfficialSuite)
{
    JsonValue suite = conformanceSuite();
    ASSERT_TRUE(suite.isArray());
    std::string section;
    std::size_t cases = 0;
    std::size_t passed = 0;
    for (std::size_t index = 0; index < suite.asArray().size(); ++index) {
        const JsonValue& entry = suite.asArray()[index];
        if (entry.isString()) {
            section = entry.asString();
            continue;
        }
        ASSERT_TRUE(entry.isArray() && entry.asArray().size() == 3) << "element " << index << " is not a case";
        ++cases;
        const JsonValue& rule = entry.asArray()[0];
        const JsonValue& data = entry.asArray()[1];
        const JsonValue& expected = entry.asArray()[2];
        std::string description = "case at index " + std::to_string(index) + " (section \"" + section + "\"): rule "
                                  + JsonWriter::write(rule) + " data " + JsonWriter::write(data);
        try {
            JsonValue actual = JsonLogicCompiler::compile(rule).evaluateToJson(data);
            if (actual == expected) {
                ++passed;
            } else {
                ADD_FAILURE() << description << ": expected " << JsonWriter::write(expected) << ", got "
                              << JsonWriter::write(actual);
            }
        } catch (const std::exception& error) {
            ADD_FAILURE() << description << ": threw " << error.what();
        }
    }
    // The file as copied holds 277 cases (testdata README); a short read must not pass silently.
    EXPECT_EQ(cases, 277u);
    EXPECT_EQ(passed, cases);
}
