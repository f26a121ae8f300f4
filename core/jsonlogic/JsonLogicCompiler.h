#pragma once

#include "core/json/JsonValue.h"
#include "core/jsonlogic/JsonLogicRule.h"

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace backscreen::core {

/// Compiles JsonLogic rules (a JsonValue read by JsonReader, or text) into JsonLogicRule.
///
/// Accepted: every operation of json-logic-js 2.0.5 (var, missing, missing_some, if, ?:, ==, ===, !=,
/// !==, !, !!, or, and, <, <=, >, >=, max, min, +, -, *, /, %, map, filter, reduce, all, none, some, merge,
/// in, cat, substr, log). An object with exactly one key is an operation; any other object, and every
/// scalar, is a literal; arrays are evaluated element by element. Rejected with a JsonLogicError naming
/// the node's JSON pointer, before anything is evaluated:
/// - an unknown operation (JsonLogicUnknownOperation), e.g. `/and/1: unknown operation "foo"`;
/// - a `var` path that is a boolean, an object or an array literal (JsonLogicBadArgument),
///   e.g. `/and/2/var: expected string or array`; `*` without arguments and `missing_some` with fewer
///   than two arguments or a null list (json-logic-js throws on these when it runs them);
/// - nesting deeper than Options::maxDepth (JsonLogicTooDeep); compilation and evaluation recurse at
///   most that deep, so hostile rules cannot overflow the stack.
class JsonLogicCompiler
{
public:
    struct Options
    {
        /// Deepest JSON nesting accepted in a rule (objects and arrays both count).
        std::size_t maxDepth = 256;
        /// Where `log` writes its argument (as JSON, one line); nowhere when null.
        std::ostream* log = nullptr;
        /// Expressions worth computing once per data and sharing between rules (a ruleset's derived items,
        /// which its loader substitutes into every rule that names them). A subtree equal to memoized[k]
        /// (an operation other than `var`) compiles to a Memo node of slot k over its usual compilation, so
        /// evaluations given a JsonLogicMemo compute it once; without one it evaluates as if unmarked, and
        /// results and traces are the same either way. Must outlive the call only.
        const std::vector<JsonValue>* memoized = nullptr;
    };

    static JsonLogicRule compile(const JsonValue& rule);
    static JsonLogicRule compile(const JsonValue& rule, const Options& options);
    /// Reads `text` with JsonReader first; its errors are thrown as backscreen::Error with the reader's
    /// code (1xx) and message, prefixed by `source`.
    static JsonLogicRule compileText(std::string_view text, const std::string& source);
    static JsonLogicRule compileText(std::string_view text, const std::string& source, const Options& options);
};

} // namespace backscreen::core
