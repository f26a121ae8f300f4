#include "ValueSet.h"

#include <algorithm>

namespace backscreen::core {

namespace {

std::string stringOf(const JsonValue& object, std::string_view key)
{
    const JsonValue* member = object.find(key);
    return member != nullptr && member->isString() ? member->asString() : std::string();
}

std::optional<double> ordinalOf(const JsonValue& entry)
{
    const JsonValue* extensions = entry.find("extension");
    if (extensions == nullptr || !extensions->isArray()) {
        return std::nullopt;
    }
    for (const JsonValue& extension : extensions->asArray()) {
        std::string url = stringOf(extension, "url");
        if (url == "http://hl7.org/fhir/StructureDefinition/ordinalValue"
            || url == "http://hl7.org/fhir/StructureDefinition/itemWeight") {
            const JsonValue* value = extension.find("valueDecimal");
            if (value != nullptr && value->isNumber()) {
                return value->asNumber();
            }
        }
    }
    return std::nullopt;
}

void addContains(const JsonValue& contains, std::vector<ValueSetConcept>& concepts, std::size_t depth)
{
    if (!contains.isArray() || depth > 64) {
        return;
    }
    for (const JsonValue& entry : contains.asArray()) {
        std::string code = stringOf(entry, "code");
        if (!code.empty()) {
            concepts.push_back({stringOf(entry, "system"), code, stringOf(entry, "display"), ordinalOf(entry)});
        }
        if (const JsonValue* nested = entry.find("contains"); nested != nullptr) {
            addContains(*nested, concepts, depth + 1);
        }
    }
}

} // namespace

std::optional<ValueSet> ValueSet::fromJson(const JsonValue& json)
{
    if (!json.isObject() || stringOf(json, "resourceType") != "ValueSet") {
        return std::nullopt;
    }
    ValueSet valueSet;
    valueSet.m_url = stringOf(json, "url");
    valueSet.m_id = stringOf(json, "id");
    const JsonValue* compose = json.find("compose");
    const JsonValue* includes = compose != nullptr ? compose->find("include") : nullptr;
    if (includes != nullptr && includes->isArray()) {
        for (const JsonValue& include : includes->asArray()) {
            std::string system = stringOf(include, "system");
            const JsonValue* concepts = include.find("concept");
            bool listed = concepts != nullptr && concepts->isArray() && include.find("filter") == nullptr;
            if (!listed) {
                valueSet.m_open = true;
                if (!system.empty()) {
                    valueSet.m_openSystems.push_back(system);
                }
                continue;
            }
            for (const JsonValue& entry : concepts->asArray()) {
                std::string code = stringOf(entry, "code");
                if (!code.empty()) {
                    valueSet.m_concepts.push_back({system, code, stringOf(entry, "display"), ordinalOf(entry)});
                }
            }
        }
    }
    const JsonValue* expansion = json.find("expansion");
    if (expansion != nullptr) {
        if (const JsonValue* contains = expansion->find("contains"); contains != nullptr) {
            addContains(*contains, valueSet.m_concepts, 0);
        }
    }
    return valueSet;
}

const ValueSetConcept* ValueSet::find(const FhirValue& coding) const
{
    if (coding.kind() != FhirValueKind::Coding) {
        return nullptr;
    }
    auto match = std::find_if(m_concepts.begin(), m_concepts.end(), [&](const ValueSetConcept& entry) {
        return entry.code == coding.text()
               && (coding.system().empty() || entry.system.empty() || entry.system == coding.system());
    });
    return match != m_concepts.end() ? &*match : nullptr;
}

ValueSet::Membership ValueSet::contains(const FhirValue& coding) const
{
    if (find(coding) != nullptr) {
        return Membership::Member;
    }
    if (m_open) {
        bool knownSystem =
            std::find(m_openSystems.begin(), m_openSystems.end(), coding.system()) != m_openSystems.end();
        // A whole included system may hold the code; an unrelated system cannot, unless the include was a filter
        // or another ValueSet we cannot see into.
        if (knownSystem || coding.system().empty() || m_openSystems.empty()) {
            return Membership::Unknown;
        }
    }
    return Membership::NotMember;
}

} // namespace backscreen::core
