#include "ProgramRequest.h"

#include "core/common/Error.h"
#include "core/json/JsonPointer.h"

#include <algorithm>
#include <array>

namespace backscreen::core {

namespace {

constexpr std::array<const char*, 5> lcsTests = {"LCS-T01", "LCS-T02", "LCS-T04", "LCS-T05", "LCS-T06"};
constexpr std::array<const char*, 6> triageValues = {"NONE", "MONITOR", "INCOMPLETE", "SOON", "URGENT", "EMERGENCY"};
constexpr std::array<const char*, 5> siteValues = {"ASSESS", "CONTINUE", "INCOMPLETE", "NOT_ASSESSED", "SUPPRESSED"};
constexpr std::array<const char*, 6> lcsValues = {
    "LIKELY", "POSSIBLE", "UNLIKELY", "INCOMPLETE", "NOT_ASSESSED", "SUPPRESSED"};

JsonValue stringsToJson(const std::vector<std::string>& strings)
{
    JsonValue::Array array;
    for (const std::string& text : strings) {
        array.emplace_back(text);
    }
    return JsonValue(std::move(array));
}

bool contains(const std::vector<std::string>& items, const std::string& item)
{
    return std::find(items.begin(), items.end(), item) != items.end();
}

const JsonValue* answer(const JsonValue& answers, const char* linkId)
{
    const JsonValue* value = answers.find(linkId);
    return value == nullptr || value->isNull() ? nullptr : value;
}

bool boolAnswer(const JsonValue& answers, const char* linkId, bool unanswered)
{
    const JsonValue* value = answer(answers, linkId);
    return value != nullptr && value->isBool() ? value->asBool() : unanswered;
}

[[noreturn]] void invalid(const std::string& source, const std::string& pointer, const std::string& what)
{
    throw Error(ErrorCode::ProgramRequestInvalid,
                source + ": program request at " + (pointer.empty() ? "/" : pointer) + ": " + what);
}

template <std::size_t N>
std::string code(const JsonValue& value,
                 const char* key,
                 const std::array<const char*, N>& allowed,
                 const std::string& fallback,
                 const std::string& source)
{
    const JsonValue* found = value.find(key);
    if (found == nullptr) {
        return fallback;
    }
    std::string expected;
    for (const char* name : allowed) {
        expected += expected.empty() ? std::string(name) : std::string(", ") + name;
    }
    if (!found->isString()
        || std::none_of(allowed.begin(), allowed.end(), [&](const char* name) { return found->asString() == name; })) {
        invalid(source, JsonPointer::appendKey("", key), "expected one of " + expected);
    }
    return found->asString();
}

bool flag(const JsonValue& value, const char* key, bool fallback, const std::string& source)
{
    const JsonValue* found = value.find(key);
    if (found == nullptr) {
        return fallback;
    }
    if (!found->isBool()) {
        invalid(source, JsonPointer::appendKey("", key), "expected true or false");
    }
    return found->asBool();
}

std::vector<std::string> strings(const JsonValue& value, const char* key, const std::string& source)
{
    std::vector<std::string> result;
    const JsonValue* found = value.find(key);
    if (found == nullptr) {
        return result;
    }
    std::string pointer = JsonPointer::appendKey("", key);
    if (!found->isArray()) {
        invalid(source, pointer, "expected an array of strings");
    }
    for (std::size_t index = 0; index < found->size(); ++index) {
        if (!found->asArray()[index].isString()) {
            invalid(source, JsonPointer::appendIndex(pointer, index), "expected a string");
        }
        result.push_back(found->asArray()[index].asString());
    }
    return result;
}

template <std::size_t N>
void screenValue(const ScreeningResult& result,
                 const char* screen,
                 const std::array<const char*, N>& allowed,
                 std::string& value,
                 bool& provisional)
{
    const PatternResult* pattern = result.pattern(screen);
    if (pattern == nullptr) {
        return;
    }
    if (std::none_of(allowed.begin(), allowed.end(), [&](const char* name) { return pattern->value == name; })) {
        invalid("screening result",
                JsonPointer::appendKey("/patterns", screen),
                "unknown value \"" + pattern->value + "\" of the " + screen
                    + " screen; expected one the program rules know");
    }
    value = pattern->value;
    provisional = pattern->provisional;
}

} // namespace

bool triageBlocksProgram(const std::string& triage)
{
    return triage == "SOON" || triage == "URGENT" || triage == "EMERGENCY" || triage == "INCOMPLETE";
}

JsonValue ProgramRequest::toData() const
{
    JsonValue::Object data;
    data.emplace_back("triage", triage);
    data.emplace_back("programBlocked", programBlocked);
    data.emplace_back("sij", sij);
    data.emplace_back("sij_provisional", sijProvisional);
    data.emplace_back("radicular", radicular);
    data.emplace_back("radicular_provisional", radicularProvisional);
    data.emplace_back("lcs", lcs);
    data.emplace_back("lcs_provisional", lcsProvisional);
    for (const char* test : lcsTests) {
        data.emplace_back(test, contains(positiveLcsTests, test));
    }
    data.emplace_back("flexion_related", flexionRelated);
    data.emplace_back("lcs_s05", boolAnswer(answers, "lcs_s05", false));
    const JsonValue* s06 = answer(answers, "lcs_s06");
    data.emplace_back("lcs_s06", s06 != nullptr && s06->isString() ? s06->asString() : std::string("not_tested"));
    data.emplace_back("lcs_t02_leg_symptoms", boolAnswer(answers, "lcs_t02_leg_symptoms", true));
    data.emplace_back("lcs_x01", boolAnswer(answers, "lcs_x01", false));
    data.emplace_back("fired", stringsToJson(firedRuleIds));
    data.emplace_back("answers", answers);
    return JsonValue(std::move(data));
}

JsonValue ProgramRequest::toJson() const
{
    return JsonValue(JsonValue::Object{{"triage", triage},
                                       {"programBlocked", programBlocked},
                                       {"blockingReason", blockingReason},
                                       {"blockingRuleIds", stringsToJson(blockingRuleIds)},
                                       {"missingInputs", stringsToJson(missingInputs)},
                                       {"firedRuleIds", stringsToJson(firedRuleIds)},
                                       {"clearedRuleIds", stringsToJson(clearedRuleIds)},
                                       {"sij", sij},
                                       {"sijProvisional", sijProvisional},
                                       {"radicular", radicular},
                                       {"radicularProvisional", radicularProvisional},
                                       {"lcs", lcs},
                                       {"lcsProvisional", lcsProvisional},
                                       {"positiveLcsTests", stringsToJson(positiveLcsTests)},
                                       {"flexionRelated", flexionRelated},
                                       {"answers", answers}});
}

ProgramRequest ProgramRequest::fromScreening(const ScreeningResult& result)
{
    ProgramRequest request;
    request.triage = std::string(triageName(result.triage));
    request.programBlocked = result.programBlocked;
    request.blockingReason = result.blockingReason;
    for (const Finding* flag : result.activeRedFlags()) {
        if (flag->tier && isReferralTier(*flag->tier)) {
            request.blockingRuleIds.push_back(flag->ruleId);
        }
    }
    request.missingInputs = result.missing;
    request.firedRuleIds = result.firedIds();
    for (const Finding& finding : result.findings) {
        if (finding.cleared) {
            request.clearedRuleIds.push_back(finding.ruleId);
        }
    }
    screenValue(result, "sij", siteValues, request.sij, request.sijProvisional);
    screenValue(result, "radicular", siteValues, request.radicular, request.radicularProvisional);
    screenValue(result, "lcs", lcsValues, request.lcs, request.lcsProvisional);
    const std::array<bool, 5> positive = {result.lcs.t01Positive,
                                          result.lcs.t02Positive,
                                          result.lcs.t04Positive,
                                          result.lcs.t05Positive,
                                          result.lcs.t06Positive};
    for (std::size_t index = 0; index < lcsTests.size(); ++index) {
        if (positive[index]) {
            request.positiveLcsTests.emplace_back(lcsTests[index]);
        }
    }
    request.flexionRelated = result.lcs.flexionRelated;
    request.answers = result.answers;
    return request;
}

ProgramRequest ProgramRequest::fromJson(const JsonValue& value, const std::string& source)
{
    if (!value.isObject()) {
        invalid(source, "", "expected an object");
    }
    const std::vector<std::string>& known = jsonKeys();
    for (const auto& [key, member] : value.asObject()) {
        if (!contains(known, key)) {
            invalid(source, JsonPointer::appendKey("", key), "unknown field \"" + key + "\"");
        }
    }
    ProgramRequest request;
    request.triage = code(value, "triage", triageValues, request.triage, source);
    request.programBlocked = flag(value, "programBlocked", triageBlocksProgram(request.triage), source);
    if (request.programBlocked != triageBlocksProgram(request.triage)) {
        invalid(source,
                "/programBlocked",
                "contradicts triage " + request.triage
                    + "; expected true exactly for SOON, URGENT, EMERGENCY and INCOMPLETE");
    }
    if (const JsonValue* reason = value.find("blockingReason")) {
        if (!reason->isString()) {
            invalid(source, "/blockingReason", "expected a string");
        }
        request.blockingReason = reason->asString();
    }
    request.blockingRuleIds = strings(value, "blockingRuleIds", source);
    request.missingInputs = strings(value, "missingInputs", source);
    request.firedRuleIds = strings(value, "firedRuleIds", source);
    request.clearedRuleIds = strings(value, "clearedRuleIds", source);
    request.sij = code(value, "sij", siteValues, request.sij, source);
    request.sijProvisional = flag(value, "sijProvisional", false, source);
    request.radicular = code(value, "radicular", siteValues, request.radicular, source);
    request.radicularProvisional = flag(value, "radicularProvisional", false, source);
    request.lcs = code(value, "lcs", lcsValues, request.lcs, source);
    request.lcsProvisional = flag(value, "lcsProvisional", false, source);
    request.positiveLcsTests = strings(value, "positiveLcsTests", source);
    for (std::size_t index = 0; index < request.positiveLcsTests.size(); ++index) {
        const std::string& test = request.positiveLcsTests[index];
        if (std::none_of(lcsTests.begin(), lcsTests.end(), [&](const char* name) { return test == name; })) {
            invalid(source,
                    JsonPointer::appendIndex("/positiveLcsTests", index),
                    "unknown test \"" + test + "\"; expected LCS-T01, LCS-T02, LCS-T04, LCS-T05 or LCS-T06");
        }
    }
    request.flexionRelated = flag(value, "flexionRelated", false, source);
    if (const JsonValue* answers = value.find("answers")) {
        if (!answers->isObject()) {
            invalid(source, "/answers", "expected the flat answers object");
        }
        request.answers = *answers;
    }
    return request;
}

const std::vector<std::string>& ProgramRequest::jsonKeys()
{
    static const std::vector<std::string> keys = {"triage",
                                                  "programBlocked",
                                                  "blockingReason",
                                                  "blockingRuleIds",
                                                  "missingInputs",
                                                  "firedRuleIds",
                                                  "clearedRuleIds",
                                                  "sij",
                                                  "sijProvisional",
                                                  "radicular",
                                                  "radicularProvisional",
                                                  "lcs",
                                                  "lcsProvisional",
                                                  "positiveLcsTests",
                                                  "flexionRelated",
                                                  "answers"};
    return keys;
}

} // namespace backscreen::core
