#pragma once

#include "core/common/Diagnostic.h"
#include "core/fhir/Questionnaire.h"
#include "core/fhir/QuestionnaireResponse.h"
#include "core/fhir/ValueSetRegistry.h"
#include "core/json/JsonValue.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace backscreen::core {

/// One FHIR JSON file as `backscreen-cli validate` sees it: a Questionnaire, a QuestionnaireResponse, a
/// ValueSet, or a Bundle of them, told apart by resourceType. Questionnaires are parsed and structurally
/// validated (with the Bundle's ValueSets, found by url or fullUrl); responses are parsed only, since
/// checking them needs their Questionnaire (ResponseValidator). Other resources in a Bundle are skipped
/// with a warning; any other top-level resource is a FhirWrongResourceType error.
class FhirDocument
{
public:
    std::string source;
    /// False when the file could not be read or is not JSON (the CLI's exit code 2).
    bool readable = false;
    std::optional<JsonValue> json;
    std::vector<Questionnaire> questionnaires;
    std::vector<QuestionnaireResponse> responses;
    ValueSetRegistry valueSets;
    std::vector<Diagnostic> diagnostics;

    static FhirDocument loadFile(const std::filesystem::path& path);
    static FhirDocument load(const JsonValue& json, const std::string& source);
};

} // namespace backscreen::core
