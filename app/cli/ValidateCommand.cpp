#include "ValidateCommand.h"

#include "core/common/DataLocator.h"
#include "core/fhir/FhirDocument.h"
#include "core/fhir/ResponseValidator.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace backscreen::app {

namespace {

using core::Diagnostic;
using core::FhirDocument;

std::string field(const std::string& text)
{
    if (text.empty()) {
        return "-";
    }
    std::string out = text;
    std::replace(out.begin(), out.end(), '\t', ' ');
    std::replace(out.begin(), out.end(), '\n', ' ');
    return out;
}

std::string linkIdOf(const std::string& subject)
{
    const std::string prefix = "item \"";
    if (subject.size() > prefix.size() + 1 && subject.compare(0, prefix.size(), prefix) == 0 && subject.back() == '"') {
        return subject.substr(prefix.size(), subject.size() - prefix.size() - 1);
    }
    return subject;
}

void print(std::ostream& out, const Diagnostic& diagnostic)
{
    out << core::severityName(diagnostic.severity) << '\t' << field(diagnostic.source) << '\t'
        << field(diagnostic.pointer) << '\t' << field(linkIdOf(diagnostic.subject)) << '\t' << field(diagnostic.message)
        << '\n';
}

// Questionnaires a response may name, in the order they are tried.
struct Candidate
{
    const core::Questionnaire* questionnaire;
    std::string source;
};

std::vector<std::unique_ptr<FhirDocument>> loadFormsDirectory()
{
    std::vector<std::unique_ptr<FhirDocument>> documents;
    std::error_code error;
    std::filesystem::path root = core::formsDirectory();
    if (!std::filesystem::is_directory(root, error)) {
        return documents;
    }
    std::vector<std::filesystem::path> files;
    for (auto it = std::filesystem::recursive_directory_iterator(root, error);
         !error && it != std::filesystem::recursive_directory_iterator();
         it.increment(error)) {
        if (it->is_regular_file(error) && it->path().extension() == ".json") {
            files.push_back(it->path());
        }
    }
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
        auto document = std::make_unique<FhirDocument>(FhirDocument::loadFile(path));
        if (!document->questionnaires.empty()) {
            documents.push_back(std::move(document));
        }
    }
    return documents;
}

} // namespace

const char* validateHelp()
{
    return "Usage: backscreen-cli validate [--questionnaire Q.json] FILE...\n"
           "\n"
           "Checks FHIR R4 JSON files: a Questionnaire, a QuestionnaireResponse, or a Bundle of them with\n"
           "their ValueSets (told apart by resourceType). Questionnaires are checked against the R4 rules\n"
           "(unique linkIds, que-1..que-13, enableWhen targets and types, initial values). A response is\n"
           "checked against --questionnaire when given, otherwise against the Questionnaire its\n"
           "`questionnaire` canonical (url|version, or Questionnaire/<id>) names, looked up in the given\n"
           "files and then in the forms directory.\n"
           "\n"
           "Output: one line per problem on standard output, five fields separated by a TAB:\n"
           "  SEVERITY<TAB>FILE<TAB>JSON-POINTER<TAB>LINKID<TAB>MESSAGE\n"
           "SEVERITY is error, warning or information; an empty field is printed as '-'. A summary line goes\n"
           "to standard error.\n"
           "\n"
           "Exit codes: 0 every file is valid (warnings allowed); 1 some file has an error;\n"
           "2 bad usage, an unreadable or non-JSON file, or a response whose Questionnaire was not found.\n";
}

int runValidateCommand(CliContext& context)
{
    std::string questionnairePath;
    std::vector<std::string> files;
    for (std::size_t i = 0; i < context.arguments.size(); ++i) {
        const std::string& argument = context.arguments[i];
        if (argument == "--help" || argument == "-h") {
            context.out << validateHelp();
            return static_cast<int>(ExitCode::Success);
        }
        if (argument == "--questionnaire") {
            if (i + 1 >= context.arguments.size() || !questionnairePath.empty()) {
                context.err << "backscreen-cli validate: --questionnaire needs one file; expected "
                               "--questionnaire Q.json once\n";
                return static_cast<int>(ExitCode::BadInput);
            }
            questionnairePath = context.arguments[++i];
            continue;
        }
        if (argument.size() > 1 && argument.front() == '-') {
            context.err << "backscreen-cli validate: unknown option \"" << argument
                        << "\"; see 'backscreen-cli validate --help'\n";
            return static_cast<int>(ExitCode::BadInput);
        }
        files.push_back(argument);
    }
    if (files.empty()) {
        context.err << "backscreen-cli validate: no FILE given; expected at least one\n" << validateHelp();
        return static_cast<int>(ExitCode::BadInput);
    }

    bool unreadable = false;
    std::vector<Diagnostic> problems;
    auto take = [&](const FhirDocument& document) {
        unreadable = unreadable || !document.readable;
        problems.insert(problems.end(), document.diagnostics.begin(), document.diagnostics.end());
    };

    std::unique_ptr<FhirDocument> explicitDocument;
    if (!questionnairePath.empty()) {
        explicitDocument = std::make_unique<FhirDocument>(FhirDocument::loadFile(questionnairePath));
        take(*explicitDocument);
        if (explicitDocument->readable && explicitDocument->questionnaires.empty()) {
            problems.push_back({ErrorCode::FhirWrongResourceType,
                                core::Severity::Error,
                                questionnairePath,
                                {},
                                {},
                                "--questionnaire file holds no Questionnaire; expected one"});
            unreadable = true;
        }
    }
    std::vector<std::unique_ptr<FhirDocument>> documents;
    for (const std::string& file : files) {
        documents.push_back(std::make_unique<FhirDocument>(FhirDocument::loadFile(file)));
        take(*documents.back());
    }

    std::vector<Candidate> candidates;
    for (const auto& document : documents) {
        for (const auto& questionnaire : document->questionnaires) {
            candidates.push_back({&questionnaire, document->source});
        }
    }
    std::vector<std::unique_ptr<FhirDocument>> forms;
    bool formsLoaded = false;

    bool missingQuestionnaire = false;
    for (const auto& document : documents) {
        for (const auto& response : document->responses) {
            const core::Questionnaire* questionnaire = nullptr;
            if (explicitDocument && !explicitDocument->questionnaires.empty()) {
                questionnaire = &explicitDocument->questionnaires.front();
            }
            auto match = [&](const std::vector<Candidate>& pool) {
                for (const Candidate& candidate : pool) {
                    if (candidate.questionnaire->matchesReference(response.questionnaire)) {
                        return candidate.questionnaire;
                    }
                }
                return static_cast<const core::Questionnaire*>(nullptr);
            };
            if (questionnaire == nullptr && !explicitDocument) {
                questionnaire = match(candidates);
                if (questionnaire == nullptr && !response.questionnaire.empty()) {
                    if (!formsLoaded) {
                        forms = loadFormsDirectory();
                        formsLoaded = true;
                    }
                    std::vector<Candidate> formCandidates;
                    for (const auto& form : forms) {
                        for (const auto& candidate : form->questionnaires) {
                            formCandidates.push_back({&candidate, form->source});
                        }
                    }
                    questionnaire = match(formCandidates);
                }
            }
            if (questionnaire == nullptr) {
                if (explicitDocument) {
                    continue; // the --questionnaire file was already reported as unusable
                }
                missingQuestionnaire = true;
                problems.push_back({ErrorCode::FhirResponseQuestionnaireNotFound,
                                    core::Severity::Error,
                                    document->source,
                                    response.pointer.empty() ? "/questionnaire" : response.pointer + "/questionnaire",
                                    {},
                                    response.questionnaire.empty()
                                        ? "the response names no questionnaire; expected --questionnaire Q.json"
                                        : "no Questionnaire " + response.questionnaire
                                              + " among the given files or in the forms directory; expected "
                                                "--questionnaire Q.json or the file that defines it"});
                continue;
            }
            if (explicitDocument && !response.questionnaire.empty()
                && !questionnaire->matchesReference(response.questionnaire)) {
                problems.push_back({ErrorCode::FhirResponseQuestionnaireNotFound,
                                    core::Severity::Warning,
                                    document->source,
                                    response.pointer + "/questionnaire",
                                    {},
                                    "the response names " + response.questionnaire + " but is checked against "
                                        + questionnaire->canonical() + " from --questionnaire; expected the same"});
            }
            auto found = core::ResponseValidator::validate(*questionnaire, response, document->source);
            problems.insert(problems.end(), found.begin(), found.end());
        }
    }

    std::size_t errors = 0;
    std::size_t warnings = 0;
    for (const Diagnostic& diagnostic : problems) {
        print(context.out, diagnostic);
        errors += diagnostic.severity == core::Severity::Error ? 1 : 0;
        warnings += diagnostic.severity == core::Severity::Warning ? 1 : 0;
    }
    std::size_t fileCount = files.size() + (questionnairePath.empty() ? 0 : 1);
    context.err << "validate: " << errors << (errors == 1 ? " error, " : " errors, ") << warnings
                << (warnings == 1 ? " warning" : " warnings") << " in " << fileCount
                << (fileCount == 1 ? " file\n" : " files\n");
    if (unreadable || missingQuestionnaire) {
        return static_cast<int>(ExitCode::BadInput);
    }
    return errors > 0 ? static_cast<int>(ExitCode::Failed) : static_cast<int>(ExitCode::Success);
}

} // namespace backscreen::app
