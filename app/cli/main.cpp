#include "CommandLine.h"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char* argv[])
{
    std::vector<std::string> arguments(argv + 1, argv + argc);
    return backscreen::app::runCommandLine(arguments, std::cin, std::cout, std::cerr);
}
