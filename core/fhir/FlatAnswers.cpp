#include "FlatAnswers.h"

#include "core/fhir/ResponseValidator.h"
#include "core/json/JsonPointer.h"
#include "core/json/JsonWriter.h"

#include <algorithm>
#include <utility>

namespace backscreen::core {

namespace {

std::string shown(const JsonValue& value)
{
    std::string text = JsonWriter::write(value);
    if (text.size() > 40) {
        text = text.substr(0, 37) + "...";
    }
    return text;
}

class Reader
{
public:
    Reader(const Questionnaire& questionnaire, const std::string& source)
        : m_questionnaire(questionnaire)
        , m_source(source)
    {}

    FlatAnswers::ReadResult run(const JsonValue& answers)
    {
        FlatAnswers::ReadResult result;
        result.answers.assign(m_questionnaire.items().size(), {});
        if (!answers.isObject()) {
            add(ErrorCode::FhirElementType,
                "",
                {},
                std::string("the answers are a JSON ") + jsonTypeName(answers)
                    + "; expected an object {linkId: value}");
            result.diagnostics = std::move(m_diagnostics);
            return result;
        }
        for (const auto& [key, value] : answers.asObject()) {
            std::string pointer = JsonPointer::appendKey("", key);
            std::size_t index = m_questionnaire.indexOf(key);
            if (index == QuestionnaireItem::npos) {
                add(ErrorCode::FhirResponseUnknownLinkId,
                    pointer,
                    "item \"" + key + "\"",
                    "linkId \"" + key + "\" is not in the questionnaire " + m_questionnaire.canonical()
                        + "; expected the linkId of one of its questions");
                continue;
            }
            const QuestionnaireItem& item = m_questionnaire.items()[index];
            if (!isAnswerable(item.type)) {
                add(ErrorCode::FhirResponseAnswersOnGroup,
                    pointer,
                    item.subject(),
                    std::string("the ") + itemTypeName(item.type)
                        + " item takes no answer; expected a question's linkId");
                continue;
            }
            if (value.isNull()) {
                continue;
            }
            if (item.repeats) {
                if (!value.isArray()) {
                    add(ErrorCode::FhirResponseAnswerType,
                        pointer,
                        item.subject(),
                        "the repeating " + std::string(itemTypeName(item.type)) + " item has the value " + shown(value)
                            + "; expected an array of answers");
                    continue;
                }
                for (std::size_t i = 0; i < value.size(); ++i) {
                    readValue(item, value.asArray()[i], JsonPointer::appendIndex(pointer, i), result.answers[index]);
                }
                continue;
            }
            if (value.isArray()) {
                add(ErrorCode::FhirResponseRepeats,
                    pointer,
                    item.subject(),
                    "the item does not repeat but has an array of answers; expected a single value");
                continue;
            }
            readValue(item, value, pointer, result.answers[index]);
        }
        EnableWhenEvaluator evaluator(m_questionnaire);
        evaluator.setAllAnswers(result.answers);
        for (std::size_t i = 0; i < result.answers.size(); ++i) {
            if (!result.answers[i].empty() && !evaluator.isEnabled(i)) {
                const QuestionnaireItem& item = m_questionnaire.items()[i];
                add(ErrorCode::FhirResponseAnswerOnDisabled,
                    JsonPointer::appendKey("", item.linkId),
                    item.subject(),
                    "the item is answered but disabled by its enableWhen conditions (or those of an enclosing "
                    "item); expected no answer");
            }
        }
        result.diagnostics = std::move(m_diagnostics);
        return result;
    }

private:
    void add(ErrorCode code, const std::string& pointer, std::string subject, std::string message)
    {
        m_diagnostics.push_back({code, Severity::Error, m_source, pointer, std::move(subject), std::move(message)});
    }

    void
    typeError(const QuestionnaireItem& item, const JsonValue& value, const std::string& pointer, const char* expected)
    {
        add(ErrorCode::FhirResponseAnswerType,
            pointer,
            item.subject(),
            std::string("the ") + itemTypeName(item.type) + " item has the value " + shown(value) + "; expected "
                + expected);
    }

    // Turns one flat value into the FHIR value the item would hold, or reports why it cannot.
    std::optional<FhirValue> convert(const QuestionnaireItem& item, const JsonValue& value, const std::string& pointer)
    {
        std::vector<Diagnostic> ignored;
        FhirDiagnosticContext quiet{ignored, m_source, item.subject()};
        FhirDiagnosticContext loud{m_diagnostics, m_source, item.subject()};
        switch (item.type) {
        case ItemType::Boolean:
            if (!value.isBool()) {
                typeError(item, value, pointer, "true or false");
                return std::nullopt;
            }
            return FhirValue::boolean(value.asBool());
        case ItemType::Integer: {
            if (!value.isNumber()) {
                typeError(item, value, pointer, "a whole number");
                return std::nullopt;
            }
            auto converted = FhirValue::fromJson(FhirValueKind::Integer, value, pointer, quiet);
            if (!converted) {
                typeError(item, value, pointer, "a whole number");
            }
            return converted;
        }
        case ItemType::Decimal:
            if (!value.isNumber()) {
                typeError(item, value, pointer, "a number");
                return std::nullopt;
            }
            return FhirValue::fromJson(FhirValueKind::Decimal, value, pointer, quiet);
        case ItemType::Date:
        case ItemType::DateTime:
        case ItemType::Time:
        case ItemType::String:
        case ItemType::Text:
        case ItemType::Url: {
            if (!value.isString()) {
                typeError(item, value, pointer, "a string");
                return std::nullopt;
            }
            FhirValueKind kind = answerKindsFor(item.type).front();
            return FhirValue::fromJson(kind, value, pointer, loud);
        }
        case ItemType::Choice:
        case ItemType::OpenChoice:
            return convertChoice(item, value, pointer);
        case ItemType::Quantity: {
            if (!value.isNumber()) {
                typeError(item, value, pointer, "a number in the item's unit");
                return std::nullopt;
            }
            JsonValue::Object quantity{{"value", value}};
            if (item.unit) {
                quantity.emplace_back("unit", JsonValue(item.unit->display()));
                quantity.emplace_back("system", JsonValue(item.unit->system()));
                quantity.emplace_back("code", JsonValue(item.unit->text()));
            }
            return FhirValue::fromJson(FhirValueKind::Quantity, JsonValue(std::move(quantity)), pointer, quiet);
        }
        case ItemType::Reference:
            if (!value.isString()) {
                typeError(item, value, pointer, "a reference string such as \"Patient/1\"");
                return std::nullopt;
            }
            return FhirValue::fromJson(
                FhirValueKind::Reference, JsonValue(JsonValue::Object{{"reference", value}}), pointer, quiet);
        case ItemType::Attachment:
            if (!value.isObject()) {
                typeError(item, value, pointer, "an Attachment object");
                return std::nullopt;
            }
            return FhirValue::fromJson(FhirValueKind::Attachment, value, pointer, quiet);
        default:
            return std::nullopt;
        }
    }

    std::optional<FhirValue>
    convertChoice(const QuestionnaireItem& item, const JsonValue& value, const std::string& pointer)
    {
        // A flat choice answer is the option's code (Coding options), or its number or text for valueInteger,
        // valueString, valueDate and valueTime options.
        for (const AnswerOption& option : item.answerOptions) {
            const FhirValue& candidate = option.value;
            bool matches = false;
            switch (candidate.kind()) {
            case FhirValueKind::Coding:
                matches = value.isString() && value.asString() == candidate.text();
                break;
            case FhirValueKind::Integer:
                matches = value.isNumber() && value.asNumber() == candidate.number();
                break;
            default:
                matches = value.isString() && value.asString() == candidate.text();
                break;
            }
            if (matches) {
                if (candidate.kind() == FhirValueKind::Coding) {
                    return FhirValue::coding(candidate.system(), candidate.text(), candidate.display());
                }
                return candidate;
            }
        }
        bool numericOptions =
            !item.answerOptions.empty()
            && std::all_of(item.answerOptions.begin(), item.answerOptions.end(), [](const AnswerOption& o) {
                   return o.value.kind() == FhirValueKind::Integer;
               });
        if (!(value.isString() || (value.isNumber() && numericOptions))) {
            typeError(item, value, pointer, numericOptions ? "one of the option numbers" : "an option code string");
            return std::nullopt;
        }
        if (item.type == ItemType::OpenChoice && value.isString()) {
            return FhirValue::text(FhirValueKind::String, value.asString());
        }
        if (!item.answerOptions.empty()) {
            std::string codes;
            for (std::size_t i = 0; i < item.answerOptions.size() && i < 12; ++i) {
                codes += (i == 0 ? "" : ", ") + JsonWriter::write(item.answerOptions[i].value.toFlatJson());
            }
            add(ErrorCode::FhirResponseOptionNotAllowed,
                pointer,
                item.subject(),
                "the answer " + shown(value) + " is not one of the item's options; expected one of " + codes);
            return std::nullopt;
        }
        if (!value.isString()) {
            return std::nullopt;
        }
        // Options from a ValueSet (or none at all): the code is kept without a system and checked by
        // ResponseValidator::checkValue against the ValueSet when it could be resolved.
        return FhirValue::coding({}, value.asString());
    }

    void readValue(const QuestionnaireItem& item,
                   const JsonValue& value,
                   const std::string& pointer,
                   std::vector<FhirValue>& answers)
    {
        auto converted = convert(item, value, pointer);
        if (!converted) {
            return;
        }
        std::size_t before = m_diagnostics.size();
        ResponseValidator::checkValue(*converted, item, pointer, m_source, m_diagnostics);
        if (m_diagnostics.size() == before) {
            answers.push_back(std::move(*converted));
        }
    }

    const Questionnaire& m_questionnaire;
    const std::string& m_source;
    std::vector<Diagnostic> m_diagnostics;
};

} // namespace

JsonValue FlatAnswers::flatten(const Questionnaire& questionnaire, const QuestionnaireResponse& response)
{
    EnableWhenEvaluator state(questionnaire);
    state.setAllAnswers(EnableWhenEvaluator::collectAnswers(questionnaire, response));
    return flatten(questionnaire, state);
}

JsonValue FlatAnswers::flatten(const Questionnaire& questionnaire, const EnableWhenEvaluator& state)
{
    JsonValue::Object members;
    const auto& items = questionnaire.items();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const QuestionnaireItem& item = items[i];
        if (!isAnswerable(item.type) || item.type == ItemType::Attachment || !state.isEnabled(i)) {
            continue;
        }
        const std::vector<FhirValue>& answers = state.answers(i);
        if (answers.empty()) {
            continue;
        }
        // Several answers to a non-repeating item are a response error; they are all kept rather than one
        // silently chosen.
        if (item.repeats || answers.size() > 1) {
            JsonValue::Array values;
            for (const FhirValue& answer : answers) {
                values.push_back(answer.toFlatJson());
            }
            members.emplace_back(item.linkId, JsonValue(std::move(values)));
        } else {
            members.emplace_back(item.linkId, answers.front().toFlatJson());
        }
    }
    return JsonValue(std::move(members));
}

FlatAnswers::ReadResult
FlatAnswers::read(const Questionnaire& questionnaire, const JsonValue& answers, const std::string& source)
{
    return Reader(questionnaire, source).run(answers);
}

std::vector<Diagnostic>
FlatAnswers::validate(const Questionnaire& questionnaire, const JsonValue& answers, const std::string& source)
{
    return read(questionnaire, answers, source).diagnostics;
}

} // namespace backscreen::core
