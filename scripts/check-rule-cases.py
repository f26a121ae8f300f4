#!/usr/bin/env python3
"""Checks the per-rule test cases and the clinical vignettes against the rulesets (python3 stdlib only).

Usage: scripts/check-rule-cases.py [-v]

Evaluates every case of tests/data/rule-cases/*.json and every vignette of tests/data/vignettes/*.json
with the reference evaluator (scripts/rules_eval.py: JsonLogic, Kleene three-valued logic for red
flags, first-match for pattern screens) and compares with the stored expectation. Also checks that
answers are valid (types, ranges, form checks), that red-flag cases other than `unanswered` ones hold
a complete red-flag answer set, that every rule has a positive, a negative and a boundary case (and
every red-flag rule a not-evaluable case), and that case names are unique CamelCase names starting
with the rule id. Prints one line per disagreement and exits 1 if there is any.
"""

import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import rules_eval  # noqa: E402

CASES = os.path.join(ROOT, "tests", "data", "rule-cases")
VIGNETTES = os.path.join(ROOT, "tests", "data", "vignettes")

CODES = {
    "sex": {"female", "male", "other_unknown"},
    "centralises_with_repeated_movement": {"yes", "no", "not_tested"},
    "lcs_s06": {"yes", "no", "not_tested"},
}
for t in ("sij_t1", "sij_t2", "sij_t3", "sij_t4", "sij_t5_left", "sij_t5_right"):
    CODES[t] = {"positive", "negative", "not_performed"}
# name -> (integer?, min, max)
NUMBERS = {
    "age_years": (True, 16, 110), "episode_duration_weeks": (False, 0, 1000), "x_motor_grade_min": (True, 0, 5),
    "lbp_onset_age_years": (True, 0, 110), "lbp_duration_months": (False, 0, 1200),
    "temperature_c": (False, 30.0, 45.0), "rad_e1_angle_deg": (False, 0, 120),
    "lcs_t01_hip_angle_left_deg": (False, -45, 90), "lcs_t01_hip_angle_right_deg": (False, -45, 90),
    "lcs_t01_knee_angle_left_deg": (False, 0, 160), "lcs_t01_knee_angle_right_deg": (False, 0, 160),
    "lcs_t02_ake_deficit_left_deg": (False, 0, 90), "lcs_t02_ake_deficit_right_deg": (False, 0, 90),
    "lcs_t02_pslr_left_deg": (False, 0, 120), "lcs_t02_pslr_right_deg": (False, 0, 120),
    "lcs_t06_dllt_deg": (False, 0, 90),
}

# inputs of the clinical tables that are recorded but read by no rule ("recorded, not scored")
RECORDED = {"rad_h3", "rad_h5", "rad_e7", "lcs_t03", "lcs_t01_knee_angle_left_deg", "lcs_t01_knee_angle_right_deg"}

problems = []


def problem(where, what):
    problems.append("%s: %s" % (where, what))


def all_inputs(rulesets):
    names = set()
    for rs in rulesets.values():
        for r in rs["rules"]:
            names.update(r["requires"])
            names.update(r.get("optional", []))
    return names | RECORDED


def validate_answers(where, answers, known):
    for msg in answer_errors(answers, known):
        problem(where, msg)


def answer_errors(answers, known):
    """Invalid input as the form would refuse it; returns messages."""
    out = []

    def problem(_where, msg):
        out.append(msg)
    where = None
    a = rules_eval.clean_answers(answers)
    for k, v in a.items():
        if k not in known:
            problem(where, "answer %r is not an input of any rule" % k)
        elif k in CODES:
            if v not in CODES[k]:
                problem(where, "%s = %r; expected one of %s" % (k, v, sorted(CODES[k])))
        elif k in NUMBERS:
            integer, lo, hi = NUMBERS[k]
            if isinstance(v, bool) or not isinstance(v, (int, float)) or (integer and not isinstance(v, int)):
                problem(where, "%s = %r; expected %s" % (k, v, "an integer" if integer else "a number"))
            elif not lo <= v <= hi:
                problem(where, "%s = %r; expected %s to %s" % (k, v, lo, hi))
        elif not isinstance(v, bool):
            problem(where, "%s = %r; expected true or false" % (k, v))
    # form checks (red-flags.md §2.1, sij-and-radicular.md §B2)
    if "lbp_onset_age_years" in a and "age_years" in a and a["lbp_onset_age_years"] > a["age_years"]:
        problem(where, "form check: lbp_onset_age_years > age_years")
    if a.get("rad_e4") is True and a.get("x_motor_grade_min") == 5:
        problem(where, "form check: rad_e4 true with x_motor_grade_min 5")
    if a.get("rad_e1_leg_pain") is True and "rad_e1_angle_deg" not in a:
        problem(where, "form check: rad_e1_leg_pain true needs rad_e1_angle_deg")
    if a.get("rad_e1_leg_pain") is not True and "rad_e1_angle_deg" in a:
        problem(where, "form check: rad_e1_angle_deg only with rad_e1_leg_pain true")
    return out


def rule_value(rs, rule, answers):
    ev = rules_eval.Evaluator(rules_eval.derived_map(rs), three_valued=True)
    t = rules_eval.truthy(ev.evaluate(rule["logic"], rules_eval.clean_answers(answers)))
    return {True: "fires", False: "does-not-fire"}.get(t, "not-evaluable")


def check_cases(rulesets, verbose):
    known = all_inputs(rulesets)
    with open(os.path.join(CASES, "benign-baseline.json"), encoding="utf-8") as f:
        baseline = json.load(f)
    rf = rulesets["redflags"]
    rf_inputs = {i for r in rf["rules"] for i in r["requires"]}
    if set(baseline) != rf_inputs:
        problem("benign-baseline.json", "keys differ from the red-flag inputs: extra %s, missing %s"
                % (sorted(set(baseline) - rf_inputs), sorted(rf_inputs - set(baseline))))
    base_session = rules_eval.evaluate_session(rulesets, baseline)
    if base_session["triage"] != "NONE" or base_session["notEvaluable"]:
        problem("benign-baseline.json", "is not benign: triage %s" % base_session["triage"])
    files = {"redflags": "redflags.json", "sij_radicular": "sij-radicular.json", "lcs": "lcs.json"}
    names = set()
    total = 0
    for rid, fname in files.items():
        rs = rulesets[rid]
        rules = {r["id"]: r for r in rs["rules"]}
        with open(os.path.join(CASES, fname), encoding="utf-8") as f:
            cases = json.load(f)
        if not cases:
            problem(fname, "no cases")
        kinds = {r: set() for r in rules}
        expects = {r: set() for r in rules}
        for k, c in enumerate(cases):
            total += 1
            where = "%s[%d] %s" % (fname, k, c.get("name"))
            if c["ruleId"] not in rules:
                problem(where, "unknown rule %r" % c["ruleId"])
                continue
            rule = rules[c["ruleId"]]
            stem = "".join(p[:1] + p[1:].lower() for p in c["ruleId"].split("-"))
            if not re.match(r"^[A-Z][A-Za-z0-9]*$", c["name"]) or not c["name"].startswith(stem):
                problem(where, "name must be CamelCase starting with %s" % stem)
            if c["name"] in names:
                problem(where, "duplicate case name")
            names.add(c["name"])
            kinds[c["ruleId"]].add(c["kind"])
            expects[c["ruleId"]].add(c["expect"])
            validate_answers(where, c["answers"], known)
            if rid == "redflags":
                if c["kind"] != "unanswered" and set(rules_eval.clean_answers(c["answers"])) < rf_inputs - {"temperature_c"}:
                    problem(where, "a %s case needs a complete red-flag answer set; missing %s"
                            % (c["kind"], sorted(rf_inputs - set(c["answers"]) - {"temperature_c"})))
                got = rule_value(rs, rule, c["answers"])
                if got != c["expect"]:
                    problem(where, "%s gives %s; case expects %s" % (c["ruleId"], got, c["expect"]))
                elif verbose:
                    print("ok", where, got)
                continue
            s = rules_eval.evaluate_session(rulesets, c["answers"])
            screen = s["_screens"][rule["screen"]]
            fired = c["ruleId"] in screen["fired"]
            if rule["kind"] == "note":
                got = "fires" if fired else "does-not-fire"
                if got != c["expect"]:
                    problem(where, "%s %s (screen %s = %s, fired %s); case expects %s"
                            % (c["ruleId"], got, rule["screen"], screen["value"], screen["fired"], c["expect"]))
            else:
                if screen["value"] != c["expect"]:
                    problem(where, "screen %s = %s (fired %s); case expects %s"
                            % (rule["screen"], screen["value"], screen["fired"], c["expect"]))
            if fired != c["ruleFires"]:
                problem(where, "%s fired = %s; case says ruleFires %s (screen fired %s)"
                        % (c["ruleId"], fired, c["ruleFires"], screen["fired"]))
            if "fired" in c and sorted(c["fired"]) != sorted(screen["fired"]):
                problem(where, "screen fired %s; case expects %s" % (screen["fired"], c["fired"]))
            if "names" in c and c["names"] != screen["names"]:
                problem(where, "names %s; case expects %s" % (screen["names"], c["names"]))
            if screen["provisional"] != c.get("provisional", False):
                problem(where, "provisional %s; case expects %s" % (screen["provisional"], c.get("provisional", False)))
            if verbose:
                print("ok", where, screen["value"], screen["fired"])
        for r in rules:
            for need in ("positive", "negative", "boundary"):
                if need not in kinds[r]:
                    problem(fname, "rule %s has no %s case" % (r, need))
            if rid == "redflags":
                for need in ("fires", "does-not-fire", "not-evaluable"):
                    if need not in expects[r]:
                        problem(fname, "rule %s has no case expecting %s" % (r, need))
    return total


def check_sessions(rulesets, verbose):
    """red-flags.md §5 table: session-level triage, fired, not evaluable, missing; T34 invalid input."""
    known = all_inputs(rulesets)
    with open(os.path.join(CASES, "redflags-sessions.json"), encoding="utf-8") as f:
        sessions = json.load(f)
    if not sessions:
        problem("redflags-sessions.json", "no sessions")
    for k, c in enumerate(sessions):
        where = "redflags-sessions.json[%d] %s" % (k, c["name"])
        errors = answer_errors(c["answers"], known)
        if "invalid" in c:
            if not any(c["invalid"] in e for e in errors):
                problem(where, "expected invalid input on %s; validation gave %s" % (c["invalid"], errors))
            continue
        for e in errors:
            problem(where, e)
        s = rules_eval.evaluate_session(rulesets, c["answers"])
        s["fired"] = [x for x in s["fired"] if x.startswith("RF-")]  # the table lists red-flag rules only
        for key, want in c["expected"].items():
            if s[key] != want:
                problem(where, "%s: computed %s; expected %s" % (key, s[key], want))
        if verbose:
            print("ok", where, s["triage"], s["fired"])
    return len(sessions)


def check_vignettes(rulesets, verbose):
    known = all_inputs(rulesets)
    paths = sorted(glob.glob(os.path.join(VIGNETTES, "*.json")))
    if not paths:
        problem(VIGNETTES, "no vignettes")
    ids = set()
    for p in paths:
        with open(p, encoding="utf-8") as f:
            v = json.load(f)
        where = "vignettes/" + os.path.basename(p)
        if os.path.basename(p) != v["id"] + ".json":
            problem(where, "file name must be the id %r + .json" % v["id"])
        if v["id"] in ids:
            problem(where, "duplicate id")
        ids.add(v["id"])
        validate_answers(where, v["answers"], known)
        s = rules_eval.evaluate_session(rulesets, v["answers"])
        got = {k: s[k] for k in ("triage", "fired", "notEvaluable", "missing", "programBlocked", "patterns",
                                 "provisional")}
        for k, want in v["expected"].items():
            if got.get(k) != want:
                problem(where, "%s: computed %s; vignette expects %s" % (k, json.dumps(got.get(k)), json.dumps(want)))
        if set(v["expected"]) != set(got):
            problem(where, "expected needs exactly the keys %s" % sorted(got))
        if verbose:
            print("ok", where, got["triage"], got["patterns"])
    return len(paths)


def main():
    verbose = "-v" in sys.argv[1:]
    rulesets = rules_eval.load_rulesets()
    n_cases = check_cases(rulesets, verbose)
    n_sessions = check_sessions(rulesets, verbose)
    n_vignettes = check_vignettes(rulesets, verbose)
    for p in problems:
        print(p)
    print("%d rule cases, %d red-flag sessions, %d vignettes checked; %d problem(s)"
          % (n_cases, n_sessions, n_vignettes, len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
