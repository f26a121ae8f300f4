#include "support/ProcessRunner.h"

#include <Poco/TemporaryFile.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using backscreen::tests::runCli;
using backscreen::tests::runProcess;

namespace {

std::string data(const std::string& name)
{
    return std::string(BACKSCREEN_TEST_DATA_DIR) + "/cli/" + name;
}

} // namespace

TEST(HandoutCommand, RendersAProgramRequestToAPdf)
{
    Poco::TemporaryFile pdf;
    auto result = runCli({"handout",
                          "--from",
                          data("request-lower-crossed.json"),
                          "--out",
                          pdf.path(),
                          "--clinic",
                          "Riverside Physiotherapy",
                          "--client",
                          "Alex Example",
                          "--date",
                          "2026-11-24"});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out, pdf.path() + ": 6 exercises on 4 pages\n");
    EXPECT_EQ(result.err, "");
    auto info = runProcess("/usr/bin/pdfinfo", {pdf.path()});
    EXPECT_EQ(info.exitCode, 0);
    EXPECT_NE(info.out.find("Pages:           4"), std::string::npos) << info.out;
    auto text = runProcess("/usr/bin/pdftotext", {pdf.path(), "-"});
    EXPECT_NE(text.out.find("Alex Example"), std::string::npos);
    EXPECT_NE(text.out.find("Glute bridge"), std::string::npos);
}

TEST(HandoutCommand, RendersASavedProgramOnLetterPaper)
{
    Poco::TemporaryFile program;
    {
        std::ofstream out(program.path());
        out << R"({"formatVersion": 1, "version": 4, "rulesetId": "program", "rulesetVersion": "1.0",
                  "catalogueVersion": "1.1", "notes": [], "precautions": [], "furtherAssessment": [],
                  "exercises": [{"exerciseId": "EX-CO-02", "note": "Slow and steady", "nerveFriendly": false,
                                 "reasons": [{"ruleId": "therapist", "finding": "progression of EX-CO-01"}],
                                 "dosage": {"mode": "reps", "sets": 3, "repetitions": 6, "timesPerDay": 1,
                                            "daysPerWeek": [3, 7], "perSide": true}}]})";
    }
    Poco::TemporaryFile pdf;
    auto result = runCli({"handout", "--program", program.path(), "--out", pdf.path(), "--page-size", "letter"});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    auto info = runProcess("/usr/bin/pdfinfo", {pdf.path()});
    EXPECT_NE(info.out.find("612 x 792 pts (letter)"), std::string::npos) << info.out;
    auto text = runProcess("/usr/bin/pdftotext", {pdf.path(), "-"});
    EXPECT_NE(text.out.find("Version 4"), std::string::npos);
    EXPECT_NE(text.out.find("Slow and steady"), std::string::npos);
}

TEST(HandoutCommand, BlockedScreeningIsRefusedWithTheReason)
{
    Poco::TemporaryFile pdf;
    auto result = runCli({"handout", "--from", data("request-blocked-soon.json"), "--out", pdf.path()});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_EQ(result.err,
              "backscreen-cli handout: no home program: triage is SOON (RF-AXS-01); NICE NG65 criteria for axial "
              "spondyloarthritis: refer to rheumatology; expected medical clearance to be documented first "
              "(exercises.md G1)\n");
    EXPECT_FALSE(std::filesystem::exists(pdf.path()));
}

TEST(HandoutCommand, UsageErrorsExitTwo)
{
    auto missingOut = runCli({"handout", "--from", data("request-radicular.json")});
    EXPECT_EQ(missingOut.exitCode, 2);
    EXPECT_EQ(missingOut.err.rfind("backscreen-cli handout: missing --out FILE.pdf\n", 0), 0u);
    auto both = runCli({"handout", "--from", "a.json", "--program", "b.json", "--out", "x.pdf"});
    EXPECT_EQ(both.exitCode, 2);
    EXPECT_EQ(both.err.rfind("backscreen-cli handout: expected exactly one of --from and --program\n", 0), 0u);
    auto size = runCli({"handout", "--from", "a.json", "--out", "x.pdf", "--page-size", "a5"});
    EXPECT_EQ(size.exitCode, 2);
    EXPECT_EQ(size.err.rfind("backscreen-cli handout: unknown page size \"a5\"; expected a4 or letter\n", 0), 0u);
}

TEST(HandoutCommand, MalformedRequestNamesFileAndPointer)
{
    Poco::TemporaryFile request;
    {
        std::ofstream out(request.path());
        out << R"({"lcs": "MAYBE"})";
    }
    auto result = runCli({"handout", "--from", request.path(), "--out", "x.pdf"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err,
              "backscreen-cli handout: " + request.path()
                  + ": program request at /lcs: expected one of LIKELY, POSSIBLE, UNLIKELY, INCOMPLETE, NOT_ASSESSED, "
                    "SUPPRESSED\n");
}

TEST(HandoutCommand, UnwritableOutputExitsTwo)
{
    auto result = runCli({"handout", "--from", data("request-radicular.json"), "--out", "/nonexistent-dir/x.pdf"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err.rfind("backscreen-cli handout: /nonexistent-dir/x.pdf: cannot write the handout", 0), 0u)
        << result.err;
}
