#include "ResponseBuilder.h"

#include <optional>
#include <utility>

namespace backscreen::core {

namespace {

class Builder
{
public:
    Builder(const Questionnaire& questionnaire, const EnableWhenEvaluator& state)
        : m_questionnaire(questionnaire)
        , m_state(state)
    {}

    std::vector<ResponseItem> items(const std::vector<std::size_t>& indices) const
    {
        std::vector<ResponseItem> result;
        for (std::size_t index : indices) {
            if (auto item = build(index)) {
                result.push_back(std::move(*item));
            }
        }
        return result;
    }

private:
    std::optional<ResponseItem> build(std::size_t index) const
    {
        const QuestionnaireItem& definition = m_questionnaire.items()[index];
        if (!m_state.isEnabled(index)) {
            return std::nullopt;
        }
        ResponseItem item;
        item.linkId = definition.linkId;
        item.text = definition.text;
        if (definition.type == ItemType::Group) {
            item.items = items(definition.children);
            return item.items.empty() ? std::nullopt : std::optional<ResponseItem>(std::move(item));
        }
        if (!isAnswerable(definition.type) || m_state.answers(index).empty()) {
            return std::nullopt;
        }
        for (const FhirValue& value : m_state.answers(index)) {
            ResponseAnswer answer;
            answer.value = value;
            answer.kind = value.kind();
            item.answers.push_back(std::move(answer));
        }
        item.answers.front().items = items(definition.children);
        return item;
    }

    const Questionnaire& m_questionnaire;
    const EnableWhenEvaluator& m_state;
};

} // namespace

QuestionnaireResponse ResponseBuilder::build(const Questionnaire& questionnaire,
                                             const EnableWhenEvaluator& state,
                                             const std::string& status,
                                             const std::string& authored)
{
    QuestionnaireResponse response;
    response.questionnaire = questionnaire.canonical();
    response.status = status;
    response.authored = authored;
    response.items = Builder(questionnaire, state).items(questionnaire.roots());
    return response;
}

} // namespace backscreen::core
