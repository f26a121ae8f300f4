#include "JsonLogicEvaluator.h"

#include "core/jsonlogic/JsonLogicTrace.h"

#include <array>
#include <cmath>
#include <cstring>
#include <vector>

namespace backscreen::core {

namespace {

// JavaScript's comparison of two numbers (NaN compares false); `decided` stays false when `op` is not a
// two-argument comparison, so the caller falls back to the general path.
[[gnu::always_inline]] inline bool compareTwoNumbers(JsonLogicOp op, double a, double b, bool& decided)
{
    decided = true;
    switch (op) {
    case JsonLogicOp::Equal:
    case JsonLogicOp::StrictEqual:
        return a == b;
    case JsonLogicOp::NotEqual:
    case JsonLogicOp::StrictNotEqual:
        return !(a == b);
    case JsonLogicOp::Less:
        return a < b;
    case JsonLogicOp::LessOrEqual:
        return a <= b;
    case JsonLogicOp::Greater:
        return a > b;
    case JsonLogicOp::GreaterOrEqual:
        return a >= b;
    default:
        decided = false;
        return false;
    }
}

// JsonLogic truthiness of a data node, without wrapping it in a JsonLogicValue.
bool jsonTruthy(const JsonValue& value)
{
    switch (value.type()) {
    case JsonValue::Type::Null:
        return false;
    case JsonValue::Type::Bool:
        return value.asBool();
    case JsonValue::Type::Number:
        return value.asNumber() != 0.0 && !std::isnan(value.asNumber());
    case JsonValue::Type::String:
        return !value.asString().empty();
    case JsonValue::Type::Array:
        return !value.asArray().empty();
    case JsonValue::Type::Object:
        return true;
    }
    return false;
}

// `in` a literal array: Array#indexOf, strict equality, for the scalar kinds where that is plain equality;
// undecided for the others. Apart from compareLeaf, which stays small enough to inline.
[[gnu::noinline]] bool inList(const JsonValue& found, const JsonValue& list, bool& decided)
{
    const JsonValue::Type type = found.type();
    if (type != JsonValue::Type::String && type != JsonValue::Type::Number && type != JsonValue::Type::Bool) {
        return false;
    }
    decided = true;
    for (const JsonValue& element : list.asArray()) {
        if (element.type() != type) {
            continue;
        }
        if ((type == JsonValue::Type::String && element.asString() == found.asString())
            || (type == JsonValue::Type::Number && element.asNumber() == found.asNumber())
            || (type == JsonValue::Type::Bool && element.asBool() == found.asBool())) {
            return true;
        }
    }
    return false;
}

} // namespace

JsonLogicEvaluator::JsonLogicEvaluator(const JsonLogicProgram& program, JsonLogicTrace* trace, JsonLogicMemo* memo)
    : m_program(program)
    , m_trace(trace)
    , m_memo(memo)
{
    m_context.log = program.log;
}

inline const JsonValue* JsonLogicEvaluator::member(const JsonValue& object, std::uint32_t segment) const
{
    // Answer sets share their shape, so the member index where this name was found last time is almost
    // always right.
    return object.findHinted(m_program.segments[segment], m_program.segmentHashes[segment], m_program.hints[segment]);
}

inline JsonLogicMemo::Entry* JsonLogicEvaluator::memoEntry(const JsonLogicNode& node) const
{
    return m_memo != nullptr && m_scopeDepth == 0 ? m_memo->entry(node.memoSlot) : nullptr;
}

inline const JsonValue*
JsonLogicEvaluator::lookupJson(const JsonLogicNode& node, const JsonValue* object, bool& generic) const
{
    for (std::uint32_t s = node.firstSegment; s < node.firstSegment + node.segmentCount; ++s) {
        if (!object->isObject()) {
            generic = true;
            return nullptr;
        }
        object = member(*object, s);
        if (object == nullptr) {
            return nullptr;
        }
    }
    return object;
}

[[gnu::always_inline]] inline bool
JsonLogicEvaluator::compareLeaf(const JsonLogicNode& node, const JsonValue& object, bool& decided) const
{
    // compareFast for a single-segment var, with the constant unpacked at compile time.
    const JsonValue* found = member(object, node.fastSegment);
    if (found == nullptr) {
        return false;
    }
    return compareFound(node, found, decided);
}

[[gnu::always_inline]] inline bool
JsonLogicEvaluator::compareFound(const JsonLogicNode& node, const JsonValue* found, bool& decided) const
{
    if (node.fastArray != nullptr) {
        return inList(*found, *node.fastArray, decided);
    }
    switch (found->type()) {
    case JsonValue::Type::Number: {
        if (node.fastKind != JsonLogicValue::Kind::Number) {
            return false;
        }
        const bool varFirst = node.fastVar == 0;
        const double a = varFirst ? found->asNumber() : node.fastNumber;
        const double b = varFirst ? node.fastNumber : found->asNumber();
        return compareTwoNumbers(node.op, a, b, decided);
    }
    case JsonValue::Type::String:
    case JsonValue::Type::Bool: {
        const bool equality = node.op == JsonLogicOp::Equal || node.op == JsonLogicOp::StrictEqual;
        const bool inequality = node.op == JsonLogicOp::NotEqual || node.op == JsonLogicOp::StrictNotEqual;
        if (!equality && !inequality) {
            return false;
        }
        if (found->isString()) {
            if (node.fastKind != JsonLogicValue::Kind::String) {
                return false;
            }
            decided = true;
            return (std::string_view(found->asString()) == node.fastText) == equality;
        }
        if (node.fastKind != JsonLogicValue::Kind::Bool) {
            return false;
        }
        decided = true;
        return (found->asBool() == node.fastBool) == equality;
    }
    default:
        return false;
    }
}

inline bool JsonLogicEvaluator::leafTruth(const JsonLogicNode& node, const JsonValue* object, bool& value) const
{
    if (object == nullptr) {
        return false;
    }
    if (node.op == JsonLogicOp::Var && node.staticPath && !node.wholeData && node.segmentCount == 1) {
        // As truth() on a Var: the member's truthiness, or the default's when absent.
        const JsonValue* found = member(*object, node.firstSegment);
        value = found == nullptr ? node.constant.truthy() : jsonTruthy(*found);
        return true;
    }
    if (node.fastSegment != JsonLogicNode::noChild) {
        bool decided = false;
        value = compareLeaf(node, *object, decided);
        return decided;
    }
    return false;
}

JsonLogicValue JsonLogicEvaluator::run(const JsonLogicValue& data)
{
    return m_trace != nullptr ? evaluate<true>(m_program.root, data) : evaluate<false>(m_program.root, data);
}

bool JsonLogicEvaluator::runTruth(const JsonLogicValue& data)
{
    return m_trace != nullptr ? evaluate<true>(m_program.root, data).truthy() : truth<false>(m_program.root, data);
}

bool JsonLogicEvaluator::truthOf(const JsonLogicProgram& program, const JsonValue& data, JsonLogicMemo* memo)
{
    JsonLogicEvaluator evaluator(program, nullptr, memo);
    return evaluator.truth<false>(program.root, JsonLogicValue::borrow(data));
}

template <bool Tracing>
bool JsonLogicEvaluator::truth(std::uint32_t index, const JsonLogicValue& data)
{
    if constexpr (Tracing) {
        return evaluate<true>(index, data).truthy();
    } else {
        // Where only truthiness matters (conditions, predicates, a rule's verdict), and/or/!/if and the
        // comparisons answer with a bool instead of building the value json-logic-js would return: an
        // and/or returns an operand whose truthiness is its own.
        const JsonLogicNode& node = m_program.nodes[index];
        const std::uint32_t count = node.childCount;
        auto child = [&](std::uint32_t position) { return m_program.children[node.firstChild + position]; };
        switch (node.op) {
        case JsonLogicOp::Constant:
            return node.constant.truthy();
        case JsonLogicOp::Memo: {
            JsonLogicMemo::Entry* entry = memoEntry(node);
            if (entry == nullptr) {
                return truth<false>(child(0), data);
            }
            if (entry->state == JsonLogicMemo::Entry::State::Empty) {
                entry->truthy = truth<false>(child(0), data);
                entry->state = JsonLogicMemo::Entry::State::Truth;
            }
            return entry->truthy;
        }
        case JsonLogicOp::And:
        case JsonLogicOp::Or: {
            // The commonest operand, a plain answer such as {"var": "night_pain"}, is read here rather than
            // through another call; anything else recurses.
            const bool stopOn = node.op == JsonLogicOp::Or;
            const JsonValue* object = data.isObject() ? data.borrowed() : nullptr;
            for (std::uint32_t i = 0; i < count; ++i) {
                const std::uint32_t operand = child(i);
                const JsonLogicNode& operandNode = m_program.nodes[operand];
                bool value = false;
                if (!leafTruth(operandNode, object, value)) {
                    value = truth<false>(operand, data);
                }
                if (value == stopOn) {
                    return stopOn;
                }
            }
            return !stopOn && count > 0;
        }
        case JsonLogicOp::Not:
        case JsonLogicOp::NotNot: {
            bool first = count > 0 && truth<false>(child(0), data);
            for (std::uint32_t i = 1; i < count; ++i) {
                evaluate<false>(child(i), data);
            }
            return first == (node.op == JsonLogicOp::NotNot);
        }
        case JsonLogicOp::If: {
            std::uint32_t i = 0;
            for (; i + 1 < count; i += 2) {
                if (truth<false>(child(i), data)) {
                    return truth<false>(child(i + 1), data);
                }
            }
            return i < count && truth<false>(child(i), data);
        }
        case JsonLogicOp::Equal:
        case JsonLogicOp::StrictEqual:
        case JsonLogicOp::NotEqual:
        case JsonLogicOp::StrictNotEqual:
        case JsonLogicOp::Less:
        case JsonLogicOp::LessOrEqual:
        case JsonLogicOp::Greater:
        case JsonLogicOp::GreaterOrEqual:
        case JsonLogicOp::In: {
            if (node.fastSegment != JsonLogicNode::noChild && data.isObject() && data.borrowed() != nullptr) {
                bool decided = false;
                bool result = compareLeaf(node, *data.borrowed(), decided);
                if (decided) {
                    return result;
                }
            } else if (node.fastVar != JsonLogicNode::noChild) {
                bool decided = false;
                bool result = compareFast(node, data, decided);
                if (decided) {
                    return result;
                }
            } else if (node.simple && node.op != JsonLogicOp::In) {
                bool decided = false;
                bool result = compareNumbers(node, data, decided);
                if (decided) {
                    return result;
                }
            }
            std::array<JsonLogicValue, 3> args;
            for (std::uint32_t i = 0; i < count; ++i) {
                JsonLogicValue value = evaluate<false>(child(i), data);
                if (i < args.size()) {
                    args[i] = std::move(value);
                }
            }
            return JsonLogicOperations::compare(node.op, args.data(), std::min<std::size_t>(count, args.size()));
        }
        case JsonLogicOp::MissingSome:
            if (node.fastMissing && data.isObject() && data.borrowed() != nullptr) {
                // json-logic-js: the names found absent (undefined, null or ""), or [] when at least the
                // needed count was found; truthy when that list is not empty.
                std::uint32_t absent = 0;
                for (std::uint32_t s = node.firstSegment; s < node.firstSegment + node.segmentCount; ++s) {
                    const JsonValue* found = member(*data.borrowed(), s);
                    absent +=
                        found == nullptr || found->isNull() || (found->isString() && found->asString().empty()) ? 1 : 0;
                }
                return absent > 0 && !(static_cast<double>(node.segmentCount - absent) >= node.fastNumber);
            }
            return evaluate<false>(index, data).truthy();
        case JsonLogicOp::Var:
            if (node.staticPath) {
                if (node.wholeData) {
                    return data.truthy();
                }
                if (data.isObject() && data.borrowed() != nullptr) {
                    bool generic = false;
                    const JsonValue* found = lookupJson(node, data.borrowed(), generic);
                    if (!generic) {
                        return found == nullptr ? node.constant.truthy() : jsonTruthy(*found);
                    }
                }
                JsonLogicValue found = lookupStatic(node, data);
                return found.isUndefined() ? node.constant.truthy() : found.truthy();
            }
            return evaluate<false>(index, data).truthy();
        default:
            return evaluate<false>(index, data).truthy();
        }
    }
}

JsonLogicValue JsonLogicEvaluator::evaluateNode(std::uint32_t index, const JsonLogicValue& data)
{
    return evaluate<false>(index, data);
}

JsonLogicValue
JsonLogicEvaluator::evaluateScoped(std::uint32_t index, const JsonLogicValue& array, const JsonLogicValue& data)
{
    return evaluateScopedImpl<false>(index, array, data);
}

template <bool Tracing>
JsonLogicValue JsonLogicEvaluator::evaluate(std::uint32_t index, const JsonLogicValue& data)
{
    const JsonLogicNode& node = m_program.nodes[index];
    if (node.op == JsonLogicOp::Constant) {
        return node.constant;
    }
    if constexpr (Tracing) {
        if (node.predicate && m_scopeDepth == 0) {
            auto& frames = m_trace->frames();
            std::size_t frame = frames.size();
            if (!node.negatesPredicate && node.fastSegment != JsonLogicNode::noChild && data.isObject()
                && data.borrowed() != nullptr) {
                // A comparison of an answer with a constant, decided on the JsonValue as the plain walk does:
                // the same frame and the same single read (of the var; the constant reads nothing) as the
                // general traced walk below records, without building the operands' values.
                const JsonValue* found = member(*data.borrowed(), node.fastSegment);
                bool decided = false;
                const bool result = found != nullptr && compareFound(node, found, decided);
                if (decided) {
                    const std::uint32_t var =
                        m_program
                            .children[node.firstChild + (node.fastVar == JsonLogicNode::noChild ? 0 : node.fastVar)];
                    std::int32_t parent = m_frame;
                    frames.push_back({index, result});
                    m_frame = static_cast<std::int32_t>(frame);
                    record(var, JsonLogicValue::borrow(*found), nullptr);
                    m_frame = parent;
                    return JsonLogicValue::boolean(result);
                }
            }
            if (node.negatesPredicate) {
                // The operand, itself a predicate, opens the frame; this node gives it its truth.
                JsonLogicValue result = evaluateOperation<true>(index, node, data);
                if (frame < frames.size()) {
                    frames[frame] = {index, result.truthy()};
                }
                return result;
            }
            std::int32_t parent = m_frame;
            frames.push_back({index, false});
            m_frame = static_cast<std::int32_t>(frame);
            JsonLogicValue result = evaluateOperation<true>(index, node, data);
            frames[frame].truthy = result.truthy();
            m_frame = parent;
            return result;
        }
    }
    return evaluateOperation<Tracing>(index, node, data);
}

template <bool Tracing>
JsonLogicValue
JsonLogicEvaluator::evaluateOperation(std::uint32_t index, const JsonLogicNode& node, const JsonLogicValue& data)
{
    const std::uint32_t count = node.childCount;
    auto child = [&](std::uint32_t position) { return m_program.children[node.firstChild + position]; };
    if constexpr (!Tracing) {
        if (node.booleanValued
            && (node.op == JsonLogicOp::And || node.op == JsonLogicOp::Or || node.op == JsonLogicOp::If)) {
            // Its value is its truth, which the truth walk finds without building the operands' values
            // (the comparisons do the same below; the truth walk evaluates all/none/some through here).
            return JsonLogicValue::boolean(truth<false>(index, data));
        }
    }
    switch (node.op) {
    case JsonLogicOp::Var:
        return evaluateVar<Tracing>(index, node, data);
    case JsonLogicOp::Memo: {
        if constexpr (!Tracing) {
            if (JsonLogicMemo::Entry* entry = memoEntry(node)) {
                if (entry->state != JsonLogicMemo::Entry::State::Value) {
                    entry->value = evaluate<false>(child(0), data);
                    entry->truthy = entry->value.truthy();
                    entry->state = JsonLogicMemo::Entry::State::Value;
                }
                return entry->value;
            }
        }
        // Traced walks go through: the trace records the reads inside, as if the Memo were not there.
        return evaluate<Tracing>(child(0), data);
    }
    case JsonLogicOp::If: {
        std::uint32_t i = 0;
        for (; i + 1 < count; i += 2) {
            if constexpr (Tracing) {
                JsonLogicValue condition;
                const std::uint32_t conditionIndex = m_program.unwrapMemo(child(i));
                const JsonLogicNode& conditionNode = m_program.nodes[conditionIndex];
                if (!conditionNode.predicate && conditionNode.op != JsonLogicOp::Constant && m_scopeDepth == 0) {
                    // A bare condition is a truth test too: it is the predicate of the reads inside it.
                    auto& frames = m_trace->frames();
                    std::size_t frame = frames.size();
                    std::int32_t parent = m_frame;
                    frames.push_back({conditionIndex, false});
                    m_frame = static_cast<std::int32_t>(frame);
                    condition = evaluate<true>(child(i), data);
                    frames[frame].truthy = condition.truthy();
                    m_frame = parent;
                } else {
                    condition = evaluate<true>(child(i), data);
                }
                if (condition.truthy()) {
                    return evaluate<true>(child(i + 1), data);
                }
            } else if (truth<false>(child(i), data)) {
                return evaluate<false>(child(i + 1), data);
            }
        }
        if (i < count) {
            return evaluate<Tracing>(child(i), data);
        }
        return JsonLogicValue::null();
    }
    case JsonLogicOp::And:
    case JsonLogicOp::Or: {
        // The first falsy (and) or truthy (or) operand decides, else the last; none gives undefined.
        const bool stopOn = node.op == JsonLogicOp::Or;
        JsonLogicValue current;
        std::size_t start = 0;
        if constexpr (Tracing) {
            start = m_trace->records().size();
        }
        for (std::uint32_t i = 0; i < count; ++i) {
            std::size_t before = 0;
            if constexpr (Tracing) {
                before = m_trace->records().size();
            }
            current = evaluate<Tracing>(child(i), data);
            if (current.truthy() == stopOn) {
                if constexpr (Tracing) {
                    leaveOperands(start, before);
                }
                return current;
            }
        }
        return current;
    }
    case JsonLogicOp::Map:
    case JsonLogicOp::Filter:
    case JsonLogicOp::Reduce:
    case JsonLogicOp::All:
    case JsonLogicOp::None:
    case JsonLogicOp::Some: {
        JsonLogicValue array = count > 0 ? evaluate<Tracing>(child(0), data) : JsonLogicValue();
        return evaluateScopedImpl<Tracing>(index, array, data);
    }
    case JsonLogicOp::Not:
    case JsonLogicOp::NotNot: {
        // json-logic-js evaluates every argument, then looks at the first.
        JsonLogicValue first = count > 0 ? evaluate<Tracing>(child(0), data) : JsonLogicValue();
        for (std::uint32_t i = 1; i < count; ++i) {
            evaluate<Tracing>(child(i), data);
        }
        return JsonLogicValue::boolean(first.truthy() == (node.op == JsonLogicOp::NotNot));
    }
    case JsonLogicOp::Add: {
        double sum = 0.0;
        if constexpr (!Tracing) {
            // A count or sum of numbers (a derived item in a report): no values built. Anything else, e.g. a
            // string to parse, is redone below; a simple subtree has no side effects to repeat.
            if (node.simple && fastNumber(index, data, sum)) {
                return JsonLogicValue::number(sum);
            }
            sum = 0.0;
        }
        for (std::uint32_t i = 0; i < count; ++i) {
            sum = (sum == 0.0 ? 0.0 : sum) + JsonLogicValue::parseFloat(evaluate<Tracing>(child(i), data));
        }
        return JsonLogicValue::number(sum);
    }
    case JsonLogicOp::Equal:
    case JsonLogicOp::StrictEqual:
    case JsonLogicOp::NotEqual:
    case JsonLogicOp::StrictNotEqual:
    case JsonLogicOp::Less:
    case JsonLogicOp::LessOrEqual:
    case JsonLogicOp::Greater:
    case JsonLogicOp::GreaterOrEqual:
    case JsonLogicOp::In: {
        if constexpr (!Tracing) {
            // The comparison's value is its truth, which the truth walk decides without building values.
            return JsonLogicValue::boolean(truth<false>(index, data));
        }
        std::array<JsonLogicValue, 3> args;
        for (std::uint32_t i = 0; i < count; ++i) {
            JsonLogicValue value = evaluate<Tracing>(child(i), data);
            if (i < args.size()) {
                args[i] = std::move(value);
            }
        }
        return JsonLogicValue::boolean(
            JsonLogicOperations::compare(node.op, args.data(), std::min<std::size_t>(count, args.size())));
    }
    default: {
        std::vector<JsonLogicValue> args;
        args.reserve(count);
        for (std::uint32_t i = 0; i < count; ++i) {
            args.push_back(evaluate<Tracing>(child(i), data));
        }
        if constexpr (Tracing) {
            if ((node.op == JsonLogicOp::Missing || node.op == JsonLogicOp::MissingSome) && m_scopeDepth == 0) {
                JsonLogicOperations::Reads reads;
                JsonLogicValue result =
                    JsonLogicOperations::apply(node, args.data(), args.size(), data, m_context, &reads);
                for (const auto& [name, value] : reads) {
                    JsonLogicValue path = name.isArray() ? name.arrayElement(0) : name;
                    record(index, value, &path);
                }
                return result;
            }
        }
        return JsonLogicOperations::apply(node, args.data(), args.size(), data, m_context, nullptr);
    }
    }
}

template <bool Tracing>
JsonLogicValue
JsonLogicEvaluator::evaluateVar(std::uint32_t index, const JsonLogicNode& node, const JsonLogicValue& data)
{
    if (node.staticPath) {
        if (node.wholeData) {
            if constexpr (Tracing) {
                if (m_scopeDepth == 0) {
                    record(index, data, nullptr);
                }
            }
            return data;
        }
        if (node.segmentCount == 1 && data.isObject() && data.borrowed() != nullptr) {
            // An answer by name, the commonest read: the member itself, as lookupStatic would find it.
            const JsonValue* member = this->member(*data.borrowed(), node.firstSegment);
            const JsonLogicValue found = member != nullptr ? JsonLogicValue::borrow(*member) : JsonLogicValue();
            if constexpr (Tracing) {
                if (m_scopeDepth == 0) {
                    record(index, found, nullptr);
                }
            }
            return member != nullptr ? found : node.constant;
        }
        JsonLogicValue found = lookupStatic(node, data);
        if constexpr (Tracing) {
            if (m_scopeDepth == 0) {
                record(index, found, nullptr);
            }
        }
        return found.isUndefined() ? node.constant : found;
    }
    std::vector<JsonLogicValue> args;
    args.reserve(node.childCount);
    for (std::uint32_t i = 0; i < node.childCount; ++i) {
        args.push_back(evaluate<Tracing>(m_program.children[node.firstChild + i], data));
    }
    if constexpr (Tracing) {
        if (m_scopeDepth == 0) {
            JsonLogicValue path = args.empty() ? JsonLogicValue() : args[0];
            bool whole = path.isUndefined() || path.isNull() || (path.isString() && path.asString().empty());
            JsonLogicValue found = whole ? data : JsonLogicOperations::lookup(data, path.toString());
            record(index, found, &path);
        }
    }
    return JsonLogicOperations::var(args.data(), args.size(), data);
}

inline bool JsonLogicEvaluator::branchNumber(std::uint32_t index, const JsonLogicValue& data, double& out)
{
    // The branches of a count ({"if": [condition, 1, 0]}) are constants: read here, not through a call.
    const JsonLogicNode& node = m_program.nodes[index];
    if (node.op == JsonLogicOp::Constant) {
        if (node.constant.isNumber()) {
            out = node.constant.asNumber();
            return true;
        }
        return false;
    }
    return fastNumber(index, data, out);
}

bool JsonLogicEvaluator::fastNumber(std::uint32_t index, const JsonLogicValue& data, double& out)
{
    const JsonLogicNode& node = m_program.nodes[index];
    switch (node.op) {
    case JsonLogicOp::Constant:
        if (node.constant.isNumber()) {
            out = node.constant.asNumber();
            return true;
        }
        return false;
    case JsonLogicOp::Var: {
        if (!node.staticPath || node.wholeData || !data.isObject() || data.borrowed() == nullptr) {
            return false;
        }
        bool generic = false;
        const JsonValue* found = lookupJson(node, data.borrowed(), generic);
        if (generic) {
            return false;
        }
        if (found == nullptr) {
            if (node.constant.isNumber()) {
                out = node.constant.asNumber();
                return true;
            }
            return false;
        }
        if (found->isNumber()) {
            out = found->asNumber();
            return true;
        }
        return false;
    }
    case JsonLogicOp::Memo: {
        const std::uint32_t expression = m_program.children[node.firstChild];
        JsonLogicMemo::Entry* entry = memoEntry(node);
        if (entry == nullptr) {
            return fastNumber(expression, data, out);
        }
        if (entry->state == JsonLogicMemo::Entry::State::Value) {
            if (!entry->value.isNumber()) {
                return false;
            }
            out = entry->value.asNumber();
            return true;
        }
        if (!fastNumber(expression, data, out)) {
            return false;
        }
        entry->value = JsonLogicValue::number(out);
        entry->truthy = entry->value.truthy();
        entry->state = JsonLogicMemo::Entry::State::Value;
        return true;
    }
    case JsonLogicOp::Add: {
        // As evaluateOperation: parseFloat of a number is the number, -0 read back as 0.
        double sum = 0.0;
        for (std::uint32_t i = 0; i < node.childCount; ++i) {
            double term = 0.0;
            if (!fastNumber(m_program.children[node.firstChild + i], data, term)) {
                return false;
            }
            sum = (sum == 0.0 ? 0.0 : sum) + (term == 0.0 ? 0.0 : term);
        }
        out = sum;
        return true;
    }
    case JsonLogicOp::If: {
        const std::uint32_t count = node.childCount;
        std::uint32_t i = 0;
        const JsonValue* object = data.isObject() ? data.borrowed() : nullptr;
        for (; i + 1 < count; i += 2) {
            const std::uint32_t condition = m_program.children[node.firstChild + i];
            bool value = false;
            if (!leafTruth(m_program.nodes[condition], object, value)) {
                value = truth<false>(condition, data);
            }
            if (value) {
                return branchNumber(m_program.children[node.firstChild + i + 1], data, out);
            }
        }
        return i < count && branchNumber(m_program.children[node.firstChild + i], data, out);
    }
    default:
        return false;
    }
}

bool JsonLogicEvaluator::compareNumbers(const JsonLogicNode& node, const JsonLogicValue& data, bool& decided)
{
    const std::uint32_t count = node.childCount;
    const bool between = node.op == JsonLogicOp::Less || node.op == JsonLogicOp::LessOrEqual;
    if (count != 2 && !(count == 3 && between)) {
        return false;
    }
    std::array<double, 3> values{};
    for (std::uint32_t i = 0; i < count; ++i) {
        if (!fastNumber(m_program.children[node.firstChild + i], data, values[i])) {
            return false;
        }
    }
    // Three operands are a "between" (`<` and `<=` only): both neighbouring pairs must compare.
    const bool first = compareTwoNumbers(node.op, values[0], values[1], decided);
    return count < 3 ? first : first && compareTwoNumbers(node.op, values[1], values[2], decided);
}

bool JsonLogicEvaluator::compareFast(const JsonLogicNode& node, const JsonLogicValue& data, bool& decided) const
{
    if (!data.isObject() || data.borrowed() == nullptr) {
        return false;
    }
    const JsonLogicNode& var = m_program.nodes[m_program.children[node.firstChild + node.fastVar]];
    bool generic = false;
    const JsonValue* found = lookupJson(var, data.borrowed(), generic);
    if (generic || found == nullptr) {
        return false;
    }
    // Same-type comparisons only, where JavaScript's coercions play no part.
    return compareFound(node, found, decided);
}

JsonLogicValue JsonLogicEvaluator::lookupStatic(const JsonLogicNode& node, const JsonLogicValue& data) const
{
    JsonLogicValue current = data;
    for (std::uint32_t s = node.firstSegment; s < node.firstSegment + node.segmentCount; ++s) {
        if (current.isNull() || current.isUndefined()) {
            return {};
        }
        const std::string& segment = m_program.segments[s];
        const JsonValue* object = current.borrowed();
        if (object != nullptr && current.isObject()) {
            const JsonValue* found = member(*object, s);
            if (found == nullptr) {
                return {};
            }
            current = JsonLogicValue::borrow(*found);
            continue;
        }
        current = JsonLogicOperations::lookupSegment(current, segment);
        if (current.isUndefined()) {
            return {};
        }
    }
    return current;
}

template <bool Tracing>
JsonLogicValue
JsonLogicEvaluator::evaluateScopedImpl(std::uint32_t index, const JsonLogicValue& array, const JsonLogicValue& data)
{
    const JsonLogicNode& node = m_program.nodes[index];
    const std::uint32_t logic = node.childCount > 1 ? m_program.children[node.firstChild + 1] : JsonLogicNode::noChild;
    auto applyTo = [&](const JsonLogicValue& datum) {
        if (logic == JsonLogicNode::noChild) {
            return JsonLogicValue();
        }
        ++m_scopeDepth;
        JsonLogicValue result = evaluate<Tracing>(logic, datum);
        --m_scopeDepth;
        return result;
    };
    auto applyTruth = [&](const JsonLogicValue& datum) {
        if (logic == JsonLogicNode::noChild) {
            return false;
        }
        ++m_scopeDepth;
        bool result = truth<Tracing>(logic, datum);
        --m_scopeDepth;
        return result;
    };
    const std::size_t size = array.isArray() ? array.arraySize() : 0;
    switch (node.op) {
    case JsonLogicOp::Map:
    case JsonLogicOp::Filter: {
        std::vector<JsonLogicValue> elements;
        elements.reserve(size);
        for (std::size_t i = 0; i < size; ++i) {
            JsonLogicValue element = array.arrayElement(i);
            JsonLogicValue result = applyTo(element);
            if (node.op == JsonLogicOp::Map) {
                elements.push_back(std::move(result));
            } else if (result.truthy()) {
                elements.push_back(std::move(element));
            }
        }
        std::size_t built = elements.size();
        JsonLogicValue result = JsonLogicValue::array(std::move(elements));
        JsonLogicOperations::charge(node, result, built, m_context);
        return result;
    }
    case JsonLogicOp::Reduce: {
        JsonLogicValue accumulator = node.childCount > 2
                                         ? evaluate<Tracing>(m_program.children[node.firstChild + 2], data)
                                         : JsonLogicValue::null();
        if (!array.isArray()) {
            return accumulator;
        }
        for (std::size_t i = 0; i < size; ++i) {
            JsonLogicValue scope =
                JsonLogicValue::object({{"current", array.arrayElement(i)}, {"accumulator", accumulator}});
            JsonLogicOperations::charge(node, scope, 2, m_context);
            accumulator = applyTo(scope);
        }
        return accumulator;
    }
    case JsonLogicOp::All:
        if (size == 0) {
            return JsonLogicValue::boolean(false);
        }
        for (std::size_t i = 0; i < size; ++i) {
            if (!applyTruth(array.arrayElement(i))) {
                return JsonLogicValue::boolean(false);
            }
        }
        return JsonLogicValue::boolean(true);
    case JsonLogicOp::None:
    case JsonLogicOp::Some: {
        const bool some = node.op == JsonLogicOp::Some;
        for (std::size_t i = 0; i < size; ++i) {
            if (applyTruth(array.arrayElement(i))) {
                return JsonLogicValue::boolean(some);
            }
        }
        return JsonLogicValue::boolean(!some);
    }
    default:
        return {};
    }
}

void JsonLogicEvaluator::record(std::uint32_t node, const JsonLogicValue& value, const JsonLogicValue* computedPath)
{
    JsonLogicTrace::Record& entry = m_trace->records().emplace_back();
    entry.node = node;
    entry.frame = m_frame;
    entry.value = value;
    if (computedPath != nullptr) {
        entry.hasComputedPath = true;
        entry.computedPath = *computedPath;
    }
}

void JsonLogicEvaluator::leaveOperands(std::size_t begin, std::size_t end)
{
    auto& records = m_trace->records();
    for (std::size_t i = begin; i < end; ++i) {
        records[i].onPath = false;
    }
}

template JsonLogicValue JsonLogicEvaluator::evaluate<true>(std::uint32_t, const JsonLogicValue&);
template JsonLogicValue JsonLogicEvaluator::evaluate<false>(std::uint32_t, const JsonLogicValue&);

} // namespace backscreen::core
