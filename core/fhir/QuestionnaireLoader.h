#pragma once

#include "core/common/Diagnostic.h"
#include "core/fhir/Questionnaire.h"
#include "core/json/JsonValue.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace backscreen::core {

struct QuestionnaireLoadResult
{
    /// Present only when reading, parsing and structural validation found no error (warnings are allowed),
    /// so what the screening engine and the app evaluate is never half-loaded.
    std::optional<Questionnaire> questionnaire;
    std::vector<Diagnostic> diagnostics;

    bool ok() const { return questionnaire.has_value(); }
};

/// Loads one Questionnaire for use: the file (or a Bundle whose first Questionnaire is used, with the
/// Bundle's ValueSets) is read with JsonReader, parsed and validated; any error leaves the result empty.
class QuestionnaireLoader
{
public:
    static QuestionnaireLoadResult loadFile(const std::filesystem::path& path);
    static QuestionnaireLoadResult load(const JsonValue& json, const std::string& source);

    /// forms/intake/low-back-intake.json under core::formsDirectory().
    static std::filesystem::path intakeFormPath();

    /// loadFile(intakeFormPath()).
    static QuestionnaireLoadResult loadIntakeForm();
};

} // namespace backscreen::core
