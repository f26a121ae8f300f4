#include "Ruleset.h"

#include "core/jsonlogic/JsonLogicCompiler.h"

namespace backscreen::core {

const JsonLogicRule& falseJsonLogicRule()
{
    static const JsonLogicRule rule = JsonLogicCompiler::compile(JsonValue(false));
    return rule;
}

std::vector<std::string> RulesetRule::inputs() const
{
    std::vector<std::string> all = requiredInputs;
    all.insert(all.end(), optionalInputs.begin(), optionalInputs.end());
    return all;
}

const RulesetRule* Ruleset::findRule(std::string_view ruleId) const
{
    for (const RulesetRule& rule : rules) {
        if (rule.id == ruleId) {
            return &rule;
        }
    }
    return nullptr;
}

const RulesetReference* Ruleset::findReference(std::string_view referenceId) const
{
    for (const RulesetReference& reference : references) {
        if (reference.id == referenceId) {
            return &reference;
        }
    }
    return nullptr;
}

const RulesetDerived* Ruleset::findDerived(std::string_view derivedId) const
{
    for (const RulesetDerived& item : derived) {
        if (item.id == derivedId) {
            return &item;
        }
    }
    return nullptr;
}

const RulesetContext* Ruleset::findContext(std::string_view contextId) const
{
    for (const RulesetContext& item : context) {
        if (item.id == contextId) {
            return &item;
        }
    }
    return nullptr;
}

} // namespace backscreen::core
