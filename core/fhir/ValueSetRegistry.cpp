#include "ValueSetRegistry.h"

namespace backscreen::core {

void ValueSetRegistry::add(const ValueSet& valueSet, const std::string& alias)
{
    auto shared = std::make_shared<const ValueSet>(valueSet);
    if (!valueSet.url().empty()) {
        m_byUrl.insert_or_assign(valueSet.url(), shared);
    }
    if (!alias.empty()) {
        m_byUrl.insert_or_assign(alias, shared);
    }
}

std::shared_ptr<const ValueSet> ValueSetRegistry::find(std::string_view reference) const
{
    std::string_view url = reference.substr(0, reference.find('|'));
    auto found = m_byUrl.find(url);
    return found != m_byUrl.end() ? found->second : nullptr;
}

} // namespace backscreen::core
