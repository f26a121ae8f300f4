#pragma once

#include "core/fhir/ValueSet.h"

#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace backscreen::core {

/// The ValueSets a Questionnaire can point to with answerValueSet: those in the same Bundle (found by their
/// url or by the entry's fullUrl, since Bundles such as the SDC family-history example refer to them by
/// fullUrl) and any others the caller loaded.
class ValueSetRegistry
{
public:
    /// Registers `valueSet` under its url and under `alias` (a Bundle entry's fullUrl) when not empty.
    void add(const ValueSet& valueSet, const std::string& alias = {});

    /// The ValueSet named by a canonical URL, ignoring a "|version" suffix; nullptr when unknown.
    std::shared_ptr<const ValueSet> find(std::string_view reference) const;

    bool empty() const { return m_byUrl.empty(); }

private:
    std::map<std::string, std::shared_ptr<const ValueSet>, std::less<>> m_byUrl;
};

} // namespace backscreen::core
