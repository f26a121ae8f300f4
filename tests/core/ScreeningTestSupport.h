#pragma once

#include "core/json/JsonReader.h"
#include "core/json/JsonValue.h"
#include "core/screening/ScreeningEngine.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace backscreen::tests {

/// The engine over the repository's forms/, loaded once per test process (loading compiles every rule).
inline const core::ScreeningEngine& screeningEngine()
{
    static const std::shared_ptr<const core::ScreeningEngine> engine = [] {
        core::ScreeningEngineLoadResult loaded = core::ScreeningEngine::load(BACKSCREEN_FORMS_DIR);
        for (const core::Diagnostic& diagnostic : loaded.diagnostics) {
            ADD_FAILURE() << diagnostic.toString();
        }
        if (!loaded.ok()) {
            throw std::runtime_error("screening engine did not load");
        }
        return loaded.engine;
    }();
    return *engine;
}

inline core::JsonValue readJsonFile(const std::filesystem::path& path)
{
    core::JsonReadResult read = core::JsonReader::parseFile(path);
    if (!read.ok()) {
        throw std::runtime_error("cannot read " + path.string());
    }
    return *read.value;
}

inline std::filesystem::path testDataDir()
{
    return BACKSCREEN_TEST_DATA_DIR;
}

inline std::vector<std::string> stringList(const core::JsonValue& value)
{
    std::vector<std::string> out;
    if (value.isArray()) {
        for (const core::JsonValue& element : value.asArray()) {
            out.push_back(element.asString());
        }
    }
    return out;
}

/// Files with `extension` in `dir`, sorted by name.
inline std::vector<std::filesystem::path> filesIn(const std::filesystem::path& dir, const std::string& extension)
{
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() == extension) {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

/// The items named by a screen's fired rules, in order.
inline std::vector<std::string> screenNames(const core::ScreeningResult& result, const std::string& screen)
{
    std::vector<std::string> names;
    for (const core::Finding& finding : result.findings) {
        if (finding.screen == screen) {
            names.insert(names.end(), finding.names.begin(), finding.names.end());
        }
    }
    return names;
}

inline std::vector<std::string> screenFired(const core::ScreeningResult& result, const std::string& screen)
{
    std::vector<std::string> ids;
    for (const core::Finding& finding : result.findings) {
        if (finding.screen == screen) {
            ids.push_back(finding.ruleId);
        }
    }
    return ids;
}

} // namespace backscreen::tests
