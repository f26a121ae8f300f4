#include "LogicCommand.h"

#include "core/common/Error.h"
#include "core/json/JsonReader.h"
#include "core/json/JsonWriter.h"
#include "core/jsonlogic/JsonLogicCompiler.h"

#include <filesystem>
#include <istream>
#include <iterator>
#include <ostream>
#include <string>
#include <vector>

namespace backscreen::app {

namespace {

using core::JsonReader;
using core::JsonValue;
using core::JsonWriter;

// A file when one exists at that path, standard input for "-", otherwise the argument's own text.
JsonValue readArgument(const std::string& argument, const std::string& role, std::istream& in)
{
    core::JsonReadResult read;
    if (argument == "-") {
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        read = JsonReader::parse(text, "<stdin>");
    } else if (std::error_code error; std::filesystem::is_regular_file(argument, error)) {
        read = JsonReader::parseFile(argument);
    } else {
        read = JsonReader::parse(argument, "<" + role + " argument>");
    }
    if (!read.ok()) {
        throw Error(read.diagnostics.front().code, read.diagnostics.front().toString());
    }
    return *read.value;
}

const char* truthName(core::JsonLogicTruth truth)
{
    switch (truth) {
    case core::JsonLogicTruth::True:
        return "true";
    case core::JsonLogicTruth::False:
        return "false";
    case core::JsonLogicTruth::Unknown:
        break;
    }
    return "unknown";
}

} // namespace

int runLogicCommand(CliContext& context)
{
    std::vector<std::string> positional;
    bool trace = false;
    bool partial = false;
    for (const std::string& argument : context.arguments) {
        if (argument == "--trace") {
            trace = true;
        } else if (argument == "--partial") {
            partial = true;
        } else if (argument.size() > 2 && argument.rfind("--", 0) == 0) {
            context.err << "backscreen-cli logic: unknown option \"" << argument
                        << "\"; expected --trace or --partial\n";
            return static_cast<int>(ExitCode::BadInput);
        } else {
            positional.push_back(argument);
        }
    }
    if (positional.size() != 2) {
        context.err << "backscreen-cli logic: expected RULE and DATA (a file, - for standard input, or inline JSON)"
                       "; usage: backscreen-cli logic RULE DATA [--trace] [--partial]\n";
        return static_cast<int>(ExitCode::BadInput);
    }
    if (positional[0] == "-" && positional[1] == "-") {
        context.err << "backscreen-cli logic: RULE and DATA cannot both be standard input; expected at most one -\n";
        return static_cast<int>(ExitCode::BadInput);
    }
    JsonValue rule = readArgument(positional[0], "rule", context.in);
    JsonValue data = readArgument(positional[1], "data", context.in);
    core::JsonLogicCompiler::Options options;
    options.log = &context.err;
    core::JsonLogicRule compiled = core::JsonLogicCompiler::compile(rule, options);
    if (partial) {
        core::JsonLogicPartialResult result = compiled.evaluatePartial(data);
        JsonValue::Array unknown;
        for (const std::string& path : result.unknownInputs) {
            unknown.emplace_back(path);
        }
        JsonValue::Object out{{"truth", JsonValue(truthName(result.truth))}};
        if (result.value) {
            out.emplace_back("value", *result.value);
        }
        out.emplace_back("unknownInputs", JsonValue(std::move(unknown)));
        context.out << JsonWriter::write(JsonValue(std::move(out)), JsonWriter::Style::Pretty) << "\n";
        return static_cast<int>(ExitCode::Success);
    }
    if (trace) {
        core::JsonLogicTrace recorded;
        JsonValue result = compiled.evaluate(data, recorded).toJson();
        JsonValue traceJson = recorded.toJson();
        JsonValue::Object out{{"result", result}};
        out.emplace_back("reads", *traceJson.find("reads"));
        context.out << JsonWriter::write(JsonValue(std::move(out)), JsonWriter::Style::Pretty) << "\n";
        return static_cast<int>(ExitCode::Success);
    }
    context.out << JsonWriter::write(compiled.evaluateToJson(data)) << "\n";
    return static_cast<int>(ExitCode::Success);
}

} // namespace backscreen::app
