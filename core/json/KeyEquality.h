#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace backscreen::core {

/// Equality of two member names, eight bytes at a time and inline: most answer keys are 8-30 bytes, where a
/// call to memcmp costs more than the comparison. The last eight bytes are compared as one overlapping word.
/// Shared by JsonValue's key index and its hinted lookup (JsonValue::findHinted).
[[gnu::always_inline]] inline bool sameKey(std::string_view a, std::string_view b)
{
    const std::size_t size = a.size();
    if (size != b.size()) {
        return false;
    }
    const char* p = a.data();
    const char* q = b.data();
    if (size < 8) {
        for (std::size_t i = 0; i < size; ++i) {
            if (p[i] != q[i]) {
                return false;
            }
        }
        return true;
    }
    std::uint64_t x = 0;
    std::uint64_t y = 0;
    for (std::size_t i = 0; i + 8 < size; i += 8) {
        std::memcpy(&x, p + i, 8);
        std::memcpy(&y, q + i, 8);
        if (x != y) {
            return false;
        }
    }
    std::memcpy(&x, p + size - 8, 8);
    std::memcpy(&y, q + size - 8, 8);
    return x == y;
}

} // namespace backscreen::core
