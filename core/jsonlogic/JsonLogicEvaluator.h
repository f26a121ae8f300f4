#pragma once

#include "core/jsonlogic/JsonLogicMemo.h"
#include "core/jsonlogic/JsonLogicOperations.h"
#include "core/jsonlogic/JsonLogicProgram.h"
#include "core/jsonlogic/JsonLogicValue.h"

#include <cstdint>

namespace backscreen::core {

class JsonLogicTrace;

/// Walks a compiled program for one evaluation. The tracing and the plain walk are two instantiations of
/// one template, so keeping the trace off costs nothing.
class JsonLogicEvaluator
{
public:
    /// `trace` may be null; when not, it must have been start()ed for this program. `memo` may be null;
    /// when not, it must be bound to the data this evaluator is run on. A traced walk does not use it.
    JsonLogicEvaluator(const JsonLogicProgram& program, JsonLogicTrace* trace, JsonLogicMemo* memo = nullptr);

    JsonLogicValue run(const JsonLogicValue& data);
    /// Whether the rule's result is truthy, computed without building values where only truth matters.
    bool runTruth(const JsonLogicValue& data);
    /// runTruth of a fresh evaluator without a trace on `data`: a rule's verdict, the commonest call.
    static bool truthOf(const JsonLogicProgram& program, const JsonValue& data, JsonLogicMemo* memo = nullptr);
    /// Evaluates node `index` against `data` (no trace).
    JsonLogicValue evaluateNode(std::uint32_t index, const JsonLogicValue& data);

    /// The value a static-path var (not the whole data) finds in `data`, ignoring its default: undefined
    /// when a step finds nothing, as JsonLogicOperations::lookup of its path.
    JsonLogicValue lookupPath(const JsonLogicNode& node, const JsonLogicValue& data) const
    {
        return lookupStatic(node, data);
    }

    /// map/filter/reduce/all/none/some of node `index` over `array`, its first argument already evaluated.
    JsonLogicValue evaluateScoped(std::uint32_t index, const JsonLogicValue& array, const JsonLogicValue& data);

private:
    template <bool Tracing>
    JsonLogicValue evaluate(std::uint32_t index, const JsonLogicValue& data);
    template <bool Tracing>
    bool truth(std::uint32_t index, const JsonLogicValue& data);
    template <bool Tracing>
    JsonLogicValue evaluateOperation(std::uint32_t index, const JsonLogicNode& node, const JsonLogicValue& data);
    template <bool Tracing>
    JsonLogicValue evaluateScopedImpl(std::uint32_t index, const JsonLogicValue& array, const JsonLogicValue& data);
    template <bool Tracing>
    JsonLogicValue evaluateVar(std::uint32_t index, const JsonLogicNode& node, const JsonLogicValue& data);

    JsonLogicValue lookupStatic(const JsonLogicNode& node, const JsonLogicValue& data) const;
    /// The static path walked through JSON objects only: the member found, or nullptr when absent.
    /// `generic` is set when the walk meets anything but an object (the general lookup must decide).
    const JsonValue* lookupJson(const JsonLogicNode& node, const JsonValue* object, bool& generic) const;
    const JsonValue* member(const JsonValue& object, std::uint32_t segment) const;
    /// A var-versus-constant comparison decided on the JsonValue; false in `decided` when it needs the
    /// general path.
    bool compareFast(const JsonLogicNode& node, const JsonLogicValue& data, bool& decided) const;
    /// The truth of a leaf (a single-segment var, or a comparison with a fastSegment) read straight from
    /// the data object; false when `node` is no such leaf or the leaf needs the general path.
    bool leafTruth(const JsonLogicNode& node, const JsonValue* object, bool& value) const;
    /// compareFast for a node with a fastSegment, on the data object.
    bool compareLeaf(const JsonLogicNode& node, const JsonValue& object, bool& decided) const;
    /// compareLeaf on the member already found.
    bool compareFound(const JsonLogicNode& node, const JsonValue* found, bool& decided) const;
    /// The JavaScript number a simple node evaluates to, when it surely is one (numbers, `+` of numbers,
    /// `if` choosing one); false when it is not or may not be, and the general path must decide.
    bool fastNumber(std::uint32_t index, const JsonLogicValue& data, double& out);
    /// fastNumber for an `if` branch, with constants read inline.
    bool branchNumber(std::uint32_t index, const JsonLogicValue& data, double& out);
    /// A comparison of simple operands that are all numbers, decided without building values; false in
    /// `decided` when an operand is not a number.
    bool compareNumbers(const JsonLogicNode& node, const JsonLogicValue& data, bool& decided);
    /// The memo entry of a Memo node evaluated on the top-level data, or nullptr when there is no memo (or
    /// the walk is inside map/filter/reduce/all/none/some, where the data is an array element).
    JsonLogicMemo::Entry* memoEntry(const JsonLogicNode& node) const;
    void record(std::uint32_t node, const JsonLogicValue& value, const JsonLogicValue* computedPath);
    void leaveOperands(std::size_t begin, std::size_t end);

    const JsonLogicProgram& m_program;
    JsonLogicTrace* m_trace;
    JsonLogicMemo* m_memo;
    JsonLogicOperations::Context m_context;
    std::uint32_t m_scopeDepth = 0;
    std::int32_t m_frame = -1;
};

} // namespace backscreen::core
