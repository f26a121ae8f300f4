#include "EnableWhenEvaluator.h"

#include "core/fhir/QuestionnaireResponse.h"

#include <algorithm>
#include <functional>
#include <utility>

namespace backscreen::core {

namespace {

void collect(const Questionnaire& questionnaire, const std::vector<ResponseItem>& items, ItemAnswers& answers)
{
    for (const ResponseItem& item : items) {
        std::size_t index = questionnaire.indexOf(item.linkId);
        for (const ResponseAnswer& answer : item.answers) {
            if (index != QuestionnaireItem::npos && answer.value) {
                answers[index].push_back(*answer.value);
            }
            collect(questionnaire, answer.items, answers);
        }
        collect(questionnaire, item.items, answers);
    }
}

} // namespace

EnableWhenEvaluator::EnableWhenEvaluator(const Questionnaire& questionnaire)
    : m_questionnaire(questionnaire)
{
    const auto& items = questionnaire.items();
    const std::size_t count = items.size();
    m_position.assign(count, QuestionnaireItem::npos);
    m_order.reserve(count);
    // Depth-first post-order over "depends on" (parent, enableWhen targets): what an item reads comes first.
    // Edges back into the active path (cycles) are skipped, so every item is placed exactly once.
    std::vector<char> state(count, 0); // 0 new, 1 active, 2 placed
    for (std::size_t start = 0; start < count; ++start) {
        if (state[start] != 0) {
            continue;
        }
        std::vector<std::pair<std::size_t, std::size_t>> stack{{start, 0}};
        state[start] = 1;
        while (!stack.empty()) {
            auto& [node, next] = stack.back();
            const QuestionnaireItem& item = items[node];
            std::size_t edgeCount = item.enableWhen.size() + 1;
            if (next < edgeCount) {
                std::size_t target = next == 0 ? item.parent : item.enableWhen[next - 1].target;
                ++next;
                if (target != QuestionnaireItem::npos && target < count && state[target] == 0) {
                    state[target] = 1;
                    stack.emplace_back(target, 0);
                }
                continue;
            }
            state[node] = 2;
            m_position[node] = m_order.size();
            m_order.push_back(node);
            stack.pop_back();
        }
    }
    m_dependants.assign(count, {});
    for (std::size_t i = 0; i < count; ++i) {
        const QuestionnaireItem& item = items[i];
        if (item.parent != QuestionnaireItem::npos && m_position[item.parent] < m_position[i]) {
            m_dependants[item.parent].push_back(i);
        }
        for (const EnableWhenCondition& condition : item.enableWhen) {
            std::size_t target = condition.target;
            if (target != QuestionnaireItem::npos && target < count && m_position[target] < m_position[i]) {
                auto& list = m_dependants[target];
                if (std::find(list.begin(), list.end(), i) == list.end()) {
                    list.push_back(i);
                }
            }
        }
    }
    m_answers.assign(count, {});
    m_enabled.assign(count, 0);
    m_queued.assign(count, 0);
    setAllAnswers({});
}

void EnableWhenEvaluator::setAllAnswers(ItemAnswers answers)
{
    m_answers = std::move(answers);
    m_answers.resize(m_questionnaire.items().size());
    for (std::size_t index : m_order) {
        m_enabled[index] = computeEnabled(index) ? 1 : 0;
    }
}

bool EnableWhenEvaluator::computeEnabled(std::size_t index) const
{
    const QuestionnaireItem& item = m_questionnaire.items()[index];
    if (item.parent != QuestionnaireItem::npos && m_enabled[item.parent] == 0) {
        return false;
    }
    if (item.enableWhen.empty()) {
        return true;
    }
    static const std::vector<FhirValue> none;
    bool any = item.enableBehavior == EnableBehavior::Any;
    for (const EnableWhenCondition& condition : item.enableWhen) {
        std::size_t target = condition.target;
        bool targetValid = target != QuestionnaireItem::npos && target < m_answers.size() && target != index;
        const std::vector<FhirValue>& values = targetValid && m_enabled[target] != 0 ? m_answers[target] : none;
        bool holds = targetValid && conditionHolds(condition, values);
        if (any && holds) {
            return true;
        }
        if (!any && !holds) {
            return false;
        }
    }
    return !any;
}

bool EnableWhenEvaluator::conditionHolds(const EnableWhenCondition& condition, const std::vector<FhirValue>& answers)
{
    if (!condition.answer) {
        return false;
    }
    const FhirValue& expected = *condition.answer;
    switch (condition.op) {
    case EnableWhenOperator::Exists:
        return expected.kind() == FhirValueKind::Boolean && (!answers.empty()) == expected.asBool();
    case EnableWhenOperator::Equal:
        return std::any_of(answers.begin(), answers.end(), [&](const FhirValue& a) { return a.equals(expected); });
    case EnableWhenOperator::NotEqual:
        return std::none_of(answers.begin(), answers.end(), [&](const FhirValue& a) { return a.equals(expected); });
    case EnableWhenOperator::Greater:
    case EnableWhenOperator::Less:
    case EnableWhenOperator::GreaterOrEqual:
    case EnableWhenOperator::LessOrEqual:
        return std::any_of(answers.begin(), answers.end(), [&](const FhirValue& a) {
            auto order = a.compare(expected);
            if (!order) {
                return false;
            }
            switch (condition.op) {
            case EnableWhenOperator::Greater:
                return *order > 0;
            case EnableWhenOperator::Less:
                return *order < 0;
            case EnableWhenOperator::GreaterOrEqual:
                return *order >= 0;
            default:
                return *order <= 0;
            }
        });
    }
    return false;
}

void EnableWhenEvaluator::push(std::size_t index)
{
    if (m_queued[index] != 0) {
        return;
    }
    m_queued[index] = 1;
    m_heap.push_back(index);
    auto later = [this](std::size_t a, std::size_t b) { return m_position[a] > m_position[b]; };
    std::push_heap(m_heap.begin(), m_heap.end(), later);
}

const std::vector<std::size_t>& EnableWhenEvaluator::setAnswers(std::size_t index, std::vector<FhirValue> values)
{
    m_changed.clear();
    if (index >= m_answers.size()) {
        return m_changed;
    }
    m_answers[index] = std::move(values);
    if (m_enabled[index] == 0) {
        return m_changed; // a disabled question's answers are invisible to the conditions that read it
    }
    auto later = [this](std::size_t a, std::size_t b) { return m_position[a] > m_position[b]; };
    for (std::size_t dependant : m_dependants[index]) {
        if (m_questionnaire.items()[dependant].parent != index
            || !m_questionnaire.items()[dependant].enableWhen.empty()) {
            push(dependant);
        }
    }
    // Every dependant sits later in m_order than what it reads, so popping by position visits each once.
    while (!m_heap.empty()) {
        std::pop_heap(m_heap.begin(), m_heap.end(), later);
        std::size_t next = m_heap.back();
        m_heap.pop_back();
        m_queued[next] = 0;
        char enabled = computeEnabled(next) ? 1 : 0;
        if (enabled == m_enabled[next]) {
            continue;
        }
        m_enabled[next] = enabled;
        m_changed.push_back(next);
        for (std::size_t dependant : m_dependants[next]) {
            push(dependant);
        }
    }
    return m_changed;
}

const std::vector<std::size_t>& EnableWhenEvaluator::setAnswers(std::string_view linkId, std::vector<FhirValue> values)
{
    return setAnswers(m_questionnaire.indexOf(linkId), std::move(values));
}

bool EnableWhenEvaluator::isEnabled(std::string_view linkId) const
{
    std::size_t index = m_questionnaire.indexOf(linkId);
    return index != QuestionnaireItem::npos && m_enabled[index] != 0;
}

std::vector<std::string> EnableWhenEvaluator::enabledLinkIds() const
{
    std::vector<std::string> linkIds;
    for (std::size_t i = 0; i < m_enabled.size(); ++i) {
        if (m_enabled[i] != 0) {
            linkIds.push_back(m_questionnaire.items()[i].linkId);
        }
    }
    return linkIds;
}

ItemAnswers EnableWhenEvaluator::collectAnswers(const Questionnaire& questionnaire,
                                                const QuestionnaireResponse& response)
{
    ItemAnswers answers(questionnaire.items().size());
    collect(questionnaire, response.items, answers);
    return answers;
}

} // namespace backscreen::core
