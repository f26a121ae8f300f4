#pragma once

#include <string>
#include <string_view>

namespace backscreen::core {

/// RFC 6901 JSON pointers, built segment by segment as loaders walk a document.
class JsonPointer
{
public:
    /// Appends an object key, escaping "~" and "/" as the RFC requires.
    static std::string appendKey(std::string_view pointer, std::string_view key);
    static std::string appendIndex(std::string_view pointer, std::size_t index);
};

} // namespace backscreen::core
