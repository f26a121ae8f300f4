#include "JsonLogicOperations.h"

#include "core/json/JsonWriter.h"
#include "core/jsonlogic/JsonLogicError.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <ostream>
#include <string>

namespace backscreen::core {

namespace {

const JsonLogicValue& argument(const JsonLogicValue* args, std::size_t count, std::size_t index)
{
    static const JsonLogicValue undefined;
    return index < count ? args[index] : undefined;
}

// ToIntegerOrInfinity of the ECMAScript specification.
double toInteger(const JsonLogicValue& value)
{
    double number = value.toNumber();
    if (std::isnan(number)) {
        return 0.0;
    }
    return std::trunc(number) + 0.0;
}

// Array index segments are canonical decimal integers ("0", "12"; not "01" or "1.0").
bool arrayIndex(std::string_view segment, std::size_t& index)
{
    if (segment.empty() || segment.size() > 10 || (segment.size() > 1 && segment.front() == '0')) {
        return false;
    }
    std::size_t value = 0;
    for (char c : segment) {
        if (c < '0' || c > '9') {
            return false;
        }
        value = value * 10 + static_cast<std::size_t>(c - '0');
    }
    if (value >= 4294967295u) {
        return false;
    }
    index = value;
    return true;
}

// String.prototype.substr(start, length) on UTF-16 code units.
std::string substr(std::string_view text, const JsonLogicValue& start, const JsonLogicValue* length)
{
    double size = static_cast<double>(JsonLogicValue::utf16Length(text));
    double from = toInteger(start);
    if (from < 0) {
        from = std::max(size + from, 0.0);
    } else {
        from = std::min(from, size);
    }
    double count = length == nullptr ? size : std::clamp(toInteger(*length), 0.0, size);
    double to = std::min(from + count, size);
    if (to <= from) {
        return {};
    }
    return JsonLogicValue::utf16Slice(text, static_cast<std::size_t>(from), static_cast<std::size_t>(to));
}

// json-logic-js looks each `missing` name up by running {"var": name} as a rule, so a name that is an
// object with one key (found in the data) would itself run as a rule. We refuse to run data as code.
void refuseDataAsRule(const JsonLogicNode& node, const JsonLogicValue& name)
{
    if (name.isObject()) {
        const JsonValue* object = name.borrowed();
        std::size_t size = object != nullptr ? object->size() : 2;
        if (size == 1) {
            throw JsonLogicError(ErrorCode::JsonLogicEvaluationFailed,
                                 node.pointer,
                                 "a name to check is an object with one key, which json-logic-js would run as a "
                                 "rule; expected a string or a number");
        }
    } else if (name.isArray()) {
        for (std::size_t i = 0; i < name.arraySize(); ++i) {
            refuseDataAsRule(node, name.arrayElement(i));
        }
    }
}

// `in`: substring of a string (the needle converted to a string), or strict-equal element of an array.
bool contains(const JsonLogicValue& needle, const JsonLogicValue& haystack)
{
    if (haystack.isString()) {
        return !haystack.asString().empty() && haystack.asString().find(needle.toString()) != std::string_view::npos;
    }
    if (haystack.isArray()) {
        for (std::size_t i = 0; i < haystack.arraySize(); ++i) {
            if (JsonLogicValue::strictEquals(haystack.arrayElement(i), needle)) {
                return true;
            }
        }
    }
    return false;
}

JsonLogicValue missing(const JsonLogicNode& node,
                       const JsonLogicValue* args,
                       std::size_t count,
                       const JsonLogicValue& data,
                       JsonLogicOperations::Context& context,
                       JsonLogicOperations::Reads* reads)
{
    // json-logic-js: one array argument is the list of names; otherwise the arguments are.
    std::vector<JsonLogicValue> keys;
    if (count > 0 && args[0].isArray()) {
        for (std::size_t i = 0; i < args[0].arraySize(); ++i) {
            keys.push_back(args[0].arrayElement(i));
        }
    } else {
        keys.assign(args, args + count);
    }
    for (const JsonLogicValue& key : keys) {
        refuseDataAsRule(node, key);
    }
    std::vector<JsonLogicValue> absent;
    for (const JsonLogicValue& key : keys) {
        // Each name is looked up as {"var": name}; an array name is [path, default].
        std::vector<JsonLogicValue> varArgs;
        if (key.isArray()) {
            for (std::size_t i = 0; i < key.arraySize() && i < 2; ++i) {
                varArgs.push_back(key.arrayElement(i));
            }
        } else {
            varArgs.push_back(key);
        }
        JsonLogicValue value = JsonLogicOperations::var(varArgs.data(), varArgs.size(), data);
        if (reads != nullptr) {
            reads->emplace_back(key, value);
        }
        if (value.isNull() || (value.isString() && value.asString().empty())) {
            absent.push_back(key);
        }
    }
    std::size_t size = absent.size();
    JsonLogicValue result = JsonLogicValue::array(std::move(absent));
    JsonLogicOperations::charge(node, result, size, context);
    return result;
}

} // namespace

bool JsonLogicOperations::compare(JsonLogicOp op, const JsonLogicValue* args, std::size_t count)
{
    auto arg = [&](std::size_t index) -> const JsonLogicValue& { return argument(args, count, index); };
    switch (op) {
    case JsonLogicOp::Equal:
        return JsonLogicValue::looseEquals(arg(0), arg(1));
    case JsonLogicOp::StrictEqual:
        return JsonLogicValue::strictEquals(arg(0), arg(1));
    case JsonLogicOp::NotEqual:
        return !JsonLogicValue::looseEquals(arg(0), arg(1));
    case JsonLogicOp::StrictNotEqual:
        return !JsonLogicValue::strictEquals(arg(0), arg(1));
    case JsonLogicOp::Less:
        return JsonLogicValue::lessThan(arg(0), arg(1))
               && (arg(2).isUndefined() || JsonLogicValue::lessThan(arg(1), arg(2)));
    case JsonLogicOp::LessOrEqual:
        return JsonLogicValue::lessOrEqual(arg(0), arg(1))
               && (arg(2).isUndefined() || JsonLogicValue::lessOrEqual(arg(1), arg(2)));
    case JsonLogicOp::Greater:
        return JsonLogicValue::lessThan(arg(1), arg(0));
    case JsonLogicOp::GreaterOrEqual:
        return JsonLogicValue::lessOrEqual(arg(1), arg(0));
    case JsonLogicOp::In:
        return contains(arg(0), arg(1));
    default:
        assert(false && "not a comparison");
        return false;
    }
}

void JsonLogicOperations::charge(const JsonLogicNode& node,
                                 const JsonLogicValue& value,
                                 std::size_t size,
                                 Context& context)
{
    context.work += size + 1;
    if (context.work > workLimit) {
        throw JsonLogicError(ErrorCode::JsonLogicLimitExceeded,
                             node.pointer,
                             "evaluation builds more than " + std::to_string(workLimit)
                                 + " array elements and characters; expected a smaller result");
    }
    if (value.nesting() > maxNesting) {
        throw JsonLogicError(ErrorCode::JsonLogicLimitExceeded,
                             node.pointer,
                             "evaluation nests arrays deeper than " + std::to_string(maxNesting)
                                 + " levels; expected a shallower result");
    }
}

JsonLogicValue JsonLogicOperations::lookupSegment(const JsonLogicValue& value, std::string_view segment)
{
    std::size_t index = 0;
    switch (value.kind()) {
    case JsonLogicValue::Kind::Object:
        return value.member(segment);
    case JsonLogicValue::Kind::Array:
        if (segment == "length") {
            return JsonLogicValue::number(static_cast<double>(value.arraySize()));
        }
        return arrayIndex(segment, index) ? value.arrayElement(index) : JsonLogicValue();
    case JsonLogicValue::Kind::String: {
        std::string_view text = value.asString();
        if (segment == "length") {
            return JsonLogicValue::number(static_cast<double>(JsonLogicValue::utf16Length(text)));
        }
        if (arrayIndex(segment, index) && index < JsonLogicValue::utf16Length(text)) {
            return JsonLogicValue::string(JsonLogicValue::utf16Slice(text, index, index + 1));
        }
        return {};
    }
    default:
        return {};
    }
}

JsonLogicValue JsonLogicOperations::lookup(const JsonLogicValue& data, std::string_view path)
{
    JsonLogicValue current = data;
    std::size_t begin = 0;
    while (true) {
        std::size_t end = path.find('.', begin);
        std::string_view segment =
            path.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin);
        if (current.isNull() || current.isUndefined()) {
            return {};
        }
        current = lookupSegment(current, segment);
        if (current.isUndefined()) {
            return {};
        }
        if (end == std::string_view::npos) {
            return current;
        }
        begin = end + 1;
    }
}

JsonLogicValue JsonLogicOperations::var(const JsonLogicValue* args, std::size_t count, const JsonLogicValue& data)
{
    const JsonLogicValue& path = argument(args, count, 0);
    const JsonLogicValue& fallback = argument(args, count, 1);
    if (path.isUndefined() || path.isNull() || (path.isString() && path.asString().empty())) {
        return data;
    }
    JsonLogicValue found = lookup(data, path.isString() ? std::string(path.asString()) : path.toString());
    if (found.isUndefined()) {
        return fallback.isUndefined() ? JsonLogicValue::null() : fallback;
    }
    return found;
}

JsonLogicValue JsonLogicOperations::apply(const JsonLogicNode& node,
                                          const JsonLogicValue* args,
                                          std::size_t count,
                                          const JsonLogicValue& data,
                                          Context& context,
                                          Reads* reads)
{
    auto arg = [&](std::size_t index) -> const JsonLogicValue& { return argument(args, count, index); };
    switch (node.op) {
    case JsonLogicOp::ArrayLiteral: {
        JsonLogicValue result = JsonLogicValue::array(std::vector<JsonLogicValue>(args, args + count));
        charge(node, result, count, context);
        return result;
    }
    case JsonLogicOp::Var:
        return var(args, count, data);
    case JsonLogicOp::Missing:
        return missing(node, args, count, data, context, reads);
    case JsonLogicOp::MissingSome: {
        const JsonLogicValue& options = arg(1);
        if (options.isNull() || options.isUndefined()) {
            throw JsonLogicError(ErrorCode::JsonLogicEvaluationFailed,
                                 node.pointer,
                                 "missing_some got no list of names; expected [count, [names...]]");
        }
        std::vector<JsonLogicValue> names;
        if (options.isArray()) {
            for (std::size_t i = 0; i < options.arraySize(); ++i) {
                names.push_back(options.arrayElement(i));
            }
        } else {
            names.push_back(options);
        }
        JsonLogicValue absent = missing(node, names.data(), names.size(), data, context, reads);
        double length = options.isArray()    ? static_cast<double>(options.arraySize())
                        : options.isString() ? static_cast<double>(JsonLogicValue::utf16Length(options.asString()))
                                             : std::numeric_limits<double>::quiet_NaN();
        JsonLogicValue present = JsonLogicValue::number(length - static_cast<double>(absent.arraySize()));
        if (JsonLogicValue::lessOrEqual(arg(0), present)) {
            return JsonLogicValue::array({});
        }
        return absent;
    }
    case JsonLogicOp::Equal:
        return JsonLogicValue::boolean(JsonLogicValue::looseEquals(arg(0), arg(1)));
    case JsonLogicOp::StrictEqual:
        return JsonLogicValue::boolean(JsonLogicValue::strictEquals(arg(0), arg(1)));
    case JsonLogicOp::NotEqual:
        return JsonLogicValue::boolean(!JsonLogicValue::looseEquals(arg(0), arg(1)));
    case JsonLogicOp::StrictNotEqual:
        return JsonLogicValue::boolean(!JsonLogicValue::strictEquals(arg(0), arg(1)));
    case JsonLogicOp::Less:
        if (arg(2).isUndefined()) {
            return JsonLogicValue::boolean(JsonLogicValue::lessThan(arg(0), arg(1)));
        }
        return JsonLogicValue::boolean(JsonLogicValue::lessThan(arg(0), arg(1))
                                       && JsonLogicValue::lessThan(arg(1), arg(2)));
    case JsonLogicOp::LessOrEqual:
        if (arg(2).isUndefined()) {
            return JsonLogicValue::boolean(JsonLogicValue::lessOrEqual(arg(0), arg(1)));
        }
        return JsonLogicValue::boolean(JsonLogicValue::lessOrEqual(arg(0), arg(1))
                                       && JsonLogicValue::lessOrEqual(arg(1), arg(2)));
    case JsonLogicOp::Greater:
        return JsonLogicValue::boolean(JsonLogicValue::lessThan(arg(1), arg(0)));
    case JsonLogicOp::GreaterOrEqual:
        return JsonLogicValue::boolean(JsonLogicValue::lessOrEqual(arg(1), arg(0)));
    case JsonLogicOp::Not:
        return JsonLogicValue::boolean(!arg(0).truthy());
    case JsonLogicOp::NotNot:
        return JsonLogicValue::boolean(arg(0).truthy());
    case JsonLogicOp::In:
        return JsonLogicValue::boolean(contains(arg(0), arg(1)));
    case JsonLogicOp::Max:
    case JsonLogicOp::Min: {
        // Math.max/Math.min: NaN wins, +0 is above -0, no arguments give -Infinity/Infinity.
        bool isMax = node.op == JsonLogicOp::Max;
        double result = isMax ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
        bool sawNaN = false;
        for (std::size_t i = 0; i < count; ++i) {
            double value = args[i].toNumber();
            if (std::isnan(value)) {
                sawNaN = true;
            } else if (isMax ? (value > result || (value == 0.0 && result == 0.0 && !std::signbit(value)))
                             : (value < result || (value == 0.0 && result == 0.0 && std::signbit(value)))) {
                result = value;
            }
        }
        return JsonLogicValue::number(sawNaN ? std::numeric_limits<double>::quiet_NaN() : result);
    }
    case JsonLogicOp::Add: {
        double sum = 0.0;
        for (std::size_t i = 0; i < count; ++i) {
            sum = (sum == 0.0 ? 0.0 : sum) + JsonLogicValue::parseFloat(args[i]);
        }
        return JsonLogicValue::number(sum);
    }
    case JsonLogicOp::Multiply: {
        if (count == 0) {
            throw JsonLogicError(ErrorCode::JsonLogicBadArgument, node.pointer, "expected at least one argument");
        }
        // Array#reduce without an initial value: one argument comes back as it is, unconverted.
        JsonLogicValue product = args[0];
        for (std::size_t i = 1; i < count; ++i) {
            product = JsonLogicValue::number(JsonLogicValue::parseFloat(product) * JsonLogicValue::parseFloat(args[i]));
        }
        return product;
    }
    case JsonLogicOp::Subtract:
        if (arg(1).isUndefined()) {
            return JsonLogicValue::number(-arg(0).toNumber());
        }
        return JsonLogicValue::number(arg(0).toNumber() - arg(1).toNumber());
    case JsonLogicOp::Divide:
        return JsonLogicValue::number(arg(0).toNumber() / arg(1).toNumber());
    case JsonLogicOp::Modulo:
        return JsonLogicValue::number(std::fmod(arg(0).toNumber(), arg(1).toNumber()));
    case JsonLogicOp::Merge: {
        std::vector<JsonLogicValue> elements;
        for (std::size_t i = 0; i < count; ++i) {
            if (args[i].isArray()) {
                for (std::size_t k = 0; k < args[i].arraySize(); ++k) {
                    elements.push_back(args[i].arrayElement(k));
                }
            } else {
                elements.push_back(args[i]);
            }
        }
        std::size_t size = elements.size();
        JsonLogicValue result = JsonLogicValue::array(std::move(elements));
        charge(node, result, size, context);
        return result;
    }
    case JsonLogicOp::Cat: {
        std::string text;
        for (std::size_t i = 0; i < count; ++i) {
            if (!args[i].isNull() && !args[i].isUndefined()) {
                args[i].appendString(text);
            }
            charge(node, JsonLogicValue(), text.size(), context);
        }
        return JsonLogicValue::string(std::move(text));
    }
    case JsonLogicOp::Substr: {
        std::string source = arg(0).toString();
        const JsonLogicValue& end = arg(2);
        if (JsonLogicValue::lessThan(end, JsonLogicValue::number(0.0))) {
            // json-logic-js emulates PHP's negative length: drop that many characters from the end. It
            // computes `temp.length + end` with JavaScript's +, which concatenates when end is not a number.
            std::string rest = substr(source, arg(1), nullptr);
            double length = static_cast<double>(JsonLogicValue::utf16Length(rest));
            JsonLogicValue keep = end.isNumber()
                                      ? JsonLogicValue::number(length + end.asNumber())
                                      : JsonLogicValue::string(JsonLogicValue::numberToString(length) + end.toString());
            JsonLogicValue result = JsonLogicValue::string(substr(rest, JsonLogicValue::number(0.0), &keep));
            charge(node, JsonLogicValue(), result.asString().size(), context);
            return result;
        }
        JsonLogicValue result = JsonLogicValue::string(substr(source, arg(1), end.isUndefined() ? nullptr : &end));
        charge(node, JsonLogicValue(), result.asString().size(), context);
        return result;
    }
    case JsonLogicOp::Log:
        if (context.log != nullptr) {
            *context.log << JsonWriter::write(arg(0).toJson()) << '\n';
        }
        return arg(0);
    case JsonLogicOp::Constant:
    case JsonLogicOp::If:
    case JsonLogicOp::And:
    case JsonLogicOp::Or:
    case JsonLogicOp::Map:
    case JsonLogicOp::Filter:
    case JsonLogicOp::Reduce:
    case JsonLogicOp::All:
    case JsonLogicOp::None:
    case JsonLogicOp::Some:
    case JsonLogicOp::Memo:
        break;
    }
    assert(false && "lazy operations are evaluated by the evaluator");
    return {};
}

} // namespace backscreen::core
