#include "QuestionnaireResponse.h"

#include "core/json/JsonPointer.h"

#include <algorithm>
#include <utility>

namespace backscreen::core {

namespace {

constexpr std::size_t maxItemDepth = 100;

// Copies `original`'s members, replacing those in `replacements` in place and appending the rest, so a
// written element keeps the member order it was read with.
JsonValue mergeMembers(const JsonValue& original,
                       std::vector<std::pair<std::string, std::optional<JsonValue>>> replacements,
                       const std::vector<std::string>& dropped = {})
{
    JsonValue::Object members;
    std::vector<bool> used(replacements.size(), false);
    if (original.isObject()) {
        for (const auto& [key, value] : original.asObject()) {
            bool replaced = false;
            for (std::size_t i = 0; i < replacements.size(); ++i) {
                if (replacements[i].first == key) {
                    if (replacements[i].second) {
                        members.emplace_back(key, *replacements[i].second);
                    }
                    used[i] = true;
                    replaced = true;
                }
            }
            bool drop = std::find(dropped.begin(), dropped.end(), key) != dropped.end();
            if (!replaced && !drop) {
                members.emplace_back(key, value);
            }
        }
    }
    for (std::size_t i = 0; i < replacements.size(); ++i) {
        if (!used[i] && replacements[i].second) {
            members.emplace_back(replacements[i].first, *replacements[i].second);
        }
    }
    return JsonValue(std::move(members));
}

std::optional<JsonValue> optionalString(const std::string& text)
{
    return text.empty() ? std::nullopt : std::optional<JsonValue>(JsonValue(text));
}

template <typename T>
std::optional<JsonValue> arrayOf(const std::vector<T>& elements, const JsonValue& original, std::string_view key)
{
    if (elements.empty() && original.find(key) == nullptr) {
        return std::nullopt;
    }
    JsonValue::Array array;
    for (const T& element : elements) {
        array.push_back(element.toJson());
    }
    return JsonValue(std::move(array));
}

// The value[x] member names an answer's JSON may hold, so a changed value replaces the old one.
std::vector<std::string> valueMembers(const JsonValue& original)
{
    std::vector<std::string> names;
    if (original.isObject()) {
        for (const auto& [key, value] : original.asObject()) {
            if (key.size() > 5 && key.compare(0, 5, "value") == 0 && key[5] >= 'A' && key[5] <= 'Z') {
                names.push_back(key);
            }
        }
    }
    return names;
}

class Parser
{
public:
    explicit Parser(const std::string& source)
        : m_context{m_diagnostics, source, {}}
    {}

    QuestionnaireResponseParseResult run(const JsonValue& resource, const std::string& pointer)
    {
        QuestionnaireResponseParseResult result;
        QuestionnaireResponse& response = result.response;
        response.json = resource;
        response.pointer = pointer;
        const JsonValue* type = resource.find("resourceType");
        if (!resource.isObject() || type == nullptr || !type->isString()
            || type->asString() != "QuestionnaireResponse") {
            std::string found = !resource.isObject() ? std::string("a JSON ") + jsonTypeName(resource)
                                : type == nullptr    ? std::string("a resource without resourceType")
                                : type->isString()   ? "resourceType \"" + type->asString() + "\""
                                                     : std::string("a resourceType that is not a string");
            m_context.add(ErrorCode::FhirWrongResourceType,
                          Severity::Error,
                          resource.isObject() ? JsonPointer::appendKey(pointer, "resourceType") : pointer,
                          "the document is " + found + "; expected \"QuestionnaireResponse\"");
            result.diagnostics = std::move(m_diagnostics);
            return result;
        }
        response.id = readString(resource, "id", pointer);
        response.questionnaire = readString(resource, "questionnaire", pointer);
        response.status = readString(resource, "status", pointer);
        response.authored = readString(resource, "authored", pointer);
        if (resource.find("status") == nullptr) {
            m_context.add(ErrorCode::FhirMissingElement,
                          Severity::Error,
                          pointer,
                          "the QuestionnaireResponse has no status; expected in-progress, completed, amended, "
                          "entered-in-error or stopped");
        } else if (!response.status.empty() && response.status != "in-progress" && response.status != "completed"
                   && response.status != "amended" && response.status != "entered-in-error"
                   && response.status != "stopped") {
            m_context.add(ErrorCode::FhirInvalidValue,
                          Severity::Error,
                          JsonPointer::appendKey(pointer, "status"),
                          "unknown status \"" + response.status
                              + "\"; expected in-progress, completed, amended, entered-in-error or stopped");
        }
        if (!response.authored.empty() && !isFhirDateTime(response.authored)) {
            m_context.add(ErrorCode::FhirInvalidValue,
                          Severity::Error,
                          JsonPointer::appendKey(pointer, "authored"),
                          "authored \"" + response.authored
                              + "\" is not a valid dateTime; expected "
                                "YYYY-MM-DDThh:mm:ss with a time zone");
        }
        response.items = readItems(resource, pointer, 0);
        result.diagnostics = std::move(m_diagnostics);
        return result;
    }

private:
    std::string readString(const JsonValue& object, std::string_view key, const std::string& pointer)
    {
        const JsonValue* member = object.find(key);
        if (member == nullptr) {
            return {};
        }
        if (!member->isString()) {
            m_context.add(ErrorCode::FhirElementType,
                          Severity::Error,
                          JsonPointer::appendKey(pointer, key),
                          std::string(key) + " is a " + jsonTypeName(*member) + "; expected a string");
            return {};
        }
        return member->asString();
    }

    const JsonValue* readArray(const JsonValue& object, std::string_view key, const std::string& pointer)
    {
        const JsonValue* member = object.find(key);
        if (member == nullptr) {
            return nullptr;
        }
        if (!member->isArray()) {
            m_context.add(ErrorCode::FhirElementType,
                          Severity::Error,
                          JsonPointer::appendKey(pointer, key),
                          std::string(key) + " is a " + jsonTypeName(*member) + "; expected an array");
            return nullptr;
        }
        return member;
    }

    std::vector<ResponseItem> readItems(const JsonValue& parent, const std::string& pointer, std::size_t depth)
    {
        std::vector<ResponseItem> items;
        const JsonValue* array = readArray(parent, "item", pointer);
        if (array == nullptr) {
            return items;
        }
        std::string itemsPointer = JsonPointer::appendKey(pointer, "item");
        if (depth >= maxItemDepth) {
            m_context.add(ErrorCode::FhirElementType,
                          Severity::Error,
                          itemsPointer,
                          "items nested deeper than " + std::to_string(maxItemDepth) + " levels; expected fewer");
            return items;
        }
        for (std::size_t i = 0; i < array->size(); ++i) {
            const JsonValue& json = array->asArray()[i];
            ResponseItem item;
            item.json = json;
            item.pointer = JsonPointer::appendIndex(itemsPointer, i);
            if (!json.isObject()) {
                m_context.add(ErrorCode::FhirElementType,
                              Severity::Error,
                              item.pointer,
                              std::string("an item is a ") + jsonTypeName(json) + "; expected an object");
                continue;
            }
            m_context.subject.clear();
            item.linkId = readString(json, "linkId", item.pointer);
            if (json.find("linkId") == nullptr) {
                m_context.add(ErrorCode::FhirMissingElement,
                              Severity::Error,
                              item.pointer,
                              "the item has no linkId; expected one");
            }
            m_context.subject = item.linkId.empty() ? std::string() : "item \"" + item.linkId + "\"";
            item.text = readString(json, "text", item.pointer);
            if (const JsonValue* answers = readArray(json, "answer", item.pointer); answers != nullptr) {
                std::string answersPointer = JsonPointer::appendKey(item.pointer, "answer");
                for (std::size_t j = 0; j < answers->size(); ++j) {
                    item.answers.push_back(
                        readAnswer(answers->asArray()[j], JsonPointer::appendIndex(answersPointer, j), depth));
                }
            }
            std::string subject = m_context.subject;
            item.items = readItems(json, item.pointer, depth + 1);
            m_context.subject = subject;
            items.push_back(std::move(item));
        }
        return items;
    }

    ResponseAnswer readAnswer(const JsonValue& json, const std::string& pointer, std::size_t depth)
    {
        ResponseAnswer answer;
        answer.json = json;
        answer.pointer = pointer;
        if (!json.isObject()) {
            m_context.add(ErrorCode::FhirElementType,
                          Severity::Error,
                          pointer,
                          std::string("an answer is a ") + jsonTypeName(json) + "; expected an object");
            return answer;
        }
        if (auto choice = FhirValue::findChoice(json, "value", pointer, m_context)) {
            answer.kind = choice->kind;
            answer.value = FhirValue::fromJson(
                choice->kind, *choice->json, JsonPointer::appendKey(pointer, choice->key), m_context);
        }
        std::string subject = m_context.subject;
        answer.items = readItems(json, pointer, depth + 1);
        m_context.subject = subject;
        return answer;
    }

    std::vector<Diagnostic> m_diagnostics;
    FhirDiagnosticContext m_context;
};

} // namespace

JsonValue ResponseItem::toJson() const
{
    return mergeMembers(json,
                        {{"linkId", JsonValue(linkId)},
                         {"text", optionalString(text)},
                         {"answer", arrayOf(answers, json, "answer")},
                         {"item", arrayOf(items, json, "item")}});
}

JsonValue ResponseAnswer::toJson() const
{
    std::vector<std::pair<std::string, std::optional<JsonValue>>> replacements;
    std::vector<std::string> dropped = valueMembers(json);
    if (value) {
        std::string name = value->memberName("value");
        replacements.emplace_back(name, value->json());
        dropped.erase(std::remove(dropped.begin(), dropped.end(), name), dropped.end());
    }
    if (!value && kind) {
        dropped.clear(); // a malformed value read from a file stays as it was
    }
    replacements.emplace_back("item", arrayOf(items, json, "item"));
    return mergeMembers(json, std::move(replacements), dropped);
}

QuestionnaireResponseParseResult
QuestionnaireResponse::parse(const JsonValue& resource, const std::string& source, const std::string& pointer)
{
    return Parser(source).run(resource, pointer);
}

JsonValue QuestionnaireResponse::toJson() const
{
    return mergeMembers(json,
                        {{"resourceType", JsonValue("QuestionnaireResponse")},
                         {"id", optionalString(id)},
                         {"questionnaire", optionalString(questionnaire)},
                         {"status", optionalString(status)},
                         {"authored", optionalString(authored)},
                         {"item", arrayOf(items, json, "item")}});
}

} // namespace backscreen::core
