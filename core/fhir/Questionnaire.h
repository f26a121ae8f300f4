#pragma once

#include "core/fhir/FhirValue.h"
#include "core/fhir/ValueSet.h"
#include "core/json/JsonValue.h"

#include <cstddef>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace backscreen::core {

/// Questionnaire.item.type (R4). Attachment is read but not supported: reported as a warning.
enum class ItemType
{
    Group,
    Display,
    Boolean,
    Decimal,
    Integer,
    Date,
    DateTime,
    Time,
    String,
    Text,
    Url,
    Choice,
    OpenChoice,
    Attachment,
    Reference,
    Quantity,
    /// A type code R4 does not define; reported as an error by the parser.
    Unknown,
};

/// The R4 code ("open-choice") of `type`.
const char* itemTypeName(ItemType type);
std::optional<ItemType> itemTypeFromName(std::string_view code);

/// True for items that take answers (everything but group and display).
bool isAnswerable(ItemType type);

/// The answer kinds a response may give to an item of `type` (a choice takes Coding; open-choice Coding or
/// String; decimal takes Decimal only, integer Integer only: R4 types are strict).
std::vector<FhirValueKind> answerKindsFor(ItemType type);

enum class EnableWhenOperator
{
    Exists,
    Equal,
    NotEqual,
    Greater,
    Less,
    GreaterOrEqual,
    LessOrEqual,
};

const char* enableWhenOperatorName(EnableWhenOperator op);

enum class EnableBehavior
{
    /// Not given: R4 que-12 requires it when there is more than one enableWhen; evaluated as "all".
    Unspecified,
    All,
    Any,
};

/// Questionnaire.item.enableWhen.
struct EnableWhenCondition
{
    std::string question;
    EnableWhenOperator op = EnableWhenOperator::Exists;
    /// The answer[x] to compare with; absent when it was missing or malformed (the parser reported it).
    std::optional<FhirValue> answer;
    /// The declared answer[x] kind, even when its value was malformed (for type-mismatch checks).
    std::optional<FhirValueKind> answerKind;
    std::string pointer;
    /// Index in Questionnaire::items() of the item `question` names; npos when there is none.
    std::size_t target = std::numeric_limits<std::size_t>::max();
};

/// Questionnaire.item.answerOption.
struct AnswerOption
{
    FhirValue value;
    bool initialSelected = false;
    std::string pointer;
};

/// One item of a Questionnaire. Items are stored flat, in document (pre-)order; `parent` and `children`
/// index Questionnaire::items(). The original JSON is kept, so unknown elements and extensions survive.
struct QuestionnaireItem
{
    static constexpr std::size_t npos = std::numeric_limits<std::size_t>::max();

    std::string linkId;
    std::string text;
    std::string prefix;
    ItemType type = ItemType::Unknown;
    std::string typeCode;
    bool required = false;
    bool repeats = false;
    bool readOnly = false;
    std::optional<long long> maxLength;
    std::vector<AnswerOption> answerOptions;
    std::string answerValueSet;
    /// The ValueSet answerValueSet resolved to (contained "#id", same Bundle, or registry); nullptr otherwise.
    std::shared_ptr<const ValueSet> valueSet;
    std::vector<FhirValue> initial;
    /// The declared kinds of initial[x] (one per initial), also for malformed values.
    std::vector<FhirValueKind> initialKinds;
    std::vector<EnableWhenCondition> enableWhen;
    EnableBehavior enableBehavior = EnableBehavior::Unspecified;
    /// SDC minValue / maxValue extensions (http://hl7.org/fhir/StructureDefinition/minValue, maxValue).
    std::optional<FhirValue> minValue;
    std::optional<FhirValue> maxValue;
    /// SDC entryFormat (a placeholder text) and questionnaire-itemControl (its Coding code, e.g. "radio-button").
    std::string entryFormat;
    std::string itemControl;
    /// questionnaire-unit (a Coding), for decimal, integer and quantity items.
    std::optional<FhirValue> unit;
    /// Whether the item has a calculatedExpression (SDC): its stored answer is derived, not entered.
    bool calculated = false;

    std::string pointer;
    JsonValue json;
    std::size_t parent = npos;
    std::vector<std::size_t> children;
    std::size_t depth = 0;

    /// `item "linkId"`, the subject diagnostics name.
    std::string subject() const;
};

/// An R4 Questionnaire as read by QuestionnaireParser. Lookups by linkId are constant time; when a linkId
/// occurs twice (an error) the first item has it.
class Questionnaire
{
public:
    std::string id;
    std::string url;
    std::string version;
    std::string name;
    std::string title;
    std::string status;
    /// The resource as read, with every member (also unknown ones) in document order.
    JsonValue json;
    /// Where the resource sits in its file: "" on its own, "/entry/0/resource" in a Bundle.
    std::string pointer;
    /// Contained ValueSets, by id (without "#").
    std::unordered_map<std::string, std::shared_ptr<const ValueSet>> containedValueSets;

    const std::vector<QuestionnaireItem>& items() const { return m_items; }

    std::vector<QuestionnaireItem>& items() { return m_items; }

    /// Indices of the top-level items.
    const std::vector<std::size_t>& roots() const { return m_roots; }

    /// The item with `linkId`, or nullptr.
    const QuestionnaireItem* find(std::string_view linkId) const;
    /// Its index in items(), or npos.
    std::size_t indexOf(std::string_view linkId) const;

    /// "url|version", or the url alone when there is no version.
    std::string canonical() const;

    /// Whether a QuestionnaireResponse.questionnaire value names this Questionnaire: its url (with or without
    /// a matching "|version"), or a relative reference "Questionnaire/<id>".
    bool matchesReference(std::string_view reference) const;

    /// Writes the Questionnaire back as JSON: each item from its own kept JSON, with its nested items written
    /// from the model, so parse → write → parse gives an equal value.
    JsonValue toJson() const;

    /// Builds the flat item list; used by QuestionnaireParser.
    std::size_t addItem(QuestionnaireItem item);

    void addRoot(std::size_t index) { m_roots.push_back(index); }

    void indexLinkIds();

private:
    JsonValue itemToJson(std::size_t index) const;

    std::vector<QuestionnaireItem> m_items;
    std::vector<std::size_t> m_roots;
    std::unordered_map<std::string, std::size_t> m_byLinkId;
};

} // namespace backscreen::core
