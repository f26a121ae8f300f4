#include "OutcomeTestSupport.h"

#include "core/json/JsonReader.h"
#include "core/json/JsonWriter.h"
#include "core/outcomes/ChangeInterpreter.h"
#include "core/outcomes/DisplayNumber.h"
#include "core/outcomes/OutcomeScorer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

using backscreen::core::changeCategoryName;
using backscreen::core::ChangeInterpreter;
using backscreen::core::formatDisplayNumber;
using backscreen::core::JsonReader;
using backscreen::core::JsonValue;
using backscreen::core::JsonWriter;
using backscreen::core::OutcomeScore;
using backscreen::core::OutcomeScorer;
using backscreen::tests::outcomeMeasures;

namespace {

JsonValue loadVectors()
{
    auto read =
        JsonReader::parseFile(std::filesystem::path(BACKSCREEN_TEST_DATA_DIR) / "core" / "outcomes" / "vectors.json");
    EXPECT_TRUE(read.ok());
    return read.value.value_or(JsonValue());
}

const JsonValue& member(const JsonValue& object, const char* key)
{
    static const JsonValue null;
    const JsonValue* found = object.find(key);
    return found == nullptr ? null : *found;
}

OutcomeScore scoreOf(const std::string& id, const std::string& instrument, const JsonValue& answers)
{
    OutcomeScorer scorer(outcomeMeasures());
    auto result = scorer.score(instrument, answers, id);
    EXPECT_TRUE(result.ok()) << id << ": " << (result.diagnostics.empty() ? "" : result.diagnostics[0].toString());
    return result.score.value_or(OutcomeScore());
}

void checkScore(const std::string& id, const JsonValue& vector)
{
    OutcomeScore score = scoreOf(id, member(vector, "instrument").asString(), member(vector, "answers"));
    const JsonValue& expect = member(vector, "expect");
    EXPECT_EQ(score.scorable, member(expect, "scorable").asBool()) << id;
    if (const JsonValue* value = expect.find("score")) {
        ASSERT_TRUE(score.score.has_value()) << id;
        EXPECT_NEAR(*score.score, value->asNumber(), 1e-9) << id;
    }
    if (const JsonValue* text = expect.find("scoreText")) {
        EXPECT_EQ(formatDisplayNumber(*score.score, score.displayDecimals), text->asString()) << id;
    }
    if (const JsonValue* band = expect.find("band")) {
        EXPECT_EQ(score.bandId, band->asString()) << id;
    }
    if (const JsonValue* subscales = expect.find("subscales")) {
        for (const auto& [key, value] : subscales->asObject()) {
            EXPECT_EQ(score.subscale(key), value.asNumber()) << id << " subscale " << key;
        }
    }
    if (const JsonValue* reason = expect.find("reason")) {
        EXPECT_EQ(score.reason, reason->asString()) << id;
    }
}

void checkInvalid(const std::string& id, const JsonValue& vector)
{
    OutcomeScorer scorer(outcomeMeasures());
    auto result = scorer.score(member(vector, "instrument").asString(), member(vector, "answers"), id);
    const JsonValue& expect = member(vector, "expect");
    EXPECT_FALSE(result.ok()) << id;
    ASSERT_EQ(result.diagnostics.size(), 1u) << id;
    EXPECT_EQ(static_cast<int>(result.diagnostics[0].code), static_cast<int>(member(expect, "code").asNumber())) << id;
    EXPECT_EQ(result.diagnostics[0].pointer, member(expect, "pointer").asString()) << id;
    EXPECT_EQ(result.diagnostics[0].message, member(expect, "message").asString()) << id;
}

void checkChange(const std::string& id, const JsonValue& vector)
{
    const std::string& instrument = member(vector, "instrument").asString();
    OutcomeScore baseline = scoreOf(id, instrument, member(vector, "baseline"));
    OutcomeScore followup = scoreOf(id, instrument, member(vector, "followup"));
    auto change = ChangeInterpreter(outcomeMeasures()).compare(baseline, followup);
    ASSERT_TRUE(change.comparable) << id << ": " << change.reason;
    const std::string& key = member(vector, "component").asString();
    const auto* component = [&]() -> const backscreen::core::ComponentChange* {
        for (const auto& candidate : change.components) {
            if (candidate.key == key) {
                return &candidate;
            }
        }
        return nullptr;
    }();
    ASSERT_NE(component, nullptr) << id;
    const JsonValue& expect = member(vector, "expect");
    ASSERT_TRUE(component->category.has_value()) << id;
    EXPECT_EQ(changeCategoryName(*component->category), member(expect, "category").asString()) << id;
    EXPECT_NEAR(component->delta, member(expect, "delta").asNumber(), 1e-9) << id;
    if (const JsonValue* flags = expect.find("flags")) {
        ASSERT_EQ(component->flags.size(), flags->asArray().size()) << id;
        for (std::size_t i = 0; i < component->flags.size(); ++i) {
            EXPECT_EQ(component->flags[i], flags->asArray()[i].asString()) << id;
        }
    } else {
        EXPECT_TRUE(component->flags.empty()) << id;
    }
    if (const JsonValue* text = expect.find("baselineText")) {
        EXPECT_EQ(formatDisplayNumber(component->baseline, 1), text->asString()) << id;
    }
    if (const JsonValue* text = expect.find("followupText")) {
        EXPECT_EQ(formatDisplayNumber(component->followup, 1), text->asString()) << id;
    }
}

void checkRating(const std::string& id, const JsonValue& vector)
{
    OutcomeScore score = scoreOf(id, member(vector, "instrument").asString(), member(vector, "answers"));
    auto change = ChangeInterpreter(outcomeMeasures()).interpretRating(score);
    ASSERT_TRUE(change.comparable) << id;
    ASSERT_EQ(change.components.size(), 1u) << id;
    ASSERT_TRUE(change.components[0].category.has_value()) << id;
    EXPECT_EQ(changeCategoryName(*change.components[0].category),
              member(member(vector, "expect"), "category").asString())
        << id;
}

} // namespace

TEST(OutcomeVectors, EveryClinicalFileTestRowPasses)
{
    JsonValue document = loadVectors();
    const JsonValue& vectors = member(document, "vectors");
    ASSERT_TRUE(vectors.isArray());
    // Sections 2–7 of outcome-measures.md 1.2 list 46 rows; G5 ("0 or 8") is two vectors.
    ASSERT_EQ(vectors.size(), 47u);
    std::set<std::string> ids;
    for (const JsonValue& vector : vectors.asArray()) {
        std::string id = member(vector, "id").asString();
        ASSERT_TRUE(ids.insert(id).second) << "duplicate vector id " << id;
        const std::string& kind = member(vector, "kind").asString();
        SCOPED_TRACE(id + " " + JsonWriter::write(vector));
        if (kind == "score") {
            checkScore(id, vector);
        } else if (kind == "invalid") {
            checkInvalid(id, vector);
        } else if (kind == "change") {
            checkChange(id, vector);
        } else if (kind == "rating") {
            checkRating(id, vector);
        } else {
            ADD_FAILURE() << id << ": unknown vector kind " << kind;
        }
    }
    for (const char* prefix : {"N", "O", "R", "P", "S", "G"}) {
        EXPECT_TRUE(ids.count(std::string(prefix) + "1") == 1) << prefix;
    }
}
