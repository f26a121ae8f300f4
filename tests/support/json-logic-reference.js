// The reference side of the JsonLogic differential test (tests/cli/JsonLogicDifferentialTest.cpp).
//   node json-logic-reference.js PATH/TO/json-logic-js/logic.js CASES.json
// CASES.json is [[rule, data], ...]. Prints one JSON array with, per case, [tag, value]: tag is the
// JavaScript type of the result ("undefined", "null", "boolean", "number", "nan", "infinity",
// "-infinity", "string", "array", "object") or "error" when apply throws; value is the result as
// JSON.stringify sees it (undefined, NaN and infinities become null) or the error message.
"use strict";
const fs = require("fs");
const jsonLogic = require(process.argv[2]);
const cases = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
console.log = () => {}; // the `log` operation must not mix with our output

function tag(value) {
    if (value === undefined) return "undefined";
    if (value === null) return "null";
    if (Array.isArray(value)) return "array";
    if (typeof value === "number") {
        if (Number.isNaN(value)) return "nan";
        if (!Number.isFinite(value)) return value > 0 ? "infinity" : "-infinity";
    }
    return typeof value;
}

const results = cases.map(([rule, data]) => {
    try {
        const result = jsonLogic.apply(rule, data);
        return [tag(result), JSON.parse(JSON.stringify([result]))[0]];
    } catch (error) {
        return ["error", String(error && error.message)];
    }
});
process.stdout.write(JSON.stringify(results));
