#include "JsonLogicPartialEvaluator.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace backscreen::core {

namespace {

using Partial = JsonLogicPartialEvaluator::Partial;

constexpr double notANumber = std::numeric_limits<double>::quiet_NaN();

Partial known(JsonLogicValue value)
{
    Partial partial;
    partial.value = std::move(value);
    return partial;
}

Partial unknown(JsonLogicTruth truth = JsonLogicTruth::Unknown)
{
    Partial partial;
    partial.known = false;
    partial.truth = truth;
    return partial;
}

Partial interval(double lo, double hi)
{
    if (std::isnan(lo) || std::isnan(hi)) {
        return unknown();
    }
    Partial partial = unknown(lo > 0.0 || hi < 0.0       ? JsonLogicTruth::True
                              : (lo == 0.0 && hi == 0.0) ? JsonLogicTruth::False
                                                         : JsonLogicTruth::Unknown);
    partial.numeric = true;
    partial.lo = lo;
    partial.hi = hi;
    return partial;
}

Partial knownTruth(JsonLogicTruth truth)
{
    return truth == JsonLogicTruth::Unknown ? unknown() : known(JsonLogicValue::boolean(truth == JsonLogicTruth::True));
}

JsonLogicTruth truthOf(const Partial& partial)
{
    if (partial.known) {
        return partial.value.truthy() ? JsonLogicTruth::True : JsonLogicTruth::False;
    }
    return partial.truth;
}

JsonLogicTruth negate(JsonLogicTruth truth)
{
    switch (truth) {
    case JsonLogicTruth::True:
        return JsonLogicTruth::False;
    case JsonLogicTruth::False:
        return JsonLogicTruth::True;
    case JsonLogicTruth::Unknown:
        break;
    }
    return JsonLogicTruth::Unknown;
}

JsonLogicTruth kleeneAnd(JsonLogicTruth a, JsonLogicTruth b)
{
    if (a == JsonLogicTruth::False || b == JsonLogicTruth::False) {
        return JsonLogicTruth::False;
    }
    if (a == JsonLogicTruth::True && b == JsonLogicTruth::True) {
        return JsonLogicTruth::True;
    }
    return JsonLogicTruth::Unknown;
}

// Bounds of a value that is (or surely becomes) a number; false when nothing bounds it.
bool range(const Partial& partial, double& lo, double& hi)
{
    if (partial.known) {
        lo = hi = partial.value.toNumber();
        return true;
    }
    if (partial.numeric) {
        lo = partial.lo;
        hi = partial.hi;
        return true;
    }
    return false;
}

Partial join(const Partial& a, const Partial& b)
{
    if (a.known && b.known
        && (JsonLogicValue::strictEquals(a.value, b.value)
            || (a.value.kind() == b.value.kind() && a.value.toJson() == b.value.toJson()))) {
        return a;
    }
    JsonLogicTruth ta = truthOf(a);
    Partial result = unknown(ta == truthOf(b) ? ta : JsonLogicTruth::Unknown);
    double alo = 0;
    double ahi = 0;
    double blo = 0;
    double bhi = 0;
    bool aNumber = a.known ? a.value.isNumber() && !std::isnan(a.value.asNumber()) : a.numeric;
    bool bNumber = b.known ? b.value.isNumber() && !std::isnan(b.value.asNumber()) : b.numeric;
    if (aNumber && bNumber && range(a, alo, ahi) && range(b, blo, bhi)) {
        Partial hull = interval(std::min(alo, blo), std::max(ahi, bhi));
        if (hull.truth == JsonLogicTruth::Unknown) {
            hull.truth = result.truth;
        }
        return hull;
    }
    return result;
}

// a < b (orEqual: a <= b) where at least one side is unknown.
JsonLogicTruth decideOrder(const Partial& a, const Partial& b, bool orEqual)
{
    if (a.known && b.known) {
        return (orEqual ? JsonLogicValue::lessOrEqual(a.value, b.value) : JsonLogicValue::lessThan(a.value, b.value))
                   ? JsonLogicTruth::True
                   : JsonLogicTruth::False;
    }
    // An unknown side without bounds may be a string or anything: nothing can be said.
    if ((!a.known && !a.numeric) || (!b.known && !b.numeric)) {
        return JsonLogicTruth::Unknown;
    }
    double alo = 0;
    double ahi = 0;
    double blo = 0;
    double bhi = 0;
    range(a, alo, ahi);
    range(b, blo, bhi);
    // The unknown side is a number, so JavaScript compares numerically; NaN compares false.
    if (std::isnan(alo) || std::isnan(blo)) {
        return JsonLogicTruth::False;
    }
    if (orEqual ? ahi <= blo : ahi < blo) {
        return JsonLogicTruth::True;
    }
    if (orEqual ? alo > bhi : alo >= bhi) {
        return JsonLogicTruth::False;
    }
    return JsonLogicTruth::Unknown;
}

JsonLogicTruth decideEquality(const Partial& a, const Partial& b, bool strict)
{
    if (a.known && b.known) {
        return (strict ? JsonLogicValue::strictEquals(a.value, b.value) : JsonLogicValue::looseEquals(a.value, b.value))
                   ? JsonLogicTruth::True
                   : JsonLogicTruth::False;
    }
    if (!a.known && !b.known) {
        if (a.numeric && b.numeric && (a.hi < b.lo || b.hi < a.lo)) {
            return JsonLogicTruth::False;
        }
        return JsonLogicTruth::Unknown;
    }
    const Partial& value = a.known ? a : b;
    const Partial& other = a.known ? b : a;
    if (!other.numeric) {
        return JsonLogicTruth::Unknown;
    }
    // `other` is surely a number.
    if (strict && !value.value.isNumber()) {
        return JsonLogicTruth::False;
    }
    if (value.value.isNull() || value.value.isUndefined()) {
        return JsonLogicTruth::False;
    }
    double number = value.value.toNumber();
    if (std::isnan(number) || number < other.lo || number > other.hi) {
        return JsonLogicTruth::False;
    }
    return JsonLogicTruth::Unknown;
}

} // namespace

JsonLogicPartialEvaluator::JsonLogicPartialEvaluator(const JsonLogicProgram& program)
    : m_program(program)
    , m_plain(program, nullptr)
{
    m_context.log = program.log;
}

JsonLogicPartialResult JsonLogicPartialEvaluator::run(const JsonValue& data)
{
    m_unknownInputs.clear();
    Partial result = evaluate(m_program.root, JsonLogicValue::borrow(data));
    JsonLogicPartialResult out;
    out.truth = truthOf(result);
    if (result.known) {
        out.value = result.value.toJson();
    }
    out.unknownInputs = std::move(m_unknownInputs);
    return out;
}

JsonLogicTruth JsonLogicPartialEvaluator::runTruth(const JsonValue& data)
{
    m_collectUnknown = false;
    const JsonLogicTruth truth = truthOf(evaluate(m_program.root, JsonLogicValue::borrow(data)));
    m_collectUnknown = true;
    return truth;
}

JsonLogicPartialEvaluator::Partial JsonLogicPartialEvaluator::unknownInput(const std::string& path)
{
    if (m_collectUnknown && std::find(m_unknownInputs.begin(), m_unknownInputs.end(), path) == m_unknownInputs.end()) {
        m_unknownInputs.push_back(path);
    }
    return unknown();
}

JsonLogicPartialEvaluator::Partial JsonLogicPartialEvaluator::evaluate(std::uint32_t index, const JsonLogicValue& data)
{
    const JsonLogicNode& node = m_program.nodes[index];
    switch (node.op) {
    case JsonLogicOp::Constant:
        return known(node.constant);
    case JsonLogicOp::Memo:
        return evaluate(m_program.child(node, 0), data);
    case JsonLogicOp::Var:
        return evaluateVar(node, data);
    case JsonLogicOp::If:
        return evaluateIf(node, data);
    case JsonLogicOp::And:
    case JsonLogicOp::Or:
        return evaluateAndOr(node, data);
    case JsonLogicOp::Map:
    case JsonLogicOp::Filter:
    case JsonLogicOp::Reduce:
    case JsonLogicOp::All:
    case JsonLogicOp::None:
    case JsonLogicOp::Some: {
        Partial array = node.childCount > 0 ? evaluate(m_program.child(node, 0), data) : known(JsonLogicValue());
        if (!array.known) {
            return unknown();
        }
        if (node.op == JsonLogicOp::Reduce && node.childCount > 2 && !evaluate(m_program.child(node, 2), data).known) {
            return unknown();
        }
        // Array elements are not inputs: the operation runs as usual over a known array.
        return known(m_plain.evaluateScoped(index, array.value, data));
    }
    default:
        return evaluateEager(node, data);
    }
}

JsonLogicPartialEvaluator::Partial JsonLogicPartialEvaluator::evaluateVar(const JsonLogicNode& node,
                                                                          const JsonLogicValue& data)
{
    std::string path;
    if (node.staticPath) {
        if (node.wholeData) {
            return data.isNull() || data.isUndefined() ? unknownInput("") : known(data);
        }
        // The compiled path, looked up without splitting its text again.
        JsonLogicValue found = m_plain.lookupPath(node, data);
        if (found.isUndefined() || found.isNull()) {
            return unknownInput(node.path);
        }
        return known(found);
    } else {
        Partial first = node.childCount > 0 ? evaluate(m_program.child(node, 0), data) : known(JsonLogicValue());
        for (std::uint32_t i = 1; i < node.childCount; ++i) {
            evaluate(m_program.child(node, i), data);
        }
        if (!first.known) {
            return unknown();
        }
        const JsonLogicValue& value = first.value;
        if (value.isUndefined() || value.isNull() || (value.isString() && value.asString().empty())) {
            return data.isNull() || data.isUndefined() ? unknownInput("") : known(data);
        }
        path = value.toString();
    }
    JsonLogicValue found = JsonLogicOperations::lookup(data, path);
    if (found.isUndefined() || found.isNull()) {
        return unknownInput(path);
    }
    return known(found);
}

JsonLogicPartialEvaluator::Partial JsonLogicPartialEvaluator::evaluateIf(const JsonLogicNode& node,
                                                                         const JsonLogicValue& data)
{
    // Branches reachable under some completion are joined; a surely true condition ends the chain.
    bool haveJoined = false;
    Partial joined;
    auto include = [&](const Partial& branch) {
        joined = haveJoined ? join(joined, branch) : branch;
        haveJoined = true;
    };
    std::uint32_t i = 0;
    for (; i + 1 < node.childCount; i += 2) {
        JsonLogicTruth condition = truthOf(evaluate(m_program.child(node, i), data));
        if (condition == JsonLogicTruth::True) {
            include(evaluate(m_program.child(node, i + 1), data));
            return joined;
        }
        if (condition == JsonLogicTruth::Unknown) {
            include(evaluate(m_program.child(node, i + 1), data));
        }
    }
    include(i < node.childCount ? evaluate(m_program.child(node, i), data) : known(JsonLogicValue::null()));
    return joined;
}

JsonLogicPartialEvaluator::Partial JsonLogicPartialEvaluator::evaluateAndOr(const JsonLogicNode& node,
                                                                            const JsonLogicValue& data)
{
    // Kleene: `and` is false once an operand is surely falsy, true when all are surely truthy.
    const JsonLogicTruth decides = node.op == JsonLogicOp::And ? JsonLogicTruth::False : JsonLogicTruth::True;
    Partial last = known(JsonLogicValue());
    bool unknownBefore = false;
    for (std::uint32_t i = 0; i < node.childCount; ++i) {
        if (i > 0 && truthOf(last) == JsonLogicTruth::Unknown) {
            unknownBefore = true;
        }
        last = evaluate(m_program.child(node, i), data);
        JsonLogicTruth truth = truthOf(last);
        if (truth == decides) {
            return unknownBefore ? unknown(decides) : last;
        }
    }
    // No operand decided: the value is the last operand's when all before it surely passed.
    return unknownBefore ? unknown() : last;
}

JsonLogicPartialEvaluator::Partial JsonLogicPartialEvaluator::evaluateEager(const JsonLogicNode& node,
                                                                            const JsonLogicValue& data)
{
    std::vector<Partial> args;
    args.reserve(node.childCount);
    bool allKnown = true;
    for (std::uint32_t i = 0; i < node.childCount; ++i) {
        args.push_back(evaluate(m_program.child(node, i), data));
        allKnown = allKnown && args.back().known;
    }
    if (allKnown) {
        std::vector<JsonLogicValue> values;
        values.reserve(args.size());
        for (const Partial& arg : args) {
            values.push_back(arg.value);
        }
        return known(JsonLogicOperations::apply(node, values.data(), values.size(), data, m_context, nullptr));
    }
    auto arg = [&](std::size_t i) { return i < args.size() ? args[i] : known(JsonLogicValue()); };
    switch (node.op) {
    case JsonLogicOp::Not:
    case JsonLogicOp::NotNot: {
        JsonLogicTruth truth = truthOf(arg(0));
        return knownTruth(node.op == JsonLogicOp::Not ? negate(truth) : truth);
    }
    case JsonLogicOp::Equal:
    case JsonLogicOp::StrictEqual:
        return knownTruth(decideEquality(arg(0), arg(1), node.op == JsonLogicOp::StrictEqual));
    case JsonLogicOp::NotEqual:
    case JsonLogicOp::StrictNotEqual:
        return knownTruth(negate(decideEquality(arg(0), arg(1), node.op == JsonLogicOp::StrictNotEqual)));
    case JsonLogicOp::Less:
    case JsonLogicOp::LessOrEqual: {
        bool orEqual = node.op == JsonLogicOp::LessOrEqual;
        JsonLogicTruth first = decideOrder(arg(0), arg(1), orEqual);
        if (args.size() < 3 || first == JsonLogicTruth::False) {
            return knownTruth(first);
        }
        const Partial& third = args[2];
        if (third.known && third.value.isUndefined()) {
            return knownTruth(first);
        }
        if (!third.known && !third.numeric) {
            return unknown(); // might be undefined, which turns the between form into a plain comparison
        }
        return knownTruth(kleeneAnd(first, decideOrder(arg(1), third, orEqual)));
    }
    case JsonLogicOp::Greater:
        return knownTruth(decideOrder(arg(1), arg(0), false));
    case JsonLogicOp::GreaterOrEqual:
        return knownTruth(decideOrder(arg(1), arg(0), true));
    case JsonLogicOp::Add:
    case JsonLogicOp::Multiply: {
        if (node.op == JsonLogicOp::Multiply && args.size() == 1) {
            return args[0]; // returned unconverted
        }
        // parseFloat of anything is a number or NaN; a known NaN makes the result NaN whatever else.
        double lo = node.op == JsonLogicOp::Add ? 0.0 : 1.0;
        double hi = lo;
        bool bounded = true;
        for (const Partial& a : args) {
            double alo = 0;
            double ahi = 0;
            if (a.known) {
                alo = ahi = JsonLogicValue::parseFloat(a.value);
                if (std::isnan(alo)) {
                    return known(JsonLogicValue::number(notANumber));
                }
            } else if (a.numeric) {
                alo = a.lo;
                ahi = a.hi;
            } else {
                bounded = false;
                continue;
            }
            if (node.op == JsonLogicOp::Add) {
                lo += alo;
                hi += ahi;
            } else {
                double products[] = {lo * alo, lo * ahi, hi * alo, hi * ahi};
                lo = *std::min_element(std::begin(products), std::end(products));
                hi = *std::max_element(std::begin(products), std::end(products));
            }
        }
        return bounded ? interval(lo, hi) : unknown();
    }
    case JsonLogicOp::Subtract: {
        double alo = 0;
        double ahi = 0;
        double blo = 0;
        double bhi = 0;
        Partial a = arg(0);
        Partial b = arg(1);
        if (b.known && b.value.isUndefined()) {
            return range(a, alo, ahi) && !a.known ? interval(-ahi, -alo) : unknown();
        }
        if (!range(a, alo, ahi) || !range(b, blo, bhi) || (!b.known && !b.numeric)) {
            return unknown();
        }
        return interval(alo - bhi, ahi - blo);
    }
    case JsonLogicOp::Max:
    case JsonLogicOp::Min: {
        bool isMax = node.op == JsonLogicOp::Max;
        double lo = isMax ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
        double hi = lo;
        for (const Partial& a : args) {
            double alo = 0;
            double ahi = 0;
            if (!range(a, alo, ahi)) {
                return unknown();
            }
            if (std::isnan(alo)) {
                return known(JsonLogicValue::number(notANumber));
            }
            lo = isMax ? std::max(lo, alo) : std::min(lo, alo);
            hi = isMax ? std::max(hi, ahi) : std::min(hi, ahi);
        }
        return interval(lo, hi);
    }
    default:
        return unknown();
    }
}

} // namespace backscreen::core
