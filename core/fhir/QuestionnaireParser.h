#pragma once

#include "core/common/Diagnostic.h"
#include "core/fhir/Questionnaire.h"
#include "core/fhir/ValueSetRegistry.h"
#include "core/json/JsonValue.h"

#include <string>
#include <vector>

namespace backscreen::core {

struct QuestionnaireParseResult
{
    /// Everything that could be read, also when there are errors, so a validator can report further
    /// problems; callers that evaluate or score use QuestionnaireLoader, which returns only clean models.
    Questionnaire questionnaire;
    std::vector<Diagnostic> diagnostics;
};

/// Reads an R4 Questionnaire resource (JSON already read by JsonReader, which reports duplicate keys) into
/// the model. Every wrong JSON type, missing required element (linkId, type, status, enableWhen.question,
/// operator and answer[x]) and unknown code is an error naming the item by linkId and JSON pointer. Elements
/// the model does not read are kept in the item's JSON and written back. answerValueSet is resolved against
/// contained ValueSets ("#id") and `valueSets` (the same Bundle's); a local "#id" that is not contained is
/// an error, an external one that cannot be resolved a warning.
class QuestionnaireParser
{
public:
    /// `pointer` is where the resource sits in its document ("" or "/entry/0/resource").
    static QuestionnaireParseResult parse(const JsonValue& resource,
                                          const std::string& source,
                                          const std::string& pointer = {},
                                          const ValueSetRegistry* valueSets = nullptr);
};

} // namespace backscreen::core
