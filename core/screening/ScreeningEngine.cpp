#include "ScreeningEngine.h"

#include "core/common/DataLocator.h"
#include "core/common/Error.h"
#include "core/fhir/QuestionnaireLoader.h"
#include "core/jsonlogic/JsonLogicMemo.h"
#include "core/jsonlogic/JsonLogicTrace.h"
#include "core/jsonlogic/JsonLogicValue.h"
#include "core/screening/RulesetLoader.h"

#include <algorithm>
#include <cassert>
#include <set>

namespace backscreen::core {

namespace {

const char* const kRulesetFiles[] = {"redflags.json", "sij-radicular.json", "lcs.json"};

/// The answers with null members removed (a JSON null is unanswered); the same value when there are none.
JsonValue withoutNulls(const JsonValue& answers)
{
    if (!answers.isObject()) {
        return JsonValue(JsonValue::Object{});
    }
    const auto& members = answers.asObject();
    if (std::none_of(members.begin(), members.end(), [](const auto& member) { return member.second.isNull(); })) {
        return answers;
    }
    JsonValue::Object kept;
    for (const auto& member : members) {
        if (!member.second.isNull()) {
            kept.push_back(member);
        }
    }
    return JsonValue(std::move(kept));
}

/// Whether every input `rule` reads without a default is answered. Each input's hint is tried first, so the
/// usual case costs a key comparison, not a hash lookup.
bool allInputsAnswered(const RulesetRule& rule, const JsonValue& answers)
{
    // RulesetLoader, the only maker of rules, fills the hashes and hints for every input.
    assert(rule.readInputHashes.size() == rule.readInputs.size() && rule.readInputHints != nullptr);
    for (std::size_t i = 0; i < rule.readInputs.size(); ++i) {
        if (answers.findHinted(rule.readInputs[i], rule.readInputHashes[i], rule.readInputHints[i]) == nullptr) {
            return false;
        }
    }
    return true;
}

JsonValue valueOrNull(const JsonValue& object, const std::string& key)
{
    const JsonValue* found = object.find(key);
    return found != nullptr ? *found : JsonValue();
}

std::string joinIds(const std::vector<std::string>& ids)
{
    std::string out;
    for (const std::string& id : ids) {
        out += (out.empty() ? "" : ", ") + id;
    }
    return out;
}

} // namespace

ScreeningEngine::ScreeningEngine(const Questionnaire& intake, std::vector<Ruleset> rulesets)
    : m_rulesets(std::move(rulesets))
{
    for (const QuestionnaireItem& item : intake.items()) {
        if (isAnswerable(item.type)) {
            m_texts.emplace(item.linkId, item.text);
        }
    }
    auto indexOf = [&](const std::string& id, Ruleset::Mode mode) {
        for (std::size_t i = 0; i < m_rulesets.size(); ++i) {
            if (m_rulesets[i].id == id && m_rulesets[i].mode == mode) {
                return i;
            }
        }
        throw Error(ErrorCode::ScreeningRulesetMissing,
                    "screening engine: ruleset \"" + id + "\" missing; expected redflags, sij_radicular and lcs");
    };
    m_redFlags = indexOf("redflags", Ruleset::Mode::ThreeValued);
    m_sijRadicular = indexOf("sij_radicular", Ruleset::Mode::FirstMatch);
    m_lcs = indexOf("lcs", Ruleset::Mode::FirstMatch);
}

ScreeningEngineLoadResult ScreeningEngine::load(const std::filesystem::path& formsDirectory)
{
    ScreeningEngineLoadResult result;
    QuestionnaireLoadResult intake = QuestionnaireLoader::loadFile(formsDirectory / "intake" / "low-back-intake.json");
    result.diagnostics = intake.diagnostics;
    if (!intake.ok()) {
        return result;
    }
    const std::set<std::string> linkIds = RulesetLoader::answerableLinkIds(*intake.questionnaire);
    std::vector<Ruleset> rulesets;
    for (const char* file : kRulesetFiles) {
        RulesetLoadResult loaded = RulesetLoader::loadFile(formsDirectory / "rules" / file, linkIds);
        result.diagnostics.insert(result.diagnostics.end(), loaded.diagnostics.begin(), loaded.diagnostics.end());
        if (loaded.ok()) {
            rulesets.push_back(std::move(*loaded.ruleset));
        }
    }
    if (hasErrors(result.diagnostics)) {
        return result;
    }
    try {
        result.engine = std::make_shared<const ScreeningEngine>(*intake.questionnaire, std::move(rulesets));
    } catch (const Error& error) {
        Diagnostic d;
        d.code = error.code();
        d.source = (formsDirectory / "rules").string();
        d.message = error.what();
        result.diagnostics.push_back(std::move(d));
    }
    return result;
}

ScreeningEngineLoadResult ScreeningEngine::loadDefault()
{
    return load(formsDirectory());
}

const std::string& ScreeningEngine::questionText(const std::string& linkId) const
{
    static const std::string none;
    auto found = m_texts.find(linkId);
    return found != m_texts.end() ? found->second : none;
}

const RulesetRule* ScreeningEngine::findRedFlag(const std::string& ruleId) const
{
    return redFlags().findRule(ruleId);
}

ScreeningResult ScreeningEngine::screen(const JsonValue& answers) const
{
    return screen(answers, {}, nullptr);
}

ScreeningResult ScreeningEngine::screen(const JsonValue& rawAnswers,
                                        const std::vector<Clearance>& clearances,
                                        std::vector<Diagnostic>* diagnostics) const
{
    ScreeningResult result;
    const JsonValue answers = withoutNulls(rawAnswers);
    result.answers = answers;
    for (const Ruleset& ruleset : m_rulesets) {
        result.rulesets.push_back({ruleset.id, ruleset.version});
    }
    auto diagnose = [&](ErrorCode code, Severity severity, const std::string& ruleId, const std::string& message) {
        if (diagnostics == nullptr) {
            return;
        }
        Diagnostic d;
        d.code = code;
        d.severity = severity;
        d.source = "clearances";
        d.subject = "rule \"" + ruleId + "\"";
        d.message = message;
        diagnostics->push_back(std::move(d));
    };

    JsonLogicTrace trace;
    auto why = [&](const JsonLogicRule& logic, const JsonValue& data, const Ruleset& ruleset) {
        std::vector<WhyItem> items;
        logic.evaluate(data, trace);
        trace.forEachDecisiveInput([&](std::string_view path, const JsonLogicValue& value) {
            if (value.isUndefined()
                || std::any_of(items.begin(), items.end(), [&](const WhyItem& item) { return item.linkId == path; })) {
                return;
            }
            std::string linkId(path);
            const std::string* text = &questionText(linkId);
            if (text->empty()) {
                if (const RulesetContext* context = ruleset.findContext(linkId)) {
                    text = &context->description;
                }
            }
            items.push_back({std::move(linkId), *text, value.toJson()});
        });
        return items;
    };

    // 1. Red flags.
    const Ruleset& flags = redFlags();
    // Each derived item is computed once per ruleset and data, however many rules read it.
    JsonLogicMemo flagMemo(flags.derived.size(), answers);
    std::vector<const RulesetRule*> fired;
    for (const RulesetRule& rule : flags.rules) {
        // With every input answered there is nothing unknown, and the ordinary evaluation gives the same truth.
        const bool allAnswered = allInputsAnswered(rule, answers);
        const JsonLogicTruth truth =
            allAnswered ? (rule.compiled.isTruthy(answers, flagMemo) ? JsonLogicTruth::True : JsonLogicTruth::False)
                        : rule.partial.truthPartial(answers);
        if (truth == JsonLogicTruth::True) {
            fired.push_back(&rule);
        } else if (truth == JsonLogicTruth::Unknown) {
            NotEvaluableRule notEvaluable{
                rule.id, flags.id, flags.version, rule.tier.value_or(Triage::Monitor), rule.title, {}};
            for (const std::string& input : rule.requiredInputs) {
                if (answers.find(input) == nullptr) {
                    notEvaluable.missing.push_back(input);
                }
            }
            std::sort(notEvaluable.missing.begin(), notEvaluable.missing.end());
            result.missing.insert(result.missing.end(), notEvaluable.missing.begin(), notEvaluable.missing.end());
            result.notEvaluable.push_back(std::move(notEvaluable));
        }
    }
    std::sort(result.missing.begin(), result.missing.end());
    result.missing.erase(std::unique(result.missing.begin(), result.missing.end()), result.missing.end());

    // Clearances.
    std::set<std::string> cleared;
    for (const Clearance& clearance : clearances) {
        AppliedClearance applied{clearance, ClearanceStatus::Active, {}};
        const RulesetRule* rule = findRedFlag(clearance.ruleId);
        if (rule == nullptr) {
            applied.status = ClearanceStatus::Refused;
            diagnose(ErrorCode::ClearanceUnknownRule,
                     Severity::Error,
                     clearance.ruleId,
                     "clearance of an unknown rule; expected a red-flag rule id");
        } else if (rule->tier != Triage::Soon && rule->tier != Triage::Urgent) {
            applied.status = ClearanceStatus::Refused;
            diagnose(ErrorCode::ClearanceNotAllowed,
                     Severity::Error,
                     clearance.ruleId,
                     std::string("clearance of a ") + std::string(triageName(rule->tier.value_or(Triage::None)))
                         + " rule ignored; expected a SOON or URGENT rule (EMERGENCY cannot be cleared in the tool)");
        } else {
            for (const std::string& input : rule->inputs()) {
                if (!(valueOrNull(answers, input) == valueOrNull(clearance.inputs, input))) {
                    applied.changedInputs.push_back(input);
                }
            }
            std::sort(applied.changedInputs.begin(), applied.changedInputs.end());
            if (!applied.changedInputs.empty()) {
                applied.status = ClearanceStatus::Lapsed;
                diagnose(ErrorCode::ClearanceLapsed,
                         Severity::Information,
                         clearance.ruleId,
                         "clearance lapsed: " + joinIds(applied.changedInputs) + " changed since it was recorded");
            } else {
                cleared.insert(clearance.ruleId);
            }
        }
        result.clearances.push_back(std::move(applied));
    }

    // Triage (red-flags.md §4.4).
    Triage top = Triage::None;
    std::vector<std::string> topIds;
    bool anyActive = false;
    for (const RulesetRule* rule : fired) {
        Finding finding;
        finding.ruleId = rule->id;
        finding.rulesetId = flags.id;
        finding.rulesetVersion = flags.version;
        finding.kind = RuleKind::Flag;
        finding.tier = rule->tier;
        finding.title = rule->title;
        finding.reference = rule->reference;
        if (const RulesetReference* reference = flags.findReference(rule->reference)) {
            finding.citation = reference->citation;
        }
        finding.why = why(rule->compiled, answers, flags);
        finding.cleared = cleared.count(rule->id) != 0;
        if (!finding.cleared) {
            anyActive = true;
            const Triage tier = rule->tier.value_or(Triage::Monitor);
            if (tier > top) {
                top = tier;
                topIds.clear();
            }
            if (tier == top) {
                topIds.push_back(rule->id);
            }
        }
        result.findings.push_back(std::move(finding));
    }
    if (isReferralTier(top)) {
        result.triage = top;
        result.blockingReason = std::string(triageName(top)) + ": red flag " + joinIds(topIds);
    } else if (!result.notEvaluable.empty()) {
        result.triage = Triage::Incomplete;
        result.blockingReason = "INCOMPLETE: unanswered red-flag questions " + joinIds(result.missing);
    } else if (anyActive) {
        result.triage = Triage::Monitor;
    } else {
        result.triage = Triage::None;
    }
    result.programBlocked = result.triage >= Triage::Incomplete;

    // 2–3. Pattern screens, with the context values known so far.
    JsonValue::Object contextValues{{"triage", JsonValue(std::string(triageName(result.triage)))}};
    for (std::size_t index : {m_sijRadicular, m_lcs}) {
        const Ruleset& ruleset = m_rulesets[index];
        JsonValue::Object members;
        for (const auto& context : contextValues) {
            if (ruleset.findContext(context.first) != nullptr) {
                members.push_back(context);
            }
        }
        // The answers followed by the context, reusing the answers' key index.
        const JsonValue data = JsonValue::extended(answers, std::move(members));
        JsonLogicMemo memo(ruleset.derived.size(), data);
        for (const RulesetScreen& screen : ruleset.screens) {
            const RulesetRule* decider = nullptr;
            for (std::size_t ruleIndex : screen.order) {
                if (ruleset.rules[ruleIndex].compiled.isTruthy(data, memo)) {
                    decider = &ruleset.rules[ruleIndex];
                    break;
                }
            }
            PatternResult pattern;
            pattern.screen = screen.screen;
            std::vector<const RulesetRule*> screenFired;
            if (decider != nullptr) {
                pattern.value = decider->outcome;
                pattern.decidedBy = decider->id;
                screenFired.push_back(decider);
                for (const auto& group : screen.alsoReport) {
                    const auto& rules = ruleset.rules;
                    if (std::none_of(group.begin(), group.end(), [&](std::size_t i) { return &rules[i] == decider; })) {
                        continue;
                    }
                    for (std::size_t i : group) {
                        if (&rules[i] != decider && rules[i].compiled.isTruthy(data, memo)) {
                            screenFired.push_back(&rules[i]);
                        }
                    }
                }
                if (pattern.value != "SUPPRESSED") {
                    for (const RulesetRule& rule : ruleset.rules) {
                        if (rule.kind == RuleKind::Note && rule.screen == screen.screen
                            && (rule.attachedTo.empty() || rule.attachedTo == decider->id)
                            && rule.compiled.isTruthy(data, memo)) {
                            screenFired.push_back(&rule);
                        }
                    }
                }
            }
            pattern.provisional = screen.provisionalWhen.isTruthy(data, memo);
            JsonValue::Object report;
            for (const RulesetScreen::Report& item : screen.report) {
                const JsonLogicValue value = item.logic.evaluate(data, memo);
                report.emplace_back(item.id, value.isNumber() ? value.toJson() : JsonValue(value.truthy()));
            }
            pattern.report = JsonValue(std::move(report));
            for (const RulesetRule* rule : screenFired) {
                Finding finding;
                finding.ruleId = rule->id;
                finding.rulesetId = ruleset.id;
                finding.rulesetVersion = ruleset.version;
                finding.kind = rule->kind;
                finding.screen = rule->screen;
                finding.outcome = rule->outcome;
                finding.title = rule->title;
                finding.reference = rule->reference;
                if (const RulesetReference* reference = ruleset.findReference(rule->reference)) {
                    finding.citation = reference->citation;
                }
                finding.why = why(rule->compiled, data, ruleset);
                for (const RulesetNameItem& name : rule->names) {
                    if (name.logic.isTruthy(data, memo)) {
                        finding.names.push_back(name.item);
                    }
                }
                result.findings.push_back(std::move(finding));
            }
            contextValues.emplace_back(screen.screen, JsonValue(pattern.value));
            result.patterns.push_back(std::move(pattern));
        }
        if (index == m_lcs) {
            auto derivedTruthy = [&](const char* id) {
                const RulesetDerived* derived = ruleset.findDerived(id);
                return derived != nullptr && derived->logic.isTruthy(data, memo);
            };
            result.lcs.t01Positive = derivedTruthy("t01_pos");
            result.lcs.t02Positive = derivedTruthy("t02_pos");
            result.lcs.t04Positive = derivedTruthy("t04_pos");
            result.lcs.t05Positive = derivedTruthy("t05_pos");
            result.lcs.t06Positive = derivedTruthy("t06_pos");
            result.lcs.flexionRelated = derivedTruthy("flexion_related");
        }
    }
    return result;
}

std::optional<Clearance> ScreeningEngine::createClearance(const std::string& ruleId,
                                                          const std::string& clearedBy,
                                                          const std::string& clearedAt,
                                                          ClearanceReason reason,
                                                          const std::string& note,
                                                          const JsonValue& rawAnswers,
                                                          std::vector<Diagnostic>& diagnostics) const
{
    auto refuse = [&](ErrorCode code, const std::string& message) {
        Diagnostic d;
        d.code = code;
        d.source = "clearances";
        d.subject = "rule \"" + ruleId + "\"";
        d.message = message;
        diagnostics.push_back(std::move(d));
        return std::nullopt;
    };
    const RulesetRule* rule = findRedFlag(ruleId);
    if (rule == nullptr) {
        return refuse(ErrorCode::ClearanceUnknownRule, "clearance of an unknown rule; expected a red-flag rule id");
    }
    if (rule->tier == Triage::Emergency) {
        return refuse(ErrorCode::ClearanceNotAllowed,
                      "EMERGENCY rules cannot be cleared in the tool; expected a SOON or URGENT rule");
    }
    if (rule->tier != Triage::Soon && rule->tier != Triage::Urgent) {
        return refuse(ErrorCode::ClearanceNotAllowed, "MONITOR rules do not block; expected a SOON or URGENT rule");
    }
    const JsonValue answers = withoutNulls(rawAnswers);
    if (rule->partial.truthPartial(answers) != JsonLogicTruth::True) {
        return refuse(ErrorCode::ClearanceNotAllowed, "the rule did not fire on these answers; expected a fired rule");
    }
    Clearance clearance;
    clearance.ruleId = ruleId;
    clearance.clearedBy = clearedBy;
    clearance.clearedAt = clearedAt;
    clearance.reason = reason;
    clearance.note = note;
    JsonValue::Object snapshot;
    for (const std::string& input : rule->inputs()) {
        snapshot.emplace_back(input, valueOrNull(answers, input));
    }
    clearance.inputs = JsonValue(std::move(snapshot));
    return clearance;
}

} // namespace backscreen::core
