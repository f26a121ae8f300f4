#pragma once

#include "core/fhir/FhirValue.h"
#include "core/json/JsonValue.h"

#include <optional>
#include <string>
#include <vector>

namespace backscreen::core {

/// One code a ValueSet lists, with the SDC ordinalValue extension when present (scores such as PHQ-9).
struct ValueSetConcept
{
    std::string system;
    std::string code;
    std::string display;
    std::optional<double> ordinal;
};

/// The part of an R4 ValueSet an answerValueSet needs: the codes listed in compose.include[].concept and in
/// expansion.contains. An include without concepts (a whole code system, or a filter) cannot be enumerated
/// here: membership in it is decided by system only, or reported as unknown.
class ValueSet
{
public:
    enum class Membership
    {
        Member,
        NotMember,
        /// The ValueSet includes something we cannot enumerate (a whole system, a filter, another ValueSet).
        Unknown,
    };

    /// Reads a ValueSet resource; nullopt when `json` is not an object with resourceType "ValueSet".
    static std::optional<ValueSet> fromJson(const JsonValue& json);

    const std::string& url() const { return m_url; }

    const std::string& id() const { return m_id; }

    const std::vector<ValueSetConcept>& concepts() const { return m_concepts; }

    /// Whether `coding` is in the set: system and code must match, or the code alone when `coding` has no
    /// system (the code-only match documented in docs/fhir.md).
    Membership contains(const FhirValue& coding) const;

    /// The concept `coding` matches, if any.
    const ValueSetConcept* find(const FhirValue& coding) const;

private:
    std::string m_url;
    std::string m_id;
    std::vector<ValueSetConcept> m_concepts;
    /// Systems included whole or by filter; a code from them may or may not be a member.
    std::vector<std::string> m_openSystems;
    bool m_open = false;
};

} // namespace backscreen::core
