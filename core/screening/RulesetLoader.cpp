#include "RulesetLoader.h"

#include "core/fhir/Questionnaire.h"
#include "core/json/JsonPointer.h"
#include "core/json/JsonReader.h"
#include "core/jsonlogic/JsonLogicCompiler.h"
#include "core/jsonlogic/JsonLogicError.h"

#include <algorithm>
#include <map>
#include <utility>

namespace backscreen::core {

namespace {

const std::vector<std::string> kTopFields = {
    "id", "version", "schemaVersion", "title", "source", "references", "context", "evaluation", "derived", "rules"};
const std::vector<std::string> kTopRequired = {
    "id", "version", "schemaVersion", "title", "source", "references", "evaluation", "rules"};
const std::vector<std::string> kRuleFields = {"id",
                                              "kind",
                                              "title",
                                              "category",
                                              "tier",
                                              "strength",
                                              "evidence",
                                              "screen",
                                              "outcome",
                                              "attachedTo",
                                              "logic",
                                              "requires",
                                              "optional",
                                              "reference",
                                              "seeAlso",
                                              "markers",
                                              "text",
                                              "names",
                                              "rationale"};
const std::vector<std::string> kRuleRequired = {
    "id", "kind", "title", "category", "logic", "requires", "reference", "rationale"};
const std::vector<std::string> kScreens = {"sij", "radicular", "lcs"};
const std::vector<std::string> kPatternVocabulary = {"ASSESS", "CONTINUE", "INCOMPLETE", "NOT_ASSESSED", "SUPPRESSED"};
const std::vector<std::string> kLcsVocabulary = {
    "LIKELY", "POSSIBLE", "UNLIKELY", "INCOMPLETE", "NOT_ASSESSED", "SUPPRESSED"};

bool contains(const std::vector<std::string>& list, const std::string& value)
{
    return std::find(list.begin(), list.end(), value) != list.end();
}

std::string inQuotes(const std::string& text)
{
    return "\"" + text + "\"";
}

/// One load: the diagnostics found so far and what the checks need.
class Checker
{
public:
    Checker(std::string source, const std::set<std::string>& linkIds)
        : m_source(std::move(source))
        , m_linkIds(linkIds)
    {}

    std::vector<Diagnostic> diagnostics;

    void report(ErrorCode code, const std::string& pointer, const std::string& subject, const std::string& message)
    {
        Diagnostic d;
        d.code = code;
        d.severity = Severity::Error;
        d.source = m_source;
        d.pointer = pointer;
        d.subject = subject;
        d.message = message;
        diagnostics.push_back(std::move(d));
    }

    /// Reports unknown and missing members; false when `value` is not an object.
    bool checkObject(const JsonValue& value,
                     const std::string& pointer,
                     const std::string& subject,
                     const std::string& what,
                     const std::vector<std::string>& allowed,
                     const std::vector<std::string>& required)
    {
        if (!value.isObject()) {
            report(ErrorCode::RulesetWrongType, pointer, subject, what + ": wrong type; expected an object");
            return false;
        }
        for (const auto& [key, member] : value.asObject()) {
            if (!contains(allowed, key)) {
                report(ErrorCode::RulesetUnknownField,
                       JsonPointer::appendKey(pointer, key),
                       subject,
                       what + ": unknown field " + inQuotes(key) + "; expected one of the fields of ruleset schema 1");
            }
        }
        for (const std::string& key : required) {
            if (value.find(key) == nullptr) {
                report(ErrorCode::RulesetMissingField,
                       pointer,
                       subject,
                       what + ": missing field " + inQuotes(key) + "; expected it to be present");
            }
        }
        return true;
    }

    std::string
    string(const JsonValue& object, const std::string& key, const std::string& pointer, const std::string& subject)
    {
        const JsonValue* member = object.find(key);
        if (member == nullptr) {
            return {};
        }
        if (!member->isString() || member->asString().empty()) {
            report(ErrorCode::RulesetWrongType,
                   JsonPointer::appendKey(pointer, key),
                   subject,
                   inQuotes(key) + ": wrong type; expected a non-empty string");
            return {};
        }
        return member->asString();
    }

    std::vector<std::string>
    strings(const JsonValue& object, const std::string& key, const std::string& pointer, const std::string& subject)
    {
        std::vector<std::string> out;
        const JsonValue* member = object.find(key);
        if (member == nullptr) {
            return out;
        }
        const std::string memberPointer = JsonPointer::appendKey(pointer, key);
        if (!member->isArray()) {
            report(ErrorCode::RulesetWrongType,
                   memberPointer,
                   subject,
                   inQuotes(key) + ": wrong type; expected an array of strings");
            return out;
        }
        for (std::size_t i = 0; i < member->asArray().size(); ++i) {
            const JsonValue& element = member->asArray()[i];
            if (!element.isString()) {
                report(ErrorCode::RulesetWrongType,
                       JsonPointer::appendIndex(memberPointer, i),
                       subject,
                       inQuotes(key) + ": wrong type; expected a string");
                continue;
            }
            out.push_back(element.asString());
        }
        return out;
    }

    /// Checks every name a JsonLogic expression reads (`var`, `missing`, `missing_some`) against `known`.
    void checkNames(const JsonValue& logic,
                    const std::string& pointer,
                    const std::string& subject,
                    const std::set<std::string>& known,
                    const std::set<std::string>& derived)
    {
        if (logic.isArray()) {
            for (std::size_t i = 0; i < logic.asArray().size(); ++i) {
                checkNames(logic.asArray()[i], JsonPointer::appendIndex(pointer, i), subject, known, derived);
            }
            return;
        }
        if (!logic.isObject() || logic.size() != 1) {
            return;
        }
        const auto& [op, argument] = logic.asObject().front();
        const std::string argumentPointer = JsonPointer::appendKey(pointer, op);
        auto checkName = [&](const JsonValue& name, const std::string& namePointer) {
            if (name.isString() && !name.asString().empty() && known.count(name.asString()) == 0) {
                report(ErrorCode::RulesetUnknownLinkId,
                       namePointer,
                       subject,
                       "unknown input " + inQuotes(name.asString())
                           + "; expected a linkId of the intake form, a derived id defined before it or a context id");
            }
        };
        if (op == "var") {
            if (argument.isString()) {
                checkName(argument, argumentPointer);
            } else if (argument.isArray() && !argument.asArray().empty()) {
                const JsonValue& name = argument.asArray().front();
                checkName(name, JsonPointer::appendIndex(argumentPointer, 0));
                if (argument.size() > 1 && name.isString() && derived.count(name.asString()) != 0) {
                    report(ErrorCode::RulesetBadLogic,
                           JsonPointer::appendIndex(argumentPointer, 1),
                           subject,
                           "default on derived item " + inQuotes(name.asString()) + "; expected a var without default");
                }
                for (std::size_t i = 1; i < argument.asArray().size(); ++i) {
                    checkNames(
                        argument.asArray()[i], JsonPointer::appendIndex(argumentPointer, i), subject, known, derived);
                }
            }
            return;
        }
        if (op == "missing") {
            const JsonValue& list = argument.isArray() && argument.size() == 1 && argument.asArray()[0].isArray()
                                        ? argument.asArray()[0]
                                        : argument;
            if (list.isArray()) {
                for (std::size_t i = 0; i < list.asArray().size(); ++i) {
                    checkName(list.asArray()[i], JsonPointer::appendIndex(argumentPointer, i));
                }
            } else {
                checkName(list, argumentPointer);
            }
            return;
        }
        if (op == "missing_some" && argument.isArray() && argument.size() == 2 && argument.asArray()[1].isArray()) {
            const JsonValue& list = argument.asArray()[1];
            const std::string listPointer = JsonPointer::appendIndex(argumentPointer, 1);
            for (std::size_t i = 0; i < list.asArray().size(); ++i) {
                checkName(list.asArray()[i], JsonPointer::appendIndex(listPointer, i));
            }
            return;
        }
        checkNames(argument, argumentPointer, subject, known, derived);
    }

    /// Compiles `logic`, with `memoized` (the derived items so far) as JsonLogicCompiler::Options::memoized;
    /// a JsonLogicError becomes a RulesetBadLogic diagnostic at pointer + its pointer.
    std::optional<JsonLogicRule> compile(const JsonValue& logic,
                                         const std::string& pointer,
                                         const std::string& subject,
                                         const std::vector<JsonValue>* memoized = nullptr)
    {
        try {
            JsonLogicCompiler::Options options;
            options.memoized = memoized;
            return JsonLogicCompiler::compile(logic, options);
        } catch (const JsonLogicError& error) {
            std::string message = error.what();
            const std::string prefix = (error.pointer().empty() ? std::string("rule") : error.pointer()) + ": ";
            if (message.rfind(prefix, 0) == 0) {
                message = message.substr(prefix.size());
            }
            report(ErrorCode::RulesetBadLogic, pointer + error.pointer(), subject, message);
        } catch (const Error& error) {
            report(ErrorCode::RulesetBadLogic, pointer, subject, error.what());
        }
        return std::nullopt;
    }

    void checkLinkIds(const std::vector<std::string>& names,
                      const JsonValue& object,
                      const std::string& key,
                      const std::string& pointer,
                      const std::string& subject)
    {
        const std::string listPointer = JsonPointer::appendKey(pointer, key);
        const JsonValue* list = object.find(key);
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (m_linkIds.count(names[i]) == 0) {
                const bool indexable = list != nullptr && list->isArray() && i < list->size();
                report(ErrorCode::RulesetUnknownLinkId,
                       indexable ? JsonPointer::appendIndex(listPointer, i) : listPointer,
                       subject,
                       "unknown linkId " + inQuotes(names[i]) + "; expected an answerable item of the intake form");
            }
        }
    }

    const std::set<std::string>& linkIds() const { return m_linkIds; }

private:
    std::string m_source;
    const std::set<std::string>& m_linkIds;
};

/// Replaces `{"var": derived}` by the derived item's (already expanded) logic, everywhere.
JsonValue substitute(const JsonValue& logic, const std::map<std::string, JsonValue>& derived)
{
    if (logic.isArray()) {
        JsonValue::Array out;
        out.reserve(logic.size());
        for (const JsonValue& element : logic.asArray()) {
            out.push_back(substitute(element, derived));
        }
        return JsonValue(std::move(out));
    }
    if (!logic.isObject()) {
        return logic;
    }
    if (logic.size() == 1 && logic.asObject().front().first == "var") {
        const JsonValue& argument = logic.asObject().front().second;
        const JsonValue* name = &argument;
        if (argument.isArray() && argument.size() == 1) {
            name = &argument.asArray().front();
        }
        if (name->isString()) {
            auto found = derived.find(name->asString());
            if (found != derived.end()) {
                return found->second;
            }
        }
    }
    JsonValue::Object out;
    out.reserve(logic.size());
    for (const auto& [key, value] : logic.asObject()) {
        out.emplace_back(key, substitute(value, derived));
    }
    return JsonValue(std::move(out));
}

/// `{"var": [name, default]}` → `{"if": [{"missing": [name]}, default, {"var": name}]}`: the same value
/// for json-logic-js, but three-valued evaluation then sees an absent input take its default rather than
/// become unknown (JsonLogicRule::evaluatePartial treats every absent `var` as unknown).
JsonValue rewriteDefaults(const JsonValue& logic)
{
    if (logic.isArray()) {
        JsonValue::Array out;
        for (const JsonValue& element : logic.asArray()) {
            out.push_back(rewriteDefaults(element));
        }
        return JsonValue(std::move(out));
    }
    if (!logic.isObject()) {
        return logic;
    }
    if (logic.size() == 1 && logic.asObject().front().first == "var") {
        const JsonValue& argument = logic.asObject().front().second;
        if (argument.isArray() && argument.size() == 2 && argument.asArray()[0].isString()) {
            const JsonValue& name = argument.asArray()[0];
            JsonValue missing(JsonValue::Object{{"missing", JsonValue(JsonValue::Array{name})}});
            JsonValue plain(JsonValue::Object{{"var", name}});
            return JsonValue(JsonValue::Object{
                {"if", JsonValue(JsonValue::Array{missing, rewriteDefaults(argument.asArray()[1]), plain})}});
        }
    }
    JsonValue::Object out;
    for (const auto& [key, value] : logic.asObject()) {
        out.emplace_back(key, rewriteDefaults(value));
    }
    return JsonValue(std::move(out));
}

/// Names read by `var`s without a default (a default makes the input never unknown).
void collectReads(const JsonValue& logic, std::set<std::string>& names)
{
    if (logic.isArray()) {
        for (const JsonValue& element : logic.asArray()) {
            collectReads(element, names);
        }
        return;
    }
    if (!logic.isObject()) {
        return;
    }
    if (logic.size() == 1 && logic.asObject().front().first == "var") {
        const JsonValue& argument = logic.asObject().front().second;
        if (argument.isString()) {
            names.insert(argument.asString());
        } else if (argument.isArray() && argument.size() == 1 && argument.asArray()[0].isString()) {
            names.insert(argument.asArray()[0].asString());
        }
    }
    for (const auto& member : logic.asObject()) {
        collectReads(member.second, names);
    }
}

std::string ruleSubject(const std::string& id)
{
    return "rule " + inQuotes(id);
}

} // namespace

RulesetLoadResult RulesetLoader::loadFile(const std::filesystem::path& path, const std::set<std::string>& linkIds)
{
    JsonReadResult read = JsonReader::parseFile(path);
    if (!read.ok()) {
        RulesetLoadResult result;
        result.diagnostics = std::move(read.diagnostics);
        return result;
    }
    return load(*read.value, path.string(), linkIds);
}

RulesetLoadResult
RulesetLoader::load(const JsonValue& json, const std::string& source, const std::set<std::string>& linkIds)
{
    RulesetLoadResult result;
    Checker check(source, linkIds);
    Ruleset ruleset;
    ruleset.source = source;

    // The schema version first: a newer format may mean anything, so nothing else is checked.
    if (json.isObject()) {
        const JsonValue* schema = json.find("schemaVersion");
        if (schema != nullptr && (!schema->isNumber() || schema->asNumber() != kSchemaVersion)) {
            std::string found = schema->isNumber() ? schema->numberText() : "a non-number";
            if (found.empty()) {
                found = std::to_string(schema->asNumber());
            }
            check.report(ErrorCode::RulesetSchemaVersion,
                         "/schemaVersion",
                         {},
                         "schemaVersion " + found + " is not supported; expected schemaVersion "
                             + std::to_string(kSchemaVersion));
            result.diagnostics = std::move(check.diagnostics);
            return result;
        }
    }
    if (!check.checkObject(json, "", {}, "ruleset", kTopFields, kTopRequired)) {
        result.diagnostics = std::move(check.diagnostics);
        return result;
    }

    ruleset.id = check.string(json, "id", "", {});
    ruleset.version = check.string(json, "version", "", {});
    ruleset.title = check.string(json, "title", "", {});
    if (const JsonValue* source_ = json.find("source");
        source_ != nullptr
        && check.checkObject(
            *source_, "/source", {}, "source", {"document", "documentVersion"}, {"document", "documentVersion"})) {
        ruleset.sourceDocument = check.string(*source_, "document", "/source", {});
        ruleset.documentVersion = check.string(*source_, "documentVersion", "/source", {});
    }

    // References.
    if (const JsonValue* references = json.find("references"); references != nullptr) {
        if (!references->isObject()) {
            check.report(ErrorCode::RulesetWrongType, "/references", {}, "references: wrong type; expected an object");
        } else {
            for (const auto& [key, value] : references->asObject()) {
                const std::string pointer = JsonPointer::appendKey("/references", key);
                const std::string subject = "reference " + inQuotes(key);
                if (ruleset.findReference(key) != nullptr) {
                    check.report(
                        ErrorCode::RulesetDuplicateId, pointer, subject, "duplicate reference id; expected unique ids");
                }
                if (check.checkObject(value, pointer, subject, "reference", {"citation", "url"}, {"citation"})) {
                    ruleset.references.push_back({key,
                                                  check.string(value, "citation", pointer, subject),
                                                  check.string(value, "url", pointer, subject)});
                }
            }
        }
    }

    // Context.
    std::set<std::string> contextIds;
    if (const JsonValue* context = json.find("context"); context != nullptr) {
        if (!context->isArray()) {
            check.report(ErrorCode::RulesetWrongType, "/context", {}, "context: wrong type; expected an array");
        } else {
            for (std::size_t i = 0; i < context->size(); ++i) {
                const std::string pointer = JsonPointer::appendIndex("/context", i);
                const JsonValue& item = context->asArray()[i];
                if (!check.checkObject(item,
                                       pointer,
                                       {},
                                       "context item",
                                       {"id", "description", "values"},
                                       {"id", "description", "values"})) {
                    continue;
                }
                const std::string id = check.string(item, "id", pointer, {});
                const std::string description = check.string(item, "description", pointer, {});
                check.strings(item, "values", pointer, {});
                if (id.empty()) {
                    continue;
                }
                if (linkIds.count(id) != 0 || !contextIds.insert(id).second) {
                    check.report(ErrorCode::RulesetDuplicateId,
                                 JsonPointer::appendKey(pointer, "id"),
                                 "context " + inQuotes(id),
                                 "context id already used; expected a name no linkId uses");
                    continue;
                }
                ruleset.context.push_back({id, description});
            }
        }
    }

    // Derived items, in order: each may read inputs, context ids and the derived items before it.
    std::map<std::string, JsonValue> expanded;
    // The expanded logic of ruleset.derived, in order: the memoized expressions of every compiled rule.
    std::vector<JsonValue> memoized;
    std::set<std::string> derivedIds;
    std::set<std::string> known(linkIds.begin(), linkIds.end());
    known.insert(contextIds.begin(), contextIds.end());
    if (const JsonValue* derived = json.find("derived"); derived != nullptr) {
        if (!derived->isArray()) {
            check.report(ErrorCode::RulesetWrongType, "/derived", {}, "derived: wrong type; expected an array");
        } else {
            for (std::size_t i = 0; i < derived->size(); ++i) {
                const std::string pointer = JsonPointer::appendIndex("/derived", i);
                const JsonValue& item = derived->asArray()[i];
                if (!check.checkObject(item,
                                       pointer,
                                       {},
                                       "derived item",
                                       {"id", "description", "logic", "reference", "inputs"},
                                       {"id", "description", "logic", "inputs"})) {
                    continue;
                }
                const std::string id = check.string(item, "id", pointer, {});
                const std::string subject = "derived " + inQuotes(id);
                check.string(item, "description", pointer, subject);
                const std::vector<std::string> inputs = check.strings(item, "inputs", pointer, subject);
                check.checkLinkIds(inputs, item, "inputs", pointer, subject);
                if (id.empty()) {
                    continue;
                }
                if (known.count(id) != 0) {
                    check.report(ErrorCode::RulesetDuplicateId,
                                 JsonPointer::appendKey(pointer, "id"),
                                 subject,
                                 "derived id already used; expected a name no linkId, context id or derived item uses");
                    continue;
                }
                const JsonValue* logic = item.find("logic");
                if (logic != nullptr) {
                    const std::string logicPointer = JsonPointer::appendKey(pointer, "logic");
                    check.checkNames(*logic, logicPointer, subject, known, derivedIds);
                    if (check.compile(*logic, logicPointer, subject)) {
                        expanded[id] = substitute(*logic, expanded);
                        // Slot k of the memo is ruleset.derived[k], this item included (a report of it
                        // reads the memo).
                        memoized.push_back(expanded[id]);
                        if (auto compiled = check.compile(expanded[id], logicPointer, subject, &memoized)) {
                            ruleset.derived.push_back({id, expanded[id], *compiled});
                        } else {
                            memoized.pop_back();
                        }
                    }
                }
                known.insert(id);
                derivedIds.insert(id);
                if (const std::string reference = check.string(item, "reference", pointer, subject);
                    !reference.empty() && ruleset.findReference(reference) == nullptr) {
                    check.report(ErrorCode::RulesetUnresolvedReference,
                                 JsonPointer::appendKey(pointer, "reference"),
                                 subject,
                                 "unknown reference " + inQuotes(reference) + "; expected a key of references");
                }
            }
        }
    }

    // Evaluation mode.
    const JsonValue* evaluation = json.find("evaluation");
    if (evaluation != nullptr && evaluation->isObject()) {
        const JsonValue* mode = evaluation->find("mode");
        if (mode != nullptr && mode->isString() && mode->asString() == "first-match") {
            ruleset.mode = Ruleset::Mode::FirstMatch;
            check.checkObject(*evaluation, "/evaluation", {}, "evaluation", {"mode", "screens"}, {"mode", "screens"});
        } else if (mode != nullptr && mode->isString() && mode->asString() == "three-valued") {
            check.checkObject(*evaluation, "/evaluation", {}, "evaluation", {"mode"}, {"mode"});
        } else {
            check.report(ErrorCode::RulesetUnknownMode,
                         "/evaluation/mode",
                         {},
                         "unknown evaluation mode; expected \"three-valued\" or \"first-match\"");
        }
    } else if (evaluation != nullptr) {
        check.report(ErrorCode::RulesetWrongType, "/evaluation", {}, "evaluation: wrong type; expected an object");
    }

    // Rules.
    std::set<std::string> ruleIds;
    const JsonValue* rules = json.find("rules");
    if (rules != nullptr && !rules->isArray()) {
        check.report(ErrorCode::RulesetWrongType, "/rules", {}, "rules: wrong type; expected an array");
    } else if (rules != nullptr) {
        for (std::size_t i = 0; i < rules->size(); ++i) {
            const std::string pointer = JsonPointer::appendIndex("/rules", i);
            const JsonValue& item = rules->asArray()[i];
            std::string id = item.isObject() && item.find("id") != nullptr && item.find("id")->isString()
                                 ? item.find("id")->asString()
                                 : std::string();
            const std::string subject = id.empty() ? std::string() : ruleSubject(id);
            if (!check.checkObject(item, pointer, subject, "rule", kRuleFields, kRuleRequired)) {
                continue;
            }
            RulesetRule rule;
            rule.id = check.string(item, "id", pointer, subject);
            rule.pointer = pointer;
            if (!rule.id.empty() && !ruleIds.insert(rule.id).second) {
                check.report(ErrorCode::RulesetDuplicateId,
                             JsonPointer::appendKey(pointer, "id"),
                             subject,
                             "duplicate rule id; expected each id once");
            }
            const std::string kind = check.string(item, "kind", pointer, subject);
            if (kind == "flag") {
                rule.kind = RuleKind::Flag;
            } else if (kind == "outcome") {
                rule.kind = RuleKind::Outcome;
            } else if (kind == "note") {
                rule.kind = RuleKind::Note;
            } else if (!kind.empty()) {
                check.report(ErrorCode::RulesetUnknownKind,
                             JsonPointer::appendKey(pointer, "kind"),
                             subject,
                             "unknown kind " + inQuotes(kind) + "; expected \"flag\", \"outcome\" or \"note\"");
            }
            const bool flagMode = ruleset.mode == Ruleset::Mode::ThreeValued;
            if (!kind.empty() && (rule.kind == RuleKind::Flag) != flagMode) {
                check.report(ErrorCode::RulesetUnknownKind,
                             JsonPointer::appendKey(pointer, "kind"),
                             subject,
                             "kind " + inQuotes(kind) + " does not fit the evaluation mode; expected "
                                 + (flagMode ? "\"flag\"" : "\"outcome\" or \"note\""));
            }
            rule.title = check.string(item, "title", pointer, subject);
            rule.category = check.string(item, "category", pointer, subject);
            rule.strength = check.string(item, "strength", pointer, subject);
            rule.evidence = check.string(item, "evidence", pointer, subject);
            rule.text = check.string(item, "text", pointer, subject);
            rule.rationale = check.string(item, "rationale", pointer, subject);
            check.strings(item, "markers", pointer, subject);

            const std::string tier = check.string(item, "tier", pointer, subject);
            if (rule.kind == RuleKind::Flag) {
                std::optional<Triage> parsed = parseTriage(tier);
                if (item.find("tier") == nullptr) {
                    check.report(ErrorCode::RulesetMissingField,
                                 pointer,
                                 subject,
                                 "rule: missing field \"tier\"; expected it to be present");
                } else if (!parsed || !isRuleTier(*parsed)) {
                    check.report(ErrorCode::RulesetUnknownTier,
                                 JsonPointer::appendKey(pointer, "tier"),
                                 subject,
                                 "unknown tier " + inQuotes(tier)
                                     + "; expected \"EMERGENCY\", \"URGENT\", \"SOON\" or \"MONITOR\"");
                } else {
                    rule.tier = parsed;
                }
            } else if (item.find("tier") != nullptr) {
                check.report(ErrorCode::RulesetUnknownTier,
                             JsonPointer::appendKey(pointer, "tier"),
                             subject,
                             "tier on a pattern rule; expected tiers on flags only");
            }
            rule.screen = check.string(item, "screen", pointer, subject);
            rule.outcome = check.string(item, "outcome", pointer, subject);
            rule.attachedTo = check.string(item, "attachedTo", pointer, subject);
            if (rule.kind != RuleKind::Flag) {
                if (!contains(kScreens, rule.screen)) {
                    check.report(ErrorCode::RulesetUnknownScreen,
                                 JsonPointer::appendKey(pointer, "screen"),
                                 subject,
                                 "unknown screen " + inQuotes(rule.screen)
                                     + "; expected \"sij\", \"radicular\" or \"lcs\"");
                } else if (rule.kind == RuleKind::Outcome && !contains(screenVocabulary(rule.screen), rule.outcome)) {
                    check.report(ErrorCode::RulesetUnknownOutcome,
                                 JsonPointer::appendKey(pointer, "outcome"),
                                 subject,
                                 "unknown outcome " + inQuotes(rule.outcome) + " for screen " + inQuotes(rule.screen)
                                     + "; expected a value of its vocabulary");
                }
            }

            rule.requiredInputs = check.strings(item, "requires", pointer, subject);
            rule.optionalInputs = check.strings(item, "optional", pointer, subject);
            check.checkLinkIds(rule.requiredInputs, item, "requires", pointer, subject);
            check.checkLinkIds(rule.optionalInputs, item, "optional", pointer, subject);

            rule.reference = check.string(item, "reference", pointer, subject);
            rule.seeAlso = check.strings(item, "seeAlso", pointer, subject);
            if (!rule.reference.empty() && ruleset.findReference(rule.reference) == nullptr) {
                check.report(ErrorCode::RulesetUnresolvedReference,
                             JsonPointer::appendKey(pointer, "reference"),
                             subject,
                             "unknown reference " + inQuotes(rule.reference) + "; expected a key of references");
            }
            for (std::size_t k = 0; k < rule.seeAlso.size(); ++k) {
                if (ruleset.findReference(rule.seeAlso[k]) == nullptr) {
                    check.report(ErrorCode::RulesetUnresolvedReference,
                                 JsonPointer::appendIndex(JsonPointer::appendKey(pointer, "seeAlso"), k),
                                 subject,
                                 "unknown reference " + inQuotes(rule.seeAlso[k]) + "; expected a key of references");
                }
            }

            if (const JsonValue* logic = item.find("logic"); logic != nullptr) {
                const std::string logicPointer = JsonPointer::appendKey(pointer, "logic");
                const std::size_t before = check.diagnostics.size();
                check.checkNames(*logic, logicPointer, subject, known, derivedIds);
                if (check.compile(*logic, logicPointer, subject) && check.diagnostics.size() == before) {
                    rule.logic = *logic;
                    rule.expandedLogic = substitute(*logic, expanded);
                    std::set<std::string> reads;
                    collectReads(rule.expandedLogic, reads);
                    rule.readInputs.assign(reads.begin(), reads.end());
                    for (const std::string& input : rule.readInputs) {
                        rule.readInputHashes.push_back(JsonValue::keyHash(input));
                    }
                    // Not make_shared: GCC 12's array form copies its elements, and atomics cannot be copied.
                    rule.readInputHints = std::shared_ptr<std::atomic<std::uint32_t>[]>(
                        new std::atomic<std::uint32_t>[rule.readInputs.size()]());
                    std::optional<JsonLogicRule> compiled =
                        check.compile(rule.expandedLogic, logicPointer, subject, &memoized);
                    std::optional<JsonLogicRule> partial =
                        check.compile(rewriteDefaults(rule.expandedLogic), logicPointer, subject);
                    if (compiled && partial) {
                        rule.compiled = *compiled;
                        rule.partial = *partial;
                    }
                }
            }
            if (const JsonValue* names = item.find("names"); names != nullptr) {
                const std::string namesPointer = JsonPointer::appendKey(pointer, "names");
                if (!names->isArray()) {
                    check.report(
                        ErrorCode::RulesetWrongType, namesPointer, subject, "names: wrong type; expected an array");
                } else {
                    for (std::size_t k = 0; k < names->size(); ++k) {
                        const std::string namePointer = JsonPointer::appendIndex(namesPointer, k);
                        const JsonValue& entry = names->asArray()[k];
                        if (!check.checkObject(entry,
                                               namePointer,
                                               subject,
                                               "names item",
                                               {"item", "inputs", "logic"},
                                               {"item", "inputs", "logic"})) {
                            continue;
                        }
                        RulesetNameItem name{check.string(entry, "item", namePointer, subject),
                                             check.strings(entry, "inputs", namePointer, subject),
                                             falseJsonLogicRule()};
                        check.checkLinkIds(name.inputs, entry, "inputs", namePointer, subject);
                        if (const JsonValue* logic = entry.find("logic"); logic != nullptr) {
                            const std::string logicPointer = JsonPointer::appendKey(namePointer, "logic");
                            check.checkNames(*logic, logicPointer, subject, known, derivedIds);
                            if (check.compile(*logic, logicPointer, subject)) {
                                if (auto compiled =
                                        check.compile(substitute(*logic, expanded), logicPointer, subject, &memoized)) {
                                    name.logic = *compiled;
                                }
                            }
                        }
                        rule.names.push_back(std::move(name));
                    }
                }
            }
            ruleset.rules.push_back(std::move(rule));
        }
    }

    // attachedTo names an outcome rule of the same screen.
    for (const RulesetRule& rule : ruleset.rules) {
        if (rule.attachedTo.empty()) {
            continue;
        }
        const RulesetRule* target = ruleset.findRule(rule.attachedTo);
        if (target == nullptr || target->kind != RuleKind::Outcome || target->screen != rule.screen) {
            check.report(ErrorCode::RulesetUnknownRuleId,
                         JsonPointer::appendKey(rule.pointer, "attachedTo"),
                         ruleSubject(rule.id),
                         "unknown rule " + inQuotes(rule.attachedTo) + "; expected an outcome rule of screen "
                             + inQuotes(rule.screen));
        }
    }

    // Screens of a first-match ruleset.
    if (ruleset.mode == Ruleset::Mode::FirstMatch && evaluation != nullptr && evaluation->isObject()) {
        const JsonValue* screens = evaluation->find("screens");
        if (screens != nullptr && !screens->isArray()) {
            check.report(
                ErrorCode::RulesetWrongType, "/evaluation/screens", {}, "screens: wrong type; expected an array");
        } else if (screens != nullptr) {
            std::set<std::string> seen;
            for (std::size_t i = 0; i < screens->size(); ++i) {
                const std::string pointer = JsonPointer::appendIndex("/evaluation/screens", i);
                const JsonValue& entry = screens->asArray()[i];
                if (!check.checkObject(entry,
                                       pointer,
                                       {},
                                       "screen",
                                       {"screen", "order", "alsoReport", "provisionalWhen", "report"},
                                       {"screen", "order", "provisionalWhen"})) {
                    continue;
                }
                RulesetScreen screen{check.string(entry, "screen", pointer, {}), {}, {}, falseJsonLogicRule(), {}};
                const std::string subject = "screen " + inQuotes(screen.screen);
                if (!contains(kScreens, screen.screen) || !seen.insert(screen.screen).second) {
                    check.report(ErrorCode::RulesetUnknownScreen,
                                 JsonPointer::appendKey(pointer, "screen"),
                                 subject,
                                 "unknown or repeated screen; expected \"sij\", \"radicular\" or \"lcs\" once each");
                }
                auto ruleIndex = [&](const std::string& id,
                                     const std::string& idPointer) -> std::optional<std::size_t> {
                    for (std::size_t r = 0; r < ruleset.rules.size(); ++r) {
                        const RulesetRule& rule = ruleset.rules[r];
                        if (rule.id == id && rule.kind == RuleKind::Outcome && rule.screen == screen.screen) {
                            return r;
                        }
                    }
                    check.report(ErrorCode::RulesetUnknownRuleId,
                                 idPointer,
                                 subject,
                                 "unknown rule " + inQuotes(id) + "; expected an outcome rule of this screen");
                    return std::nullopt;
                };
                const std::vector<std::string> order = check.strings(entry, "order", pointer, subject);
                for (std::size_t k = 0; k < order.size(); ++k) {
                    if (auto index = ruleIndex(order[k],
                                               JsonPointer::appendIndex(JsonPointer::appendKey(pointer, "order"), k))) {
                        screen.order.push_back(*index);
                    }
                }
                if (order.empty()) {
                    check.report(ErrorCode::RulesetMissingField,
                                 JsonPointer::appendKey(pointer, "order"),
                                 subject,
                                 "empty order; expected the screen's outcome rules");
                }
                if (const JsonValue* also = entry.find("alsoReport"); also != nullptr && also->isArray()) {
                    for (std::size_t g = 0; g < also->size(); ++g) {
                        const std::string groupPointer =
                            JsonPointer::appendIndex(JsonPointer::appendKey(pointer, "alsoReport"), g);
                        std::vector<std::size_t> group;
                        const JsonValue& ids = also->asArray()[g];
                        if (!ids.isArray()) {
                            check.report(ErrorCode::RulesetWrongType,
                                         groupPointer,
                                         subject,
                                         "alsoReport group: wrong type; expected an array of rule ids");
                            continue;
                        }
                        for (std::size_t k = 0; k < ids.size(); ++k) {
                            const JsonValue& id = ids.asArray()[k];
                            if (!id.isString()) {
                                check.report(ErrorCode::RulesetWrongType,
                                             JsonPointer::appendIndex(groupPointer, k),
                                             subject,
                                             "alsoReport: wrong type; expected a rule id");
                            } else if (auto index =
                                           ruleIndex(id.asString(), JsonPointer::appendIndex(groupPointer, k))) {
                                group.push_back(*index);
                            }
                        }
                        screen.alsoReport.push_back(std::move(group));
                    }
                } else if (also != nullptr) {
                    check.report(ErrorCode::RulesetWrongType,
                                 JsonPointer::appendKey(pointer, "alsoReport"),
                                 subject,
                                 "alsoReport: wrong type; expected an array of arrays");
                }
                if (const JsonValue* provisional = entry.find("provisionalWhen"); provisional != nullptr) {
                    const std::string logicPointer = JsonPointer::appendKey(pointer, "provisionalWhen");
                    check.checkNames(*provisional, logicPointer, subject, known, derivedIds);
                    if (auto compiled =
                            check.compile(substitute(*provisional, expanded), logicPointer, subject, &memoized)) {
                        screen.provisionalWhen = *compiled;
                    }
                }
                const std::vector<std::string> report = check.strings(entry, "report", pointer, subject);
                for (std::size_t k = 0; k < report.size(); ++k) {
                    auto found = expanded.find(report[k]);
                    if (found == expanded.end()) {
                        check.report(ErrorCode::RulesetUnknownLinkId,
                                     JsonPointer::appendIndex(JsonPointer::appendKey(pointer, "report"), k),
                                     subject,
                                     "unknown derived item " + inQuotes(report[k]) + "; expected a derived id");
                        continue;
                    }
                    if (auto compiled = check.compile(
                            found->second, JsonPointer::appendKey(pointer, "report"), subject, &memoized)) {
                        screen.report.push_back({report[k], *compiled});
                    }
                }
                ruleset.screens.push_back(std::move(screen));
            }
        }
    }

    result.diagnostics = std::move(check.diagnostics);
    if (!hasErrors(result.diagnostics)) {
        result.ruleset = std::move(ruleset);
    }
    return result;
}

std::set<std::string> RulesetLoader::answerableLinkIds(const Questionnaire& intake)
{
    std::set<std::string> out;
    for (const QuestionnaireItem& item : intake.items()) {
        if (isAnswerable(item.type)) {
            out.insert(item.linkId);
        }
    }
    return out;
}

const std::vector<std::string>& RulesetLoader::screenVocabulary(const std::string& screen)
{
    static const std::vector<std::string> none;
    if (screen == "lcs") {
        return kLcsVocabulary;
    }
    if (screen == "sij" || screen == "radicular") {
        return kPatternVocabulary;
    }
    return none;
}

} // namespace backscreen::core
