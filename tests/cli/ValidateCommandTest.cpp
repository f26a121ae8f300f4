#include "support/ProcessRunner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

using backscreen::tests::runCli;

namespace {

std::string fixture(const std::string& name)
{
    return (std::filesystem::path(BACKSCREEN_TEST_DATA_DIR) / "core" / "fhir" / name).string();
}

std::string shared(const std::string& relative)
{
    return (std::filesystem::path(BACKSCREEN_SHARED_DIR) / "testdata" / "fhir" / relative).string();
}

std::string forms(const std::string& relative)
{
    return (std::filesystem::path(BACKSCREEN_FORMS_DIR) / relative).string();
}

std::size_t lineCount(const std::string& text)
{
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

} // namespace

TEST(ValidateCommand, IntakeFormAndExamplesAreValid)
{
    auto result = runCli({"validate",
                          forms("intake/low-back-intake.json"),
                          forms("examples/clear-client.json"),
                          forms("examples/cauda-equina.json")});
    EXPECT_EQ(result.exitCode, 0) << result.out << result.err;
    EXPECT_EQ(result.out, "");
    EXPECT_EQ(result.err, "validate: 0 errors, 0 warnings in 3 files\n");
}

TEST(ValidateCommand, ResponseIsMatchedToItsQuestionnaireInTheFormsDirectory)
{
    auto result = runCli({"validate", forms("examples/incomplete-red-flags.json")});
    EXPECT_EQ(result.exitCode, 0) << result.out << result.err;
}

TEST(ValidateCommand, InvalidResponsePrintsOneTabSeparatedLinePerProblem)
{
    std::string response = fixture("out-of-range-response.json");
    auto result = runCli({"validate", "--questionnaire", fixture("every-answer-type.json"), response});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_EQ(result.out,
              "warning\t" + fixture("every-answer-type.json")
                  + "\t/item/0/item/15/type\tscan\tattachment items are not supported; their answers are kept but not "
                    "checked or scored\n"
                    "error\t"
                  + response
                  + "\t/item/0/item/1/answer/0\tage_years\tthe answer 15 is below the minimum; expected at least 16\n"
                    "error\t"
                  + response
                  + "\t/item/0/item/2/answer/0\tweight_kg\tthe answer 250.51 is above the maximum; expected at most "
                    "250.50\n"
                    "error\t"
                  + response
                  + "\t/item/0/item/3/answer/0\tnickname\tthe answer is 6 characters long; expected at most 5\n");
    EXPECT_EQ(result.err, "validate: 3 errors, 1 warning in 2 files\n");
}

TEST(ValidateCommand, ResponseIsMatchedAmongTheGivenFiles)
{
    auto result = runCli({"validate", fixture("every-answer-type.json"), fixture("answer-wrong-type-response.json")});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.out.find("error\t" + fixture("answer-wrong-type-response.json")
                              + "\t/item/0/item/0/answer/0\tflag\tthe boolean item is answered with valueString; "
                                "expected valueBoolean\n"),
              std::string::npos)
        << result.out;
}

TEST(ValidateCommand, InvalidQuestionnaireExitsOne)
{
    auto result = runCli({"validate", fixture("duplicate-link-ids.json")});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_EQ(result.out,
              "error\t" + fixture("duplicate-link-ids.json")
                  + "\t/item/1/item/0/linkId\tq1\tque-2: linkId \"q1\" is already used by the item at /item/0; "
                    "expected each linkId once\n");
}

TEST(ValidateCommand, WrongResourceTypeExitsOne)
{
    auto result = runCli({"validate", fixture("wrong-resource-type.json")});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_EQ(lineCount(result.out), 1u);
    EXPECT_EQ(result.out.rfind("error\t" + fixture("wrong-resource-type.json") + "\t/resourceType\t-\t", 0), 0u);
}

TEST(ValidateCommand, MalformedJsonExitsTwo)
{
    auto result = runCli({"validate", fixture("malformed-json.json"), fixture("every-answer-type.json")});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.out.rfind("error\t" + fixture("malformed-json.json") + "\t/item/0\t-\tunexpected '}'", 0), 0u)
        << result.out;
}

TEST(ValidateCommand, MissingFileExitsTwo)
{
    auto result = runCli({"validate", fixture("no-such-file.json")});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.out,
              "error\t" + fixture("no-such-file.json")
                  + "\t-\t-\tcannot read the file; expected a readable JSON file\n");
}

TEST(ValidateCommand, ResponseWithoutItsQuestionnaireExitsTwo)
{
    auto result = runCli(
        {"validate", shared("fhir-test-cases/qr-enablewhen-me.json")}, {}, {{"BACKSCREEN_FORMS_DIR", fixture("")}});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(
        result.out.find("\t/questionnaire\t-\tno Questionnaire http://hl7.org/fhir/test/Questionnaire/q-enablewhen-me "
                        "among the given files or in the forms directory"),
        std::string::npos)
        << result.out;
}

TEST(ValidateCommand, ConformancePairsReachTheReferenceVerdicts)
{
    auto valid = runCli(
        {"validate", shared("fhir-test-cases/q-enablewhen-me.json"), shared("fhir-test-cases/qr-enablewhen-me.json")});
    EXPECT_EQ(valid.exitCode, 0) << valid.out;
    auto invalid = runCli({"validate",
                           "--questionnaire",
                           shared("fhir-test-cases/choice-answer-option-q.json"),
                           shared("fhir-test-cases/choice-answer-option-qr.json")});
    EXPECT_EQ(invalid.exitCode, 1);
    EXPECT_EQ(lineCount(invalid.out), 1u);
    EXPECT_NE(invalid.out.find("\t/item/0/answer/3\tq1\t"), std::string::npos) << invalid.out;
}

TEST(ValidateCommand, BundleIsUnwrappedAndItsValueSetsResolved)
{
    auto result = runCli({"validate", shared("hl7-r4/questionnaire-profile-example-ussg-fht.json")});
    EXPECT_EQ(result.exitCode, 0) << result.out;
    EXPECT_EQ(result.out, "");
}

TEST(ValidateCommand, WarningsAloneExitZero)
{
    auto result = runCli({"validate", shared("sdc/questionnaire-sdc-test-enablewhen.json")});
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_EQ(lineCount(result.out), 11u);
    EXPECT_EQ(result.err, "validate: 0 errors, 11 warnings in 1 file\n");
}

TEST(ValidateCommand, UsageErrorsExitTwo)
{
    EXPECT_EQ(runCli({"validate"}).exitCode, 2);
    EXPECT_EQ(runCli({"validate", "--questionnaire"}).exitCode, 2);
    auto unknown = runCli({"validate", "--strict", fixture("every-answer-type.json")});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_EQ(unknown.err,
              "backscreen-cli validate: unknown option \"--strict\"; see 'backscreen-cli validate --help'\n");
}

TEST(ValidateCommand, HelpDocumentsFormatAndExitCodes)
{
    auto result = runCli({"validate", "--help"});
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_NE(result.out.find("SEVERITY<TAB>FILE<TAB>JSON-POINTER<TAB>LINKID<TAB>MESSAGE"), std::string::npos);
    EXPECT_NE(result.out.find("Exit codes: 0"), std::string::npos);
    auto help = runCli({"help"});
    EXPECT_NE(help.out.find("validate [--questionnaire Q.json] FILE..."), std::string::npos);
}

TEST(ValidateCommand, ResponseForAnotherQuestionnaireIsAWarning)
{
    auto result = runCli({"validate",
                          "--questionnaire",
                          shared("fhir-test-cases/q-enablewhen-me-wrong.json"),
                          shared("fhir-test-cases/qr-enablewhen-me.json")});
    EXPECT_EQ(result.exitCode, 1); // the questionnaire itself violates que-12
    EXPECT_NE(result.out.find("warning\t" + shared("fhir-test-cases/qr-enablewhen-me.json")
                              + "\t/questionnaire\t-\tthe response names "
                                "http://hl7.org/fhir/test/Questionnaire/q-enablewhen-me but is checked against "
                                "http://hl7.org/fhir/test/Questionnaire/q-enablewhen-me-wrong from --questionnaire"),
              std::string::npos)
        << result.out;
}
