#pragma once

#include <map>
#include <string>
#include <vector>

namespace backscreen::tests {

struct ProcessResult
{
    int exitCode = -1;
    std::string out;
    std::string err;
};

/// Runs a real executable with arguments, feeds `input` to its stdin, and collects stdout, stderr and the
/// exit code. `environment` entries are added to (or override) the inherited environment.
ProcessResult runProcess(const std::string& executable,
                         const std::vector<std::string>& arguments,
                         const std::string& input = {},
                         const std::map<std::string, std::string>& environment = {});

/// Runs backscreen-cli, the one this build produced.
ProcessResult runCli(const std::vector<std::string>& arguments,
                     const std::string& input = {},
                     const std::map<std::string, std::string>& environment = {});

} // namespace backscreen::tests
