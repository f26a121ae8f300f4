#!/usr/bin/env python3
"""Check forms/exercises/exercises.json and its illustrations.

Checks: valid JSON without duplicate keys; the catalogue header; every exercise's fields and types;
the dosage rules (hold mode has holdSeconds and holds, repetition mode has reps; the other is null);
regression/progression/alternative ids exist; reference ids resolve; every illustration file exists,
is SVG 1.1 on a 400x300 viewBox and uses only the elements QtSvg renders (no text, CSS, filters,
masks, images or links); no illustration is left unreferenced. With the clinical source available
(clinical/exercises.md, found via --clinical or <repo>/../shared/clinical or /work/shared/clinical)
it also checks that the catalogue has exactly the file's EX-* ids and that each dose matches the
file's "Default dose table".

Usage: scripts/check-exercises.py [--clinical DIR]; exit status 1 on any problem.
Standard library only.
"""

import json
import os
import re
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, ".."))
CATALOGUE = os.path.join(REPO, "forms", "exercises", "exercises.json")
BASE = os.path.dirname(CATALOGUE)

CATEGORIES = {"stretch", "mobility", "activation"}
POSITIONS = {"supine", "prone", "side_lying", "standing", "half_kneeling", "quadruped"}
ROLES = {"default", "alternative", "progression"}
FINDINGS = {"LCS-T01", "LCS-T02", "LCS-T04", "LCS-T05", "LCS-T06", "flexion_related"}
WHEN = {None, "while_symptomatic", "after_prolonged_sitting"}
BASIS = {"evidence", "extrapolated", "convention"}
SVG_NS = "{http://www.w3.org/2000/svg}"
SVG_ELEMENTS = {"svg", "title", "desc", "g", "rect", "line", "circle", "ellipse", "polyline",
                "polygon", "path"}

problems = []


def problem(where, what):
    problems.append("%s: %s" % (where, what))


def no_duplicates(pairs):
    seen = {}
    for k, v in pairs:
        if k in seen:
            raise ValueError("duplicate key %r" % k)
        seen[k] = v
    return seen


def expect_type(where, obj, key, types, nullable=False):
    if key not in obj:
        problem(where, "missing field %r" % key)
        return None
    v = obj[key]
    if v is None and nullable:
        return None
    if isinstance(v, bool) and bool not in (types if isinstance(types, tuple) else (types,)):
        problem(where, "field %r is a bool; expected %s" % (key, types))
        return None
    if not isinstance(v, types):
        problem(where, "field %r has type %s; expected %s" % (key, type(v).__name__, types))
        return None
    return v


def string_list(where, obj, key, allow_empty=True):
    v = expect_type(where, obj, key, list)
    if v is None:
        return []
    if not allow_empty and not v:
        problem(where, "field %r is empty" % key)
    for i, s in enumerate(v):
        if not isinstance(s, str) or not s.strip():
            problem(where, "%s[%d] is not a non-empty string" % (key, i))
    return v


def check_svg(where, path):
    try:
        tree = ET.parse(path)
    except ET.ParseError as e:
        problem(where, "not well-formed XML: %s" % e)
        return
    root = tree.getroot()
    if root.tag != SVG_NS + "svg":
        problem(where, "root element is %s; expected svg" % root.tag)
    if root.get("viewBox") != "0 0 400 300":
        problem(where, "viewBox is %r; expected '0 0 400 300'" % root.get("viewBox"))
    if root.get("version") != "1.1":
        problem(where, "version is %r; expected '1.1'" % root.get("version"))
    for el in root.iter():
        name = el.tag.replace(SVG_NS, "")
        if name not in SVG_ELEMENTS:
            problem(where, "element <%s> is not in the allowed set" % name)
        for attr in el.attrib:
            if attr == "style" or "href" in attr or attr == "class" or attr in ("filter", "mask"):
                problem(where, "attribute %r on <%s> is not allowed" % (attr, name))
        if name == "path" and re.search(r"[^MLQZmlqz0-9.,\s-]", el.get("d", "")):
            problem(where, "path data uses commands other than M, L, Q, Z")


def in_range(value, text):
    """True when value equals the table cell (e.g. '30') or lies in its range ('5–7')."""
    m = re.match(r"^\s*(\d+)\s*(?:[–-]\s*(\d+))?", text)
    if not m:
        return None
    lo = int(m.group(1))
    hi = int(m.group(2)) if m.group(2) else lo
    return lo <= value <= hi, (lo, hi)


def check_against_clinical(cat, clinical_dir):
    path = os.path.join(clinical_dir, "exercises.md")
    text = open(path, encoding="utf-8").read()
    heading_ids = re.findall(r"^### (EX-[A-Z]{2}-\d{2}) ", text, re.M)
    ids = [e.get("id") for e in cat.get("exercises", [])]
    if sorted(heading_ids) != sorted(ids):
        problem("exercises", "ids %s differ from exercises.md headings %s" % (ids, heading_ids))
    if len(set(heading_ids)) != 16:
        problem("exercises.md", "expected 16 EX-* headings, found %d" % len(set(heading_ids)))
    m = re.search(r"^Catalogue id: `exercises` · document version ([0-9.]+)", text, re.M)
    if not m or m.group(1) != cat.get("version"):
        problem("version", "catalogue version %r differs from exercises.md %r"
                % (cat.get("version"), m.group(1) if m else None))
    rows = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 8 and re.match(r"^EX-[A-Z]{2}-\d{2}$", cells[0]):
            rows[cells[0]] = cells
    if len(rows) != 16:
        problem("exercises.md", "default dose table has %d rows; expected 16" % len(rows))
    by_id = {e.get("id"): e for e in cat.get("exercises", [])}
    for ex_id, cells in rows.items():
        ex = by_id.get(ex_id)
        if ex is None:
            continue
        where = "%s dosage (vs exercises.md dose table)" % ex_id
        d = ex.get("dosage", {})
        hold, reps, sets, per_side, per_day, days = cells[1:7]
        if d.get("mode") == "hold":
            ok = in_range(d.get("holdSeconds") or -1, hold)
            if ok is None or not ok[0]:
                problem(where, "holdSeconds %r outside %r" % (d.get("holdSeconds"), hold))
            if str(d.get("holds")) != reps:
                problem(where, "holds %r differs from reps column %r" % (d.get("holds"), reps))
        else:
            ok = in_range(d.get("pauseSeconds") or -1, hold)
            if ok is None or not ok[0]:
                problem(where, "pauseSeconds %r outside hold column %r" % (d.get("pauseSeconds"), hold))
            if str(d.get("reps")) != reps:
                problem(where, "reps %r differs from %r" % (d.get("reps"), reps))
        if str(d.get("sets")) != sets:
            problem(where, "sets %r differs from %r" % (d.get("sets"), sets))
        if ex.get("perSide") != (per_side == "yes"):
            problem(where, "perSide %r differs from %r" % (ex.get("perSide"), per_side))
        ok = in_range(d.get("daysPerWeek") or -1, days)
        if ok is None or not ok[0]:
            problem(where, "daysPerWeek %r outside %r" % (d.get("daysPerWeek"), days))
        elif ok[1][0] != ok[1][1] and d.get("ranges", {}).get("daysPerWeek") != list(ok[1]):
            problem(where, "ranges.daysPerWeek should record %r" % (list(ok[1]),))
        if d.get("timesPerDay") is not None:
            ok = in_range(d["timesPerDay"], per_day)
            if ok is None or not ok[0]:
                problem(where, "timesPerDay %r outside %r" % (d["timesPerDay"], per_day))
        elif d.get("when") is None:
            problem(where, "timesPerDay is null but no 'when' schedule is given")


def check_exercise(ex, ids, refs):
    ex_id = ex.get("id", "?")
    where = "exercise %s" % ex_id
    if not re.match(r"^EX-[A-Z]{2}-\d{2}$", str(ex_id)):
        problem(where, "id does not look like EX-XX-NN")
    for key in ("name", "target", "startPosition"):
        v = expect_type(where, ex, key, str)
        if v is not None and not v.strip():
            problem(where, "field %r is empty" % key)
    cat = expect_type(where, ex, "category", str)
    if cat is not None and cat not in CATEGORIES:
        problem(where, "category %r not in %s" % (cat, sorted(CATEGORIES)))
    pos = expect_type(where, ex, "position", str)
    if pos is not None and pos not in POSITIONS:
        problem(where, "position %r not in %s" % (pos, sorted(POSITIONS)))
    expect_type(where, ex, "perSide", bool)
    string_list(where, ex, "steps", allow_empty=False)
    string_list(where, ex, "commonErrors", allow_empty=False)
    string_list(where, ex, "precautions", allow_empty=False)
    string_list(where, ex, "contraindications")
    string_list(where, ex, "equipment")
    string_list(where, ex, "tags")
    string_list(where, ex, "regressions")
    string_list(where, ex, "progressions")
    string_list(where, ex, "evidence")
    expect_type(where, ex, "nerveFriendlyForm", str, nullable=True)
    if "neural_tension" in ex.get("tags", []) and not ex.get("nerveFriendlyForm"):
        problem(where, "tag neural_tension needs a nerveFriendlyForm (G6)")

    ind = expect_type(where, ex, "indication", dict)
    if ind is not None:
        expect_type(where + " indication", ind, "text", str)
        expect_type(where + " indication", ind, "anyProgram", bool)
        expect_type(where + " indication", ind, "condition", dict, nullable=True)
        for f in expect_type(where + " indication", ind, "findings", list) or []:
            if f.get("finding") not in FINDINGS:
                problem(where, "indication finding %r not in %s" % (f.get("finding"), sorted(FINDINGS)))
            if f.get("role") not in ROLES:
                problem(where, "indication role %r not in %s" % (f.get("role"), sorted(ROLES)))
        for x in expect_type(where + " indication", ind, "excludeWhen", list) or []:
            if set(x) != {"input", "equals"}:
                problem(where, "excludeWhen entry %r needs exactly input and equals" % (x,))

    for key in ("regressionIds", "progressionIds", "alternativeIds"):
        for other in string_list(where, ex, key):
            if other not in ids:
                problem(where, "%s names %r, which is not in the catalogue" % (key, other))
            if other == ex_id:
                problem(where, "%s names the exercise itself" % key)
    for r in string_list(where, ex, "references"):
        if r not in refs:
            problem(where, "reference %r is not in the top-level references" % r)

    d = expect_type(where, ex, "dosage", dict)
    if d is not None:
        dw = where + " dosage"
        mode = expect_type(dw, d, "mode", str)
        for key in ("sets",):
            v = expect_type(dw, d, key, int)
            if v is not None and v < 1:
                problem(dw, "%s must be at least 1" % key)
        for key in ("holds", "holdSeconds", "reps", "pauseSeconds", "restSeconds", "timesPerDay",
                    "everyHours"):
            v = expect_type(dw, d, key, int, nullable=True)
            if v is not None and v < 1:
                problem(dw, "%s must be null or at least 1" % key)
        v = expect_type(dw, d, "daysPerWeek", int)
        if v is not None and not 1 <= v <= 7:
            problem(dw, "daysPerWeek %r outside 1-7" % v)
        if expect_type(dw, d, "nonConsecutiveDays", bool) and v is not None and v > 4:
            problem(dw, "nonConsecutiveDays needs daysPerWeek 4 or fewer, not %r" % v)
        if mode == "hold":
            if d.get("holdSeconds") is None or d.get("holds") is None:
                problem(dw, "hold mode needs holdSeconds and holds")
            if d.get("reps") is not None or d.get("pauseSeconds") is not None:
                problem(dw, "hold mode needs reps and pauseSeconds null")
        elif mode == "reps":
            if d.get("reps") is None:
                problem(dw, "reps mode needs reps")
            if d.get("holdSeconds") is not None or d.get("holds") is not None:
                problem(dw, "reps mode needs holdSeconds and holds null")
        else:
            problem(dw, "mode %r is neither hold nor reps" % mode)
        if (d.get("timesPerDay") is None) == (d.get("everyHours") is None and d.get("when") is None):
            problem(dw, "give either timesPerDay or a schedule (everyHours/when), not both or neither")
        if d.get("when") not in WHEN:
            problem(dw, "when %r not in %s" % (d.get("when"), sorted(w for w in WHEN if w)))
        if d.get("basis") not in BASIS:
            problem(dw, "basis %r not in %s" % (d.get("basis"), sorted(BASIS)))
        expect_type(dw, d, "text", str)
        expect_type(dw, d, "progressTo", str, nullable=True)
        ranges = expect_type(dw, d, "ranges", dict)
        for key, rng in (ranges or {}).items():
            if key not in d or not (isinstance(rng, list) and len(rng) == 2 and rng[0] < rng[1]):
                problem(dw, "range %r must be [low, high] of a dosage field" % key)
            elif not rng[0] <= d[key] <= rng[1]:
                problem(dw, "%s %r outside its range %r" % (key, d[key], rng))

    used = []
    ill = expect_type(where, ex, "illustrations", dict)
    if ill is not None:
        stem = ex_id.lower()
        for frame in ("start", "end"):
            rel = expect_type(where + " illustrations", ill, frame, str)
            if rel is None:
                continue
            if rel != "illustrations/%s-%s.svg" % (stem, frame):
                problem(where, "illustration %s is %r; expected %r"
                        % (frame, rel, "illustrations/%s-%s.svg" % (stem, frame)))
            used.append(rel)
        for extra in ill.get("extra", []):
            used.append(extra.get("file"))
        for rel in used:
            full = os.path.join(BASE, rel)
            if not os.path.isfile(full):
                problem(where, "illustration %r does not exist" % rel)
            else:
                check_svg(rel, full)
    for lvl in ex.get("levels", []):
        if lvl.get("illustration") not in used:
            problem(where, "level %r illustration %r is not among its illustrations"
                    % (lvl.get("level"), lvl.get("illustration")))
    brief = expect_type(where, ex, "illustrationBrief", dict)
    if brief is not None:
        string_list(where + " illustrationBrief", brief, "callouts")
    return used


def main():
    clinical = None
    args = sys.argv[1:]
    if len(args) == 2 and args[0] == "--clinical":
        clinical = args[1]
    else:
        for cand in (os.path.join(REPO, "..", "shared", "clinical"), "/work/shared/clinical"):
            if os.path.isfile(os.path.join(cand, "exercises.md")):
                clinical = cand
                break
    try:
        with open(CATALOGUE, encoding="utf-8") as f:
            cat = json.load(f, object_pairs_hook=no_duplicates)
    except (OSError, ValueError) as e:
        print("%s: %s" % (CATALOGUE, e))
        return 1
    if cat.get("id") != "exercises":
        problem("id", "expected 'exercises'")
    if cat.get("schemaVersion") != 1:
        problem("schemaVersion", "expected 1")
    expect_type("catalogue", cat, "version", str)
    expect_type("catalogue", cat, "title", str)
    refs = expect_type("catalogue", cat, "references", dict) or {}
    for rid, ref in refs.items():
        if not isinstance(ref, dict) or not isinstance(ref.get("citation"), str) \
                or not str(ref.get("url", "")).startswith("http"):
            problem("reference %s" % rid, "needs a citation and an http(s) url")
    exercises = expect_type("catalogue", cat, "exercises", list) or []
    if not exercises:
        problem("exercises", "the catalogue is empty")
    ids = [e.get("id") for e in exercises]
    if len(ids) != len(set(ids)):
        problem("exercises", "duplicate ids")
    id_set = set(ids)
    used = set()
    for ex in exercises:
        used.update(check_exercise(ex, id_set, refs))
    rule_ids = [g.get("id") for g in cat.get("generalRules", [])]
    if rule_ids != ["G%d" % i for i in range(1, 10)]:
        problem("generalRules", "expected G1..G9 in order, found %s" % rule_ids)
    for g in cat.get("generalRules", []):
        for r in g.get("references", []):
            if r not in refs:
                problem("generalRules %s" % g.get("id"), "reference %r unknown" % r)
    gas = cat.get("generalActivationSet", {}).get("exerciseIds", [])
    for other in gas:
        if other not in id_set:
            problem("generalActivationSet", "%r is not in the catalogue" % other)
    by_id = {e.get("id"): e for e in exercises}
    if not any(by_id.get(i, {}).get("category") == "activation" for i in gas):
        problem("generalActivationSet", "needs at least one activation exercise (G8)")
    ill_dir = os.path.join(BASE, "illustrations")
    on_disk = {"illustrations/" + n for n in os.listdir(ill_dir) if n.endswith(".svg")} \
        if os.path.isdir(ill_dir) else set()
    for orphan in sorted(on_disk - used):
        problem(orphan, "illustration is not referenced by any exercise")
    if clinical:
        check_against_clinical(cat, clinical)
    else:
        print("note: clinical/exercises.md not found; skipped the cross-check (use --clinical DIR)")
    for p in problems:
        print(p)
    print("%d exercises, %d illustrations, %d problems" % (len(exercises), len(used), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
