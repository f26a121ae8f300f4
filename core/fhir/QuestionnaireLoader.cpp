#include "QuestionnaireLoader.h"

#include "core/common/DataLocator.h"
#include "core/fhir/FhirDocument.h"
#include "core/json/JsonReader.h"

#include <utility>

namespace backscreen::core {

QuestionnaireLoadResult QuestionnaireLoader::loadFile(const std::filesystem::path& path)
{
    JsonReadResult read = JsonReader::parseFile(path);
    if (!read.ok()) {
        return {std::nullopt, std::move(read.diagnostics)};
    }
    return load(*read.value, path.string());
}

QuestionnaireLoadResult QuestionnaireLoader::load(const JsonValue& json, const std::string& source)
{
    FhirDocument document = FhirDocument::load(json, source);
    QuestionnaireLoadResult result;
    result.diagnostics = std::move(document.diagnostics);
    if (document.questionnaires.empty()) {
        if (!hasErrors(result.diagnostics)) {
            result.diagnostics.push_back({ErrorCode::FhirWrongResourceType,
                                          Severity::Error,
                                          source,
                                          {},
                                          {},
                                          "the document holds no Questionnaire; expected one"});
        }
        return result;
    }
    if (!hasErrors(result.diagnostics)) {
        result.questionnaire = std::move(document.questionnaires.front());
    }
    return result;
}

std::filesystem::path QuestionnaireLoader::intakeFormPath()
{
    return formsDirectory() / "intake" / "low-back-intake.json";
}

QuestionnaireLoadResult QuestionnaireLoader::loadIntakeForm()
{
    return loadFile(intakeFormPath());
}

} // namespace backscreen::core
