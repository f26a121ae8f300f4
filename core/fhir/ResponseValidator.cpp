#include "ResponseValidator.h"

#include "core/fhir/EnableWhenEvaluator.h"
#include "core/fhir/QuestionnaireValidator.h"

#include <algorithm>
#include <map>
#include <utility>

namespace backscreen::core {

namespace {

std::size_t editDistance(const std::string& a, const std::string& b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::size_t codePointCount(const std::string& text)
{
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0u) != 0x80u; }));
}

bool hasAnyAnswer(const ResponseItem& item)
{
    for (const ResponseAnswer& answer : item.answers) {
        if (answer.value) {
            return true;
        }
    }
    return std::any_of(item.items.begin(), item.items.end(), hasAnyAnswer);
}

std::string optionList(const QuestionnaireItem& definition);

class Checker
{
public:
    Checker(const Questionnaire& questionnaire, const QuestionnaireResponse& response, const std::string& source)
        : m_questionnaire(questionnaire)
        , m_response(response)
        , m_source(source)
        , m_evaluator(questionnaire)
        // R4: a required item "must be present in a completed QuestionnaireResponse"; one in progress may lack it.
        , m_requireAnswers(response.status == "completed" || response.status == "amended")
    {}

    std::vector<Diagnostic> run()
    {
        m_evaluator.setAllAnswers(EnableWhenEvaluator::collectAnswers(m_questionnaire, m_response));
        walk(m_response.items, QuestionnaireItem::npos, m_response.pointer);
        return std::move(m_diagnostics);
    }

private:
    void add(ErrorCode code, const std::string& pointer, const std::string& linkId, std::string message)
    {
        m_diagnostics.push_back({code,
                                 Severity::Error,
                                 m_source,
                                 pointer,
                                 linkId.empty() ? std::string() : "item \"" + linkId + "\"",
                                 std::move(message)});
    }

    std::string suggestion(const std::string& linkId) const
    {
        std::string best;
        std::size_t bestDistance = linkId.size() >= 8 ? 3 : 0; // short ids such as "2.1.1" are all close
        if (linkId.size() > 64) {
            return {}; // long ids are not typos worth a quadratic search
        }
        for (const QuestionnaireItem& item : m_questionnaire.items()) {
            if (item.linkId.size() > linkId.size() + 2 || item.linkId.size() + 2 < linkId.size()) {
                continue;
            }
            std::size_t distance = editDistance(linkId, item.linkId);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = item.linkId;
            }
        }
        return best.empty() ? std::string() : " (did you mean \"" + best + "\"?)";
    }

    void walk(const std::vector<ResponseItem>& items, std::size_t parent, const std::string& containerPointer)
    {
        const std::vector<std::size_t>& expected =
            parent == QuestionnaireItem::npos ? m_questionnaire.roots() : m_questionnaire.items()[parent].children;
        std::map<std::size_t, std::size_t> copies;
        for (const ResponseItem& item : items) {
            std::size_t index = m_questionnaire.indexOf(item.linkId);
            if (index == QuestionnaireItem::npos) {
                if (!item.linkId.empty()) {
                    add(ErrorCode::FhirResponseUnknownLinkId,
                        item.pointer,
                        item.linkId,
                        "linkId \"" + item.linkId + "\" is not in the questionnaire" + suggestion(item.linkId)
                            + "; expected an item the questionnaire defines");
                }
                continue;
            }
            if (std::find(expected.begin(), expected.end(), index) == expected.end()) {
                const QuestionnaireItem& defined = m_questionnaire.items()[index];
                std::string where = defined.parent == QuestionnaireItem::npos
                                        ? std::string("at the top level")
                                        : "under \"" + m_questionnaire.items()[defined.parent].linkId + "\"";
                add(ErrorCode::FhirResponseItemMisplaced,
                    item.pointer,
                    item.linkId,
                    "the item is not expected here; expected it " + where + " as the questionnaire has it");
                continue;
            }
            const QuestionnaireItem& definition = m_questionnaire.items()[index];
            if (++copies[index] == 2 && !definition.repeats) {
                add(ErrorCode::FhirResponseRepeats,
                    item.pointer,
                    item.linkId,
                    "the item occurs more than once but does not repeat; expected it once");
            }
            checkItem(item, index);
        }
        for (std::size_t child : expected) {
            const QuestionnaireItem& definition = m_questionnaire.items()[child];
            if (!m_requireAnswers || !definition.required || !m_evaluator.isEnabled(child)) {
                continue;
            }
            bool answered = std::any_of(items.begin(), items.end(), [&](const ResponseItem& item) {
                return item.linkId == definition.linkId && hasAnyAnswer(item);
            });
            if (!answered) {
                add(ErrorCode::FhirResponseRequiredMissing,
                    containerPointer,
                    definition.linkId,
                    "no answer for the required item \"" + definition.linkId + "\"; expected one while it is enabled");
            }
        }
    }

    void checkItem(const ResponseItem& item, std::size_t index)
    {
        const QuestionnaireItem& definition = m_questionnaire.items()[index];
        if (definition.type == ItemType::Group || definition.type == ItemType::Display) {
            if (!item.answers.empty()) {
                add(ErrorCode::FhirResponseAnswersOnGroup,
                    item.pointer,
                    item.linkId,
                    std::string("the ") + itemTypeName(definition.type)
                        + " item has answers; expected none (questions nested in a group go under its item)");
            }
            if (definition.type == ItemType::Group) {
                walk(item.items, index, item.pointer);
            } else if (!item.items.empty()) {
                add(ErrorCode::FhirResponseItemsOutsideAnswers,
                    item.pointer,
                    item.linkId,
                    "the display item has nested items; expected none");
            }
            return;
        }
        if (!item.items.empty()) {
            add(ErrorCode::FhirResponseItemsOutsideAnswers,
                item.pointer,
                item.linkId,
                std::string("the ") + itemTypeName(definition.type)
                    + " item has nested items outside its answers; expected items that are not groups to nest "
                      "them under answer.item");
        }
        bool answered = std::any_of(item.answers.begin(), item.answers.end(), [](const ResponseAnswer& answer) {
            return answer.kind.has_value();
        });
        if (answered && !m_evaluator.isEnabled(index)) {
            add(ErrorCode::FhirResponseAnswerOnDisabled,
                item.pointer,
                item.linkId,
                "the item is answered but disabled by its enableWhen conditions (or those of an enclosing item); "
                "expected no answer");
        }
        if (item.answers.size() > 1 && !definition.repeats) {
            add(ErrorCode::FhirResponseRepeats,
                item.pointer,
                item.linkId,
                "the item has " + std::to_string(item.answers.size())
                    + " answers but does not repeat; expected at most one");
        }
        for (const ResponseAnswer& answer : item.answers) {
            checkAnswer(answer, definition, item.linkId);
            walk(answer.items, index, answer.pointer);
        }
    }

    void checkAnswer(const ResponseAnswer& answer, const QuestionnaireItem& definition, const std::string& linkId)
    {
        if (!answer.kind) {
            if (answer.items.empty()) {
                add(ErrorCode::FhirMissingElement,
                    answer.pointer,
                    linkId,
                    "the answer has no value[x]; expected one such as value"
                        + std::string(fhirValueKindName(answerKindsFor(definition.type).empty()
                                                            ? FhirValueKind::String
                                                            : answerKindsFor(definition.type).front())));
            }
            return;
        }
        std::vector<FhirValueKind> accepted = QuestionnaireValidator::acceptedAnswerKinds(definition);
        if (std::find(accepted.begin(), accepted.end(), *answer.kind) == accepted.end()) {
            std::string expected;
            for (std::size_t i = 0; i < accepted.size(); ++i) {
                expected += (i == 0 ? "value" : " or value") + std::string(fhirValueKindName(accepted[i]));
            }
            add(ErrorCode::FhirResponseAnswerType,
                answer.pointer,
                linkId,
                std::string("the ") + itemTypeName(definition.type) + " item is answered with value"
                    + fhirValueKindName(*answer.kind) + "; expected " + expected);
            return;
        }
        if (!answer.value) {
            return; // malformed, already reported by the parser
        }
        checkValue(*answer.value, definition, answer.pointer, linkId);
    }

    void checkValue(const FhirValue& value,
                    const QuestionnaireItem& definition,
                    const std::string& pointer,
                    const std::string&)
    {
        ResponseValidator::checkValue(value, definition, pointer, m_source, m_diagnostics);
    }

    const Questionnaire& m_questionnaire;
    const QuestionnaireResponse& m_response;
    const std::string& m_source;
    EnableWhenEvaluator m_evaluator;
    bool m_requireAnswers;
    std::vector<Diagnostic> m_diagnostics;
};

std::string optionList(const QuestionnaireItem& definition)
{
    std::string list;
    std::size_t shown = std::min<std::size_t>(definition.answerOptions.size(), 8);
    for (std::size_t i = 0; i < shown; ++i) {
        list += (i == 0 ? "" : ", ") + definition.answerOptions[i].value.describe();
    }
    if (shown < definition.answerOptions.size()) {
        list += ", ...";
    }
    return list;
}

} // namespace

void ResponseValidator::checkValue(const FhirValue& value,
                                   const QuestionnaireItem& definition,
                                   const std::string& pointer,
                                   const std::string& source,
                                   std::vector<Diagnostic>& diagnostics)
{
    auto add = [&](ErrorCode code, const std::string& at, const std::string&, std::string message) {
        diagnostics.push_back({code, Severity::Error, source, at, definition.subject(), std::move(message)});
    };
    const std::string& linkId = definition.linkId;
    bool freeText = definition.type == ItemType::OpenChoice && value.kind() == FhirValueKind::String;
    if (!definition.answerOptions.empty() && !freeText) {
        bool listed = std::any_of(definition.answerOptions.begin(),
                                  definition.answerOptions.end(),
                                  [&](const AnswerOption& option) { return option.value.equals(value); });
        if (!listed) {
            add(ErrorCode::FhirResponseOptionNotAllowed,
                pointer,
                linkId,
                "the answer " + value.describe() + " is not one of the item's answerOptions; expected "
                    + optionList(definition));
        }
    }
    if (definition.valueSet && value.kind() == FhirValueKind::Coding
        && definition.valueSet->contains(value) == ValueSet::Membership::NotMember) {
        add(ErrorCode::FhirResponseOptionNotAllowed,
            pointer,
            linkId,
            "the answer " + value.describe() + " is not in the ValueSet " + definition.answerValueSet
                + "; expected one of its codes");
    }
    if (definition.minValue) {
        auto order = value.compare(*definition.minValue);
        if (order && *order < 0) {
            add(ErrorCode::FhirResponseOutOfRange,
                pointer,
                linkId,
                "the answer " + value.describe() + " is below the minimum; expected at least "
                    + definition.minValue->describe());
        }
    }
    if (definition.maxValue) {
        auto order = value.compare(*definition.maxValue);
        if (order && *order > 0) {
            add(ErrorCode::FhirResponseOutOfRange,
                pointer,
                linkId,
                "the answer " + value.describe() + " is above the maximum; expected at most "
                    + definition.maxValue->describe());
        }
    }
    if (definition.maxLength && (value.kind() == FhirValueKind::String || value.kind() == FhirValueKind::Uri)) {
        std::size_t length = codePointCount(value.text());
        if (static_cast<long long>(length) > *definition.maxLength) {
            add(ErrorCode::FhirResponseTooLong,
                pointer,
                linkId,
                "the answer is " + std::to_string(length) + " characters long; expected at most "
                    + std::to_string(*definition.maxLength));
        }
    }
}

std::vector<Diagnostic> ResponseValidator::validate(const Questionnaire& questionnaire,
                                                    const QuestionnaireResponse& response,
                                                    const std::string& source)
{
    return Checker(questionnaire, response, source).run();
}

} // namespace backscreen::core
