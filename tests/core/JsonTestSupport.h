#pragma once

#include "core/json/JsonReader.h"
#include "core/json/JsonValue.h"

#include <gtest/gtest.h>

#include <string>

namespace backscreen::tests {

/// JSON text a test wrote, as a JsonValue; text that does not parse fails the test (with the reader's first
/// diagnostic) and gives null.
inline core::JsonValue parseJson(const std::string& text)
{
    auto read = core::JsonReader::parse(text, "test");
    EXPECT_TRUE(read.ok()) << text << "\n"
                           << (read.diagnostics.empty() ? std::string() : read.diagnostics.front().toString());
    return read.ok() ? *read.value : core::JsonValue();
}

} // namespace backscreen::tests
