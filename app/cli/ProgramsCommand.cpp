#include "ProgramsCommand.h"

#include "ClientPrograms.h"
#include "DatabaseCommandLine.h"

#include "core/common/Error.h"
#include "core/json/JsonReader.h"
#include "core/program/Dosage.h"
#include "core/program/ProgramBlockedError.h"
#include "core/program/ProgramGenerator.h"

#include <ostream>

namespace backscreen::app {

namespace {

constexpr const char* subcommands = "expected generate, list, show or edit";

[[noreturn]] void usage(const std::string& message)
{
    throw Error(ErrorCode::CommandLineUsage, "usage: " + message + "; see 'backscreen-cli help'");
}

std::int64_t number(const std::string& text, const std::string& what)
{
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos
        || std::stoll(text) == 0) {
        usage(what + " \"" + text + "\" is not a positive whole number");
    }
    return std::stoll(text);
}

db::RecordId clientOption(const DatabaseCommandLine& command)
{
    auto client = command.option("client");
    if (!client) {
        usage("missing --client ID");
    }
    return number(*client, "--client");
}

std::optional<std::int64_t> optionalNumber(const DatabaseCommandLine& command, const std::string& name)
{
    auto text = command.option(name);
    return text ? std::optional<std::int64_t>(number(*text, "--" + name)) : std::nullopt;
}

void noPositionals(const DatabaseCommandLine& command)
{
    if (!command.positionals().empty()) {
        usage("unexpected argument \"" + command.positionals().front() + "\"");
    }
}

core::JsonValue versionJson(const db::HomeProgramVersionRecord& record, const core::Program& program)
{
    return core::JsonValue(core::JsonValue::Object{
        {"programId", core::JsonValue(static_cast<long long>(record.programId))},
        {"clientId", core::JsonValue(static_cast<long long>(record.clientId))},
        {"version", core::JsonValue(static_cast<long long>(record.version))},
        {"visitId", record.visitId ? core::JsonValue(static_cast<long long>(*record.visitId)) : core::JsonValue()},
        {"createdAt", core::JsonValue(record.createdAt)},
        {"createdBy", core::JsonValue(static_cast<long long>(record.createdBy))},
        {"exercises", core::JsonValue(static_cast<long long>(program.exercises.size()))},
    });
}

std::string versionLine(const db::HomeProgramVersionRecord& record, const core::Program& program)
{
    return "program " + std::to_string(record.programId) + " version " + std::to_string(record.version) + "\t"
           + record.createdAt + "\tby user " + std::to_string(record.createdBy) + "\t"
           + (record.visitId ? "visit " + std::to_string(*record.visitId) : std::string("no visit")) + "\t"
           + std::to_string(program.exercises.size()) + (program.exercises.size() == 1 ? " exercise" : " exercises");
}

void writeProgramText(std::ostream& out,
                      const db::HomeProgramVersionRecord& record,
                      const core::Program& program,
                      const core::ExerciseCatalogue& catalogue)
{
    out << "home program " << record.programId << " version " << record.version << " for client " << record.clientId
        << "\n"
        << "saved " << record.createdAt << " by user " << record.createdBy
        << (record.visitId ? " at visit " + std::to_string(*record.visitId) : std::string()) << "\n"
        << "from " << program.rulesetId << " " << program.rulesetVersion << ", catalogue " << program.catalogueVersion
        << "\n";
    for (std::size_t index = 0; index < program.exercises.size(); ++index) {
        const core::ProgramExercise& exercise = program.exercises[index];
        const core::Exercise* known = catalogue.find(exercise.exerciseId);
        out << index + 1 << ". " << exercise.exerciseId << "  " << (known != nullptr ? known->name : "?")
            << (exercise.nerveFriendly ? " (nerve-friendly)" : "") << "\n"
            << "   " << core::dosageInWords(exercise.dosage) << "\n";
        if (!exercise.note.empty()) {
            out << "   note: " << exercise.note << "\n";
        }
        for (const core::ProgramReason& reason : exercise.reasons) {
            out << "   why: " << reason.ruleId << " " << reason.finding << "\n";
        }
    }
    auto list = [&out](const char* title, const std::vector<std::string>& lines) {
        if (lines.empty()) {
            return;
        }
        out << title << ":\n";
        for (const std::string& line : lines) {
            out << "  - " << line << "\n";
        }
    };
    list("notes", program.notes);
    list("precautions", program.precautions);
    list("further assessment", program.furtherAssessment);
}

/// "EX-ID:REST" split at the first colon; `what` names the option in the usage error.
std::pair<std::string, std::string> splitEdit(const std::string& value, const std::string& what)
{
    const std::size_t colon = value.find(':');
    if (colon == std::string::npos || colon == 0) {
        usage(what + " \"" + value + "\" needs the form EXERCISE-ID:" + (what == "--move" ? "POSITION" : "VALUE"));
    }
    return {value.substr(0, colon), value.substr(colon + 1)};
}

/// A dosage value as typed: "none" clears the field, "N" a number, "N-M" a range, true/false a flag,
/// anything else a word (hold, reps, while_symptomatic …).
std::optional<core::JsonValue> dosageValue(const std::string& text)
{
    if (text == "none") {
        return std::nullopt;
    }
    if (text == "true" || text == "false") {
        return core::JsonValue(text == "true");
    }
    const std::size_t dash = text.find('-');
    auto digits = [](const std::string& part) {
        return !part.empty() && part.size() < 7 && part.find_first_not_of("0123456789") == std::string::npos;
    };
    if (digits(text)) {
        return core::JsonValue(std::stoll(text));
    }
    if (dash != std::string::npos && digits(text.substr(0, dash)) && digits(text.substr(dash + 1))) {
        return core::JsonValue(core::JsonValue::Array{core::JsonValue(std::stoll(text.substr(0, dash))),
                                                      core::JsonValue(std::stoll(text.substr(dash + 1)))});
    }
    return core::JsonValue(text);
}

void setDosage(core::Program& program, const std::string& value)
{
    auto [exerciseId, assignment] = splitEdit(value, "--set-dosage");
    const std::size_t equals = assignment.find('=');
    if (equals == std::string::npos || equals == 0) {
        usage("--set-dosage \"" + value + "\" needs the form EXERCISE-ID:FIELD=VALUE");
    }
    const std::string key = assignment.substr(0, equals);
    const std::size_t index = program.indexOf(exerciseId);
    if (index >= program.exercises.size()) {
        throw Error(ErrorCode::ProgramEditRejected, "program: exercise \"" + exerciseId + "\" is not in the program");
    }
    core::JsonValue::Object fields = core::dosageToJson(program.exercises[index].dosage).asObject();
    std::optional<core::JsonValue> newValue = dosageValue(assignment.substr(equals + 1));
    auto existing = std::find_if(fields.begin(), fields.end(), [&](const auto& field) { return field.first == key; });
    if (existing != fields.end()) {
        if (newValue) {
            existing->second = *newValue;
        } else {
            fields.erase(existing);
        }
    } else if (newValue) {
        fields.emplace_back(key, *newValue);
    }
    program.setDosage(
        exerciseId,
        core::dosageFromJson(core::JsonValue(std::move(fields)), "/exercises/" + std::to_string(index) + "/dosage"));
}

int generate(CliContext& context, CliContext& rest)
{
    DatabaseCommandLine command(rest, "programs generate", {"client", "visit"}, {});
    noPositionals(command);
    const db::RecordId clientId = clientOption(command);
    const std::optional<db::RecordId> visitId = optionalNumber(command, "visit");
    ProgramForms forms = ProgramForms::loadDefault();
    command.login();
    ClientPrograms programs(command.service(), forms.catalogue, forms.ruleset);
    db::HomeProgramVersionRecord saved;
    try {
        saved = programs.generate(clientId, visitId);
    } catch (const core::ProgramBlockedError& blocked) {
        context.err << "backscreen-cli programs generate: client " << clientId << ": " << blocked.what() << "\n";
        return static_cast<int>(ExitCode::Failed);
    }
    core::Program program = ClientPrograms::programOf(saved);
    if (command.format() == DatabaseCommandLine::Format::Json) {
        command.writeJson(versionJson(saved, program));
    } else {
        context.out << "generated home program " << saved.programId << " version " << saved.version << " for client "
                    << clientId << ": " << program.exercises.size() << " exercises"
                    << (saved.visitId ? " (visit " + std::to_string(*saved.visitId) + ")" : std::string()) << "\n";
    }
    return static_cast<int>(ExitCode::Success);
}

int list(CliContext& context, CliContext& rest)
{
    DatabaseCommandLine command(rest, "programs list", {"client"}, {});
    noPositionals(command);
    const db::RecordId clientId = clientOption(command);
    ProgramForms forms = ProgramForms::loadDefault();
    command.login();
    ClientPrograms programs(command.service(), forms.catalogue, forms.ruleset);
    core::JsonValue::Array json;
    for (const db::HomeProgramVersionRecord& record : programs.versions(clientId)) {
        core::Program program = ClientPrograms::programOf(record);
        if (command.format() == DatabaseCommandLine::Format::Json) {
            json.push_back(versionJson(record, program));
        } else {
            context.out << versionLine(record, program) << "\n";
        }
    }
    if (command.format() == DatabaseCommandLine::Format::Json) {
        command.writeJson(core::JsonValue(std::move(json)));
    }
    return static_cast<int>(ExitCode::Success);
}

int show(CliContext& context, CliContext& rest)
{
    DatabaseCommandLine command(rest, "programs show", {"client", "version"}, {});
    noPositionals(command);
    const db::RecordId clientId = clientOption(command);
    const std::optional<std::int64_t> version = optionalNumber(command, "version");
    ProgramForms forms = ProgramForms::loadDefault();
    command.login();
    ClientPrograms programs(command.service(), forms.catalogue, forms.ruleset);
    db::HomeProgramVersionRecord record = programs.version(clientId, version);
    core::Program program = ClientPrograms::programOf(record);
    if (command.format() == DatabaseCommandLine::Format::Json) {
        command.writeJson(program.toJson());
    } else {
        writeProgramText(context.out, record, program, forms.catalogue);
    }
    return static_cast<int>(ExitCode::Success);
}

int edit(CliContext& context, CliContext& rest)
{
    // Edits repeat and apply in order, so they are taken out before the shared option parser sees the rest.
    static const std::vector<std::string> editOptions = {"--set-dosage", "--note", "--remove", "--add", "--move"};
    std::vector<std::pair<std::string, std::string>> edits;
    std::vector<std::string> others;
    for (std::size_t index = 0; index < rest.arguments.size(); ++index) {
        const std::string& argument = rest.arguments[index];
        if (std::find(editOptions.begin(), editOptions.end(), argument) == editOptions.end()) {
            others.push_back(argument);
            continue;
        }
        if (index + 1 >= rest.arguments.size()) {
            usage("option " + argument + " needs a value");
        }
        edits.emplace_back(argument, rest.arguments[++index]);
    }
    CliContext remaining{others, rest.in, rest.out, rest.err};
    DatabaseCommandLine command(remaining, "programs edit", {"client", "expected-version"}, {});
    noPositionals(command);
    const db::RecordId clientId = clientOption(command);
    const std::optional<std::int64_t> expected = optionalNumber(command, "expected-version");
    if (!expected) {
        usage("missing --expected-version N (the version the edits were made to)");
    }
    if (edits.empty()) {
        usage("no edits; expected at least one of --set-dosage, --note, --remove, --add, --move");
    }
    ProgramForms forms = ProgramForms::loadDefault();
    command.login();
    ClientPrograms programs(command.service(), forms.catalogue, forms.ruleset);
    db::HomeProgramVersionRecord edited = programs.version(clientId, expected);
    core::Program program = ClientPrograms::programOf(edited);
    std::optional<core::ProgramRequest> request;
    for (const auto& [option, value] : edits) {
        if (option == "--set-dosage") {
            setDosage(program, value);
        } else if (option == "--note") {
            auto [exerciseId, text] = splitEdit(value, option);
            program.setNote(exerciseId, text);
        } else if (option == "--remove") {
            program.removeExercise(value);
        } else if (option == "--add") {
            if (!request) {
                request = programs.requestFor(edited);
            }
            program.addExercise(core::ProgramGenerator(forms.catalogue, forms.ruleset).exerciseFor(*request, value));
        } else {
            auto [exerciseId, position] = splitEdit(value, option);
            const std::int64_t to = number(position, "--move position");
            if (static_cast<std::size_t>(to) > program.exercises.size()) {
                throw Error(ErrorCode::ProgramEditRejected,
                            "program: position " + position + " is out of range; expected 1 to "
                                + std::to_string(program.exercises.size()));
            }
            program.moveExercise(exerciseId, static_cast<std::size_t>(to - 1));
        }
    }
    db::HomeProgramVersionRecord saved;
    try {
        saved = programs.saveEdit(clientId, *expected, program);
    } catch (const Error& error) {
        if (error.code() != ErrorCode::RecordStale) {
            throw;
        }
        context.err << "backscreen-cli programs edit: " << error.what() << "\n";
        return static_cast<int>(ExitCode::Failed);
    }
    if (command.format() == DatabaseCommandLine::Format::Json) {
        command.writeJson(versionJson(saved, ClientPrograms::programOf(saved)));
    } else {
        context.out << "saved home program " << saved.programId << " version " << saved.version << " for client "
                    << clientId << " (" << edits.size() << (edits.size() == 1 ? " edit" : " edits") << " to version "
                    << *expected << ")\n";
    }
    return static_cast<int>(ExitCode::Success);
}

} // namespace

int runProgramsCommand(CliContext& context)
{
    if (context.arguments.empty()) {
        context.err << "backscreen-cli programs: missing subcommand; " << subcommands << "\n";
        return static_cast<int>(ExitCode::BadInput);
    }
    const std::string subcommand = context.arguments.front();
    CliContext rest{{context.arguments.begin() + 1, context.arguments.end()}, context.in, context.out, context.err};
    if (subcommand == "generate") {
        return generate(context, rest);
    }
    if (subcommand == "list") {
        return list(context, rest);
    }
    if (subcommand == "show") {
        return show(context, rest);
    }
    if (subcommand == "edit") {
        return edit(context, rest);
    }
    context.err << "backscreen-cli programs: unknown subcommand \"" << subcommand << "\"; " << subcommands << "\n";
    return static_cast<int>(ExitCode::BadInput);
}

} // namespace backscreen::app
