#pragma once

#include "core/json/JsonValue.h"
#include "core/jsonlogic/JsonLogicValue.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace backscreen::core {

/// The values of memoized expressions (JsonLogicCompiler::Options::memoized) for one data object, shared
/// by every rule evaluated with it: a ruleset's derived item, substituted into many rules, is then
/// computed once per screening instead of once per rule. Exact, because a JsonLogic expression is a pure
/// function of its data (`log` writes once instead of once per rule, the only visible difference).
///
/// Bound to one data object: JsonLogicRule ignores the memo when given any other. Values may borrow from
/// the data and from the rules that computed them, so a memo must not outlive either. One memo serves one
/// thread; make one per evaluation run.
class JsonLogicMemo
{
public:
    /// `slots` is the number of memoized expressions the rules were compiled with.
    JsonLogicMemo(std::size_t slots, const JsonValue& data);

    const JsonValue& data() const { return *m_data; }

    /// How many slots hold a truth or a value (for tests).
    std::size_t filled() const;

    // For the evaluator.
    struct Entry
    {
        enum class State : std::uint8_t
        {
            Empty,
            /// Only the truthiness is known (computed where only truth mattered).
            Truth,
            Value,
        };
        State state = State::Empty;
        bool truthy = false;
        JsonLogicValue value;
    };

    /// The slot's entry, or nullptr when `slot` is beyond the memo's size (a rule compiled with a longer list).
    Entry* entry(std::uint32_t slot) { return slot < m_entries.size() ? &m_entries[slot] : nullptr; }

private:
    const JsonValue* m_data;
    std::vector<Entry> m_entries;
};

} // namespace backscreen::core
