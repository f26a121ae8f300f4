#include "JsonLogicMemo.h"

#include <algorithm>

namespace backscreen::core {

JsonLogicMemo::JsonLogicMemo(std::size_t slots, const JsonValue& data)
    : m_data(&data)
    , m_entries(slots)
{}

std::size_t JsonLogicMemo::filled() const
{
    return static_cast<std::size_t>(std::count_if(
        m_entries.begin(), m_entries.end(), [](const Entry& entry) { return entry.state != Entry::State::Empty; }));
}

} // namespace backscreen::core
