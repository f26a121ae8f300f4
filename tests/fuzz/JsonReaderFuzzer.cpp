#include "core/json/JsonReader.h"
#include "core/json/JsonWriter.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto result = backscreen::core::JsonReader::parse(text, "fuzz");
    if (result.ok()) {
        // What was read must write and read back to an equal value.
        std::string written = backscreen::core::JsonWriter::write(*result.value);
        auto again = backscreen::core::JsonReader::parse(written, "fuzz-roundtrip");
        if (!again.ok() || !(*again.value == *result.value)) {
            __builtin_trap();
        }
    }
    return 0;
}
