#include "JsonLogicRule.h"

#include "core/jsonlogic/JsonLogicEvaluator.h"
#include "core/jsonlogic/JsonLogicMemo.h"
#include "core/jsonlogic/JsonLogicPartialEvaluator.h"
#include "core/jsonlogic/JsonLogicProgram.h"

namespace backscreen::core {

JsonLogicRule::JsonLogicRule(std::shared_ptr<const JsonLogicProgram> program)
    : m_program(std::move(program))
{}

JsonLogicValue JsonLogicRule::evaluate(const JsonValue& data) const
{
    JsonLogicEvaluator evaluator(*m_program, nullptr);
    return evaluator.run(JsonLogicValue::borrow(data));
}

JsonLogicValue JsonLogicRule::evaluate(const JsonValue& data, JsonLogicTrace& trace) const
{
    trace.start(m_program);
    JsonLogicEvaluator evaluator(*m_program, &trace);
    return evaluator.run(JsonLogicValue::borrow(data));
}

JsonLogicValue JsonLogicRule::evaluate(const JsonValue& data, JsonLogicMemo& memo) const
{
    JsonLogicEvaluator evaluator(*m_program, nullptr, &memo.data() == &data ? &memo : nullptr);
    return evaluator.run(JsonLogicValue::borrow(data));
}

bool JsonLogicRule::isTruthy(const JsonValue& data) const
{
    return JsonLogicEvaluator::truthOf(*m_program, data);
}

bool JsonLogicRule::isTruthy(const JsonValue& data, JsonLogicMemo& memo) const
{
    return JsonLogicEvaluator::truthOf(*m_program, data, &memo.data() == &data ? &memo : nullptr);
}

JsonValue JsonLogicRule::evaluateToJson(const JsonValue& data) const
{
    return evaluate(data).toJson();
}

JsonLogicPartialResult JsonLogicRule::evaluatePartial(const JsonValue& data) const
{
    JsonLogicPartialEvaluator evaluator(*m_program);
    return evaluator.run(data);
}

JsonLogicTruth JsonLogicRule::truthPartial(const JsonValue& data) const
{
    JsonLogicPartialEvaluator evaluator(*m_program);
    return evaluator.runTruth(data);
}

const JsonValue& JsonLogicRule::source() const
{
    return m_program->source;
}

std::size_t JsonLogicRule::nodeCount() const
{
    return m_program->nodes.size();
}

} // namespace backscreen::core
