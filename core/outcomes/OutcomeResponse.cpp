#include "OutcomeResponse.h"

#include "core/json/JsonPointer.h"

#include <set>

namespace backscreen::core {

namespace {

class ResponseWalker
{
public:
    explicit ResponseWalker(std::string source)
        : m_source(std::move(source))
    {}

    FlatOutcomeResponse walk(const JsonValue& response)
    {
        FlatOutcomeResponse result;
        if (!response.isObject()) {
            error("", "", "the response is not a JSON object; expected a QuestionnaireResponse");
            return finish(std::move(result));
        }
        const JsonValue* resourceType = response.find("resourceType");
        if (resourceType == nullptr || !resourceType->isString()
            || resourceType->asString() != "QuestionnaireResponse") {
            error("/resourceType", "", "resourceType is not QuestionnaireResponse; expected \"QuestionnaireResponse\"");
            return finish(std::move(result));
        }
        if (const JsonValue* questionnaire = response.find("questionnaire")) {
            if (questionnaire->isString()) {
                result.questionnaire = questionnaire->asString();
            } else {
                error("/questionnaire", "", "questionnaire is not a string; expected a canonical URL");
            }
        }
        if (const JsonValue* status = response.find("status"); status != nullptr && status->isString()) {
            result.status = status->asString();
        }
        if (result.status != "completed" && result.status != "amended") {
            m_diagnostics.push_back(
                {ErrorCode::OutcomeResponseNotCompleted,
                 Severity::Warning,
                 m_source,
                 "/status",
                 "",
                 "status is \"" + result.status + "\"; expected \"completed\" or \"amended\" for a response to score"});
        }
        walkItems(response, "");
        return finish(std::move(result));
    }

private:
    std::string m_source;
    std::vector<Diagnostic> m_diagnostics;
    JsonValue::Object m_answers;
    std::set<std::string> m_seen;

    FlatOutcomeResponse finish(FlatOutcomeResponse result)
    {
        if (!hasErrors(m_diagnostics)) {
            result.answers = JsonValue(std::move(m_answers));
        }
        result.diagnostics = std::move(m_diagnostics);
        return result;
    }

    void error(std::string pointer, std::string subject, std::string message)
    {
        m_diagnostics.push_back({ErrorCode::OutcomeResponseInvalid,
                                 Severity::Error,
                                 m_source,
                                 std::move(pointer),
                                 std::move(subject),
                                 std::move(message)});
    }

    void walkItems(const JsonValue& parent, const std::string& pointer)
    {
        const JsonValue* items = parent.find("item");
        if (items == nullptr) {
            return;
        }
        std::string itemsPointer = JsonPointer::appendKey(pointer, "item");
        if (!items->isArray()) {
            error(itemsPointer, "", "item is not an array; expected an array of items");
            return;
        }
        for (std::size_t i = 0; i < items->asArray().size(); ++i) {
            walkItem(items->asArray()[i], JsonPointer::appendIndex(itemsPointer, i));
        }
    }

    void walkItem(const JsonValue& item, const std::string& pointer)
    {
        const JsonValue* linkId = item.find("linkId");
        if (!item.isObject() || linkId == nullptr || !linkId->isString()) {
            error(pointer, "", "item without a linkId; expected an object with a string linkId");
            return;
        }
        std::string subject = "linkId \"" + linkId->asString() + "\"";
        walkItems(item, pointer);
        const JsonValue* answers = item.find("answer");
        if (answers == nullptr) {
            return;
        }
        std::string answersPointer = JsonPointer::appendKey(pointer, "answer");
        if (!answers->isArray()) {
            error(answersPointer, subject, "answer is not an array; expected an array with one answer");
            return;
        }
        const auto& list = answers->asArray();
        if (list.size() > 1) {
            error(answersPointer, subject, std::to_string(list.size()) + " answers; expected one");
        }
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (list[i].isObject()) {
                walkItems(list[i], JsonPointer::appendIndex(answersPointer, i));
            }
        }
        if (list.size() != 1) {
            return;
        }
        std::string answerPointer = JsonPointer::appendIndex(answersPointer, 0);
        std::optional<JsonValue> value = answerValue(list.front(), answerPointer, subject);
        if (!value) {
            return;
        }
        if (!m_seen.insert(linkId->asString()).second) {
            error(pointer, subject, "linkId answered twice; expected each linkId once");
            return;
        }
        m_answers.emplace_back(linkId->asString(), std::move(*value));
    }

    std::optional<JsonValue>
    answerValue(const JsonValue& answer, const std::string& pointer, const std::string& subject)
    {
        if (!answer.isObject()) {
            error(pointer, subject, "answer is not an object; expected an object with a value[x]");
            return std::nullopt;
        }
        for (const auto& [key, value] : answer.asObject()) {
            if (key.rfind("value", 0) != 0) {
                continue;
            }
            std::string valuePointer = JsonPointer::appendKey(pointer, key);
            if (key == "valueInteger" || key == "valueDecimal") {
                if (value.isNumber()) {
                    return value;
                }
            } else if (key == "valueBoolean") {
                if (value.isBool()) {
                    return value;
                }
            } else if (key == "valueString") {
                if (value.isString()) {
                    return value;
                }
            } else if (key == "valueCoding") {
                const JsonValue* code = value.find("code");
                if (code != nullptr && code->isString()) {
                    return *code;
                }
            } else {
                error(valuePointer,
                      subject,
                      key
                          + " is not read; expected valueInteger, valueDecimal, valueBoolean, valueString or "
                            "valueCoding");
                return std::nullopt;
            }
            error(valuePointer, subject, key + " has the wrong JSON type for its name");
            return std::nullopt;
        }
        error(pointer, subject, "answer without a value; expected a value[x]");
        return std::nullopt;
    }
};

} // namespace

FlatOutcomeResponse flattenOutcomeResponse(const JsonValue& response, const std::string& source)
{
    return ResponseWalker(source).walk(response);
}

} // namespace backscreen::core
