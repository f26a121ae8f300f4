#include "HandoutCommand.h"

#include "ClientPrograms.h"
#include "DatabaseCommandLine.h"
#include "IntakeAnswers.h"

#include "app/gui/LatestScreening.h"
#include "app/print/HandoutRenderer.h"
#include "core/common/Error.h"
#include "core/fhir/QuestionnaireLoader.h"
#include "core/json/JsonReader.h"
#include "core/program/ExerciseCatalogue.h"
#include "core/program/Program.h"
#include "core/program/ProgramBlockedError.h"
#include "core/program/ProgramGenerator.h"
#include "core/program/ProgramRequest.h"
#include "core/program/ProgramRuleset.h"
#include "core/screening/ScreeningEngine.h"

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
    "usage: backscreen-cli handout (--from FILE.json | --program PROGRAM.json | --client ID [--program-version N] "
    "[--db PATH|URL]) --out FILE.pdf [--page-size a4|letter] [--clinic NAME] [--client-name NAME] "
    "[--therapist NAME] [--date TEXT]";

/// The keys of a program request (ProgramRequest::fromJson): an object with only these is a request, any
/// other object is a flat answers object.
const std::vector<std::string>& requestKeys = core::ProgramRequest::jsonKeys();

bool isProgramRequest(const core::JsonValue& document)
{
    if (!document.isObject() || document.asObject().empty() || document.find("resourceType") != nullptr) {
        return false;
    }
    return std::all_of(document.asObject().begin(), document.asObject().end(), [](const auto& member) {
        return std::find(requestKeys.begin(), requestKeys.end(), member.first) != requestKeys.end();
    });
}

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

/// Screens an intake document (a QuestionnaireResponse or flat answers) as `screen` does; nullopt after
/// printing why it cannot be screened.
std::optional<core::ScreeningResult>
screenIntake(CliContext& context, const core::JsonValue& document, const std::string& source)
{
    core::ScreeningEngineLoadResult engine = core::ScreeningEngine::loadDefault();
    if (!engine.ok()) {
        printDiagnostics(context, engine.diagnostics);
        return std::nullopt;
    }
    core::QuestionnaireLoadResult intake = core::QuestionnaireLoader::loadIntakeForm();
    if (!intake.ok()) {
        printDiagnostics(context, intake.diagnostics);
        context.err << "backscreen-cli handout: cannot load the intake form\n";
        return std::nullopt;
    }
    IntakeAnswers answers = intakeAnswersOf(document, source, *intake.questionnaire);
    if (!answers.refusal.empty()) {
        context.err << "backscreen-cli handout: invalid input: " << answers.refusal << "\n";
        return std::nullopt;
    }
    if (!answers.ok()) {
        for (const core::Diagnostic& diagnostic : answers.diagnostics) {
            if (diagnostic.severity == core::Severity::Error) {
                context.err << "backscreen-cli handout: invalid input: " << diagnostic.toString() << "\n";
            }
        }
        return std::nullopt;
    }
    return engine.engine->screen(*answers.answers);
}

} // namespace

int runHandoutCommand(CliContext& context)
{
    static const std::vector<std::string> valued = {"--from",
                                                    "--program",
                                                    "--client",
                                                    "--program-version",
                                                    "--db",
                                                    "--out",
                                                    "--page-size",
                                                    "--clinic",
                                                    "--client-name",
                                                    "--therapist",
                                                    "--date"};
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
    const bool stored = options.count("--client") != 0;
    if (options.count("--from") + options.count("--program") + options.count("--client") != 1) {
        return badUsage(context, "expected exactly one of --from, --program and --client");
    }
    for (const char* option : {"--program-version", "--db"}) {
        if (!stored && options.count(option) != 0) {
            return badUsage(context, std::string(option) + " goes with --client ID");
        }
    }
    for (const char* option : {"--client-name", "--therapist"}) {
        if (stored && options.count(option) != 0) {
            return badUsage(context,
                            std::string(option)
                                + " does not go with --client: the name comes from the database and the therapist is "
                                  "the logged-in user");
        }
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

    HandoutDetails details;
    details.clinicName = options["--clinic"];
    details.clientName = options["--client-name"];
    details.therapistName = options["--therapist"];
    core::Program program;
    if (stored) {
        // The storage commands' options and login (credentials from the environment or a prompt).
        CliContext databaseContext{{}, context.in, context.out, context.err};
        if (options.count("--db") != 0) {
            databaseContext.arguments = {"--db", options["--db"]};
        }
        DatabaseCommandLine command(databaseContext, "handout", {}, {});
        const std::string& clientText = options["--client"];
        if (clientText.empty() || clientText.size() > 18
            || clientText.find_first_not_of("0123456789") != std::string::npos) {
            return badUsage(context, "--client \"" + clientText + "\" is not a client id");
        }
        std::optional<std::int64_t> version;
        if (options.count("--program-version") != 0) {
            const std::string& text = options["--program-version"];
            if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) {
                return badUsage(context, "--program-version \"" + text + "\" is not a version number");
            }
            version = std::stoll(text);
        }
        command.login();
        const db::RecordId clientId = std::stoll(clientText);
        // One audited read of the history serves the check, the program and the client's name.
        const db::ClientHistory history = command.service().clientHistory(clientId);
        // A later screening may have found a red flag or been left unfinished: the stored program stays
        // unprinted until it is cleared or finished (exercises.md G1).
        try {
            LatestScreening::requireHandoutAllowed(history);
        } catch (const Error& error) {
            if (error.code() != ErrorCode::HandoutBlocked) {
                throw;
            }
            context.err << "backscreen-cli handout: " << error.what() << "\n";
            return static_cast<int>(ExitCode::Failed);
        }
        program = ClientPrograms::programOf(ClientPrograms::version(history, version));
        details.clientName = history.client.givenName + " " + history.client.familyName;
        const db::UserRecord& user = *command.service().currentUser();
        details.therapistName = user.displayName.empty() ? user.username : user.displayName;
    } else {
        const std::string& inputPath = options.count("--from") != 0 ? options["--from"] : options["--program"];
        core::JsonReadResult input = core::JsonReader::parseFile(inputPath);
        if (printDiagnostics(context, input.diagnostics)) {
            return static_cast<int>(ExitCode::BadInput);
        }
        if (options.count("--program") != 0) {
            program = core::Program::fromJson(*input.value, inputPath);
        } else {
            core::ProgramRequest request;
            if (isProgramRequest(*input.value)) {
                request = core::ProgramRequest::fromJson(*input.value, inputPath);
            } else {
                std::optional<core::ScreeningResult> screened = screenIntake(context, *input.value, inputPath);
                if (!screened) {
                    return static_cast<int>(ExitCode::BadInput);
                }
                request = core::ProgramRequest::fromScreening(*screened);
            }
            try {
                program = core::ProgramGenerator(*catalogue.catalogue, *ruleset).generate(request).program;
            } catch (const core::ProgramBlockedError& blocked) {
                context.err << "backscreen-cli handout: " << blocked.what() << "\n";
                return static_cast<int>(ExitCode::Failed);
            }
        }
    }

    auto application = ensureGuiApplication();
    details.date =
        options.count("--date") != 0 ? options["--date"] : QDate::currentDate().toString(Qt::ISODate).toStdString();
    HandoutRenderer renderer(*catalogue.catalogue, *ruleset);
    HandoutLayout layout = renderer.writePdf(program, details, pageSize, options["--out"]);
    context.out << options["--out"] << ": " << program.exercises.size() << " exercises on " << layout.pageCount
                << (layout.pageCount == 1 ? " page" : " pages") << "\n";
    return static_cast<int>(ExitCode::Success);
}

} // namespace backscreen::app
