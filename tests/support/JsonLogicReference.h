#pragma once

#include "core/json/JsonValue.h"
#include "core/jsonlogic/JsonLogicValue.h"

#include <string>

namespace backscreen::tests {

/// What json-logic-js (the npm package in build/node, run by a real `node` through
/// tests/support/json-logic-reference.js) answered for a list of cases.
struct JsonLogicReferenceRun
{
    /// Empty when node ran; otherwise what is missing or what went wrong, for the test's failure message.
    std::string error;
    /// Per case, [tag, value]: see json-logic-reference.js.
    core::JsonValue results;
};

/// Runs json-logic-js on `casesText`, a JSON array of [rule, data] pairs.
JsonLogicReferenceRun runJsonLogicReference(const std::string& casesText, const std::string& label);

/// The JavaScript type json-logic-reference.js reports for a result: "undefined", "null", "boolean",
/// "number", "nan", "infinity", "-infinity", "string", "array" or "object".
std::string javaScriptTag(const core::JsonLogicValue& value);

} // namespace backscreen::tests
