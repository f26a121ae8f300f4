// Feeds arbitrary bytes to JsonLogic: the input up to the first NUL byte is the rule, the rest the data
// (null when there is no NUL). Parsing, compiling, plain, traced and three-valued evaluation must either
// succeed or throw backscreen::Error; the traced result must equal the plain one and the truth-only
// evaluation the plain result's truthiness.
#include "core/common/Error.h"
#include "core/json/JsonReader.h"
#include "core/json/JsonWriter.h"
#include "core/jsonlogic/JsonLogicCompiler.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace backscreen::core;
    std::string_view input(reinterpret_cast<const char*>(data), size);
    std::size_t split = input.find('\0');
    std::string_view ruleText = input.substr(0, split);
    std::string_view dataText = split == std::string_view::npos ? std::string_view("null") : input.substr(split + 1);
    auto rule = JsonReader::parse(ruleText, "fuzz-rule");
    auto answers = JsonReader::parse(dataText, "fuzz-data");
    if (!rule.ok() || !answers.ok()) {
        return 0;
    }
    try {
        JsonLogicRule compiled = JsonLogicCompiler::compile(*rule.value);
        JsonValue plain;
        bool plainFailed = false;
        try {
            JsonLogicValue value = compiled.evaluate(*answers.value);
            plain = value.toJson();
            if (compiled.isTruthy(*answers.value) != value.truthy()) {
                __builtin_trap();
            }
        } catch (const backscreen::Error&) {
            plainFailed = true;
        }
        JsonLogicTrace trace;
        try {
            JsonValue traced = compiled.evaluate(*answers.value, trace).toJson();
            if (plainFailed || !(traced == plain)) {
                __builtin_trap();
            }
            JsonWriter::write(trace.toJson());
        } catch (const backscreen::Error&) {
            if (!plainFailed) {
                __builtin_trap();
            }
        }
        try {
            JsonLogicPartialResult partial = compiled.evaluatePartial(*answers.value);
            // With nothing unknown, the three-valued result is the plain one.
            if (!plainFailed && partial.unknownInputs.empty() && partial.value && !(*partial.value == plain)) {
                __builtin_trap();
            }
        } catch (const backscreen::Error&) {
        }
    } catch (const backscreen::Error&) {
    }
    return 0;
}
