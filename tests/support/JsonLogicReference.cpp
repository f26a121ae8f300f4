#include "support/JsonLogicReference.h"

#include "support/ProcessRunner.h"

#include "core/json/JsonReader.h"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace backscreen::tests {

namespace {

std::string findNode()
{
    const char* path = std::getenv("PATH");
    std::stringstream directories(path != nullptr ? path : "/usr/bin:/bin");
    std::string directory;
    while (std::getline(directories, directory, ':')) {
        std::filesystem::path candidate = std::filesystem::path(directory) / "node";
        if (std::filesystem::exists(candidate)) {
            return candidate.string();
        }
    }
    return {};
}

} // namespace

JsonLogicReferenceRun runJsonLogicReference(const std::string& casesText, const std::string& label)
{
    JsonLogicReferenceRun run;
    const std::filesystem::path logicJs =
        std::filesystem::path(BACKSCREEN_SOURCE_DIR) / "build/node/node_modules/json-logic-js/logic.js";
    if (!std::filesystem::exists(logicJs)) {
        run.error = logicJs.string() + " is missing; run scripts/prepare-test-tools";
        return run;
    }
    const std::string node = findNode();
    if (node.empty()) {
        run.error = "node is not on PATH; run scripts/install-deps";
        return run;
    }
    const std::filesystem::path casesFile =
        std::filesystem::temp_directory_path() / (label + "-" + std::to_string(::getpid()) + ".json");
    {
        std::ofstream out(casesFile);
        out << casesText;
    }
    const ProcessResult reference = runProcess(
        node, {BACKSCREEN_SOURCE_DIR "/tests/support/json-logic-reference.js", logicJs.string(), casesFile.string()});
    std::filesystem::remove(casesFile);
    if (reference.exitCode != 0) {
        run.error = "node exited with " + std::to_string(reference.exitCode) + ": " + reference.err;
        return run;
    }
    auto parsed = core::JsonReader::parse(reference.out, "node output");
    if (!parsed.ok()) {
        run.error = parsed.diagnostics.front().toString();
        return run;
    }
    run.results = *parsed.value;
    return run;
}

std::string javaScriptTag(const core::JsonLogicValue& value)
{
    using Kind = core::JsonLogicValue::Kind;
    switch (value.kind()) {
    case Kind::Undefined:
        return "undefined";
    case Kind::Null:
        return "null";
    case Kind::Bool:
        return "boolean";
    case Kind::Number:
        if (std::isnan(value.asNumber())) {
            return "nan";
        }
        if (std::isinf(value.asNumber())) {
            return value.asNumber() > 0 ? "infinity" : "-infinity";
        }
        return "number";
    case Kind::String:
        return "string";
    case Kind::Array:
        return "array";
    case Kind::Object:
        return "object";
    }
    return "?";
}

} // namespace backscreen::tests
