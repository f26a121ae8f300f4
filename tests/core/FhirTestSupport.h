#pragma once

// Helpers shared by the Fhir*Test.cpp files: loading fixtures and writing diagnostics in a compact form that
// a test can compare exactly ("error 351 /item/0 item \"q1\"").
#include "core/common/Diagnostic.h"
#include "core/fhir/FhirDocument.h"
#include "core/fhir/QuestionnaireParser.h"
#include "core/json/JsonReader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace backscreen::tests {

inline std::filesystem::path sharedFhirDir()
{
    return std::filesystem::path(BACKSCREEN_SHARED_DIR) / "testdata" / "fhir";
}

inline std::filesystem::path fhirFixture(const std::string& name)
{
    return std::filesystem::path(BACKSCREEN_TEST_DATA_DIR) / "core" / "fhir" / name;
}

inline std::string brief(const core::Diagnostic& diagnostic)
{
    std::string text = core::severityName(diagnostic.severity);
    // Appended piece by piece: `" " + std::string` trips GCC 12's -Wrestrict false positive at -O3.
    text += ' ';
    text += std::to_string(static_cast<int>(diagnostic.code));
    text += ' ';
    text += diagnostic.pointer;
    if (!diagnostic.subject.empty()) {
        text += ' ';
        text += diagnostic.subject;
    }
    return text;
}

/// Every diagnostic in brief form, sorted so tests do not depend on the order checks run in.
inline std::vector<std::string> briefs(const std::vector<core::Diagnostic>& diagnostics)
{
    std::vector<std::string> result;
    for (const auto& diagnostic : diagnostics) {
        result.push_back(brief(diagnostic));
    }
    std::sort(result.begin(), result.end());
    return result;
}

inline std::vector<std::string> sorted(std::vector<std::string> values)
{
    std::sort(values.begin(), values.end());
    return values;
}

/// Loads a FHIR file that must be readable JSON.
inline core::FhirDocument loadDocument(const std::filesystem::path& path)
{
    core::FhirDocument document = core::FhirDocument::loadFile(path);
    EXPECT_TRUE(document.readable) << path;
    return document;
}

} // namespace backscreen::tests
