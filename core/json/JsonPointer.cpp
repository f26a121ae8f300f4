#include "JsonPointer.h"

namespace backscreen::core {

std::string JsonPointer::appendKey(std::string_view pointer, std::string_view key)
{
    std::string result(pointer);
    result += '/';
    for (char c : key) {
        if (c == '~') {
            result += "~0";
        } else if (c == '/') {
            result += "~1";
        } else {
            result += c;
        }
    }
    return result;
}

std::string JsonPointer::appendIndex(std::string_view pointer, std::size_t index)
{
    std::string result(pointer);
    result += '/';
    result += std::to_string(index);
    return result;
}

} // namespace backscreen::core
