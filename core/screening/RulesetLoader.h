#pragma once

#include "core/common/Diagnostic.h"
#include "core/json/JsonValue.h"
#include "core/screening/Ruleset.h"

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace backscreen::core {

class Questionnaire;

struct RulesetLoadResult
{
    /// Present only when the file had no error at all.
    std::optional<Ruleset> ruleset;
    std::vector<Diagnostic> diagnostics;

    bool ok() const { return ruleset.has_value(); }
};

/// Loads a ruleset file (format: forms/rules/README.md, schema forms/schema/ruleset-v1.json) and checks it
/// like a JSON Schema would, plus what a schema cannot say: unknown fields, missing and mistyped fields,
/// duplicate rule and derived ids, linkIds in `var`s, `missing`s, `requires` and `optional` that the intake
/// Questionnaire does not ask (derived and context ids allowed where the format allows them), unknown tiers,
/// kinds, screens and outcomes, reference ids not in `references`, rule ids in screens and `attachedTo`
/// that do not exist, the schema major version (a newer one is refused, naming the one expected), and
/// logic JsonLogicCompiler rejects (each rule compiled with its derived items substituted). Every problem
/// is collected as a Diagnostic (codes 400–413) naming the rule and the JSON pointer in the file.
class RulesetLoader
{
public:
    /// The schemaVersion this engine reads.
    static constexpr int kSchemaVersion = 1;

    static RulesetLoadResult loadFile(const std::filesystem::path& path, const std::set<std::string>& linkIds);
    static RulesetLoadResult
    load(const JsonValue& json, const std::string& source, const std::set<std::string>& linkIds);

    /// The linkIds of every answerable item (not group or display) of the intake form.
    static std::set<std::string> answerableLinkIds(const Questionnaire& intake);

    /// The screen vocabularies of the clinical README ("Pattern screens"); empty for an unknown screen.
    static const std::vector<std::string>& screenVocabulary(const std::string& screen);
};

} // namespace backscreen::core
