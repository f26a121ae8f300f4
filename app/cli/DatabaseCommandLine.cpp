#include "DatabaseCommandLine.h"

#include "core/common/Error.h"
#include "core/json/JsonWriter.h"

#include <cstdlib>
#include <iostream>
#include <termios.h>
#include <unistd.h>

namespace backscreen::app {

namespace {

std::optional<std::string> environment(const char* name)
{
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') {
        return std::nullopt;
    }
    return std::string(value);
}

} // namespace

DatabaseCommandLine::DatabaseCommandLine(CliContext& context,
                                         const std::string& command,
                                         const std::set<std::string>& valueOptions,
                                         const std::set<std::string>& flags)
    : m_context(context)
    , m_command(command)
{
    const auto& arguments = context.arguments;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        if (argument.rfind("--", 0) != 0 || argument == "--") {
            m_positionals.push_back(argument);
            continue;
        }
        std::string name = argument.substr(2);
        std::optional<std::string> value;
        if (auto equals = name.find('='); equals != std::string::npos) {
            value = name.substr(equals + 1);
            name.resize(equals);
        }
        if (name == "password" || name == "new-password") {
            usage("passwords are never taken from the command line; set BACKSCREEN_PASSWORD or type it at the prompt");
        }
        if (flags.count(name) != 0) {
            if (value) {
                usage("option --" + name + " takes no value");
            }
            m_flags.insert(name);
            continue;
        }
        if (name != "db" && name != "format" && valueOptions.count(name) == 0) {
            usage("unknown option \"" + argument + "\"");
        }
        if (!value) {
            if (i + 1 >= arguments.size()) {
                usage("option --" + name + " needs a value");
            }
            value = arguments[++i];
        }
        m_options[name] = *value;
    }
    if (auto format = option("format")) {
        if (*format == "json") {
            m_format = Format::Json;
        } else if (*format != "text") {
            usage("--format \"" + *format + "\" is unknown; expected text or json");
        }
    }
}

void DatabaseCommandLine::usage(const std::string& message) const
{
    throw Error(ErrorCode::CommandLineUsage, "usage: " + message + "; see 'backscreen-cli help'");
}

std::optional<std::string> DatabaseCommandLine::option(const std::string& name) const
{
    auto found = m_options.find(name);
    return found == m_options.end() ? std::nullopt : std::optional<std::string>(found->second);
}

const std::string& DatabaseCommandLine::onlyPositional(const std::string& what) const
{
    if (m_positionals.size() != 1) {
        usage(m_positionals.empty() ? "missing " + what
                                    : "unexpected argument \"" + m_positionals[1] + "\" after " + what);
    }
    return m_positionals.front();
}

db::ClinicService& DatabaseCommandLine::service()
{
    if (!m_service) {
        m_database = db::Database::open(db::DatabaseLocation::resolve(option("db")));
        m_service = std::make_unique<db::ClinicService>(*m_database);
    }
    return *m_service;
}

std::string DatabaseCommandLine::prompt(const std::string& text)
{
    m_context.err << text << std::flush;
    std::string line;
    if (!std::getline(m_context.in, line)) {
        throw Error(ErrorCode::NotLoggedIn, "no input for \"" + text + "\"; set the environment variable instead");
    }
    return line;
}

std::string DatabaseCommandLine::promptSecret(const std::string& text)
{
    const bool terminal = &m_context.in == &std::cin && isatty(STDIN_FILENO) != 0;
    termios saved{};
    if (terminal && tcgetattr(STDIN_FILENO, &saved) == 0) {
        termios silent = saved;
        silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
    std::string secret;
    std::exception_ptr failure;
    try {
        secret = prompt(text);
    } catch (...) {
        failure = std::current_exception();
    }
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        m_context.err << "\n";
    }
    if (failure) {
        std::rethrow_exception(failure);
    }
    return secret;
}

void DatabaseCommandLine::login()
{
    db::ClinicService& clinic = service();
    if (clinic.needsSetup()) {
        throw Error(ErrorCode::SetupRequired,
                    clinic.database().name()
                        + ": the database has no users yet; create the administrator with "
                          "'backscreen-cli init'");
    }
    std::string username = environment("BACKSCREEN_USER").value_or("");
    if (username.empty()) {
        username = prompt("Username: ");
    }
    std::optional<std::string> password = environment("BACKSCREEN_PASSWORD");
    clinic.login(username, password ? *password : promptSecret("Password for " + username + ": "));
}

std::string DatabaseCommandLine::newPassword(const std::string& fallbackVariable)
{
    if (auto fromEnvironment = environment("BACKSCREEN_NEW_PASSWORD")) {
        return *fromEnvironment;
    }
    if (!fallbackVariable.empty()) {
        if (auto fromEnvironment = environment(fallbackVariable.c_str())) {
            return *fromEnvironment;
        }
    }
    std::string first = promptSecret("New password: ");
    std::string second = promptSecret("Repeat the new password: ");
    if (first != second) {
        throw Error(ErrorCode::PasswordTooWeak, "new password: the two entries differ; type the same password twice");
    }
    return first;
}

void DatabaseCommandLine::writeJson(const core::JsonValue& value)
{
    m_context.out << core::JsonWriter::write(value, core::JsonWriter::Style::Pretty) << "\n";
}

core::JsonValue DatabaseCommandLine::clientJson(const db::ClientRecord& client)
{
    return core::JsonValue(core::JsonValue::Object{
        {"id", core::JsonValue(static_cast<long long>(client.id))},
        {"familyName", core::JsonValue(client.familyName)},
        {"givenName", core::JsonValue(client.givenName)},
        {"birthDate", core::JsonValue(client.birthDate)},
        {"contact", core::JsonValue(client.contact)},
        {"notes", core::JsonValue(client.notes)},
        {"archived", core::JsonValue(client.archived)},
        {"version", core::JsonValue(static_cast<long long>(client.version))},
    });
}

} // namespace backscreen::app
