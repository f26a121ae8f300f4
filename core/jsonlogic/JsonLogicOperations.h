#pragma once

#include "core/jsonlogic/JsonLogicProgram.h"
#include "core/jsonlogic/JsonLogicValue.h"

#include <cstddef>
#include <iosfwd>
#include <string_view>
#include <utility>
#include <vector>

namespace backscreen::core {

/// The operations whose arguments are all evaluated first (everything but if/and/or and the array
/// operations), as json-logic-js 2.0.5 defines them; shared by the ordinary and the three-valued evaluator.
class JsonLogicOperations
{
public:
    /// Deepest nesting of computed arrays (e.g. `reduce` wrapping its accumulator) before evaluation stops.
    static constexpr std::size_t maxNesting = 512;
    /// Elements and bytes an evaluation may build in all before it stops (a `cat` doubling in `reduce`).
    static constexpr std::size_t workLimit = std::size_t{1} << 24;

    struct Context
    {
        std::ostream* log = nullptr;
        std::size_t work = 0;
    };

    /// A `var` or `missing` read found in the data: the name as given and the value (undefined if absent).
    using Reads = std::vector<std::pair<JsonLogicValue, JsonLogicValue>>;

    /// Applies `node`'s operation to its evaluated arguments. `reads`, when not null, collects the names
    /// `missing`/`missing_some` looked up.
    static JsonLogicValue apply(const JsonLogicNode& node,
                                const JsonLogicValue* args,
                                std::size_t count,
                                const JsonLogicValue& data,
                                Context& context,
                                Reads* reads);

    /// The comparisons (== === != !== < <= > >=) as a bool, without building a value.
    static bool compare(JsonLogicOp op, const JsonLogicValue* args, std::size_t count);

    /// json-logic-js's `var` walk: String(path) split at ".", each step a property of the value reached
    /// (object member, array index or "length", string index or "length"). Undefined when a step finds
    /// nothing or starts from null; the value itself (possibly null) otherwise.
    static JsonLogicValue lookup(const JsonLogicValue& data, std::string_view path);
    static JsonLogicValue lookupSegment(const JsonLogicValue& value, std::string_view segment);
    /// `var` with evaluated arguments [path, default]: the whole data for a missing, "" or null path.
    static JsonLogicValue var(const JsonLogicValue* args, std::size_t count, const JsonLogicValue& data);

    /// Counts an owned array or string against the limits; throws JsonLogicLimitExceeded past them.
    static void charge(const JsonLogicNode& node, const JsonLogicValue& value, std::size_t size, Context& context);
};

} // namespace backscreen::core
