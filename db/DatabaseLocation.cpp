#include "db/DatabaseLocation.h"

#include "core/common/Error.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <map>
#include <vector>

namespace backscreen::db {

namespace {

[[noreturn]] void invalid(const std::string& given, const std::string& what)
{
    throw Error(ErrorCode::DatabaseLocationInvalid,
                "database \"" + given + "\": " + what + "; expected a file path or postgresql://user@host:port/dbname");
}

std::string percentDecode(const std::string& text, const std::string& given)
{
    std::string decoded;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            decoded += text[i];
            continue;
        }
        if (i + 2 >= text.size() || !std::isxdigit(static_cast<unsigned char>(text[i + 1]))
            || !std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
            invalid(given, "bad percent escape in the URL");
        }
        decoded += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
        i += 2;
    }
    return decoded;
}

/// libpq quoting: values in single quotes, with backslash and quote escaped.
std::string quoteParameter(const std::string& value)
{
    std::string quoted = "'";
    for (char c : value) {
        if (c == '\\' || c == '\'') {
            quoted += '\\';
        }
        quoted += c;
    }
    return quoted + "'";
}

bool isIdentifier(const std::string& name)
{
    if (name.empty() || name.size() > 63 || std::isdigit(static_cast<unsigned char>(name.front()))) {
        return false;
    }
    for (char c : name) {
        if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_')) {
            return false;
        }
    }
    return true;
}

} // namespace

DatabaseLocation DatabaseLocation::parse(const std::string& pathOrUrl)
{
    DatabaseLocation location;
    if (pathOrUrl.empty()) {
        invalid(pathOrUrl, "empty");
    }
    std::string rest;
    for (const char* scheme : {"postgresql://", "postgres://"}) {
        if (pathOrUrl.rfind(scheme, 0) == 0) {
            rest = pathOrUrl.substr(std::string(scheme).size());
        }
    }
    if (rest.empty()) {
        if (pathOrUrl.find("://") != std::string::npos) {
            invalid(pathOrUrl, "unknown URL scheme");
        }
        location.m_backend = Backend::Sqlite;
        location.m_sqlitePath = pathOrUrl;
        location.m_displayName = pathOrUrl;
        return location;
    }
    location.m_backend = Backend::PostgreSql;
    std::map<std::string, std::string> parameters;
    std::string query;
    if (auto question = rest.find('?'); question != std::string::npos) {
        query = rest.substr(question + 1);
        rest.resize(question);
    }
    std::string path;
    if (auto slash = rest.find('/'); slash != std::string::npos) {
        path = rest.substr(slash + 1);
        rest.resize(slash);
    }
    std::string authority = rest;
    std::string shownAuthority = authority;
    if (auto at = authority.rfind('@'); at != std::string::npos) {
        std::string userInfo = authority.substr(0, at);
        std::string hostPort = authority.substr(at + 1);
        std::string user = userInfo;
        if (auto colon = userInfo.find(':'); colon != std::string::npos) {
            user = userInfo.substr(0, colon);
            parameters["password"] = percentDecode(userInfo.substr(colon + 1), pathOrUrl);
        }
        if (!user.empty()) {
            parameters["user"] = percentDecode(user, pathOrUrl);
        }
        authority = hostPort;
        shownAuthority = user + "@" + hostPort;
    }
    if (!authority.empty()) {
        std::string host = authority;
        if (auto colon = authority.rfind(':'); colon != std::string::npos && authority.front() != '[') {
            host = authority.substr(0, colon);
            std::string port = authority.substr(colon + 1);
            if (port.empty() || port.find_first_not_of("0123456789") != std::string::npos) {
                invalid(pathOrUrl, "the port is not a number");
            }
            parameters["port"] = port;
        }
        if (!host.empty()) {
            parameters["host"] = percentDecode(host, pathOrUrl);
        }
    }
    if (!path.empty()) {
        parameters["dbname"] = percentDecode(path, pathOrUrl);
    }
    std::size_t start = 0;
    while (start < query.size()) {
        std::size_t end = query.find('&', start);
        std::string pair = query.substr(start, end == std::string::npos ? std::string::npos : end - start);
        start = end == std::string::npos ? query.size() : end + 1;
        if (pair.empty()) {
            continue;
        }
        auto equals = pair.find('=');
        if (equals == std::string::npos) {
            invalid(pathOrUrl, "URL parameter \"" + pair + "\" has no value");
        }
        std::string key = percentDecode(pair.substr(0, equals), pathOrUrl);
        std::string value = percentDecode(pair.substr(equals + 1), pathOrUrl);
        if (key == "schema") {
            if (!isIdentifier(value)) {
                invalid(pathOrUrl, "schema \"" + value + "\" is not a lower-case identifier");
            }
            location.m_postgresSchema = value;
            continue;
        }
        static const std::vector<std::string> allowed = {
            "host", "port", "user", "password", "dbname", "sslmode", "connect_timeout", "application_name"};
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
            invalid(pathOrUrl, "unknown URL parameter \"" + key + "\"");
        }
        parameters[key] = value;
    }
    if (parameters.find("connect_timeout") == parameters.end()) {
        // A server that does not answer must not hang the program.
        parameters["connect_timeout"] = "10";
    }
    for (const auto& [key, value] : parameters) {
        if (!location.m_postgresParameters.empty()) {
            location.m_postgresParameters += ' ';
        }
        location.m_postgresParameters += key + "=" + quoteParameter(value);
    }
    location.m_displayName = "postgresql://" + shownAuthority + "/" + path + (query.empty() ? "" : "?" + query);
    if (auto password = location.m_displayName.find("password="); password != std::string::npos) {
        location.m_displayName = location.m_displayName.substr(0, password) + "password=***";
    }
    return location;
}

DatabaseLocation DatabaseLocation::resolve(const std::optional<std::string>& commandLine)
{
    if (commandLine) {
        return parse(*commandLine);
    }
    if (const char* fromEnvironment = std::getenv("BACKSCREEN_DB"); fromEnvironment && *fromEnvironment) {
        return parse(fromEnvironment);
    }
    const std::filesystem::path config = configFilePath();
    std::ifstream file(config);
    std::string line;
    if (file && std::getline(file, line)) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) {
            line.pop_back();
        }
        if (line.empty()) {
            throw Error(ErrorCode::DatabaseLocationInvalid,
                        config.string() + ": the first line is empty; expected a file path or postgresql:// URL");
        }
        return parse(line);
    }
    return parse(defaultSqlitePath().string());
}

std::filesystem::path DatabaseLocation::configFilePath()
{
    if (const char* configHome = std::getenv("XDG_CONFIG_HOME"); configHome && *configHome == '/') {
        return std::filesystem::path(configHome) / "backscreen" / "database";
    }
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home && *home ? home : ".") / ".config" / "backscreen" / "database";
}

std::filesystem::path DatabaseLocation::defaultSqlitePath()
{
    std::filesystem::path base;
    if (const char* dataHome = std::getenv("XDG_DATA_HOME"); dataHome && *dataHome == '/') {
        base = dataHome;
    } else if (const char* home = std::getenv("HOME"); home && *home) {
        base = std::filesystem::path(home) / ".local" / "share";
    } else {
        base = std::filesystem::current_path();
    }
    return base / "backscreen" / "backscreen.sqlite";
}

} // namespace backscreen::db
