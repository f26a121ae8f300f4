#!/usr/bin/env python3
"""Check the intake Questionnaire's structure and validate QuestionnaireResponses against it.

Questionnaire checks: unique linkIds; item types; every enableWhen refers to an existing question
that appears EARLIER in the form, with an answer[x] of the question's type (exists -> answerBoolean)
and, for choice questions, one of its codes; enableBehavior present exactly when there is more than
one enableWhen (que-12); answerOption codings complete; no `initial` beside answerOption (que-11);
min/max extensions of the item's type; every questionnaire-constraint has key, severity, expression,
human and a Backscreen JsonLogic twin (constraint-jsonlogic) that is JSON and reads only question linkIds.

Response checks (each file): `questionnaire` = url|version; status; nesting mirrors the groups;
one answer per question of the right value[x]; codings equal to an answerOption; min/max ranges;
no answer to a disabled item (enableWhen evaluated over the response, a disabled group disables its
children); every enabled required item answered when status is "completed"; the red-flags.md form
checks (lbp_onset_age_years <= age_years; rad_e4 = true needs x_motor_grade_min <= 4).

Usage: scripts/check-intake-form.py [--form FILE] [--self-test] [RESPONSE.json ...]
Without response files it checks forms/examples/*.json. --self-test also breaks each check on
purpose and confirms the checker reports it. Exit status 0 = no errors.
"""

import argparse
import copy
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MIN_URL = "http://hl7.org/fhir/StructureDefinition/minValue"
MAX_URL = "http://hl7.org/fhir/StructureDefinition/maxValue"
UNIT_URL = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit"
AGE_MESSAGE_URL = "http://backscreen.local/fhir/StructureDefinition/min-value-message"
CONSTRAINT_URL = "http://hl7.org/fhir/StructureDefinition/questionnaire-constraint"
JSONLOGIC_URL = "http://backscreen.local/fhir/StructureDefinition/constraint-jsonlogic"
QUESTION_TYPES = {"boolean": "Boolean", "integer": "Integer", "decimal": "Decimal", "choice": "Coding"}
ORDER_OPERATORS = {"<", ">", "<=", ">="}


def ext(item, url):
    for e in item.get("extension", []):
        if e.get("url") == url:
            return e
    return None


def ext_value(item, url):
    e = ext(item, url)
    if e is None:
        return None
    return next((v for k, v in e.items() if k.startswith("value")), None)


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


class Form:
    """The Questionnaire flattened: document order, parents and items by linkId."""

    def __init__(self, q):
        self.q = q
        self.items = {}
        self.order = {}
        self.parent = {}
        self.errors = []
        self._walk(q.get("item", []), None)

    def _walk(self, items, parent):
        for item in items:
            link = item.get("linkId")
            if link in self.items:
                self.errors.append(f"duplicate linkId {link}")
            self.items[link] = item
            self.order[link] = len(self.order)
            self.parent[link] = parent
            self._walk(item.get("item", []), link)

    def ancestors(self, link):
        p = self.parent.get(link)
        while p is not None:
            yield p
            p = self.parent.get(p)

    def option_codings(self, item):
        return [o.get("valueCoding", {}) for o in item.get("answerOption", [])]


def check_questionnaire(form):
    q, errors = form.q, list(form.errors)
    for key, want in (("resourceType", "Questionnaire"), ("status", "active")):
        if q.get(key) != want:
            errors.append(f"{key} must be {want!r}")
    for key in ("url", "version", "name", "title", "date"):
        if not q.get(key):
            errors.append(f"missing {key}")
    for link, item in form.items.items():
        where = f"item {link}"
        t = item.get("type")
        if t == "group":
            if not item.get("item"):
                errors.append(f"{where}: group without items")
        elif t in QUESTION_TYPES:
            if item.get("item"):
                errors.append(f"{where}: question with child items")
        else:
            errors.append(f"{where}: unexpected type {t!r}")
        if t == "choice":
            codings = form.option_codings(item)
            if not codings:
                errors.append(f"{where}: choice without answerOption")
            codes = [c.get("code") for c in codings]
            if len(set(codes)) != len(codes):
                errors.append(f"{where}: duplicate option codes")
            for c in codings:
                if not (c.get("system") and c.get("code") and c.get("display")):
                    errors.append(f"{where}: option {c} needs system, code and display")
            if "initial" in item:
                errors.append(f"{where}: initial beside answerOption (que-11)")
            if sum(1 for o in item.get("answerOption", []) if o.get("initialSelected")) > 1:
                errors.append(f"{where}: more than one initialSelected")
        for url in (MIN_URL, MAX_URL):
            e = ext(item, url)
            if e is None:
                continue
            if t == "integer" and not is_int(e.get("valueInteger")):
                errors.append(f"{where}: {url.rsplit('/', 1)[1]} must be valueInteger")
            if t == "decimal" and not is_number(e.get("valueDecimal")):
                errors.append(f"{where}: {url.rsplit('/', 1)[1]} must be valueDecimal")
            if t not in ("integer", "decimal"):
                errors.append(f"{where}: min/max on a {t} item")
        lo, hi = ext_value(item, MIN_URL), ext_value(item, MAX_URL)
        if lo is not None and hi is not None and lo > hi:
            errors.append(f"{where}: minValue {lo} > maxValue {hi}")
        unit = ext_value(item, UNIT_URL)
        if unit is not None and (unit.get("system") != "http://unitsofmeasure.org" or not unit.get("code")):
            errors.append(f"{where}: unit must be a UCUM coding")
        conditions = item.get("enableWhen", [])
        if len(conditions) > 1 and item.get("enableBehavior") not in ("any", "all"):
            errors.append(f"{where}: more than one enableWhen needs enableBehavior any|all (que-12)")
        if len(conditions) <= 1 and "enableBehavior" in item:
            errors.append(f"{where}: enableBehavior without several enableWhen")
        for n, cond in enumerate(conditions):
            w = f"{where} enableWhen[{n}]"
            target = form.items.get(cond.get("question"))
            if target is None:
                errors.append(f"{w}: question {cond.get('question')!r} does not exist")
                continue
            if target.get("type") not in QUESTION_TYPES:
                errors.append(f"{w}: refers to a {target.get('type')}, not a question")
            if form.order[cond["question"]] >= form.order[link] or cond["question"] in form.ancestors(link):
                errors.append(f"{w}: question {cond['question']} does not appear earlier in the form")
            answers = [k for k in cond if k.startswith("answer")]
            if len(answers) != 1:
                errors.append(f"{w}: needs exactly one answer[x]")
                continue
            op, key = cond.get("operator"), answers[0]
            value = cond[key]
            if op == "exists":
                if key != "answerBoolean" or not isinstance(value, bool):
                    errors.append(f"{w}: operator exists needs answerBoolean")
                continue
            if op not in {"=", "!="} | ORDER_OPERATORS:
                errors.append(f"{w}: unknown operator {op!r}")
            tt = target.get("type")
            want = "answer" + QUESTION_TYPES.get(tt, "?")
            if key != want:
                errors.append(f"{w}: {key} does not match the {tt} question {cond['question']} ({want})")
            if op in ORDER_OPERATORS and tt not in ("integer", "decimal"):
                errors.append(f"{w}: operator {op} on a {tt} question")
            if tt == "boolean" and not isinstance(value, bool):
                errors.append(f"{w}: answerBoolean must be true/false")
            if tt == "integer" and not is_int(value):
                errors.append(f"{w}: answerInteger must be an integer")
            if tt == "choice":
                if value not in form.option_codings(target):
                    errors.append(f"{w}: answerCoding {value} is not an answerOption of {cond['question']}")
    for link, item in form.items.items():
        for e in item.get("extension", []):
            if e.get("url") == CONSTRAINT_URL:
                check_constraint(form, f"{link}", e, errors)
    age = form.items.get("age_years")
    if age is None or not ext_value(age, AGE_MESSAGE_URL):
        errors.append("age_years: missing the refusal message extension " + AGE_MESSAGE_URL)
    return errors


def logic_inputs(rule, names):
    """The names a JsonLogic rule reads with var, missing and missing_some."""
    if isinstance(rule, list):
        for r in rule:
            logic_inputs(r, names)
        return
    if not isinstance(rule, dict) or len(rule) != 1:
        return
    (op, arg), = rule.items()
    if op == "var":
        first = arg[0] if isinstance(arg, list) and arg else arg
        if isinstance(first, str):
            names.append(first)
    elif op == "missing":
        lst = arg[0] if isinstance(arg, list) and arg and isinstance(arg[0], list) else arg
        names.extend(n for n in (lst if isinstance(lst, list) else [lst]) if isinstance(n, str))
    elif op == "missing_some" and isinstance(arg, list) and len(arg) > 1 and isinstance(arg[1], list):
        names.extend(n for n in arg[1] if isinstance(n, str))
    logic_inputs(arg, names)


def check_constraint(form, where, e, errors):
    """A questionnaire-constraint: the R4 parts and the JsonLogic twin Backscreen evaluates."""
    parts = {p.get("url"): p for p in e.get("extension", [])}
    for name in ("key", "severity", "expression", "human"):
        if name not in parts:
            errors.append(f"{where}: questionnaire-constraint without {name}")
    if parts.get("severity", {}).get("valueCode") not in ("error", "warning"):
        errors.append(f"{where}: constraint severity must be error or warning")
    twin = parts.get(JSONLOGIC_URL)
    if twin is None or not isinstance(twin.get("valueString"), str):
        errors.append(f"{where}: constraint without a JsonLogic twin valueString ({JSONLOGIC_URL})")
        return
    try:
        rule = json.loads(twin["valueString"])
    except ValueError as error:
        errors.append(f"{where}: constraint JsonLogic is not JSON: {error}")
        return
    names = []
    logic_inputs(rule, names)
    if not names:
        errors.append(f"{where}: constraint JsonLogic reads no answer")
    for name in names:
        target = form.items.get(name)
        if target is None or target.get("type") in ("group", "display"):
            errors.append(f"{where}: constraint JsonLogic reads {name!r}, which is no question of the form")


def flat_answers(qr):
    """{linkId: value} of every answered question in the response (the rules' answers object)."""
    out = {}

    def walk(items):
        for it in items:
            for a in it.get("answer", []):
                v = next((val for k, val in a.items() if k.startswith("value")), None)
                if isinstance(v, dict) and "code" in v:
                    v = v["code"]
                out[it["linkId"]] = v
                walk(a.get("item", []))
            walk(it.get("item", []))

    walk(qr.get("item", []))
    return out


def condition_holds(cond, target, answers):
    link = cond["question"]
    present = link in answers
    if cond["operator"] == "exists":
        return present == cond["answerBoolean"]
    if not present:
        return False
    key = next(k for k in cond if k.startswith("answer"))
    want = cond[key]
    got = answers[link]
    if target.get("type") == "choice":
        want = want.get("code")
    op = cond["operator"]
    return {"=": got == want, "!=": got != want, "<": got < want, ">": got > want,
            "<=": got <= want, ">=": got >= want}[op]


def enabled(form, link, answers):
    for l in [link] + list(form.ancestors(link)):
        item = form.items[l]
        conds = item.get("enableWhen", [])
        if not conds:
            continue
        results = [condition_holds(c, form.items[c["question"]], answers) for c in conds]
        ok = all(results) if item.get("enableBehavior", "all") == "all" else any(results)
        if not ok:
            return False
    return True


def check_response(form, qr):
    q, errors = form.q, []
    if qr.get("resourceType") != "QuestionnaireResponse":
        errors.append("resourceType must be QuestionnaireResponse")
    if qr.get("questionnaire") != f"{q['url']}|{q['version']}":
        errors.append(f"questionnaire must be {q['url']}|{q['version']}")
    if qr.get("status") not in ("completed", "in-progress"):
        errors.append(f"status {qr.get('status')!r} is not completed or in-progress")
    if not qr.get("authored"):
        errors.append("missing authored")
    seen = set()

    def walk(items, parent, path):
        last = -1
        for n, it in enumerate(items):
            link = it.get("linkId")
            where = f"{path}item[{n}] {link}"
            item = form.items.get(link)
            if item is None:
                errors.append(f"{where}: no such linkId in the questionnaire")
                continue
            if link in seen:
                errors.append(f"{where}: linkId repeated")
            seen.add(link)
            if form.parent[link] != parent:
                errors.append(f"{where}: belongs under {form.parent[link]}, found under {parent}")
            if form.order[link] < last:
                errors.append(f"{where}: out of questionnaire order")
            last = form.order[link]
            if "text" in it and it["text"] != item.get("text"):
                errors.append(f"{where}: text differs from the questionnaire")
            if item["type"] == "group":
                if it.get("answer"):
                    errors.append(f"{where}: group with an answer")
                if not it.get("item"):
                    errors.append(f"{where}: empty group (leave it out instead)")
                walk(it.get("item", []), link, f"{where}/")
                continue
            if it.get("item"):
                errors.append(f"{where}: question with child items")
            answers = it.get("answer", [])
            if len(answers) != 1:
                errors.append(f"{where}: needs exactly one answer (leave unanswered items out)")
                continue
            a = answers[0]
            keys = [k for k in a if k.startswith("value")]
            want = "value" + QUESTION_TYPES[item["type"]]
            if keys != [want]:
                errors.append(f"{where}: answer {keys} should be {want}")
                continue
            v = a[want]
            t = item["type"]
            if t == "boolean" and not isinstance(v, bool):
                errors.append(f"{where}: valueBoolean must be true/false")
            elif t == "integer" and not is_int(v):
                errors.append(f"{where}: valueInteger must be an integer")
            elif t == "decimal" and not is_number(v):
                errors.append(f"{where}: valueDecimal must be a number")
            elif t == "choice" and v not in form.option_codings(item):
                errors.append(f"{where}: {v} is not one of the answerOptions")
            if t in ("integer", "decimal") and is_number(v):
                lo, hi = ext_value(item, MIN_URL), ext_value(item, MAX_URL)
                if lo is not None and v < lo:
                    msg = ext_value(item, AGE_MESSAGE_URL)
                    errors.append(f"{where}: {v} below minimum {lo}" + (f" ({msg})" if msg else ""))
                if hi is not None and v > hi:
                    errors.append(f"{where}: {v} above maximum {hi}")

    walk(qr.get("item", []), None, "")
    answers = flat_answers(qr)
    missing = []
    for link, item in form.items.items():
        on = enabled(form, link, answers)
        if link in answers and not on:
            errors.append(f"{link}: answered but disabled by enableWhen")
        if item.get("required") and item["type"] != "group" and on and link not in answers:
            missing.append(link)
    if qr.get("status") == "completed" and missing:
        errors.append("completed but required items unanswered: " + ", ".join(missing))
    onset, age = answers.get("lbp_onset_age_years"), answers.get("age_years")
    if is_number(onset) and is_number(age) and onset > age:
        errors.append(f"lbp_onset_age_years {onset} > age_years {age}")
    if answers.get("rad_e4") is True and is_number(answers.get("x_motor_grade_min")) \
            and answers["x_motor_grade_min"] > 4:
        errors.append("rad_e4 true with x_motor_grade_min 5")
    return errors, missing, answers


def self_test(form, responses):
    """Break each check on purpose; every broken copy must be reported."""
    complete = next((r for p, r in responses if p.name == "clear-client.json"), None)
    if complete is None:
        return ["self-test: needs forms/examples/clear-client.json among the responses"]
    failures = []

    def find(qr, link):
        stack = list(qr["item"])
        while stack:
            it = stack.pop()
            if it["linkId"] == link:
                return it
            stack += it.get("item", [])
        raise KeyError(link)

    def response_case(name, expect, mutate):
        qr = copy.deepcopy(complete)
        mutate(qr)
        errors = check_response(form, qr)[0]
        if not any(expect in e for e in errors):
            failures.append(f"self-test: response case {name!r} did not report {expect!r}: {errors}")

    def put(link, answer):
        return lambda r: find(r, link)["answer"].__setitem__(0, answer)

    response_case("wrong value type", "valueInteger must be an integer", put("age_years", {"valueInteger": "40"}))
    response_case("age below 16", "below minimum 16 (Backscreen is for people aged 16 or over",
                  put("age_years", {"valueInteger": 15}))
    response_case("age above 110", "above maximum 110", put("age_years", {"valueInteger": 111}))
    response_case("decimal for boolean", "should be valueBoolean", put("diabetes", {"valueDecimal": 1}))
    response_case("unknown code", "is not one of the answerOptions",
                  lambda r: find(r, "sex")["answer"][0]["valueCoding"].update({"code": "other-unknown"}))
    response_case("required removed", "required items unanswered: bladder_new_dysfunction",
                  lambda r: find(r, "grp-ces")["item"].pop(0))
    response_case("onset after age", "lbp_onset_age_years 36 > age_years 35",
                  put("lbp_onset_age_years", {"valueInteger": 36}))
    response_case("rad_e4 with grade 5", "rad_e4 true with x_motor_grade_min 5",
                  put("rad_e4", {"valueBoolean": True}))
    response_case("wrong questionnaire", "questionnaire must be", lambda r: r.update({"questionnaire": "x|1"}))
    response_case("misplaced item", "belongs under grp-infection",
                  lambda r: r["item"].append(find(r, "diabetes")))

    def answer_disabled(r):
        group = find(r, "grp-neurodynamic")
        group["item"] = [i for i in group["item"] if i["linkId"] != "rad_e1_leg_pain"]
        group["item"].insert(0, {"linkId": "rad_e1_angle_deg", "answer": [{"valueDecimal": 40}]})

    response_case("disabled item answered", "rad_e1_angle_deg: answered but disabled", answer_disabled)

    def form_case(name, expect, mutate):
        q = copy.deepcopy(form.q)
        mutate(Form(q))
        errors = check_questionnaire(Form(q))
        if not any(expect in e for e in errors):
            failures.append(f"self-test: questionnaire case {name!r} did not report {expect!r}: {errors}")

    form_case("later enableWhen question", "does not appear earlier", lambda f: f.items["age_years"].update(
        {"enableWhen": [{"question": "diabetes", "operator": "exists", "answerBoolean": True}]}))
    form_case("enableWhen type mismatch", "answerDecimal does not match the integer question",
              lambda f: f.items["grp-axspa"]["enableWhen"][0].update({"answerDecimal": 50.0})
              or f.items["grp-axspa"]["enableWhen"][0].pop("answerInteger"))
    form_case("missing enableBehavior", "que-12", lambda f: f.items["grp-aaa-risk"].pop("enableBehavior"))
    form_case("duplicate linkId", "duplicate linkId hx_uveitis",
              lambda f: f.items["hx_ibd"].update({"linkId": "hx_uveitis"}))
    form_case("unknown code in enableWhen", "is not an answerOption of sex",
              lambda f: f.items["grp-aaa-risk"]["enableWhen"][0]["answerCoding"].update({"code": "man"}))
    form_case("ordering operator on boolean", "operator < on a boolean",
              lambda f: f.items["rad_e1_angle_deg"]["enableWhen"][0].update({"operator": "<"}))
    form_case("missing age message", "refusal message",
              lambda f: f.items["age_years"].update({"extension": f.items["age_years"]["extension"][:3]}))

    def constraint_parts(f, link):
        return next(e for e in f.items[link]["extension"] if e.get("url") == CONSTRAINT_URL)["extension"]

    def set_twin(link, text):
        def mutate(f):
            next(p for p in constraint_parts(f, link) if p.get("url") == JSONLOGIC_URL)["valueString"] = text
        return mutate

    def drop_twin(f):
        parts = constraint_parts(f, "rad_e4")
        parts[:] = [p for p in parts if p.get("url") != JSONLOGIC_URL]

    form_case("constraint twin missing", "without a JsonLogic twin", drop_twin)
    form_case("constraint twin not JSON", "is not JSON", set_twin("lbp_onset_age_years", '{"<=": ['))
    form_case("constraint twin reads a typo", "reads 'age_year'",
              set_twin("lbp_onset_age_years", '{"<=": [{"var": "lbp_onset_age_years"}, {"var": "age_year"}]}'))
    return failures


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--form", default=str(REPO / "forms" / "intake" / "low-back-intake.json"))
    ap.add_argument("--self-test", action="store_true")
    ap.add_argument("responses", nargs="*")
    args = ap.parse_args()
    form = Form(json.loads(Path(args.form).read_text(encoding="utf-8")))
    status = 0
    errors = check_questionnaire(form)
    questions = [i for i in form.items.values() if i.get("type") != "group"]
    print(f"{args.form}: {len(form.items)} items ({len(questions)} answerable, "
          f"{len(form.items) - len(questions)} groups), "
          f"{sum(1 for i in form.items.values() if i.get('enableWhen'))} with enableWhen")
    for e in errors:
        print("  error:", e)
    status |= bool(errors)

    files = [Path(p) for p in args.responses] or sorted((REPO / "forms" / "examples").glob("*.json"))
    if not files:
        print("error: no responses to check")
        return 1
    responses = []
    for path in files:
        qr = json.loads(path.read_text(encoding="utf-8"))
        responses.append((path, qr))
        errs, missing, answers = check_response(form, qr)
        note = f"; unanswered required: {', '.join(missing)}" if missing else ""
        print(f"{path.name}: {qr.get('status')}, {len(answers)} answers{note}")
        for e in errs:
            print("  error:", e)
        status |= bool(errs)

    if args.self_test:
        failures = self_test(form, responses)
        for f in failures:
            print(f)
        print(f"self-test: {'ok' if not failures else 'FAILED'}")
        status |= bool(failures)
    return 1 if status else 0


if __name__ == "__main__":
    sys.exit(main())
