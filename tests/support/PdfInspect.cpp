#include "support/PdfInspect.h"

#include "support/ProcessRunner.h"

#include <gtest/gtest.h>

#include <regex>
#include <utility>

namespace backscreen::tests {

std::string toolOutput(const std::string& command, const std::vector<std::string>& arguments)
{
    ProcessResult result = runProcess(command, arguments);
    EXPECT_EQ(result.exitCode, 0) << command << ": " << result.err;
    return result.out;
}

int pdfPageCount(const std::string& pdf)
{
    std::smatch match;
    const std::string info = toolOutput("/usr/bin/pdfinfo", {pdf});
    EXPECT_TRUE(std::regex_search(info, match, std::regex(R"(Pages:\s+(\d+))"))) << info;
    return match.empty() ? -1 : std::stoi(match[1].str());
}

std::string pdfText(const std::string& pdf)
{
    std::string text = toolOutput("/usr/bin/pdftotext", {pdf, "-"});
    // DejaVu Sans sets "fl" and "fi" as ligatures; pdftotext reports them as one character each.
    for (const auto& [ligature, letters] : {std::pair<std::string, std::string>{"\uFB02", "fl"}, {"\uFB01", "fi"}}) {
        for (std::size_t at = text.find(ligature); at != std::string::npos; at = text.find(ligature, at)) {
            text.replace(at, ligature.size(), letters);
        }
    }
    std::string joined;
    bool space = false;
    for (char c : text) {
        if (c == '\n' || c == ' ' || c == '\f' || c == '\t' || c == '\r') {
            space = true;
            continue;
        }
        // A line that ends in a hyphen was wrapped inside a compound word ("hip-" "flexor").
        if (space && !joined.empty() && joined.back() != '-') {
            joined += ' ';
        }
        space = false;
        joined += c;
    }
    return joined;
}

} // namespace backscreen::tests
