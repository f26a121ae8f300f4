// json-logic-js on the benchmark's 40-rule screening ruleset and 80-answer intake, for comparison with
// bench_JsonLogic's screeningEvaluate (the same work: every rule applied once, its truthiness taken).
//   node tests/bench/json-logic-js-bench.js [build/node/node_modules/json-logic-js/logic.js]
"use strict";
const fs = require("fs");
const path = require("path");
const root = path.join(__dirname, "..", "..");
const jsonLogic = require(process.argv[2] || path.join(root, "build/node/node_modules/json-logic-js/logic.js"));
const rules = JSON.parse(fs.readFileSync(path.join(root, "tests/data/bench/screening-40-rules.json"), "utf8")).rules;
const answers = JSON.parse(fs.readFileSync(path.join(root, "tests/data/bench/answers-80.json"), "utf8"));

function evaluateAll() {
    let fired = 0;
    for (const rule of rules) {
        if (jsonLogic.truthy(jsonLogic.apply(rule.logic, answers))) fired++;
    }
    return fired;
}

let fired = 0;
for (let i = 0; i < 20000; i++) fired += evaluateAll(); // warm up the JIT
const rounds = 200000;
const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
for (let i = 0; i < rounds; i++) fired += evaluateAll();
const elapsed = Number(process.hrtime.bigint() - start) / rounds;
const cpu = process.cpuUsage(cpuStart);
// CPU time as well as wall time, comparable with Google Benchmark's "CPU" column on a busy machine.
const cpuNs = ((cpu.user + cpu.system) * 1000) / rounds;
console.log(`json-logic-js: ${rules.length} rules over ${Object.keys(answers).length} answers: ` +
            `${(elapsed / 1000).toFixed(2)} us wall, ${(cpuNs / 1000).toFixed(2)} us CPU per evaluation of all rules` +
            ` (fired ${evaluateAll()})`);
