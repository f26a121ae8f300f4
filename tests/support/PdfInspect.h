#pragma once

#include <string>
#include <vector>

namespace backscreen::tests {

/// Runs a tool (pdfinfo, pdftotext, pdftoppm, …) and returns its standard output; a non-zero exit is a test
/// failure (EXPECT, so the caller's own checks still run) that shows the tool's standard error.
std::string toolOutput(const std::string& command, const std::vector<std::string>& arguments);

/// The page count pdfinfo reports for `pdf`, or -1 (after a test failure) when it reports none.
int pdfPageCount(const std::string& pdf);

/// pdftotext's text of `pdf` as one line, so a test can look for whole sentences however the PDF wraps them:
/// every run of white space is one space, a line that ends in a hyphen joins the next without a space
/// ("hip-" "flexor"), and the "fl"/"fi" ligatures DejaVu Sans sets are spelled out.
std::string pdfText(const std::string& pdf);

} // namespace backscreen::tests
