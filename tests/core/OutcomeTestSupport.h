#pragma once

#include "JsonTestSupport.h"

#include "core/json/JsonReader.h"
#include "core/outcomes/OutcomeForms.h"
#include "core/outcomes/OutcomeMeasures.h"
#include "core/outcomes/OutcomeScorer.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

namespace backscreen::tests {

/// The shipped catalogue, loaded once from the source tree's forms/.
inline const core::OutcomeMeasures& outcomeMeasures()
{
    static const core::OutcomeMeasures measures = [] {
        auto loaded =
            core::OutcomeMeasures::loadFile(std::filesystem::path(BACKSCREEN_FORMS_DIR) / "outcomes" / "measures.json");
        if (!loaded.ok()) {
            for (const auto& diagnostic : loaded.diagnostics) {
                std::cerr << diagnostic.toString() << "\n";
            }
            std::abort();
        }
        return *loaded.measures;
    }();
    return measures;
}

/// The shipped outcome forms, loaded once from the source tree's forms/.
inline const core::OutcomeForms& outcomeForms()
{
    static const core::OutcomeForms forms = [] {
        auto loaded = core::OutcomeForms::loadShipped(outcomeMeasures(),
                                                      std::filesystem::path(BACKSCREEN_FORMS_DIR) / "outcomes");
        if (!loaded.ok()) {
            for (const auto& diagnostic : loaded.diagnostics) {
                std::cerr << diagnostic.toString() << "\n";
            }
            std::abort();
        }
        return *loaded.forms;
    }();
    return forms;
}

/// Scores answers that must be valid; the test fails when they are not.
inline core::OutcomeScore scoreValid(const std::string& instrument, const std::string& answers)
{
    core::OutcomeScorer scorer(outcomeMeasures());
    auto result = scorer.score(instrument, parseJson(answers), "test");
    EXPECT_TRUE(result.ok()) << (result.diagnostics.empty() ? "" : result.diagnostics.front().toString());
    return result.score.value_or(core::OutcomeScore());
}

} // namespace backscreen::tests
