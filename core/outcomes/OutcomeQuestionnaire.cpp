#include "OutcomeQuestionnaire.h"

#include "core/json/JsonPointer.h"
#include "core/json/JsonReader.h"
#include "core/json/JsonWriter.h"
#include "core/outcomes/OutcomeMeasures.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string_view>

namespace backscreen::core {

namespace {

struct FormItem
{
    std::string type;
    std::string pointer;
    std::vector<std::string> codes;
    /// minValue / maxValue extensions (valueInteger), when the form states them.
    std::optional<double> minValue;
    std::optional<double> maxValue;
};

constexpr std::string_view minValueUrl = "http://hl7.org/fhir/StructureDefinition/minValue";
constexpr std::string_view maxValueUrl = "http://hl7.org/fhir/StructureDefinition/maxValue";

class QuestionnaireChecker
{
public:
    QuestionnaireChecker(const OutcomeMeasures& measures, std::string source)
        : m_measures(measures)
        , m_source(std::move(source))
    {}

    OutcomeQuestionnaireCheck check(const JsonValue& questionnaire, std::string_view expectedInstrument)
    {
        OutcomeQuestionnaireCheck result;
        if (!questionnaire.isObject()) {
            error(ErrorCode::OutcomeQuestionnaireMismatch, "", "", "the document is not a JSON object");
            return finish(std::move(result));
        }
        const JsonValue* resourceType = questionnaire.find("resourceType");
        if (resourceType == nullptr || !resourceType->isString() || resourceType->asString() != "Questionnaire") {
            error(ErrorCode::OutcomeQuestionnaireMismatch,
                  "/resourceType",
                  "",
                  "resourceType is not Questionnaire; expected \"Questionnaire\"");
            return finish(std::move(result));
        }
        if (const JsonValue* url = questionnaire.find("url"); url != nullptr && url->isString()) {
            result.url = url->asString();
        } else {
            error(ErrorCode::OutcomeQuestionnaireMismatch, "/url", "", "url missing; expected a canonical URL");
        }
        if (const JsonValue* version = questionnaire.find("version"); version != nullptr && version->isString()) {
            result.version = version->asString();
        }
        const InstrumentDefinition* instrument = identify(questionnaire, result.url);
        if (instrument == nullptr) {
            error(ErrorCode::OutcomeWrongQuestionnaire,
                  "/url",
                  "",
                  "not a form of an outcome measure; expected url or derivedFrom to name "
                  "http://backscreen.local/fhir/Questionnaire/<instrument>");
            return finish(std::move(result));
        }
        if (!expectedInstrument.empty() && instrument->id != expectedInstrument) {
            error(ErrorCode::OutcomeWrongQuestionnaire,
                  "/url",
                  "",
                  "a form of the " + instrument->shortTitle + " (" + instrument->id + "); expected a form of "
                      + std::string(expectedInstrument));
            return finish(std::move(result));
        }
        result.instrument = instrument->id;
        collectItems(questionnaire, "");
        compare(*instrument);
        return finish(std::move(result));
    }

private:
    const OutcomeMeasures& m_measures;
    std::string m_source;
    std::vector<Diagnostic> m_diagnostics;
    std::map<std::string, FormItem> m_items;

    OutcomeQuestionnaireCheck finish(OutcomeQuestionnaireCheck result)
    {
        result.diagnostics = std::move(m_diagnostics);
        return result;
    }

    void error(ErrorCode code, std::string pointer, std::string subject, std::string message)
    {
        m_diagnostics.push_back(
            {code, Severity::Error, m_source, std::move(pointer), std::move(subject), std::move(message)});
    }

    const InstrumentDefinition* identify(const JsonValue& questionnaire, const std::string& url) const
    {
        if (const InstrumentDefinition* byUrl = m_measures.findByQuestionnaire(url)) {
            return byUrl;
        }
        const JsonValue* derivedFrom = questionnaire.find("derivedFrom");
        if (derivedFrom == nullptr || !derivedFrom->isArray()) {
            return nullptr;
        }
        for (const JsonValue& canonical : derivedFrom->asArray()) {
            if (canonical.isString()) {
                if (const InstrumentDefinition* found = m_measures.findByQuestionnaire(canonical.asString())) {
                    return found;
                }
            }
        }
        return nullptr;
    }

    void collectItems(const JsonValue& parent, const std::string& pointer)
    {
        const JsonValue* items = parent.find("item");
        if (items == nullptr || !items->isArray()) {
            return;
        }
        std::string itemsPointer = JsonPointer::appendKey(pointer, "item");
        for (std::size_t i = 0; i < items->asArray().size(); ++i) {
            const JsonValue& item = items->asArray()[i];
            std::string itemPointer = JsonPointer::appendIndex(itemsPointer, i);
            const JsonValue* linkId = item.find("linkId");
            const JsonValue* type = item.find("type");
            if (!item.isObject() || linkId == nullptr || !linkId->isString() || type == nullptr || !type->isString()) {
                error(ErrorCode::OutcomeQuestionnaireMismatch,
                      itemPointer,
                      "",
                      "item without a linkId or type; expected strings linkId and type");
                continue;
            }
            collectItems(item, itemPointer);
            if (type->asString() == "group" || type->asString() == "display") {
                continue;
            }
            FormItem formItem{type->asString(), itemPointer, {}, std::nullopt, std::nullopt};
            if (const JsonValue* options = item.find("answerOption"); options != nullptr && options->isArray()) {
                for (const JsonValue& option : options->asArray()) {
                    const JsonValue* coding = option.find("valueCoding");
                    const JsonValue* code = coding == nullptr ? nullptr : coding->find("code");
                    if (code != nullptr && code->isString()) {
                        formItem.codes.push_back(code->asString());
                    }
                }
            }
            if (const JsonValue* extensions = item.find("extension"); extensions != nullptr && extensions->isArray()) {
                for (const JsonValue& extension : extensions->asArray()) {
                    const JsonValue* url = extension.find("url");
                    const JsonValue* value = extension.find("valueInteger");
                    if (url == nullptr || !url->isString() || value == nullptr || !value->isNumber()) {
                        continue;
                    }
                    if (url->asString() == minValueUrl) {
                        formItem.minValue = value->asNumber();
                    } else if (url->asString() == maxValueUrl) {
                        formItem.maxValue = value->asNumber();
                    }
                }
            }
            if (!m_items.emplace(linkId->asString(), formItem).second) {
                error(ErrorCode::OutcomeQuestionnaireMismatch,
                      JsonPointer::appendKey(itemPointer, "linkId"),
                      "linkId \"" + linkId->asString() + "\"",
                      "duplicate linkId; expected each linkId once");
            }
        }
    }

    static std::vector<std::string> acceptedTypes(const OutcomeInput& input)
    {
        switch (input.type) {
        case OutcomeInputType::Integer:
            return {"integer"};
        case OutcomeInputType::Boolean:
            return {"boolean"};
        case OutcomeInputType::Code:
            return input.values.empty() ? std::vector<std::string>{"string", "choice", "open-choice"}
                                        : std::vector<std::string>{"choice"};
        case OutcomeInputType::Text:
            return {"string", "text"};
        }
        return {};
    }

    void compare(const InstrumentDefinition& instrument)
    {
        for (const OutcomeInput& input : instrument.inputs) {
            std::string subject = "linkId \"" + input.linkId + "\"";
            std::vector<std::string> types = acceptedTypes(input);
            std::string expectedTypes;
            for (const std::string& type : types) {
                expectedTypes += expectedTypes.empty() ? type : " or " + type;
            }
            auto found = m_items.find(input.linkId);
            if (found == m_items.end()) {
                error(ErrorCode::OutcomeQuestionnaireMismatch,
                      "/item",
                      subject,
                      "no item has this linkId; expected an item of type " + expectedTypes + " for " + input.label);
                continue;
            }
            const FormItem& item = found->second;
            if (std::find(types.begin(), types.end(), item.type) == types.end()) {
                error(ErrorCode::OutcomeQuestionnaireMismatch,
                      JsonPointer::appendKey(item.pointer, "type"),
                      subject,
                      "item type is " + item.type + "; expected " + expectedTypes);
                continue;
            }
            if (!input.values.empty()) {
                compareCodes(input, item, subject);
            }
            if (input.type == OutcomeInputType::Integer) {
                compareRange(input, item, subject);
            }
        }
        for (const auto& [linkId, item] : m_items) {
            if (instrument.input(linkId) == nullptr) {
                error(ErrorCode::OutcomeQuestionnaireMismatch,
                      item.pointer,
                      "linkId \"" + linkId + "\"",
                      "not an input of the " + instrument.shortTitle
                          + "; expected only its linkIds (outcome-measures.md §0.1)");
            }
        }
    }

    // A form that lets a client enter 6 in an ODI section would only produce answers the scorer refuses.
    void compareRange(const OutcomeInput& input, const FormItem& item, const std::string& subject)
    {
        std::string expected = std::to_string(input.min) + "–" + std::to_string(input.max);
        if (item.minValue && *item.minValue != input.min) {
            error(ErrorCode::OutcomeQuestionnaireMismatch,
                  JsonPointer::appendKey(item.pointer, "extension"),
                  subject,
                  "minValue is " + JsonWriter::formatNumber(*item.minValue) + "; expected " + input.label + " "
                      + expected);
        }
        if (item.maxValue && *item.maxValue != input.max) {
            error(ErrorCode::OutcomeQuestionnaireMismatch,
                  JsonPointer::appendKey(item.pointer, "extension"),
                  subject,
                  "maxValue is " + JsonWriter::formatNumber(*item.maxValue) + "; expected " + input.label + " "
                      + expected);
        }
    }

    void compareCodes(const OutcomeInput& input, const FormItem& item, const std::string& subject)
    {
        std::string expected;
        for (const std::string& value : input.values) {
            expected += expected.empty() ? value : ", " + value;
        }
        for (const std::string& value : input.values) {
            if (std::find(item.codes.begin(), item.codes.end(), value) == item.codes.end()) {
                error(ErrorCode::OutcomeQuestionnaireMismatch,
                      JsonPointer::appendKey(item.pointer, "answerOption"),
                      subject,
                      "answer option \"" + value + "\" missing; expected the codes " + expected);
            }
        }
        for (const std::string& code : item.codes) {
            if (std::find(input.values.begin(), input.values.end(), code) == input.values.end()) {
                error(ErrorCode::OutcomeQuestionnaireMismatch,
                      JsonPointer::appendKey(item.pointer, "answerOption"),
                      subject,
                      "answer option \"" + code + "\" is not an answer of " + input.label + "; expected the codes "
                          + expected);
            }
        }
    }
};

} // namespace

OutcomeQuestionnaireCheck OutcomeQuestionnaire::check(const JsonValue& questionnaire,
                                                      const OutcomeMeasures& measures,
                                                      const std::string& source,
                                                      std::string_view expectedInstrument)
{
    return QuestionnaireChecker(measures, source).check(questionnaire, expectedInstrument);
}

OutcomeQuestionnaireCheck OutcomeQuestionnaire::checkFile(const std::filesystem::path& path,
                                                          const OutcomeMeasures& measures,
                                                          std::string_view expectedInstrument)
{
    JsonReadResult read = JsonReader::parseFile(path);
    if (!read.ok()) {
        OutcomeQuestionnaireCheck result;
        result.diagnostics = std::move(read.diagnostics);
        return result;
    }
    return check(*read.value, measures, path.string(), expectedInstrument);
}

} // namespace backscreen::core
