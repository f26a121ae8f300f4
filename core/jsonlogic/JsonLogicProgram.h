#pragma once

#include "core/json/JsonValue.h"
#include "core/jsonlogic/JsonLogicValue.h"

#include <atomic>
#include <cstdint>
#include <iosfwd>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace backscreen::core {

/// The operations of standard JsonLogic (json-logic-js 2.0.5), plus the two kinds of literal.
enum class JsonLogicOp : std::uint8_t
{
    /// A value that needs no evaluation: a scalar, an array without logic inside, an object that is not an
    /// operation (zero or several keys). Borrowed from the rule.
    Constant,
    /// An array with logic inside: each element is evaluated into a new array, as json-logic-js does.
    ArrayLiteral,
    Var,
    Missing,
    MissingSome,
    If,
    And,
    Or,
    Not,
    NotNot,
    Equal,
    StrictEqual,
    NotEqual,
    StrictNotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    In,
    Max,
    Min,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
    Map,
    Filter,
    Reduce,
    All,
    None,
    Some,
    Merge,
    Cat,
    Substr,
    Log,
    /// Not an operation of the rule: a subtree equal to one of the compiler's memoized expressions
    /// (JsonLogicCompiler::Options::memoized), its only child. Evaluates to the child's value; with a
    /// JsonLogicMemo the value is computed once per data and shared by every rule evaluated with that memo.
    Memo,
};

/// `==` `===` `!=` `!==` `<` `<=` `>` `>=`: the two-valued comparisons.
constexpr bool isComparison(JsonLogicOp op)
{
    return op == JsonLogicOp::Equal || op == JsonLogicOp::StrictEqual || op == JsonLogicOp::NotEqual
           || op == JsonLogicOp::StrictNotEqual || op == JsonLogicOp::Less || op == JsonLogicOp::LessOrEqual
           || op == JsonLogicOp::Greater || op == JsonLogicOp::GreaterOrEqual;
}

/// One node of a compiled rule. Children are indices into JsonLogicProgram::children.
struct JsonLogicNode
{
    static constexpr std::uint32_t noChild = std::numeric_limits<std::uint32_t>::max();

    // The fields every evaluation reads come first, so a node's hot part shares one cache line; the
    // strings, read only by traces and error messages, come last.
    JsonLogicOp op = JsonLogicOp::Constant;
    /// Comparisons, `in`, `!`, `!!`, `all`, `some`, `none`: the trace's predicates.
    bool predicate = false;
    /// `!` or `!!` applied directly to a predicate: the trace treats both as one predicate.
    bool negatesPredicate = false;
    /// Var whose path is a constant: the path split at "." (segments in the program), or the whole data.
    bool staticPath = false;
    bool wholeData = false;
    bool constantDefault = true;
    /// `missing_some` of a constant number and a literal list of plain names (no "."): the names are the
    /// node's segments and fastNumber the count, so its truth is decided on the data object directly.
    bool fastMissing = false;
    /// The value is always true or false (comparisons, `in`, `!`, `!!`, `all`/`none`/`some`, boolean
    /// constants, and and/or/if/Memo built only of such), so an evaluation needing the value may take the
    /// truth walk's answer.
    bool booleanValued = false;
    /// The subtree uses only constants, static-path vars, and/or/!/!!/if, `+`, the comparisons and `in` a
    /// literal list (fastArray): it cannot log, throw, build arrays or count against the limits, so the
    /// evaluator may try a fast path on it and redo it the general way when the fast path does not apply.
    bool simple = false;
    std::uint32_t firstChild = 0;
    std::uint32_t childCount = 0;
    std::uint32_t firstSegment = 0;
    std::uint32_t segmentCount = 0;
    /// A comparison of a static-path var with a constant (the commonest leaf of a screening rule): which
    /// child is the var, and the constant unpacked: its kind and its number, text (borrowed from the rule)
    /// or bool. Lets the evaluator compare the data's JsonValue without building values.
    std::uint32_t fastVar = noChild;
    /// The same when the var has a single segment: the segment, so the evaluator decides the commonest leaf
    /// without visiting its children.
    std::uint32_t fastSegment = noChild;
    JsonLogicValue::Kind fastKind = JsonLogicValue::Kind::Undefined;
    bool fastBool = false;
    double fastNumber = 0.0;
    std::string_view fastText;
    /// `in` of a single-segment var and a literal array: the array (fastSegment is the var's segment).
    const JsonValue* fastArray = nullptr;
    /// Constant: the value. Var with a constant default: the default (null when none is given).
    JsonLogicValue constant;
    /// Var with a static path: the path as written ("a.b", "" for the whole data).
    std::string path;
    /// JSON pointer of this node in the rule ("" for the root).
    std::string pointer;
    /// Memo: the index of its expression in Options::memoized, which is its slot in a JsonLogicMemo (last:
    /// screening rules only need it).
    std::uint32_t memoSlot = noChild;
};

/// A compiled rule: immutable after compilation except for the lookup hints, which are atomics that only
/// ever speed up a lookup (each is checked before use), so one program can be evaluated on many threads.
class JsonLogicProgram
{
public:
    JsonValue source;
    std::vector<JsonLogicNode> nodes;
    std::vector<std::uint32_t> children;
    std::vector<std::string> segments;
    /// JsonValue::keyHash of each segment, so a lookup that misses its hint does not hash the name again.
    std::vector<std::uint64_t> segmentHashes;
    /// For each segment: the index of the member where it was last found in an object, tried first next time.
    std::unique_ptr<std::atomic<std::uint32_t>[]> hints;
    std::uint32_t root = 0;
    /// Where `log` writes its argument as JSON; nowhere when null.
    std::ostream* log = nullptr;

    const JsonLogicNode& node(std::uint32_t index) const { return nodes[index]; }

    std::uint32_t child(const JsonLogicNode& node, std::uint32_t position) const
    {
        return children[node.firstChild + position];
    }

    /// `index`, or the node a Memo at `index` stands for: what the rule as written has there.
    std::uint32_t unwrapMemo(std::uint32_t index) const
    {
        while (nodes[index].op == JsonLogicOp::Memo) {
            index = children[nodes[index].firstChild];
        }
        return index;
    }
};

} // namespace backscreen::core
