#pragma once

#include "core/json/JsonValue.h"
#include "core/jsonlogic/JsonLogicEvaluator.h"
#include "core/jsonlogic/JsonLogicProgram.h"
#include "core/jsonlogic/JsonLogicRule.h"
#include "core/jsonlogic/JsonLogicValue.h"

#include <cstdint>
#include <string>
#include <vector>

namespace backscreen::core {

/// The three-valued walk behind JsonLogicRule::evaluatePartial (semantics documented there). Kept apart
/// from JsonLogicEvaluator so the ordinary evaluation carries none of its work.
class JsonLogicPartialEvaluator
{
public:
    explicit JsonLogicPartialEvaluator(const JsonLogicProgram& program);

    JsonLogicPartialResult run(const JsonValue& data);
    /// run(data).truth, without collecting the unknown inputs or converting the value.
    JsonLogicTruth runTruth(const JsonValue& data);

    /// A value that is known, or unknown with what is known about it: its truthiness and, for numbers,
    /// bounds.
    struct Partial
    {
        bool known = true;
        JsonLogicValue value;
        JsonLogicTruth truth = JsonLogicTruth::Unknown;
        bool numeric = false;
        double lo = 0.0;
        double hi = 0.0;
    };

private:
    Partial evaluate(std::uint32_t index, const JsonLogicValue& data);
    Partial evaluateVar(const JsonLogicNode& node, const JsonLogicValue& data);
    Partial evaluateIf(const JsonLogicNode& node, const JsonLogicValue& data);
    Partial evaluateAndOr(const JsonLogicNode& node, const JsonLogicValue& data);
    Partial evaluateEager(const JsonLogicNode& node, const JsonLogicValue& data);
    Partial unknownInput(const std::string& path);

    const JsonLogicProgram& m_program;
    JsonLogicEvaluator m_plain;
    JsonLogicOperations::Context m_context;
    std::vector<std::string> m_unknownInputs;
    bool m_collectUnknown = true;
};

} // namespace backscreen::core
