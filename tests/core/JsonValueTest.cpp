#include "core/json/JsonValue.h"

#include <gtest/gtest.h>

#include <string>

namespace backscreen::core {
namespace {

// An object of `count` members "k0".."k{count-1}" with the value i, in that order.
JsonValue numberedObject(int count)
{
    JsonValue::Object members;
    for (int i = 0; i < count; ++i) {
        members.emplace_back("k" + std::to_string(i), JsonValue(i));
    }
    return JsonValue(std::move(members));
}

TEST(JsonValue, FindsEveryMemberOfSmallAndLargeObjects)
{
    // Sizes either side of the point where objects get a hash index, and one with many collisions to probe past.
    for (int count : {0, 1, 7, 8, 9, 16, 17, 80, 1000}) {
        const JsonValue object = numberedObject(count);
        ASSERT_EQ(object.size(), static_cast<std::size_t>(count));
        for (int i = 0; i < count; ++i) {
            const JsonValue* found = object.find("k" + std::to_string(i));
            ASSERT_NE(found, nullptr) << count << " members, key k" << i;
            EXPECT_EQ(found->asNumber(), i);
        }
    }
}

TEST(JsonValue, AbsentKeysAreNotFound)
{
    for (int count : {0, 3, 9, 80}) {
        const JsonValue object = numberedObject(count);
        EXPECT_EQ(object.find("k" + std::to_string(count)), nullptr) << count;
        EXPECT_EQ(object.find(""), nullptr) << count;
        EXPECT_EQ(object.find("k"), nullptr) << count;
        EXPECT_EQ(object.find("k1 "), nullptr) << count;
        EXPECT_EQ(object.find("K1"), nullptr) << count;
    }
}

TEST(JsonValue, FindOnANonObjectIsNull)
{
    EXPECT_EQ(JsonValue().find("a"), nullptr);
    EXPECT_EQ(JsonValue(1).find("a"), nullptr);
    EXPECT_EQ(JsonValue("a").find("a"), nullptr);
    EXPECT_EQ(JsonValue(JsonValue::Array{JsonValue(1)}).find("0"), nullptr);
    EXPECT_EQ(JsonValue(1).find("a", JsonValue::keyHash("a")), nullptr);
}

TEST(JsonValue, DuplicateKeysFindTheFirstInDocumentOrder)
{
    for (int filler : {0, 20}) {
        JsonValue::Object members;
        members.emplace_back("dup", JsonValue("first"));
        for (int i = 0; i < filler; ++i) {
            members.emplace_back("f" + std::to_string(i), JsonValue(i));
        }
        members.emplace_back("dup", JsonValue("second"));
        members.emplace_back("last", JsonValue(true));
        members.emplace_back("dup", JsonValue("third"));
        const JsonValue object(std::move(members));
        ASSERT_NE(object.find("dup"), nullptr);
        EXPECT_EQ(object.find("dup")->asString(), "first") << filler;
        ASSERT_NE(object.find("last"), nullptr);
        EXPECT_TRUE(object.find("last")->asBool());
        // Every member is kept, duplicates included.
        EXPECT_EQ(object.size(), static_cast<std::size_t>(filler + 4));
    }
}

TEST(JsonValue, MembersKeepTheirOrder)
{
    JsonValue::Object members;
    for (const char* key : {"zeta", "alpha", "mu", "beta", "omega", "gamma", "delta", "eta", "theta", "iota"}) {
        members.emplace_back(key, JsonValue(key));
    }
    const JsonValue object(members);
    ASSERT_EQ(object.asObject().size(), members.size());
    for (std::size_t i = 0; i < members.size(); ++i) {
        EXPECT_EQ(object.asObject()[i].first, members[i].first);
    }
}

TEST(JsonValue, FindWithAPrecomputedHashEqualsFind)
{
    const JsonValue large = numberedObject(40);
    const JsonValue small = numberedObject(4);
    for (const std::string key : {"k0", "k3", "k39", "k40", ""}) {
        EXPECT_EQ(large.find(key, JsonValue::keyHash(key)), large.find(key)) << key;
        EXPECT_EQ(small.find(key, JsonValue::keyHash(key)), small.find(key)) << key;
    }
    EXPECT_EQ(JsonValue::keyHash("sij_distraction"), JsonValue::keyHash(std::string("sij_distraction")));
    EXPECT_NE(JsonValue::keyHash("pain_below_knee_left"), JsonValue::keyHash("pain_below_knee_right"));
}

TEST(JsonValue, KeysOfEveryLengthAndEmbeddedNulsAreFound)
{
    JsonValue::Object members;
    std::string key;
    for (int length = 0; length <= 40; ++length) {
        members.emplace_back(key, JsonValue(length));
        key += static_cast<char>('a' + length % 26);
    }
    members.emplace_back(std::string("nul\0inside", 10), JsonValue("nul"));
    const JsonValue object(std::move(members));
    key.clear();
    for (int length = 0; length <= 40; ++length) {
        const JsonValue* found = object.find(key);
        ASSERT_NE(found, nullptr) << length;
        EXPECT_EQ(found->asNumber(), length);
        key += static_cast<char>('a' + length % 26);
    }
    ASSERT_NE(object.find(std::string("nul\0inside", 10)), nullptr);
    EXPECT_EQ(object.find(std::string("nul\0inside", 10))->asString(), "nul");
    EXPECT_EQ(object.find("nul"), nullptr);
}

TEST(JsonValue, ObjectsEqualRegardlessOfMemberOrder)
{
    JsonValue::Object forward;
    JsonValue::Object backward;
    for (int i = 0; i < 30; ++i) {
        forward.emplace_back("k" + std::to_string(i), JsonValue(i));
        backward.emplace_back("k" + std::to_string(29 - i), JsonValue(29 - i));
    }
    EXPECT_EQ(JsonValue(forward), JsonValue(backward));
    backward[5].second = JsonValue(-1);
    EXPECT_FALSE(JsonValue(forward) == JsonValue(backward));
}

TEST(JsonValue, ExtendedEqualsTheConcatenatedObject)
{
    // Bases without an index (small), with room in their index, and needing a larger one; extras that repeat
    // a base key (the base's member stays found) or each other.
    for (int baseCount : {0, 3, 9, 40, 64}) {
        for (int extraCount : {0, 1, 2, 30}) {
            const JsonValue base = numberedObject(baseCount);
            JsonValue::Object extra;
            for (int i = 0; i < extraCount; ++i) {
                extra.emplace_back("x" + std::to_string(i % 7), JsonValue("extra" + std::to_string(i)));
            }
            extra.emplace_back("k1", JsonValue("shadowed"));
            JsonValue::Object concatenated = base.asObject();
            concatenated.insert(concatenated.end(), extra.begin(), extra.end());
            const JsonValue expected(concatenated);
            const JsonValue actual = JsonValue::extended(base, extra);
            ASSERT_EQ(actual.size(), concatenated.size());
            for (std::size_t i = 0; i < concatenated.size(); ++i) {
                EXPECT_EQ(actual.asObject()[i].first, concatenated[i].first);
                const std::string& key = concatenated[i].first;
                ASSERT_NE(actual.find(key), nullptr) << key;
                EXPECT_EQ(*actual.find(key), *expected.find(key)) << key;
            }
            if (baseCount > 1) {
                EXPECT_EQ(actual.find("k1")->asNumber(), 1);
            } else {
                EXPECT_EQ(actual.find("k1")->asString(), "shadowed");
            }
            EXPECT_EQ(actual.find("absent"), nullptr);
            // The base is unchanged.
            EXPECT_EQ(base.size(), static_cast<std::size_t>(baseCount));
            EXPECT_EQ(base.find("x0"), nullptr);
        }
    }
}

TEST(JsonValue, MemberAtAndFindPositionReadBothLayersOfAnExtendedObject)
{
    const JsonValue base = numberedObject(30);
    JsonValue::Object extra{{"triage", JsonValue("NONE")}, {"k2", JsonValue("shadowed")}};
    const JsonValue once = JsonValue::extended(base, extra);
    const JsonValue twice = JsonValue::extended(once, {{"radicular", JsonValue("ASSESS")}, {"triage", JsonValue(0)}});
    JsonValue::Object all = base.asObject();
    all.insert(all.end(), extra.begin(), extra.end());
    all.emplace_back("radicular", JsonValue("ASSESS"));
    all.emplace_back("triage", JsonValue(0));
    ASSERT_EQ(twice.size(), all.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
        EXPECT_EQ(twice.memberAt(i).first, all[i].first) << i;
        EXPECT_EQ(twice.memberAt(i).second, all[i].second) << i;
    }
    // First occurrence wins across the layers.
    EXPECT_EQ(twice.findPosition("k2", JsonValue::keyHash("k2")), 2U);
    EXPECT_EQ(twice.findPosition("triage", JsonValue::keyHash("triage")), 30U);
    EXPECT_EQ(twice.findPosition("radicular", JsonValue::keyHash("radicular")), 32U);
    EXPECT_EQ(twice.findPosition("absent", JsonValue::keyHash("absent")), JsonValue::npos);
    EXPECT_EQ(twice.find("triage")->asString(), "NONE");
    EXPECT_EQ(&twice.memberAt(30).second, twice.find("triage"));
    // The concatenated members, asked for after the lookups, in document order.
    ASSERT_EQ(twice.asObject().size(), all.size());
    EXPECT_EQ(twice.asObject().back().first, "triage");
    // A plain object answers the same way.
    EXPECT_EQ(base.findPosition("k7", JsonValue::keyHash("k7")), 7U);
    EXPECT_EQ(base.memberAt(7).first, "k7");
    EXPECT_EQ(JsonValue(1).findPosition("k7", JsonValue::keyHash("k7")), JsonValue::npos);
    EXPECT_EQ(base.tryMemberAt(7), &base.memberAt(7));
    EXPECT_EQ(base.tryMemberAt(30), nullptr);
    EXPECT_EQ(twice.tryMemberAt(31), &twice.memberAt(31));
    EXPECT_EQ(twice.tryMemberAt(all.size()), nullptr);
    EXPECT_EQ(JsonValue("k7").tryMemberAt(0), nullptr);
}

TEST(JsonValue, ExtendingANonObjectStartsFromAnEmptyObject)
{
    const JsonValue actual = JsonValue::extended(JsonValue(5), {{"a", JsonValue(1)}});
    ASSERT_TRUE(actual.isObject());
    ASSERT_EQ(actual.size(), 1U);
    EXPECT_EQ(actual.find("a")->asNumber(), 1);
}

} // namespace
} // namespace backscreen::core
