#include "JsonLogicCompiler.h"

#include "core/json/JsonPointer.h"
#include "core/json/JsonReader.h"
#include "core/jsonlogic/JsonLogicError.h"
#include "core/jsonlogic/JsonLogicProgram.h"

#include <algorithm>
#include <array>
#include <utility>

namespace backscreen::core {

namespace {

struct Operation
{
    std::string_view name;
    JsonLogicOp op;
    bool predicate;
};

constexpr std::array<Operation, 35> operations = {{
    {"var", JsonLogicOp::Var, false},
    {"missing", JsonLogicOp::Missing, false},
    {"missing_some", JsonLogicOp::MissingSome, false},
    {"if", JsonLogicOp::If, false},
    {"?:", JsonLogicOp::If, false},
    {"and", JsonLogicOp::And, false},
    {"or", JsonLogicOp::Or, false},
    {"!", JsonLogicOp::Not, true},
    {"!!", JsonLogicOp::NotNot, true},
    {"==", JsonLogicOp::Equal, true},
    {"===", JsonLogicOp::StrictEqual, true},
    {"!=", JsonLogicOp::NotEqual, true},
    {"!==", JsonLogicOp::StrictNotEqual, true},
    {"<", JsonLogicOp::Less, true},
    {"<=", JsonLogicOp::LessOrEqual, true},
    {">", JsonLogicOp::Greater, true},
    {">=", JsonLogicOp::GreaterOrEqual, true},
    {"in", JsonLogicOp::In, true},
    {"max", JsonLogicOp::Max, false},
    {"min", JsonLogicOp::Min, false},
    {"+", JsonLogicOp::Add, false},
    {"-", JsonLogicOp::Subtract, false},
    {"*", JsonLogicOp::Multiply, false},
    {"/", JsonLogicOp::Divide, false},
    {"%", JsonLogicOp::Modulo, false},
    {"map", JsonLogicOp::Map, false},
    {"filter", JsonLogicOp::Filter, false},
    {"reduce", JsonLogicOp::Reduce, false},
    {"all", JsonLogicOp::All, true},
    {"none", JsonLogicOp::None, true},
    {"some", JsonLogicOp::Some, true},
    {"merge", JsonLogicOp::Merge, false},
    {"cat", JsonLogicOp::Cat, false},
    {"substr", JsonLogicOp::Substr, false},
    {"log", JsonLogicOp::Log, false},
}};

class Builder
{
public:
    Builder(JsonLogicProgram& program, const JsonLogicCompiler::Options& options)
        : m_program(program)
        , m_options(options)
    {}

    std::uint32_t compile(const JsonValue& value, const std::string& pointer, std::size_t depth)
    {
        if (m_options.memoized != nullptr && value.isObject() && value.asObject().size() == 1
            && value.asObject().front().first != "var") {
            const std::vector<JsonValue>& memoized = *m_options.memoized;
            for (std::size_t slot = 0; slot < memoized.size(); ++slot) {
                if (memoized[slot] == value) {
                    // The Memo shares the pointer of what it stands for; it is never a read or a predicate.
                    const std::uint32_t expression = compileValue(value, pointer, depth);
                    const std::uint32_t index = add(JsonLogicOp::Memo, false, {expression}, pointer);
                    m_program.nodes[index].memoSlot = static_cast<std::uint32_t>(slot);
                    m_program.nodes[index].simple = m_program.nodes[expression].simple;
                    m_program.nodes[index].booleanValued = m_program.nodes[expression].booleanValued;
                    return index;
                }
            }
        }
        return compileValue(value, pointer, depth);
    }

private:
    std::uint32_t compileValue(const JsonValue& value, const std::string& pointer, std::size_t depth)
    {
        checkDepth(pointer, depth);
        if (value.isArray()) {
            std::vector<std::uint32_t> elements;
            bool allConstant = true;
            for (std::size_t i = 0; i < value.asArray().size(); ++i) {
                elements.push_back(compile(value.asArray()[i], JsonPointer::appendIndex(pointer, i), depth + 1));
                allConstant = allConstant && m_program.nodes[elements.back()].op == JsonLogicOp::Constant;
            }
            if (allConstant) {
                return constant(value, pointer);
            }
            return add(JsonLogicOp::ArrayLiteral, false, elements, pointer);
        }
        if (!value.isObject() || value.asObject().size() != 1) {
            return constant(value, pointer);
        }
        const auto& [name, arguments] = value.asObject().front();
        const Operation* operation = nullptr;
        for (const Operation& candidate : operations) {
            if (candidate.name == name) {
                operation = &candidate;
                break;
            }
        }
        if (operation == nullptr) {
            throw JsonLogicError(ErrorCode::JsonLogicUnknownOperation,
                                 pointer,
                                 "unknown operation \"" + name
                                     + "\"; expected a JsonLogic operation (var, if, and, ==, ...)");
        }
        std::string argumentsPointer = JsonPointer::appendKey(pointer, name);
        std::vector<std::uint32_t> args;
        if (arguments.isArray()) {
            checkDepth(argumentsPointer, depth + 1);
            for (std::size_t i = 0; i < arguments.asArray().size(); ++i) {
                args.push_back(
                    compile(arguments.asArray()[i], JsonPointer::appendIndex(argumentsPointer, i), depth + 2));
            }
        } else {
            args.push_back(compile(arguments, argumentsPointer, depth + 1));
        }
        switch (operation->op) {
        case JsonLogicOp::Var:
            return compileVar(args, arguments.isArray(), pointer, argumentsPointer);
        case JsonLogicOp::Multiply:
            if (args.empty()) {
                throw JsonLogicError(
                    ErrorCode::JsonLogicBadArgument, argumentsPointer, "expected at least one argument");
            }
            break;
        case JsonLogicOp::MissingSome:
            if (args.size() < 2) {
                throw JsonLogicError(ErrorCode::JsonLogicBadArgument,
                                     argumentsPointer,
                                     "expected 2 arguments: a count and a list of names");
            }
            if (isConstant(args[1]) && m_program.nodes[args[1]].constant.isNull()) {
                throw JsonLogicError(ErrorCode::JsonLogicBadArgument,
                                     JsonPointer::appendIndex(argumentsPointer, 1),
                                     "expected a list of names");
            }
            break;
        default:
            break;
        }
        std::uint32_t index = add(operation->op, operation->predicate, args, pointer);
        JsonLogicNode& node = m_program.nodes[index];
        if (isComparison(node.op) && args.size() == 2) {
            for (std::size_t v = 0; v < 2; ++v) {
                const JsonLogicNode& var = m_program.nodes[args[v]];
                if (var.op == JsonLogicOp::Var && var.staticPath && !var.wholeData && isConstant(args[1 - v])) {
                    node.fastVar = static_cast<std::uint32_t>(v);
                    const JsonLogicValue& constant = m_program.nodes[args[1 - v]].constant;
                    node.fastSegment = var.segmentCount == 1 ? var.firstSegment : JsonLogicNode::noChild;
                    node.fastKind = constant.kind();
                    node.fastBool = constant.isBool() && constant.asBool();
                    node.fastNumber = constant.isNumber() ? constant.asNumber() : 0.0;
                    node.fastText = constant.asString();
                }
            }
        }
        if (node.op == JsonLogicOp::In && args.size() == 2) {
            // `in` of a single-segment var and a literal array (e.g. a code among ["reduced", "absent"]).
            const JsonLogicNode& var = m_program.nodes[args[0]];
            const JsonLogicValue& list = m_program.nodes[args[1]].constant;
            if (var.op == JsonLogicOp::Var && var.staticPath && !var.wholeData && var.segmentCount == 1
                && isConstant(args[1]) && list.isArray() && list.borrowed() != nullptr) {
                node.fastSegment = var.firstSegment;
                node.fastKind = JsonLogicValue::Kind::Array;
                node.fastArray = list.borrowed();
            }
        }
        if (node.op == JsonLogicOp::MissingSome && args.size() == 2 && isConstant(args[0]) && isConstant(args[1])) {
            markFastMissing(index, args);
        }
        // `in` a literal list is Array#indexOf, which cannot throw (a non-array second operand can).
        node.simple = isSimpleOperation(node.op) || node.fastArray != nullptr;
        for (std::uint32_t arg : args) {
            node.simple = node.simple && m_program.nodes[arg].simple;
        }
        node.booleanValued = isBooleanValued(node, args);
        if ((node.op == JsonLogicOp::Not || node.op == JsonLogicOp::NotNot) && args.size() == 1
            && m_program.nodes[m_program.unwrapMemo(args[0])].predicate) {
            node.negatesPredicate = true;
        }
        return index;
    }

    /// `missing_some` of a number and a list of plain names, e.g. [1, ["rad_e2", "rad_e3"]]: registers the
    /// names as the node's segments (a name with "." is a path and an empty one the whole data, both left
    /// to the general path).
    void markFastMissing(std::uint32_t index, const std::vector<std::uint32_t>& args)
    {
        const JsonLogicValue& need = m_program.nodes[args[0]].constant;
        const JsonLogicValue& names = m_program.nodes[args[1]].constant;
        if (!need.isNumber() || !names.isArray() || names.borrowed() == nullptr) {
            return;
        }
        for (const JsonValue& name : names.borrowed()->asArray()) {
            if (!name.isString() || name.asString().empty() || name.asString().find('.') != std::string::npos) {
                return;
            }
        }
        JsonLogicNode& node = m_program.nodes[index];
        node.fastMissing = true;
        node.fastNumber = need.asNumber();
        node.firstSegment = static_cast<std::uint32_t>(m_program.segments.size());
        for (const JsonValue& name : names.borrowed()->asArray()) {
            m_program.segments.push_back(name.asString());
        }
        node.segmentCount = static_cast<std::uint32_t>(m_program.segments.size()) - node.firstSegment;
    }

    void checkDepth(const std::string& pointer, std::size_t depth) const
    {
        if (depth > m_options.maxDepth) {
            throw JsonLogicError(ErrorCode::JsonLogicTooDeep,
                                 pointer,
                                 "rule nests deeper than " + std::to_string(m_options.maxDepth)
                                     + " levels; expected a shallower rule");
        }
    }

    static bool isSimpleOperation(JsonLogicOp op)
    {
        return isComparison(op) || op == JsonLogicOp::And || op == JsonLogicOp::Or || op == JsonLogicOp::Not
               || op == JsonLogicOp::NotNot || op == JsonLogicOp::If || op == JsonLogicOp::Add;
    }

    /// See JsonLogicNode::booleanValued. An empty and/or gives undefined, an `if` without an else branch
    /// null, and and/or give an operand, so each must be made of boolean-valued operands.
    bool isBooleanValued(const JsonLogicNode& node, const std::vector<std::uint32_t>& args) const
    {
        auto boolean = [&](std::uint32_t arg) { return m_program.nodes[arg].booleanValued; };
        if (isComparison(node.op)) {
            return true;
        }
        switch (node.op) {
        case JsonLogicOp::In:
        case JsonLogicOp::Not:
        case JsonLogicOp::NotNot:
        case JsonLogicOp::All:
        case JsonLogicOp::None:
        case JsonLogicOp::Some:
            return true;
        case JsonLogicOp::And:
        case JsonLogicOp::Or:
            return !args.empty() && std::all_of(args.begin(), args.end(), boolean);
        case JsonLogicOp::If: {
            if (args.size() % 2 == 0) {
                return false;
            }
            for (std::size_t i = 1; i < args.size(); i += 2) {
                if (!boolean(args[i])) {
                    return false;
                }
            }
            return boolean(args.back());
        }
        default:
            return false;
        }
    }

    bool isConstant(std::uint32_t index) const { return m_program.nodes[index].op == JsonLogicOp::Constant; }

    std::uint32_t constant(const JsonValue& value, const std::string& pointer)
    {
        JsonLogicNode node;
        node.op = JsonLogicOp::Constant;
        node.constant = JsonLogicValue::borrow(value);
        node.simple = true;
        node.booleanValued = value.isBool();
        node.pointer = pointer;
        m_program.nodes.push_back(std::move(node));
        return static_cast<std::uint32_t>(m_program.nodes.size() - 1);
    }

    std::uint32_t
    add(JsonLogicOp op, bool predicate, const std::vector<std::uint32_t>& args, const std::string& pointer)
    {
        JsonLogicNode node;
        node.op = op;
        node.predicate = predicate;
        node.firstChild = static_cast<std::uint32_t>(m_program.children.size());
        node.childCount = static_cast<std::uint32_t>(args.size());
        node.pointer = pointer;
        m_program.children.insert(m_program.children.end(), args.begin(), args.end());
        m_program.nodes.push_back(std::move(node));
        return static_cast<std::uint32_t>(m_program.nodes.size() - 1);
    }

    std::uint32_t compileVar(const std::vector<std::uint32_t>& args,
                             bool argumentsAreArray,
                             const std::string& pointer,
                             const std::string& argumentsPointer)
    {
        std::uint32_t index = add(JsonLogicOp::Var, false, args, pointer);
        if (!args.empty() && isConstant(args[0])) {
            const JsonLogicValue& path = m_program.nodes[args[0]].constant;
            if (path.isBool() || path.isObject() || path.isArray()) {
                throw JsonLogicError(
                    ErrorCode::JsonLogicBadArgument,
                    argumentsAreArray ? JsonPointer::appendIndex(argumentsPointer, 0) : argumentsPointer,
                    argumentsAreArray ? "expected a path: a string, a number or null" : "expected string or array");
            }
        }
        bool staticPath = args.empty() || isConstant(args[0]);
        bool constantDefault = args.size() < 2 || isConstant(args[1]);
        JsonLogicNode& node = m_program.nodes[index];
        if (!staticPath || !constantDefault || args.size() > 2) {
            return index; // evaluated generically: computed path or default
        }
        node.staticPath = true;
        node.simple = true;
        node.constant = args.size() == 2 ? m_program.nodes[args[1]].constant : JsonLogicValue::null();
        if (node.constant.isUndefined()) {
            node.constant = JsonLogicValue::null();
        }
        JsonLogicValue path = args.empty() ? JsonLogicValue() : m_program.nodes[args[0]].constant;
        if (path.isUndefined() || path.isNull() || (path.isString() && path.asString().empty())) {
            node.wholeData = true;
            return index;
        }
        node.path = path.toString();
        node.firstSegment = static_cast<std::uint32_t>(m_program.segments.size());
        std::size_t begin = 0;
        while (true) {
            std::size_t end = node.path.find('.', begin);
            m_program.segments.push_back(
                node.path.substr(begin, end == std::string::npos ? std::string::npos : end - begin));
            if (end == std::string::npos) {
                break;
            }
            begin = end + 1;
        }
        node.segmentCount = static_cast<std::uint32_t>(m_program.segments.size()) - node.firstSegment;
        return index;
    }

    JsonLogicProgram& m_program;
    const JsonLogicCompiler::Options& m_options;
};

} // namespace

JsonLogicRule JsonLogicCompiler::compile(const JsonValue& rule)
{
    return compile(rule, Options());
}

JsonLogicRule JsonLogicCompiler::compile(const JsonValue& rule, const Options& options)
{
    auto program = std::make_shared<JsonLogicProgram>();
    // The program keeps its own reference to the rule (a shared, not a deep, copy): constants borrow from it.
    program->source = rule;
    program->log = options.log;
    Builder builder(*program, options);
    program->root = builder.compile(program->source, "", 0);
    program->hints = std::make_unique<std::atomic<std::uint32_t>[]>(program->segments.size());
    program->segmentHashes.reserve(program->segments.size());
    for (const std::string& segment : program->segments) {
        program->segmentHashes.push_back(JsonValue::keyHash(segment));
    }
    return JsonLogicRule(std::move(program));
}

JsonLogicRule JsonLogicCompiler::compileText(std::string_view text, const std::string& source)
{
    return compileText(text, source, Options());
}

JsonLogicRule JsonLogicCompiler::compileText(std::string_view text, const std::string& source, const Options& options)
{
    JsonReadResult read = JsonReader::parse(text, source);
    if (!read.ok()) {
        const Diagnostic& first = read.diagnostics.front();
        throw Error(first.code, first.toString());
    }
    return compile(*read.value, options);
}

} // namespace backscreen::core
