#include "ScreeningResult.h"

#include <algorithm>
#include <array>

namespace backscreen::core {

namespace {

constexpr std::array<std::string_view, 3> kStatusNames = {"active", "lapsed", "refused"};

JsonValue strings(const std::vector<std::string>& values)
{
    JsonValue::Array out;
    out.reserve(values.size());
    for (const std::string& value : values) {
        out.emplace_back(value);
    }
    return JsonValue(std::move(out));
}

std::string_view kindName(RuleKind kind)
{
    switch (kind) {
    case RuleKind::Flag:
        return "flag";
    case RuleKind::Outcome:
        return "outcome";
    case RuleKind::Note:
        break;
    }
    return "note";
}

/// Reads members of a stored result; the first problem ends the read.
class Reader
{
public:
    explicit Reader(std::vector<Diagnostic>& diagnostics)
        : m_diagnostics(diagnostics)
    {}

    bool failed = false;

    void fail(const std::string& pointer, const std::string& message)
    {
        if (failed) {
            return;
        }
        failed = true;
        Diagnostic d;
        d.code = ErrorCode::ScreeningResultMalformed;
        d.source = "screening result";
        d.pointer = pointer;
        d.message = message;
        m_diagnostics.push_back(std::move(d));
    }

    const JsonValue* member(const JsonValue& object, const char* key, const std::string& pointer, JsonValue::Type type)
    {
        const JsonValue* value = object.isObject() ? object.find(key) : nullptr;
        if (value == nullptr || value->type() != type) {
            fail(pointer + "/" + key, std::string(key) + ": missing or of the wrong type");
            return nullptr;
        }
        return value;
    }

    std::string string(const JsonValue& object, const char* key, const std::string& pointer)
    {
        const JsonValue* value = member(object, key, pointer, JsonValue::Type::String);
        return value != nullptr ? value->asString() : std::string();
    }

    bool boolean(const JsonValue& object, const char* key, const std::string& pointer)
    {
        const JsonValue* value = member(object, key, pointer, JsonValue::Type::Bool);
        return value != nullptr && value->asBool();
    }

    std::vector<std::string> strings(const JsonValue& object, const char* key, const std::string& pointer)
    {
        std::vector<std::string> out;
        const JsonValue* value = member(object, key, pointer, JsonValue::Type::Array);
        if (value == nullptr) {
            return out;
        }
        for (const JsonValue& element : value->asArray()) {
            if (!element.isString()) {
                fail(pointer + "/" + key, std::string(key) + ": expected strings");
                return out;
            }
            out.push_back(element.asString());
        }
        return out;
    }

    std::optional<Triage> triage(const JsonValue& object, const char* key, const std::string& pointer)
    {
        std::optional<Triage> parsed = parseTriage(string(object, key, pointer));
        if (!parsed) {
            fail(pointer + "/" + key, std::string(key) + ": unknown tier");
        }
        return parsed;
    }

private:
    std::vector<Diagnostic>& m_diagnostics;
};

} // namespace

std::string_view clearanceStatusName(ClearanceStatus status)
{
    return kStatusNames.at(static_cast<std::size_t>(status));
}

std::vector<std::string> ScreeningResult::firedIds() const
{
    std::vector<std::string> ids;
    for (const Finding& finding : findings) {
        ids.push_back(finding.ruleId);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::vector<std::string> ScreeningResult::notEvaluableIds() const
{
    std::vector<std::string> ids;
    for (const NotEvaluableRule& rule : notEvaluable) {
        ids.push_back(rule.ruleId);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::vector<std::string> ScreeningResult::provisionalScreens() const
{
    std::vector<std::string> screens;
    for (const PatternResult& pattern : patterns) {
        if (pattern.provisional) {
            screens.push_back(pattern.screen);
        }
    }
    std::sort(screens.begin(), screens.end());
    return screens;
}

const PatternResult* ScreeningResult::pattern(std::string_view screen) const
{
    for (const PatternResult& pattern : patterns) {
        if (pattern.screen == screen) {
            return &pattern;
        }
    }
    return nullptr;
}

std::string ScreeningResult::patternValue(std::string_view screen) const
{
    const PatternResult* found = pattern(screen);
    return found != nullptr ? found->value : std::string();
}

const Finding* ScreeningResult::finding(std::string_view ruleId) const
{
    for (const Finding& finding : findings) {
        if (finding.ruleId == ruleId) {
            return &finding;
        }
    }
    return nullptr;
}

std::vector<const Finding*> ScreeningResult::activeRedFlags() const
{
    std::vector<const Finding*> out;
    for (const Finding& finding : findings) {
        if (finding.kind == RuleKind::Flag && !finding.cleared) {
            out.push_back(&finding);
        }
    }
    return out;
}

JsonValue ScreeningResult::toJson() const
{
    JsonValue::Array findingsJson;
    for (const Finding& finding : findings) {
        JsonValue::Array why;
        for (const WhyItem& item : finding.why) {
            why.emplace_back(JsonValue::Object{
                {"linkId", JsonValue(item.linkId)}, {"text", JsonValue(item.text)}, {"answer", item.answer}});
        }
        findingsJson.emplace_back(JsonValue::Object{
            {"ruleId", JsonValue(finding.ruleId)},
            {"rulesetId", JsonValue(finding.rulesetId)},
            {"rulesetVersion", JsonValue(finding.rulesetVersion)},
            {"tier", finding.tier ? JsonValue(std::string(triageName(*finding.tier))) : JsonValue()},
            {"title", JsonValue(finding.title)},
            {"reference", JsonValue(finding.reference)},
            {"why", JsonValue(std::move(why))},
            {"kind", JsonValue(std::string(kindName(finding.kind)))},
            {"screen", finding.screen.empty() ? JsonValue() : JsonValue(finding.screen)},
            {"outcome", finding.outcome.empty() ? JsonValue() : JsonValue(finding.outcome)},
            {"citation", JsonValue(finding.citation)},
            {"names", strings(finding.names)},
            {"cleared", JsonValue(finding.cleared)},
        });
    }
    JsonValue::Object patternValues;
    JsonValue::Array provisional;
    JsonValue::Object details;
    for (const PatternResult& pattern : patterns) {
        patternValues.emplace_back(pattern.screen, JsonValue(pattern.value));
        if (pattern.provisional) {
            provisional.emplace_back(pattern.screen);
        }
        details.emplace_back(pattern.screen,
                             JsonValue(JsonValue::Object{
                                 {"value", JsonValue(pattern.value)},
                                 {"provisional", JsonValue(pattern.provisional)},
                                 {"decidedBy", JsonValue(pattern.decidedBy)},
                                 {"report", pattern.report},
                             }));
    }
    JsonValue::Array notEvaluableJson;
    for (const NotEvaluableRule& rule : notEvaluable) {
        notEvaluableJson.emplace_back(JsonValue::Object{
            {"ruleId", JsonValue(rule.ruleId)},
            {"rulesetId", JsonValue(rule.rulesetId)},
            {"rulesetVersion", JsonValue(rule.rulesetVersion)},
            {"tier", JsonValue(std::string(triageName(rule.tier)))},
            {"title", JsonValue(rule.title)},
            {"missing", strings(rule.missing)},
        });
    }
    JsonValue::Array clearancesJson;
    for (const AppliedClearance& applied : clearances) {
        clearancesJson.emplace_back(JsonValue::Object{
            {"status", JsonValue(std::string(clearanceStatusName(applied.status)))},
            {"changedInputs", strings(applied.changedInputs)},
            {"clearance", applied.clearance.toJson()},
        });
    }
    JsonValue::Array rulesetsJson;
    for (const RulesetStamp& stamp : rulesets) {
        rulesetsJson.emplace_back(
            JsonValue::Object{{"id", JsonValue(stamp.id)}, {"version", JsonValue(stamp.version)}});
    }
    return JsonValue(JsonValue::Object{
        {"triage", JsonValue(std::string(triageName(triage)))},
        {"programBlocked", JsonValue(programBlocked)},
        {"blockingReason", JsonValue(blockingReason)},
        {"findings", JsonValue(std::move(findingsJson))},
        {"patterns", JsonValue(std::move(patternValues))},
        {"provisional", JsonValue(std::move(provisional))},
        {"missing", strings(missing)},
        {"notEvaluable", JsonValue(std::move(notEvaluableJson))},
        {"patternDetails", JsonValue(std::move(details))},
        {"lcsFindings",
         JsonValue(JsonValue::Object{
             {"t01Positive", JsonValue(lcs.t01Positive)},
             {"t02Positive", JsonValue(lcs.t02Positive)},
             {"t04Positive", JsonValue(lcs.t04Positive)},
             {"t05Positive", JsonValue(lcs.t05Positive)},
             {"t06Positive", JsonValue(lcs.t06Positive)},
             {"flexionRelated", JsonValue(lcs.flexionRelated)},
         })},
        {"clearances", JsonValue(std::move(clearancesJson))},
        {"rulesets", JsonValue(std::move(rulesetsJson))},
        {"answers", answers},
    });
}

std::optional<ScreeningResult> ScreeningResult::fromJson(const JsonValue& json, std::vector<Diagnostic>& diagnostics)
{
    Reader read(diagnostics);
    ScreeningResult result;
    if (!json.isObject()) {
        read.fail("", "screening result: wrong type; expected an object");
        return std::nullopt;
    }
    if (auto triage = read.triage(json, "triage", "")) {
        result.triage = *triage;
    }
    result.programBlocked = read.boolean(json, "programBlocked", "");
    result.blockingReason = read.string(json, "blockingReason", "");
    result.missing = read.strings(json, "missing", "");

    if (const JsonValue* findings = read.member(json, "findings", "", JsonValue::Type::Array)) {
        for (std::size_t i = 0; i < findings->size() && !read.failed; ++i) {
            const JsonValue& item = findings->asArray()[i];
            const std::string pointer = "/findings/" + std::to_string(i);
            Finding finding;
            finding.ruleId = read.string(item, "ruleId", pointer);
            finding.rulesetId = read.string(item, "rulesetId", pointer);
            finding.rulesetVersion = read.string(item, "rulesetVersion", pointer);
            const JsonValue* tier = item.find("tier");
            if (tier != nullptr && !tier->isNull()) {
                finding.tier = read.triage(item, "tier", pointer);
            }
            finding.title = read.string(item, "title", pointer);
            finding.reference = read.string(item, "reference", pointer);
            finding.citation = read.string(item, "citation", pointer);
            const std::string kind = read.string(item, "kind", pointer);
            finding.kind = kind == "flag" ? RuleKind::Flag : kind == "outcome" ? RuleKind::Outcome : RuleKind::Note;
            if (const JsonValue* screen = item.find("screen"); screen != nullptr && screen->isString()) {
                finding.screen = screen->asString();
            }
            if (const JsonValue* outcome = item.find("outcome"); outcome != nullptr && outcome->isString()) {
                finding.outcome = outcome->asString();
            }
            finding.names = read.strings(item, "names", pointer);
            finding.cleared = read.boolean(item, "cleared", pointer);
            if (const JsonValue* why = read.member(item, "why", pointer, JsonValue::Type::Array)) {
                for (std::size_t k = 0; k < why->size(); ++k) {
                    const JsonValue& entry = why->asArray()[k];
                    const std::string whyPointer = pointer + "/why/" + std::to_string(k);
                    WhyItem whyItem;
                    whyItem.linkId = read.string(entry, "linkId", whyPointer);
                    whyItem.text = read.string(entry, "text", whyPointer);
                    const JsonValue* answer = entry.isObject() ? entry.find("answer") : nullptr;
                    if (answer == nullptr) {
                        read.fail(whyPointer + "/answer", "answer: missing");
                    } else {
                        whyItem.answer = *answer;
                    }
                    finding.why.push_back(std::move(whyItem));
                }
            }
            result.findings.push_back(std::move(finding));
        }
    }
    if (const JsonValue* rules = read.member(json, "notEvaluable", "", JsonValue::Type::Array)) {
        for (std::size_t i = 0; i < rules->size() && !read.failed; ++i) {
            const JsonValue& item = rules->asArray()[i];
            const std::string pointer = "/notEvaluable/" + std::to_string(i);
            NotEvaluableRule rule;
            rule.ruleId = read.string(item, "ruleId", pointer);
            rule.rulesetId = read.string(item, "rulesetId", pointer);
            rule.rulesetVersion = read.string(item, "rulesetVersion", pointer);
            if (auto tier = read.triage(item, "tier", pointer)) {
                rule.tier = *tier;
            }
            rule.title = read.string(item, "title", pointer);
            rule.missing = read.strings(item, "missing", pointer);
            result.notEvaluable.push_back(std::move(rule));
        }
    }
    if (const JsonValue* details = read.member(json, "patternDetails", "", JsonValue::Type::Object)) {
        for (const auto& [screen, item] : details->asObject()) {
            const std::string pointer = "/patternDetails/" + screen;
            PatternResult pattern;
            pattern.screen = screen;
            pattern.value = read.string(item, "value", pointer);
            pattern.provisional = read.boolean(item, "provisional", pointer);
            pattern.decidedBy = read.string(item, "decidedBy", pointer);
            if (const JsonValue* report = read.member(item, "report", pointer, JsonValue::Type::Object)) {
                pattern.report = *report;
            }
            result.patterns.push_back(std::move(pattern));
        }
    }
    if (const JsonValue* lcs = read.member(json, "lcsFindings", "", JsonValue::Type::Object)) {
        result.lcs.t01Positive = read.boolean(*lcs, "t01Positive", "/lcsFindings");
        result.lcs.t02Positive = read.boolean(*lcs, "t02Positive", "/lcsFindings");
        result.lcs.t04Positive = read.boolean(*lcs, "t04Positive", "/lcsFindings");
        result.lcs.t05Positive = read.boolean(*lcs, "t05Positive", "/lcsFindings");
        result.lcs.t06Positive = read.boolean(*lcs, "t06Positive", "/lcsFindings");
        result.lcs.flexionRelated = read.boolean(*lcs, "flexionRelated", "/lcsFindings");
    }
    if (const JsonValue* clearances = read.member(json, "clearances", "", JsonValue::Type::Array)) {
        for (std::size_t i = 0; i < clearances->size() && !read.failed; ++i) {
            const JsonValue& item = clearances->asArray()[i];
            const std::string pointer = "/clearances/" + std::to_string(i);
            AppliedClearance applied;
            const std::string status = read.string(item, "status", pointer);
            auto found = std::find(kStatusNames.begin(), kStatusNames.end(), status);
            if (found == kStatusNames.end()) {
                read.fail(pointer + "/status", "status: expected active, lapsed or refused");
                break;
            }
            applied.status = static_cast<ClearanceStatus>(found - kStatusNames.begin());
            applied.changedInputs = read.strings(item, "changedInputs", pointer);
            const JsonValue* clearance = read.member(item, "clearance", pointer, JsonValue::Type::Object);
            if (clearance == nullptr) {
                break;
            }
            std::optional<Clearance> parsed = Clearance::fromJson(*clearance, pointer + "/clearance", diagnostics);
            if (!parsed) {
                read.failed = true;
                break;
            }
            applied.clearance = std::move(*parsed);
            result.clearances.push_back(std::move(applied));
        }
    }
    if (const JsonValue* rulesets = read.member(json, "rulesets", "", JsonValue::Type::Array)) {
        for (std::size_t i = 0; i < rulesets->size(); ++i) {
            const std::string pointer = "/rulesets/" + std::to_string(i);
            result.rulesets.push_back({read.string(rulesets->asArray()[i], "id", pointer),
                                       read.string(rulesets->asArray()[i], "version", pointer)});
        }
    }
    if (const JsonValue* answers = read.member(json, "answers", "", JsonValue::Type::Object)) {
        result.answers = *answers;
    }
    if (read.failed) {
        return std::nullopt;
    }
    return result;
}

bool ScreeningResult::operator==(const ScreeningResult& other) const
{
    return rulesets == other.rulesets && answers == other.answers && triage == other.triage
           && programBlocked == other.programBlocked && blockingReason == other.blockingReason
           && findings == other.findings && notEvaluable == other.notEvaluable && missing == other.missing
           && patterns == other.patterns && lcs == other.lcs && clearances == other.clearances;
}

} // namespace backscreen::core
