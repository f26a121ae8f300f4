#!/usr/bin/env python3
"""Checks forms/rules/*.json against the clinical reference files (python3 stdlib; jsonschema if present).

Usage: scripts/check-rulesets.py [--clinical-dir DIR]
DIR defaults to $BACKSCREEN_SHARED_DIR/clinical, else <repo>/../shared/clinical.
Prints one line per problem ("where: what; expected") and exits 1 if there is any.

Checks: strict JSON (no duplicate keys); the JSON Schema forms/schema/ruleset-v1.json (when the
jsonschema package is installed); version tied to the clinical document version; rule ids unique and
exactly the ids of the clinical file; every var name an input of the clinical inputs tables, a derived
id or a context id; derived items read only earlier derived items; requires/optional equal the inputs
the logic reads; tiers and outcomes in the README vocabularies and equal to the clinical rule tables
(tier, Str and Ev columns; value column; [proposed] marks); reference ids resolve and are used;
red-flag requires equal to the table of red-flags.md §4.3 (derived items
expanded); no missing/missing_some in three-valued rules; screen order, alsoReport, attachedTo and report
consistent; the last outcome rule of every screen is `true`.
"""

import argparse
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import rules_eval  # noqa: E402

FILES = {"redflags": "redflags.json", "sij_radicular": "sij-radicular.json", "lcs": "lcs.json"}
CLINICAL = {"redflags": ["red-flags.md"], "sij_radicular": ["sij-and-radicular.md"],
            "lcs": ["lower-crossed-pattern.md"]}
INPUT_FILES = ["red-flags.md", "sij-and-radicular.md", "lower-crossed-pattern.md"]
TIERS = {"EMERGENCY", "URGENT", "SOON", "MONITOR"}
ID_PATTERNS = {
    "redflags": r"RF-[A-Z]+-(?:\d{2}|C\d)",
    "sij_radicular": r"(?:SIJ|RAD)-[RN]\d+",
    "lcs": r"LCS-R\d+",
}

problems = []


def problem(where, what):
    problems.append("%s: %s" % (where, what))


def strict_load(path):
    def hook(pairs):
        seen = {}
        for k, v in pairs:
            if k in seen:
                raise ValueError("duplicate key %r" % k)
            seen[k] = v
        return seen
    with open(path, encoding="utf-8") as f:
        return json.load(f, object_pairs_hook=hook)


def md_tables(text, with_heading=False):
    """Yields (header cells, rows of cells[, heading above the table]) for every markdown table."""
    lines = text.splitlines()
    i = 0
    heading = ""
    while i < len(lines):
        if lines[i].startswith("#"):
            heading = lines[i]
        if lines[i].startswith("|") and i + 1 < len(lines) and re.match(r"^\|[\s:|-]+\|$", lines[i + 1]):
            header = [c.strip() for c in lines[i].strip().strip("|").split("|")]
            rows = []
            j = i + 2
            while j < len(lines) and lines[j].startswith("|"):
                rows.append([c.strip() for c in lines[j].strip().strip("|").split("|")])
                j += 1
            yield (header, rows, heading) if with_heading else (header, rows)
            i = j
        else:
            i += 1


def clinical_inputs(clin_dir):
    """linkId -> optional? from every table with an Input / Input(s) column in the three files."""
    inputs = {}
    for name in INPUT_FILES:
        with open(os.path.join(clin_dir, name), encoding="utf-8") as f:
            text = f.read()
        for header, rows in md_tables(text):
            cols = [k for k, h in enumerate(header) if h in ("Input", "Input(s)")]
            if not cols:
                continue
            c = cols[0]
            for row in rows:
                if c >= len(row):
                    continue
                optional = "**optional**" in " ".join(row)
                for tok in re.findall(r"`([a-z][a-z0-9_]*)`", row[c]):
                    inputs[tok] = inputs.get(tok, False) or optional
    return inputs


def readme_vocab(clin_dir):
    with open(os.path.join(clin_dir, "README.md"), encoding="utf-8") as f:
        text = f.read()
    vocab = {}
    for header, rows in md_tables(text):
        if header[:3] == ["Key", "Ruleset", "Values"]:
            for row in rows:
                vocab[row[0].strip("`")] = set(re.findall(r"`([A-Z_]+)`", row[2]))
    return vocab


def vars_of(node, out):
    if isinstance(node, dict):
        for op, args in node.items():
            if op == "var":
                a = args if isinstance(args, list) else [args]
                out.append((a[0], len(a) > 1))
            else:
                vars_of(args, out)
    elif isinstance(node, list):
        for x in node:
            vars_of(x, out)
    return out


def ops_of(node, out):
    if isinstance(node, dict):
        for op, args in node.items():
            out.add(op)
            ops_of(args, out)
    elif isinstance(node, list):
        for x in node:
            ops_of(x, out)
    return out


def expand(names, derived):
    out = []
    for n in names:
        if n in derived:
            for m in expand([x for x, _ in vars_of(derived[n], [])], derived):
                if m not in out:
                    out.append(m)
        elif n not in out:
            out.append(n)
    return out


def section_43(text, inputs, derived):
    """rule id -> set of inputs, from the table of red-flags.md §4.3 (derived items expanded)."""
    sec = text[text.index("### 4.3"):text.index("### 4.4")]
    out = {}
    for header, rows in md_tables(sec):
        for first, cell in rows:
            m = re.match(r"^(RF-[A-Z]+-)(\w+)(.*)$", first)
            if not m:
                continue
            prefix, rest = m.group(1), m.group(2) + m.group(3)
            if "…" in rest:
                a, b = [x.strip() for x in rest.split("…")]
                ids = [prefix + "%02d" % n for n in range(int(a), int(b) + 1)]
            else:
                ids = [prefix + x.strip() for x in re.split(r"[/,]", rest)]

            def tokens(part):
                found = []
                for tok in re.findall(r"`([a-z_*0-9]+)`", part):
                    if tok.endswith("*"):
                        found += sorted(i for i in inputs if i.startswith(tok[:-1]))
                    elif tok in derived:
                        found += expand([tok], derived)
                    else:
                        found.append(tok)
                return set(found)
            m2 = re.match(r"^as (RF-[A-Z]+-\w+)( plus (.*))?$", cell)
            if m2:
                base = out[m2.group(1)]
                for rid_ in ids:
                    out[rid_] = base | tokens(m2.group(3) or "")
            elif len(ids) > 1 and ("(one each)" in cell or cell.count(" / ") == len(ids) - 1):
                parts = re.split(r" · | / ", cell.replace("(one each)", ""))
                for rid_, part in zip(ids, parts):
                    out[rid_] = tokens(part)
            else:
                for rid_ in ids:
                    out[rid_] = tokens(cell)
    return out


def check_logic(where, logic, known, three_valued):
    for op in ops_of(logic, set()):
        if op not in rules_eval.OPERATORS:
            problem(where, "operator %r is not in the standard subset; expected one of %s"
                    % (op, ", ".join(sorted(rules_eval.OPERATORS))))
        if three_valued and op in ("missing", "missing_some"):
            problem(where, "%s in a three-valued rule; unanswered inputs are handled by three-valued logic" % op)
    for name, _ in vars_of(logic, []):
        if name not in known:
            problem(where, "unknown var %r; expected an input of the clinical inputs tables, a derived id or a context id"
                    % name)


def check_ruleset(rid, clin_dir, inputs, vocab, schema):
    path = os.path.join(ROOT, "forms", "rules", FILES[rid])
    where_file = "forms/rules/" + FILES[rid]
    try:
        rs = strict_load(path)
    except (OSError, ValueError) as e:
        problem(where_file, "cannot load: %s" % e)
        return
    if schema is not None:
        import jsonschema
        validator = jsonschema.Draft202012Validator(schema)
        for err in sorted(validator.iter_errors(rs), key=lambda e: list(e.absolute_path)):
            problem("%s at /%s" % (where_file, "/".join(str(p) for p in err.absolute_path)),
                    "schema: %s" % err.message[:300])
    if rs.get("id") != rid:
        problem(where_file, "id %r; expected %r" % (rs.get("id"), rid))
    doc = CLINICAL[rid][0]
    with open(os.path.join(clin_dir, doc), encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"document version (\d+\.\d+)", text)
    docver = m.group(1) if m else None
    if rs.get("source", {}).get("document") != doc:
        problem(where_file, "source.document %r; expected %r" % (rs.get("source", {}).get("document"), doc))
    if rs.get("source", {}).get("documentVersion") != docver:
        problem(where_file, "source.documentVersion %r; expected %r (from %s)"
                % (rs.get("source", {}).get("documentVersion"), docver, doc))
    if not str(rs.get("version", "")).startswith("%s." % docver):
        problem(where_file, "version %r does not start with the document version %s" % (rs.get("version"), docver))

    three_valued = rs.get("evaluation", {}).get("mode") == "three-valued"
    context_ids = [c["id"] for c in rs.get("context", [])]
    for c in context_ids:
        if c in inputs:
            problem(where_file, "context id %r collides with an input linkId" % c)

    # derived items
    derived = {}
    for k, d in enumerate(rs.get("derived", [])):
        where = "%s at /derived/%d (%s)" % (where_file, k, d.get("id"))
        if d["id"] in derived:
            problem(where, "duplicate derived id")
        if d["id"] in inputs or d["id"] in context_ids:
            problem(where, "derived id collides with an input or context id")
        check_logic(where, d["logic"], set(inputs) | set(derived) | set(context_ids), three_valued)
        derived[d["id"]] = d["logic"]
        want = [x for x in expand([x for x, _ in vars_of(d["logic"], [])], derived) if x not in context_ids]
        if sorted(want) != sorted(d.get("inputs", [])):
            problem(where, "inputs %s; expected %s" % (d.get("inputs"), want))
        if "reference" in d and d["reference"] not in rs["references"]:
            problem(where, "reference %r does not resolve" % d["reference"])
    known = set(inputs) | set(derived) | set(context_ids)

    # rules
    ids = [r["id"] for r in rs["rules"]]
    for x in sorted({i for i in ids if ids.count(i) > 1}):
        problem(where_file, "duplicate rule id %r" % x)
    clinical_ids = set(re.findall(ID_PATTERNS[rid], text))
    for x in sorted(clinical_ids - set(ids)):
        problem(where_file, "rule %s of %s is not encoded" % (x, doc))
    for x in sorted(set(ids) - clinical_ids):
        problem(where_file, "rule %s does not appear in %s" % (x, doc))
    # tier / strength / evidence / outcome as the clinical rule tables give them
    table_rows = {}
    proposed_section = set()
    for header, rows, heading in md_tables(text, with_heading=True):
        if header and header[0] == "Id":
            for row in rows:
                if re.fullmatch(ID_PATTERNS[rid], row[0]):
                    table_rows[row[0]] = dict(zip(header, row))
                    if "[proposed]" in heading:
                        proposed_section.add(row[0])
    for r in rs["rules"]:
        row = table_rows.get(r["id"])
        if row is None:
            if r.get("kind") != "note":
                problem("%s: rule %r" % (where_file, r["id"]), "no row for it in the rule tables of %s" % doc)
            continue
        where = "%s: rule %r" % (where_file, r["id"])
        if "Tier" in row:
            for col, field in (("Tier", "tier"), ("Str", "strength"), ("Ev", "evidence")):
                if row[col] != r.get(field):
                    problem(where, "%s %r; %s gives %r" % (field, r.get(field), doc, row[col]))
        else:
            value_col = [h for h in row if h.startswith("Value")]
            want = re.findall(r"`([A-Z_]+)`", row[value_col[0]]) if value_col else []
            if not want or want[0] != r.get("outcome"):
                problem(where, "outcome %r; %s gives %s" % (r.get("outcome"), doc, want[:1]))
        row_proposed = "[proposed]" in " ".join(row.values())
        marked = "proposed" in r.get("markers", [])
        if (row_proposed and not marked) or (marked and not row_proposed and r["id"] not in proposed_section):
            problem(where, "markers %s disagree with the [proposed] mark of %s" % (r.get("markers", []), doc))

    if rid == "redflags":
        listed = section_43(text, inputs, derived)
        for r in rs["rules"]:
            want = listed.get(r["id"])
            have = set(r["requires"]) | set(r.get("optional", []))
            if want is None:
                problem("%s: rule %r" % (where_file, r["id"]), "not listed in red-flags.md §4.3")
            elif want != have:
                problem("%s: rule %r" % (where_file, r["id"]), "requires+optional %s; red-flags.md §4.3 lists %s"
                        % (sorted(have), sorted(want)))
        for x in sorted(set(listed) - {r["id"] for r in rs["rules"]}):
            problem(where_file, "red-flags.md §4.3 lists %s, which is not encoded" % x)

    used_refs = set(d.get("reference") for d in rs.get("derived", []) if d.get("reference"))
    for k, r in enumerate(rs["rules"]):
        where = "%s: rule %r at /rules/%d" % (where_file, r["id"], k)
        check_logic(where, r["logic"], known, three_valued)
        reads = vars_of(r["logic"], [])
        for n in r.get("names", []):
            check_logic(where + " names " + n["item"], n["logic"], known, three_valued)
            want = [x for x in expand([x for x, _ in vars_of(n["logic"], [])], derived) if x not in context_ids]
            if sorted(want) != sorted(n["inputs"]):
                problem(where, "names %s inputs %s; expected %s" % (n["item"], n["inputs"], want))
            reads = reads + vars_of(n["logic"], [])
        read_inputs = [x for x in expand([x for x, _ in reads], derived) if x not in context_ids]
        optional = r.get("optional", [])
        for x in r["requires"] + optional:
            if x not in inputs:
                problem(where, "requires/optional entry %r is not an input of the clinical inputs tables" % x)
        for x in optional:
            if not inputs.get(x, False):
                problem(where, "optional %r is not marked optional in the clinical inputs tables" % x)
        if sorted(r["requires"] + optional) != sorted(read_inputs):
            problem(where, "requires+optional %s; expected the inputs the logic reads: %s"
                    % (sorted(r["requires"] + optional), sorted(read_inputs)))
        if three_valued:
            # a var default is only allowed for optional inputs (unanswered = a stated default)
            for name, has_default in vars_of(r["logic"], []) + [v for d in derived.values() for v in vars_of(d, [])]:
                if has_default and name not in optional and name in read_inputs:
                    problem(where, "var %r has a default but is not an optional input of the rule" % name)
            if r.get("kind") != "flag" or r.get("tier") not in TIERS:
                problem(where, "red-flag rule needs kind flag and a tier in %s" % sorted(TIERS))
        else:
            scr = r.get("screen")
            if scr not in vocab:
                problem(where, "screen %r; expected one of %s" % (scr, sorted(vocab)))
            elif r.get("kind") == "outcome" and r.get("outcome") not in vocab[scr]:
                problem(where, "outcome %r not in the %s vocabulary %s" % (r.get("outcome"), scr, sorted(vocab[scr])))
            if r.get("kind") == "note" and ("tier" in r or "outcome" in r):
                problem(where, "a note has no tier or outcome")
            if "attachedTo" in r:
                target = next((x for x in rs["rules"] if x["id"] == r["attachedTo"]), None)
                if target is None or target.get("kind") != "outcome" or target.get("screen") != scr:
                    problem(where, "attachedTo %r is not an outcome rule of screen %s" % (r["attachedTo"], scr))
        for ref in [r["reference"]] + r.get("seeAlso", []):
            used_refs.add(ref)
            if ref not in rs["references"]:
                problem(where, "reference %r does not resolve; expected a key of /references" % ref)
    for ref in sorted(set(rs["references"]) - used_refs):
        problem(where_file, "reference %r is not used by any rule or derived item" % ref)

    # screens
    if not three_valued:
        screens = rs["evaluation"]["screens"]
        for s in screens:
            where = "%s: screen %s" % (where_file, s["screen"])
            want = [r["id"] for r in rs["rules"] if r.get("kind") == "outcome" and r.get("screen") == s["screen"]]
            if s["order"] != want:
                problem(where, "order %s; expected the screen's outcome rules in file order %s" % (s["order"], want))
            if want and next(r for r in rs["rules"] if r["id"] == want[-1])["logic"] is not True:
                problem(where, "the last outcome rule %s must have logic true (otherwise)" % want[-1])
            for g in s.get("alsoReport", []):
                outs = {next(r for r in rs["rules"] if r["id"] == x).get("outcome") for x in g if x in want}
                if not set(g) <= set(want) or len(outs) != 1:
                    problem(where, "alsoReport group %s must hold outcome rules of this screen with one outcome" % g)
            check_logic(where + " provisionalWhen", s["provisionalWhen"], set(context_ids), False)
            for d in s.get("report", []):
                if d not in derived:
                    problem(where, "report item %r is not a derived id" % d)
        covered = {s["screen"] for s in screens}
        for r in rs["rules"]:
            if r.get("screen") not in covered:
                problem("%s: rule %r" % (where_file, r["id"]), "screen %r has no evaluation entry" % r.get("screen"))
    return rs


def main():
    ap = argparse.ArgumentParser()
    default = os.path.join(os.environ.get("BACKSCREEN_SHARED_DIR", os.path.join(ROOT, "..", "shared")), "clinical")
    ap.add_argument("--clinical-dir", default=default)
    args = ap.parse_args()
    inputs = clinical_inputs(args.clinical_dir)
    if len(inputs) < 100:
        problem(args.clinical_dir, "found only %d inputs in the clinical inputs tables; expected over 100" % len(inputs))
    vocab = readme_vocab(args.clinical_dir)
    if set(vocab) != {"sij", "radicular", "lcs"}:
        problem(args.clinical_dir + "/README.md", "pattern vocabulary table not found")
    try:
        import jsonschema  # noqa: F401
        schema = strict_load(os.path.join(ROOT, "forms", "schema", "ruleset-v1.json"))
        jsonschema.Draft202012Validator.check_schema(schema)
        schema_note = "schema checked"
    except ImportError:
        # A lint that quietly skips its schema step would pass on a broken file: missing jsonschema fails.
        schema = None
        schema_note = "schema NOT checked"
        problem("python3", "the jsonschema module is missing; expected python3-jsonschema (scripts/install-deps)")
    counts = {}
    for rid in FILES:
        rs = check_ruleset(rid, args.clinical_dir, inputs, vocab, schema)
        if rs:
            counts[rid] = len(rs["rules"])
    for p in problems:
        print(p)
    print("%d inputs from the clinical tables; rules %s; %s; %d problem(s)"
          % (len(inputs), counts, schema_note, len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
