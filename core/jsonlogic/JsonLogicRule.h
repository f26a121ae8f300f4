#pragma once

#include "core/json/JsonValue.h"
#include "core/jsonlogic/JsonLogicTrace.h"
#include "core/jsonlogic/JsonLogicValue.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace backscreen::core {

class JsonLogicMemo;
class JsonLogicProgram;

/// Kleene's three truth values.
enum class JsonLogicTruth
{
    False,
    True,
    Unknown,
};

/// The result of JsonLogicRule::evaluatePartial.
struct JsonLogicPartialResult
{
    /// Whether the rule's result is truthy ("fires"): Unknown when some completion of the unanswered
    /// inputs would make it truthy and another falsy (see evaluatePartial for where this is conservative).
    JsonLogicTruth truth = JsonLogicTruth::Unknown;
    /// The result when it is known whatever the unanswered inputs are.
    std::optional<JsonValue> value;
    /// Paths of the top-level `var`s read that were absent or null, first read first, without repeats.
    std::vector<std::string> unknownInputs;
};

/// A compiled JsonLogic rule (make one with JsonLogicCompiler). Immutable and cheap to copy (copies share
/// the compiled form); evaluate it any number of times, from any number of threads.
///
/// Results follow json-logic-js 2.0.5 exactly, JavaScript coercions included, for every rule the
/// compiler accepts.
class JsonLogicRule
{
public:
    /// Evaluates against `data` without copying it. The result may borrow from the data and the rule: use
    /// it (or its toJson()) while both are alive. Throws JsonLogicError where json-logic-js would throw
    /// (`missing_some` without a list) or when a resource limit is hit.
    JsonLogicValue evaluate(const JsonValue& data) const;
    /// The same, recording the trace (cleared first).
    JsonLogicValue evaluate(const JsonValue& data, JsonLogicTrace& trace) const;
    /// The same, sharing the memoized expressions' values (JsonLogicCompiler::Options::memoized) through
    /// `memo`; the memo is not used when it is bound to other data than `data`.
    JsonLogicValue evaluate(const JsonValue& data, JsonLogicMemo& memo) const;
    /// Whether the result is truthy (JsonLogic truthiness: [] is falsy).
    bool isTruthy(const JsonValue& data) const;
    bool isTruthy(const JsonValue& data, JsonLogicMemo& memo) const;
    JsonValue evaluateToJson(const JsonValue& data) const;

    /// Three-valued evaluation for screening with unanswered questions: a top-level `var` whose value is
    /// absent or null is unknown, and unknowns propagate by Kleene's strong logic: `and` is false as soon
    /// as one operand is surely falsy, unknown when none is but some operand is unknown (`or` dually); `!`
    /// and `!!` keep unknown; an `if` with an unknown condition joins both branches (known when they agree).
    /// Numbers built from unknowns by `if` branches, `+`, `-`, `*`, `min` and `max` are tracked as intervals
    /// [lo, hi], so comparisons (`<` `<=` `>` `>=`, `==` `!=` `===` `!==` with a number) are decided when the
    /// bounds decide them: three known positives of four counted tests make `>= 3` true, one positive and
    /// one unknown make it surely false.
    ///
    /// Exact (unknown only when completions really disagree) for rules that read each input once and are
    /// built from and/or/!/!!/if, comparisons of inputs with constants and counts of conditions. It is
    /// conservative (unknown although every completion agrees) when an input is read twice, e.g.
    /// `{"or": [x, {"!": x}]}`, and for any other operation with an unknown argument (`cat`, `in`, `merge`,
    /// `substr`, `/`, `%`, `map` over an unknown array, ...). `missing` and `missing_some` describe the
    /// answers given and stay known. Inside `map`/`filter`/`reduce`/`all`/`none`/`some` array elements are
    /// read as usual. The ordinary evaluate() does none of this work.
    JsonLogicPartialResult evaluatePartial(const JsonValue& data) const;
    /// evaluatePartial(data).truth alone, which is all a screening needs (it builds no lists or values).
    JsonLogicTruth truthPartial(const JsonValue& data) const;

    /// The rule as compiled.
    const JsonValue& source() const;
    /// Number of compiled nodes (a size measure for tests and benchmarks).
    std::size_t nodeCount() const;

private:
    friend class JsonLogicCompiler;

    explicit JsonLogicRule(std::shared_ptr<const JsonLogicProgram> program);

    std::shared_ptr<const JsonLogicProgram> m_program;
};

} // namespace backscreen::core
