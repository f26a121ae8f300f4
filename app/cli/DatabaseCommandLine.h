#pragma once

#include "CliContext.h"

#include "core/json/JsonValue.h"
#include "db/ClinicService.h"
#include "db/Database.h"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace backscreen::app {

/// What the storage commands (init, users, clients, backup, restore) share: their options (--db PATH|URL,
/// --format text|json and the command's own), opening the database, and credentials, which come from the
/// environment (BACKSCREEN_USER, BACKSCREEN_PASSWORD, BACKSCREEN_NEW_PASSWORD) or a prompt on the
/// terminal without echo, never from the command line.
class DatabaseCommandLine
{
public:
    enum class Format
    {
        Text,
        Json,
    };

    /// Parses `context.arguments` against the options this command takes (`valueOptions` take a value,
    /// `flags` do not; --db and --format are always allowed). Usage errors throw backscreen::Error.
    DatabaseCommandLine(CliContext& context,
                        const std::string& command,
                        const std::set<std::string>& valueOptions,
                        const std::set<std::string>& flags);

    const std::vector<std::string>& positionals() const { return m_positionals; }

    std::optional<std::string> option(const std::string& name) const;

    bool flag(const std::string& name) const { return m_flags.count(name) != 0; }

    Format format() const { return m_format; }

    /// The one positional argument the command expects (`what` names it in the usage error).
    const std::string& onlyPositional(const std::string& what) const;

    /// Opens (and migrates) the database named by --db, BACKSCREEN_DB or the default file.
    db::ClinicService& service();

    /// Logs in with BACKSCREEN_USER / BACKSCREEN_PASSWORD or prompts.
    void login();

    /// A new password: BACKSCREEN_NEW_PASSWORD (or `fallbackVariable` when given) or typed twice.
    std::string newPassword(const std::string& fallbackVariable = {});

    /// A line typed at a prompt (written to stderr).
    std::string prompt(const std::string& text);

    /// A secret typed at a prompt without echo when stdin is a terminal.
    std::string promptSecret(const std::string& text);

    /// Writes `value` as pretty JSON followed by a newline.
    void writeJson(const core::JsonValue& value);

    static core::JsonValue clientJson(const db::ClientRecord& client);

private:
    [[noreturn]] void usage(const std::string& message) const;

    CliContext& m_context;
    std::string m_command;
    std::vector<std::string> m_positionals;
    std::map<std::string, std::string> m_options;
    std::set<std::string> m_flags;
    Format m_format = Format::Text;
    std::unique_ptr<db::Database> m_database;
    std::unique_ptr<db::ClinicService> m_service;
};

} // namespace backscreen::app
