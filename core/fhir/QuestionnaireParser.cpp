#include "QuestionnaireParser.h"

#include "core/json/JsonPointer.h"

#include <algorithm>
#include <array>
#include <utility>

namespace backscreen::core {

namespace {

constexpr const char* minValueUrl = "http://hl7.org/fhir/StructureDefinition/minValue";
constexpr const char* maxValueUrl = "http://hl7.org/fhir/StructureDefinition/maxValue";
constexpr const char* entryFormatUrl = "http://hl7.org/fhir/StructureDefinition/entryFormat";
constexpr const char* itemControlUrl = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";
constexpr const char* unitUrl = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit";
constexpr const char* calculatedUrl =
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression";

// Deeper item nesting than this is refused, so hostile input cannot exhaust the stack.
constexpr std::size_t maxItemDepth = 100;

class Parser
{
public:
    Parser(const std::string& source, const ValueSetRegistry* valueSets)
        : m_source(source)
        , m_valueSets(valueSets)
    {}

    QuestionnaireParseResult run(const JsonValue& resource, const std::string& pointer)
    {
        QuestionnaireParseResult result;
        Questionnaire& questionnaire = result.questionnaire;
        questionnaire.json = resource;
        questionnaire.pointer = pointer;
        FhirDiagnosticContext context{m_diagnostics, m_source, {}};
        if (!resource.isObject()) {
            context.add(ErrorCode::FhirWrongResourceType,
                        Severity::Error,
                        pointer,
                        std::string("the document is a JSON ") + jsonTypeName(resource)
                            + "; expected a Questionnaire resource object");
            result.diagnostics = std::move(m_diagnostics);
            return result;
        }
        const JsonValue* type = resource.find("resourceType");
        if (type == nullptr || !type->isString() || type->asString() != "Questionnaire") {
            std::string found = type == nullptr    ? std::string("no resourceType")
                                : type->isString() ? "resourceType \"" + type->asString() + "\""
                                                   : std::string("a resourceType that is not a string");
            context.add(ErrorCode::FhirWrongResourceType,
                        Severity::Error,
                        JsonPointer::appendKey(pointer, "resourceType"),
                        "the resource has " + found + "; expected \"Questionnaire\"");
            result.diagnostics = std::move(m_diagnostics);
            return result;
        }
        questionnaire.id = readString(resource, "id", pointer, context);
        questionnaire.url = readString(resource, "url", pointer, context);
        questionnaire.version = readString(resource, "version", pointer, context);
        questionnaire.name = readString(resource, "name", pointer, context);
        questionnaire.title = readString(resource, "title", pointer, context);
        questionnaire.status = readString(resource, "status", pointer, context);
        if (resource.find("status") == nullptr) {
            context.add(ErrorCode::FhirMissingElement,
                        Severity::Error,
                        pointer,
                        "the Questionnaire has no status; expected draft, active, retired or unknown");
        } else if (!questionnaire.status.empty() && questionnaire.status != "draft" && questionnaire.status != "active"
                   && questionnaire.status != "retired" && questionnaire.status != "unknown") {
            context.add(ErrorCode::FhirInvalidValue,
                        Severity::Error,
                        JsonPointer::appendKey(pointer, "status"),
                        "unknown status \"" + questionnaire.status + "\"; expected draft, active, retired or unknown");
        }
        readContained(resource, pointer, questionnaire);
        if (const JsonValue* items = resource.find("item"); items != nullptr) {
            std::string itemsPointer = JsonPointer::appendKey(pointer, "item");
            if (!items->isArray()) {
                context.add(ErrorCode::FhirElementType,
                            Severity::Error,
                            itemsPointer,
                            std::string("item is a ") + jsonTypeName(*items) + "; expected an array of items");
            } else {
                for (std::size_t i = 0; i < items->size(); ++i) {
                    std::size_t index = readItem(items->asArray()[i],
                                                 JsonPointer::appendIndex(itemsPointer, i),
                                                 QuestionnaireItem::npos,
                                                 0,
                                                 questionnaire);
                    if (index != QuestionnaireItem::npos) {
                        questionnaire.addRoot(index);
                    }
                }
            }
        }
        questionnaire.indexLinkIds();
        resolveReferences(questionnaire);
        result.diagnostics = std::move(m_diagnostics);
        return result;
    }

private:
    std::string readString(const JsonValue& object,
                           std::string_view key,
                           const std::string& pointer,
                           const FhirDiagnosticContext& context)
    {
        const JsonValue* member = object.find(key);
        if (member == nullptr) {
            return {};
        }
        if (!member->isString()) {
            context.add(ErrorCode::FhirElementType,
                        Severity::Error,
                        JsonPointer::appendKey(pointer, key),
                        std::string(key) + " is a " + jsonTypeName(*member) + "; expected a string");
            return {};
        }
        return member->asString();
    }

    bool readBool(const JsonValue& object,
                  std::string_view key,
                  const std::string& pointer,
                  const FhirDiagnosticContext& context)
    {
        const JsonValue* member = object.find(key);
        if (member == nullptr) {
            return false;
        }
        if (!member->isBool()) {
            std::string shown = member->isString() ? " \"" + member->asString() + "\"" : std::string();
            context.add(ErrorCode::FhirElementType,
                        Severity::Error,
                        JsonPointer::appendKey(pointer, key),
                        std::string(key) + " is the " + jsonTypeName(*member) + shown + "; expected true or false");
            return false;
        }
        return member->asBool();
    }

    // An array member; a wrong type is reported and gives nullptr.
    const JsonValue* readArray(const JsonValue& object,
                               std::string_view key,
                               const std::string& pointer,
                               const FhirDiagnosticContext& context)
    {
        const JsonValue* member = object.find(key);
        if (member == nullptr) {
            return nullptr;
        }
        if (!member->isArray()) {
            context.add(ErrorCode::FhirElementType,
                        Severity::Error,
                        JsonPointer::appendKey(pointer, key),
                        std::string(key) + " is a " + jsonTypeName(*member) + "; expected an array");
            return nullptr;
        }
        return member;
    }

    void readContained(const JsonValue& resource, const std::string& pointer, Questionnaire& questionnaire)
    {
        FhirDiagnosticContext context{m_diagnostics, m_source, {}};
        const JsonValue* contained = readArray(resource, "contained", pointer, context);
        if (contained == nullptr) {
            return;
        }
        for (const JsonValue& entry : contained->asArray()) {
            if (auto valueSet = ValueSet::fromJson(entry); valueSet && !valueSet->id().empty()) {
                questionnaire.containedValueSets.emplace(valueSet->id(), std::make_shared<const ValueSet>(*valueSet));
            }
        }
    }

    std::size_t readItem(const JsonValue& json,
                         const std::string& pointer,
                         std::size_t parent,
                         std::size_t depth,
                         Questionnaire& questionnaire)
    {
        FhirDiagnosticContext context{m_diagnostics, m_source, {}};
        if (!json.isObject()) {
            context.add(ErrorCode::FhirElementType,
                        Severity::Error,
                        pointer,
                        std::string("an item is a ") + jsonTypeName(json) + "; expected an object");
            return QuestionnaireItem::npos;
        }
        if (depth >= maxItemDepth) {
            context.add(ErrorCode::FhirElementType,
                        Severity::Error,
                        pointer,
                        "items nested deeper than " + std::to_string(maxItemDepth) + " levels; expected fewer");
            return QuestionnaireItem::npos;
        }
        QuestionnaireItem item;
        item.json = json;
        item.pointer = pointer;
        item.parent = parent;
        item.depth = depth;
        item.linkId = readString(json, "linkId", pointer, context);
        context.subject = item.linkId.empty() ? std::string() : item.subject();
        if (json.find("linkId") == nullptr) {
            context.add(
                ErrorCode::FhirMissingElement, Severity::Error, pointer, "the item has no linkId; expected one");
        }
        item.text = readString(json, "text", pointer, context);
        item.prefix = readString(json, "prefix", pointer, context);
        item.typeCode = readString(json, "type", pointer, context);
        if (json.find("type") == nullptr) {
            context.add(ErrorCode::FhirMissingElement, Severity::Error, pointer, "the item has no type; expected one");
        } else if (auto type = itemTypeFromName(item.typeCode)) {
            item.type = *type;
            if (item.type == ItemType::Attachment) {
                context.add(ErrorCode::FhirUnsupportedItemType,
                            Severity::Warning,
                            JsonPointer::appendKey(pointer, "type"),
                            "attachment items are not supported; their answers are kept but not checked or scored");
            }
        } else if (json.find("type")->isString()) {
            context.add(ErrorCode::FhirUnknownItemType,
                        Severity::Error,
                        JsonPointer::appendKey(pointer, "type"),
                        "unknown item type \"" + item.typeCode
                            + "\"; expected an R4 item type such as group, "
                              "boolean, choice or string");
        }
        item.required = readBool(json, "required", pointer, context);
        item.repeats = readBool(json, "repeats", pointer, context);
        item.readOnly = readBool(json, "readOnly", pointer, context);
        if (const JsonValue* maxLength = json.find("maxLength"); maxLength != nullptr) {
            auto value = FhirValue::fromJson(
                FhirValueKind::Integer, *maxLength, JsonPointer::appendKey(pointer, "maxLength"), context);
            if (value) {
                item.maxLength = static_cast<long long>(value->number());
            }
        }
        item.answerValueSet = readString(json, "answerValueSet", pointer, context);
        readOptions(json, pointer, context, item);
        readInitial(json, pointer, context, item);
        readEnableWhen(json, pointer, context, item);
        std::string behavior = readString(json, "enableBehavior", pointer, context);
        if (behavior == "all") {
            item.enableBehavior = EnableBehavior::All;
        } else if (behavior == "any") {
            item.enableBehavior = EnableBehavior::Any;
        } else if (!behavior.empty()) {
            context.add(ErrorCode::FhirInvalidValue,
                        Severity::Error,
                        JsonPointer::appendKey(pointer, "enableBehavior"),
                        "unknown enableBehavior \"" + behavior + "\"; expected all or any");
        }
        readExtensions(json, pointer, context, item);

        std::size_t index = questionnaire.addItem(std::move(item));
        std::vector<std::size_t> children;
        if (const JsonValue* childItems = readArray(json, "item", pointer, context); childItems != nullptr) {
            std::string itemsPointer = JsonPointer::appendKey(pointer, "item");
            for (std::size_t i = 0; i < childItems->size(); ++i) {
                std::size_t child = readItem(childItems->asArray()[i],
                                             JsonPointer::appendIndex(itemsPointer, i),
                                             index,
                                             depth + 1,
                                             questionnaire);
                if (child != QuestionnaireItem::npos) {
                    children.push_back(child);
                }
            }
        }
        questionnaire.items()[index].children = std::move(children);
        return index;
    }

    void readOptions(const JsonValue& json,
                     const std::string& pointer,
                     const FhirDiagnosticContext& context,
                     QuestionnaireItem& item)
    {
        const JsonValue* options = readArray(json, "answerOption", pointer, context);
        if (options == nullptr) {
            return;
        }
        std::string optionsPointer = JsonPointer::appendKey(pointer, "answerOption");
        for (std::size_t i = 0; i < options->size(); ++i) {
            const JsonValue& option = options->asArray()[i];
            std::string optionPointer = JsonPointer::appendIndex(optionsPointer, i);
            if (!option.isObject()) {
                context.add(ErrorCode::FhirElementType,
                            Severity::Error,
                            optionPointer,
                            std::string("an answerOption is a ") + jsonTypeName(option) + "; expected an object");
                continue;
            }
            auto choice = FhirValue::findChoice(option, "value", optionPointer, context);
            if (!choice) {
                context.add(ErrorCode::FhirMissingElement,
                            Severity::Error,
                            optionPointer,
                            "the answerOption has no value[x]; expected valueCoding, valueInteger, valueDate, "
                            "valueTime, valueString or valueReference");
                continue;
            }
            static constexpr std::array<FhirValueKind, 6> allowed = {FhirValueKind::Integer,
                                                                     FhirValueKind::Date,
                                                                     FhirValueKind::Time,
                                                                     FhirValueKind::String,
                                                                     FhirValueKind::Coding,
                                                                     FhirValueKind::Reference};
            std::string valuePointer = JsonPointer::appendKey(optionPointer, choice->key);
            if (std::find(allowed.begin(), allowed.end(), choice->kind) == allowed.end()) {
                context.add(ErrorCode::FhirElementType,
                            Severity::Error,
                            valuePointer,
                            choice->key
                                + " is not allowed in an answerOption; expected valueCoding, valueInteger, "
                                  "valueDate, valueTime, valueString or valueReference");
                continue;
            }
            auto value = FhirValue::fromJson(choice->kind, *choice->json, valuePointer, context);
            bool selected = readBool(option, "initialSelected", optionPointer, context);
            if (value) {
                item.answerOptions.push_back({*value, selected, optionPointer});
            }
        }
    }

    void readInitial(const JsonValue& json,
                     const std::string& pointer,
                     const FhirDiagnosticContext& context,
                     QuestionnaireItem& item)
    {
        const JsonValue* initial = readArray(json, "initial", pointer, context);
        if (initial == nullptr) {
            return;
        }
        std::string initialPointer = JsonPointer::appendKey(pointer, "initial");
        for (std::size_t i = 0; i < initial->size(); ++i) {
            const JsonValue& entry = initial->asArray()[i];
            std::string entryPointer = JsonPointer::appendIndex(initialPointer, i);
            auto choice = FhirValue::findChoice(entry, "value", entryPointer, context);
            if (!choice) {
                context.add(ErrorCode::FhirMissingElement,
                            Severity::Error,
                            entryPointer,
                            "the initial value has no value[x]; expected one such as valueString");
                continue;
            }
            item.initialKinds.push_back(choice->kind);
            if (auto value = FhirValue::fromJson(
                    choice->kind, *choice->json, JsonPointer::appendKey(entryPointer, choice->key), context)) {
                item.initial.push_back(*value);
            }
        }
    }

    void readEnableWhen(const JsonValue& json,
                        const std::string& pointer,
                        const FhirDiagnosticContext& context,
                        QuestionnaireItem& item)
    {
        const JsonValue* conditions = readArray(json, "enableWhen", pointer, context);
        if (conditions == nullptr) {
            return;
        }
        std::string conditionsPointer = JsonPointer::appendKey(pointer, "enableWhen");
        for (std::size_t i = 0; i < conditions->size(); ++i) {
            const JsonValue& entry = conditions->asArray()[i];
            EnableWhenCondition condition;
            condition.pointer = JsonPointer::appendIndex(conditionsPointer, i);
            if (!entry.isObject()) {
                context.add(ErrorCode::FhirElementType,
                            Severity::Error,
                            condition.pointer,
                            std::string("an enableWhen is a ") + jsonTypeName(entry) + "; expected an object");
                continue;
            }
            condition.question = readString(entry, "question", condition.pointer, context);
            if (entry.find("question") == nullptr) {
                context.add(ErrorCode::FhirMissingElement,
                            Severity::Error,
                            condition.pointer,
                            "the enableWhen has no question; expected the linkId of the item it tests");
            }
            std::string op = readString(entry, "operator", condition.pointer, context);
            static constexpr std::array<EnableWhenOperator, 7> operators = {EnableWhenOperator::Exists,
                                                                            EnableWhenOperator::Equal,
                                                                            EnableWhenOperator::NotEqual,
                                                                            EnableWhenOperator::Greater,
                                                                            EnableWhenOperator::Less,
                                                                            EnableWhenOperator::GreaterOrEqual,
                                                                            EnableWhenOperator::LessOrEqual};
            bool known = false;
            for (EnableWhenOperator candidate : operators) {
                if (op == enableWhenOperatorName(candidate)) {
                    condition.op = candidate;
                    known = true;
                }
            }
            if (entry.find("operator") == nullptr) {
                context.add(ErrorCode::FhirMissingElement,
                            Severity::Error,
                            condition.pointer,
                            "the enableWhen has no operator; expected exists, =, !=, >, <, >= or <=");
            } else if (!known && entry.find("operator")->isString()) {
                context.add(ErrorCode::FhirInvalidValue,
                            Severity::Error,
                            JsonPointer::appendKey(condition.pointer, "operator"),
                            "unknown operator \"" + op + "\"; expected exists, =, !=, >, <, >= or <=");
            }
            auto choice = FhirValue::findChoice(entry, "answer", condition.pointer, context);
            if (!choice) {
                context.add(ErrorCode::FhirMissingElement,
                            Severity::Error,
                            condition.pointer,
                            "the enableWhen has no answer[x]; expected one such as answerBoolean or answerCoding");
            } else {
                condition.answerKind = choice->kind;
                condition.answer = FhirValue::fromJson(
                    choice->kind, *choice->json, JsonPointer::appendKey(condition.pointer, choice->key), context);
            }
            item.enableWhen.push_back(std::move(condition));
        }
    }

    void readExtensions(const JsonValue& json,
                        const std::string& pointer,
                        const FhirDiagnosticContext& context,
                        QuestionnaireItem& item)
    {
        const JsonValue* extensions = readArray(json, "extension", pointer, context);
        if (extensions == nullptr) {
            return;
        }
        std::string extensionsPointer = JsonPointer::appendKey(pointer, "extension");
        for (std::size_t i = 0; i < extensions->size(); ++i) {
            const JsonValue& extension = extensions->asArray()[i];
            std::string extensionPointer = JsonPointer::appendIndex(extensionsPointer, i);
            if (!extension.isObject()) {
                context.add(ErrorCode::FhirElementType,
                            Severity::Error,
                            extensionPointer,
                            std::string("an extension is a ") + jsonTypeName(extension) + "; expected an object");
                continue;
            }
            std::string url = readString(extension, "url", extensionPointer, context);
            if (url == calculatedUrl) {
                item.calculated = true;
                continue;
            }
            if (url != minValueUrl && url != maxValueUrl && url != entryFormatUrl && url != itemControlUrl
                && url != unitUrl) {
                continue; // unknown extensions stay in the item's JSON and are written back as they were
            }
            if (url == itemControlUrl) {
                readItemControl(extension, extensionPointer, context, item);
                continue;
            }
            auto choice = FhirValue::findChoice(extension, "value", extensionPointer, context);
            if (!choice) {
                context.add(ErrorCode::FhirMissingElement,
                            Severity::Error,
                            extensionPointer,
                            "the extension " + url + " has no value[x]; expected one");
                continue;
            }
            auto value = FhirValue::fromJson(
                choice->kind, *choice->json, JsonPointer::appendKey(extensionPointer, choice->key), context);
            if (!value) {
                continue;
            }
            if (url == minValueUrl) {
                item.minValue = value;
            } else if (url == maxValueUrl) {
                item.maxValue = value;
            } else if (url == entryFormatUrl) {
                item.entryFormat = value->text();
            } else if (url == unitUrl) {
                item.unit = value;
            }
        }
    }

    void readItemControl(const JsonValue& extension,
                         const std::string& pointer,
                         const FhirDiagnosticContext& context,
                         QuestionnaireItem& item)
    {
        const JsonValue* codeable = extension.find("valueCodeableConcept");
        if (codeable == nullptr || !codeable->isObject()) {
            context.add(ErrorCode::FhirElementType,
                        Severity::Error,
                        pointer,
                        "questionnaire-itemControl has no valueCodeableConcept object; expected one");
            return;
        }
        const JsonValue* codings = codeable->find("coding");
        if (codings == nullptr || !codings->isArray() || codings->size() == 0) {
            return;
        }
        if (const JsonValue* code = codings->asArray().front().find("code"); code != nullptr && code->isString()) {
            item.itemControl = code->asString();
        }
    }

    void resolveReferences(Questionnaire& questionnaire)
    {
        for (QuestionnaireItem& item : questionnaire.items()) {
            for (EnableWhenCondition& condition : item.enableWhen) {
                condition.target = questionnaire.indexOf(condition.question);
            }
            if (item.answerValueSet.empty()) {
                continue;
            }
            FhirDiagnosticContext context{m_diagnostics, m_source, item.subject()};
            std::string valueSetPointer = JsonPointer::appendKey(item.pointer, "answerValueSet");
            if (item.answerValueSet.front() == '#') {
                auto found = questionnaire.containedValueSets.find(item.answerValueSet.substr(1));
                if (found != questionnaire.containedValueSets.end()) {
                    item.valueSet = found->second;
                } else {
                    context.add(ErrorCode::FhirValueSetUnresolved,
                                Severity::Error,
                                valueSetPointer,
                                "answerValueSet \"" + item.answerValueSet
                                    + "\" names no contained ValueSet; expected the id of one in contained");
                }
                continue;
            }
            if (m_valueSets != nullptr) {
                item.valueSet = m_valueSets->find(item.answerValueSet);
            }
            if (item.valueSet == nullptr) {
                context.add(ErrorCode::FhirValueSetUnresolved,
                            Severity::Warning,
                            valueSetPointer,
                            "answerValueSet " + item.answerValueSet
                                + " is neither contained nor in the same Bundle; answers to this item cannot be "
                                  "checked against it");
            }
        }
    }

    const std::string& m_source;
    const ValueSetRegistry* m_valueSets;
    std::vector<Diagnostic> m_diagnostics;
};

} // namespace

QuestionnaireParseResult QuestionnaireParser::parse(const JsonValue& resource,
                                                    const std::string& source,
                                                    const std::string& pointer,
                                                    const ValueSetRegistry* valueSets)
{
    return Parser(source, valueSets).run(resource, pointer);
}

} // namespace backscreen::core
