#include "HandoutCommand.h"

#include "app/print/HandoutRenderer.h"
#include "core/common/Error.h"
#include "core/json/JsonReader.h"
#include "core/program/ExerciseCatalogue.h"
#include "core/program/Program.h"
#include "core/program/ProgramBlockedError.h"
#include "core/program/ProgramGenerator.h"
#include "core/program/ProgramRequest.h"
#include "core/program/ProgramRuleset.h"

#include <QCoreApplication>
#include <QDate>
#include <QGuiApplication>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <unistd.h>

namespace backscreen::app {

namespace {

constexpr const char* usage =
    "usage: backscreen-cli handout (--from REQUEST.json | --program PROGRAM.json) --out FILE.pdf "
    "[--page-size a4|letter] [--clinic NAME] [--client NAME] [--therapist NAME] [--date TEXT]";

int badUsage(CliContext& context, const std::string& message)
{
    context.err << "backscreen-cli handout: " << message << "\n" << usage << "\n";
    return static_cast<int>(ExitCode::BadInput);
}

// Painting and SVG rendering need a QGuiApplication; the CLI makes one only for this command, on the
// offscreen platform unless the environment asks for another.
std::unique_ptr<QGuiApplication> ensureGuiApplication()
{
    if (QCoreApplication::instance() != nullptr) {
        return nullptr;
    }
    setenv("QT_QPA_PLATFORM", "offscreen", 0);
    // Without a runtime directory Qt warns on stderr; a private one under the temporary folder keeps the
    // command's output clean when run from scripts and services.
    if (std::getenv("XDG_RUNTIME_DIR") == nullptr) {
        std::filesystem::path runtime =
            std::filesystem::temp_directory_path() / ("backscreen-runtime-" + std::to_string(getuid()));
        std::error_code error;
        std::filesystem::create_directories(runtime, error);
        std::filesystem::permissions(runtime, std::filesystem::perms::owner_all, error);
        if (!error) {
            setenv("XDG_RUNTIME_DIR", runtime.c_str(), 1);
        }
    }
    static int argc = 1;
    static char name[] = "backscreen-cli";
    static char* argv[] = {name, nullptr};
    return std::make_unique<QGuiApplication>(argc, argv);
}

bool printDiagnostics(CliContext& context, const std::vector<core::Diagnostic>& diagnostics)
{
    for (const core::Diagnostic& diagnostic : diagnostics) {
        context.err << diagnostic.toString() << "\n";
    }
    return core::hasErrors(diagnostics);
}

} // namespace

int runHandoutCommand(CliContext& context)
{
    static const std::vector<std::string> valued = {
        "--from", "--program", "--out", "--page-size", "--clinic", "--client", "--therapist", "--date"};
    std::map<std::string, std::string> options;
    for (std::size_t index = 0; index < context.arguments.size(); ++index) {
        const std::string& argument = context.arguments[index];
        if (std::find(valued.begin(), valued.end(), argument) == valued.end()) {
            return badUsage(context, "unknown argument \"" + argument + "\"");
        }
        if (index + 1 >= context.arguments.size()) {
            return badUsage(context, "option " + argument + " needs a value");
        }
        if (!options.emplace(argument, context.arguments[index + 1]).second) {
            return badUsage(context, "option " + argument + " given twice");
        }
        ++index;
    }
    if (options.count("--from") == options.count("--program")) {
        return badUsage(context, "expected exactly one of --from and --program");
    }
    if (options.count("--out") == 0) {
        return badUsage(context, "missing --out FILE.pdf");
    }
    HandoutPageSize pageSize = HandoutPageSize::A4;
    if (auto size = options.find("--page-size"); size != options.end()) {
        if (size->second == "letter") {
            pageSize = HandoutPageSize::Letter;
        } else if (size->second != "a4") {
            return badUsage(context, "unknown page size \"" + size->second + "\"; expected a4 or letter");
        }
    }

    core::ExerciseCatalogueLoadResult catalogue = core::ExerciseCatalogue::loadDefault();
    if (printDiagnostics(context, catalogue.diagnostics)) {
        return static_cast<int>(ExitCode::BadInput);
    }
    auto [ruleset, rulesetDiagnostics] = core::ProgramRuleset::loadDefault(*catalogue.catalogue);
    if (printDiagnostics(context, rulesetDiagnostics)) {
        return static_cast<int>(ExitCode::BadInput);
    }

    const std::string& inputPath = options.count("--from") != 0 ? options["--from"] : options["--program"];
    core::JsonReadResult input = core::JsonReader::parseFile(inputPath);
    if (printDiagnostics(context, input.diagnostics)) {
        return static_cast<int>(ExitCode::BadInput);
    }
    core::Program program;
    if (options.count("--program") != 0) {
        program = core::Program::fromJson(*input.value, inputPath);
    } else {
        core::ProgramRequest request = core::ProgramRequest::fromJson(*input.value, inputPath);
        try {
            program = core::ProgramGenerator(*catalogue.catalogue, *ruleset).generate(request).program;
        } catch (const core::ProgramBlockedError& blocked) {
            context.err << "backscreen-cli handout: " << blocked.what() << "\n";
            return static_cast<int>(ExitCode::Failed);
        }
    }

    auto application = ensureGuiApplication();
    HandoutDetails details;
    details.clinicName = options["--clinic"];
    details.clientName = options["--client"];
    details.therapistName = options["--therapist"];
    details.date =
        options.count("--date") != 0 ? options["--date"] : QDate::currentDate().toString(Qt::ISODate).toStdString();
    HandoutRenderer renderer(*catalogue.catalogue, *ruleset);
    HandoutLayout layout = renderer.writePdf(program, details, pageSize, options["--out"]);
    context.out << options["--out"] << ": " << program.exercises.size() << " exercises on " << layout.pageCount
                << (layout.pageCount == 1 ? " page" : " pages") << "\n";
    return static_cast<int>(ExitCode::Success);
}

} // namespace backscreen::app
