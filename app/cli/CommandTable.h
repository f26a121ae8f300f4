#pragma once

#include "CliContext.h"

#include <functional>
#include <string>
#include <vector>

namespace backscreen::app {

struct CliCommand
{
    std::string name;
    std::string usage;
    std::string summary;
    std::function<int(CliContext&)> run;
};

/// Every command `backscreen-cli` knows, in the order `help` lists them.
const std::vector<CliCommand>& commandTable();

} // namespace backscreen::app
