#pragma once

#include "core/common/Diagnostic.h"
#include "core/fhir/FhirValue.h"
#include "core/json/JsonValue.h"

#include <optional>
#include <string>
#include <vector>

namespace backscreen::core {

struct ResponseAnswer;

/// QuestionnaireResponse.item. `json` is the element as read (empty for items built in code); writing
/// starts from it, so unknown elements and extensions are written back.
struct ResponseItem
{
    std::string linkId;
    std::string text;
    std::vector<ResponseAnswer> answers;
    /// Items directly under this item: right for groups, wrong for questions (their children go under answer).
    std::vector<ResponseItem> items;
    std::string pointer;
    JsonValue json;

    JsonValue toJson() const;
};

/// QuestionnaireResponse.item.answer.
struct ResponseAnswer
{
    /// Absent when the answer has no value[x] or it was malformed (reported by the parser).
    std::optional<FhirValue> value;
    /// The declared value[x] kind, also for malformed values.
    std::optional<FhirValueKind> kind;
    std::vector<ResponseItem> items;
    std::string pointer;
    JsonValue json;

    JsonValue toJson() const;
};

struct QuestionnaireResponseParseResult;

/// An R4 QuestionnaireResponse.
class QuestionnaireResponse
{
public:
    std::string id;
    /// The questionnaire canonical as written, e.g. "http://example.org/Questionnaire/intake|1.0.0".
    std::string questionnaire;
    std::string status;
    std::string authored;
    std::vector<ResponseItem> items;
    JsonValue json;
    std::string pointer;

    /// Reads a QuestionnaireResponse resource. Wrong JSON types, a missing linkId or status, an unknown status,
    /// a malformed authored dateTime or answer value are errors naming linkId and JSON pointer; elements not
    /// modelled are kept in `json` and written back. Items and answers are read even when some fail.
    static QuestionnaireResponseParseResult
    parse(const JsonValue& resource, const std::string& source, const std::string& pointer = {});

    /// Writes the response: the kept JSON with resourceType, questionnaire, status, authored and the items
    /// replaced by the model's, so a response edited or built in code writes what it holds.
    JsonValue toJson() const;
};

struct QuestionnaireResponseParseResult
{
    QuestionnaireResponse response;
    std::vector<Diagnostic> diagnostics;
};

} // namespace backscreen::core
