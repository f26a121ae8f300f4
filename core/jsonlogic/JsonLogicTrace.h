#pragma once

#include "core/json/JsonValue.h"
#include "core/jsonlogic/JsonLogicValue.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backscreen::core {

class JsonLogicProgram;

/// One input a rule read: a `var` (or a name `missing`/`missing_some` checked) looked up in the top-level
/// data. Reads inside `map`, `filter`, `reduce`, `all`, `none` and `some` look at array elements, not at
/// inputs, and are not recorded; the `var` that fetched the array is.
struct JsonLogicRead
{
    /// The path as written ("sij_distraction", "a.b", "" for the whole data), or as computed.
    std::string path;
    /// JSON pointer of the reading node in the rule, e.g. "/and/1/==/0".
    std::string pointer;
    /// What was found; nullopt when the path is absent (a default may then have been used).
    std::optional<JsonValue> value;
    /// False when the read lies in an operand that did not decide its `and`/`or` (an `or` operand before
    /// the truthy one, an `and` operand before the falsy one).
    bool onDecidingPath = false;
    /// The read's nearest enclosing predicate (see JsonLogicTrace) and what it gave; hasPredicate false
    /// (and predicateTruthy true) when there is none.
    bool hasPredicate = false;
    std::string predicatePointer;
    bool predicateTruthy = true;
    /// onDecidingPath and predicateTruthy: the read is part of why the rule is true.
    bool decisive = false;
};

/// What an evaluation read and which reads decided its result, for a finding's "why".
///
/// Semantics. Each read lies inside some nodes. It is on the deciding path unless one of its enclosing
/// `and`/`or` operands was not the deciding one: an `and` that is falsy is decided by its first falsy
/// operand, an `or` that is truthy by its first truthy operand, and every operand decides a truthy `and` or
/// a falsy `or`. An `if` is decided by the conditions it evaluated and the branch it chose (the others are
/// never evaluated). The nearest enclosing predicate is the closest comparison (`==` `===` `!=` `!==` `<`
/// `<=` `>` `>=`), `in`, `all`/`some`/`none`, `!`/`!!`, or `if` condition; `!`/`!!` applied directly to a
/// predicate forms one predicate with it, so `{"!": {"==": [x, 1]}}` counts as the predicate "x is not 1".
/// A read is decisive when it is on the deciding path and its nearest predicate was truthy (or it has no
/// predicate, being itself the value that decided). For a count such as
/// `{">=": [{"+": [{"if": [{"==": [{"var": "t1"}, "positive"]}, 1, 0]}, …]}, 3]}` the decisive reads are the
/// positive tests only: the negative ones sit under an `==` that was false. For an `and` that is true every
/// operand's reads are decisive; for an `or` that is true, those of the operand that made it true.
/// Decisiveness explains truthy results; for a falsy result use onDecidingPath.
///
/// Recording costs one small record per read (values are borrowed, not copied), so the trace can stay on.
/// The records borrow from the data: call reads() or toJson() before the data is destroyed. A trace is
/// cleared at the start of each evaluation that uses it.
class JsonLogicTrace
{
public:
    JsonLogicTrace();
    ~JsonLogicTrace();
    JsonLogicTrace(const JsonLogicTrace&) = delete;
    JsonLogicTrace& operator=(const JsonLogicTrace&) = delete;

    void clear();

    /// Number of reads recorded.
    std::size_t size() const { return m_records.size(); }

    std::vector<JsonLogicRead> reads() const;
    std::vector<JsonLogicRead> decisiveReads() const;

    /// The paths and values of decisiveReads(), in the same order, passed to `visit(std::string_view path,
    /// const JsonLogicValue& value)` one by one (the value undefined when absent), building nothing: for a
    /// finding's "why", which needs no pointers, keeps only some reads and is built for every fired rule.
    template <typename Visit>
    void forEachDecisiveInput(Visit&& visit) const
    {
        std::string computed;
        for (const Record& record : m_records) {
            if (isDecisive(record)) {
                visit(pathView(record, computed), record.value);
            }
        }
    }

    /// {"reads": [{"path", "value" (absent when missing), "pointer", "onDecidingPath", "decisive",
    /// "predicate", "predicateTruthy"}, …]}.
    JsonValue toJson() const;

    // Recording, for the evaluator.
    struct Record
    {
        std::uint32_t node = 0;
        std::int32_t frame = -1;
        bool onPath = true;
        bool hasComputedPath = false;
        JsonLogicValue value;
        JsonLogicValue computedPath;
    };

    struct Frame
    {
        std::uint32_t node = 0;
        bool truthy = false;
    };

    void start(std::shared_ptr<const JsonLogicProgram> program);

    std::vector<Record>& records() { return m_records; }

    std::vector<Frame>& frames() { return m_frames; }

private:
    JsonLogicRead materialize(const Record& record) const;
    bool isDecisive(const Record& record) const;
    std::string pathOf(const Record& record) const;
    /// pathOf without a copy: the node's own path, or a computed one written into `computed`.
    std::string_view pathView(const Record& record, std::string& computed) const;

    std::shared_ptr<const JsonLogicProgram> m_program;
    std::vector<Record> m_records;
    std::vector<Frame> m_frames;
};

} // namespace backscreen::core
