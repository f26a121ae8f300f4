#!/usr/bin/env python3
"""Compare the intake Questionnaire with the inputs tables of the clinical reference.

The clinical files (README.md "Inputs and answers") say the questionnaire's linkIds are exactly the
input names of their inputs tables. This script reads those tables from the markdown, so a renamed,
added or dropped input in either place is caught, and prints:

  missing   inputs the tables define that the form does not ask
  extra     answerable form items no table defines
  mismatch  type, unit, range, allowed codes or `required` that differ from the table

Usage: scripts/check-intake-linkids.py [--clinical DIR] [--form FILE]
The clinical directory defaults to $BACKSCREEN_SHARED_DIR/clinical, else the first of
<repo>/../shared/clinical and /work/shared/clinical that exists. Exit status 0 = no problems.
"""

import argparse
import json
import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CODE_SYSTEM = "http://backscreen.local/fhir/CodeSystem/intake"
UNIT_URL = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit"
MIN_URL = "http://hl7.org/fhir/StructureDefinition/minValue"
MAX_URL = "http://hl7.org/fhir/StructureDefinition/maxValue"

# Which tables hold intake inputs: (file, section heading prefix, row filter).
# outcome-measures.md §0.1 lists every outcome questionnaire; only the baseline pain score belongs
# in the intake. exercises.md lists computed results too; only rows whose source is "(answers)" are
# answered inputs.
SOURCES = [
    ("red-flags.md", "### 2.1", None),
    ("sij-and-radicular.md", "### A5", None),
    ("sij-and-radicular.md", "### B2", None),
    ("lower-crossed-pattern.md", "### 3.1", None),
    ("lower-crossed-pattern.md", "### 3.2", None),
    ("outcome-measures.md", "### 0.1", lambda name, row: name.startswith("nprs_")),
    ("exercises.md", "### Inputs the program generator reads", lambda name, row: "(answers)" in row),
]

# Extras allowed beyond the tables (client-detail items); none are used at present.
ALLOWED_EXTRAS = set()

# Items the files make compulsory only in a situation: the form marks them required and shows them
# only then (enableWhen). sij-and-radicular.md §B2: the angle "is required when rad_e1_leg_pain =
# true and refused otherwise"; lower-crossed-pattern.md §3.2: leg symptoms are "asked whenever a
# T02 value is entered".
CONDITIONALLY_REQUIRED = {"rad_e1_angle_deg", "lcs_t02_leg_symptoms"}

UNIT_WORDS = [  # (word in the table's type cell, UCUM code in the form)
    ("°C", "Cel"),
    ("years", "a"),
    ("weeks", "wk"),
    ("months", "mo"),
    ("degrees", "deg"),
    ("MRC", "{grade}"),
    ("points", "{score}"),
]


def find_clinical_dir(arg):
    if arg:
        return Path(arg)
    candidates = []
    if os.environ.get("BACKSCREEN_SHARED_DIR"):
        candidates.append(Path(os.environ["BACKSCREEN_SHARED_DIR"]) / "clinical")
    candidates += [REPO.parent / "shared" / "clinical", Path("/work/shared/clinical")]
    for c in candidates:
        if (c / "README.md").is_file():
            return c
    sys.exit("cannot find the clinical directory; pass --clinical DIR")


def section_lines(text, heading):
    """Lines from the heading that starts with `heading` up to the next heading of that level."""
    lines = text.splitlines()
    level = heading.split(" ")[0]
    out, inside = [], False
    for line in lines:
        if line.startswith(heading):
            inside = True
            continue
        if inside and re.match(r"^#{1,%d} " % len(level), line):
            break
        if inside:
            out.append(line)
    if not out:
        sys.exit(f"section {heading!r} not found")
    return out


def cells(line):
    """Table cells; `\\|` inside a cell is an escaped pipe, not a column break."""
    inner = line.strip()[1:-1] if line.strip().endswith("|") else line.strip()[1:]
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", inner)]


def parse_number(s):
    s = s.replace("−", "-").replace("+", "")
    return float(s) if "." in s else int(s)


def parse_type(cell, previous):
    text = cell.replace("**", "")
    first = text.split("·")[0].strip().lower()
    spec = {}
    if first.startswith("bool"):
        spec["type"] = "boolean"
    elif first.startswith("int"):
        spec["type"] = "integer"
    elif first.startswith("decimal") or first.startswith("degrees"):
        spec["type"] = "decimal"  # lower-crossed-pattern.md §3.2: "Angles are decimal degrees"
    elif first.startswith("code"):
        spec["type"] = "choice"
        codes = re.findall(r"`([^`]+)`", text)
        if "as above" in text and not codes:
            codes = previous.get("codes", [])
        spec["codes"] = codes
    elif first.startswith("text"):
        spec["type"] = "string"
    else:
        raise ValueError(f"unknown type cell {cell!r}")
    m = re.search(r"([−+-]?\d+(?:\.\d+)?)\s*(?:–|to)\s*([−+-]?\d+(?:\.\d+)?)", text)
    if m and spec["type"] in ("integer", "decimal"):
        spec["min"], spec["max"] = parse_number(m.group(1)), parse_number(m.group(2))
    for word, code in UNIT_WORDS:
        if word in text and spec["type"] in ("integer", "decimal"):
            spec["unit"] = code
            break
    return spec


def read_inputs(clinical):
    inputs = {}
    for filename, heading, keep in SOURCES:
        text = (clinical / filename).read_text(encoding="utf-8")
        lines = section_lines(text, heading)
        header = None
        previous = {}
        for line in lines:
            if not line.startswith("|"):
                header = None
                continue
            row = cells(line)
            if header is None:
                header = row
                continue
            if set("".join(row)) <= set("-: "):
                continue
            names = [i for i, h in enumerate(header) if h in ("Input", "Input(s)")]
            types = [i for i, h in enumerate(header) if h.startswith("Type") or h.startswith("Unit")]
            if not names or not types:
                continue
            name_cell, type_cell = row[names[0]], row[types[0]]
            found = re.findall(r"`([a-z][a-z0-9_]*)`", name_cell)
            if not found:
                continue
            row_text = " ".join(row)
            for name in found:
                if keep and not keep(name, row_text):
                    continue
                if filename == "exercises.md":
                    # Only a cross-reference: the type is defined in lower-crossed-pattern.md.
                    inputs.setdefault(name, {"sources": []})["sources"].append(f"{filename} {heading}")
                    continue
                spec = parse_type(type_cell, previous)
                previous = spec
                spec["optional"] = bool(re.search(r"\boptional\b", row_text))
                spec["sources"] = [f"{filename} {heading}"]
                spec["redflags"] = filename == "red-flags.md"
                if name in inputs and "type" in inputs[name]:
                    old = inputs[name]
                    for key in ("type", "codes", "min", "max", "unit"):
                        if key in spec and key in old and spec[key] != old[key]:
                            print(f"conflict  {name}: {key} {old[key]!r} in {old['sources']} "
                                  f"vs {spec[key]!r} in {filename}")
                    old["sources"] += spec["sources"]
                    old["redflags"] = old["redflags"] or spec["redflags"]
                    old["optional"] = old["optional"] and spec["optional"]
                else:
                    spec["sources"] = inputs.get(name, {}).get("sources", []) + spec["sources"]
                    inputs[name] = spec
    return inputs


def form_items(items, out):
    for item in items:
        if item.get("type") not in ("group", "display"):
            out[item["linkId"]] = item
        form_items(item.get("item", []), out)
    return out


def ext_value(item, url):
    for e in item.get("extension", []):
        if e["url"] == url:
            return next(v for k, v in e.items() if k.startswith("value"))
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clinical")
    ap.add_argument("--form", default=str(REPO / "forms" / "intake" / "low-back-intake.json"))
    args = ap.parse_args()
    clinical = find_clinical_dir(args.clinical)
    inputs = read_inputs(clinical)
    form = form_items(json.loads(Path(args.form).read_text(encoding="utf-8"))["item"], {})

    problems = []
    # Every name in the red-flag rules' `requires` lists (red-flags.md §4.3) must be a form item or
    # a derived item of §2.2 (computed by the rules, never asked).
    redflags = (clinical / "red-flags.md").read_text(encoding="utf-8")
    derived = set(re.findall(r"^\| `([a-z][a-z0-9_]*)` \|", "\n".join(section_lines(redflags, "### 2.2")), re.M))
    required_by_rules = set(re.findall(r"`([a-z][a-z0-9_]*)`", "\n".join(section_lines(redflags, "### 4.3"))))
    for name in sorted(required_by_rules - derived - set(form)):
        problems.append(f"missing   {name} (read by a rule in red-flags.md §4.3)")
    for name in sorted(derived & set(form)):
        problems.append(f"extra     {name} is a derived item (red-flags.md §2.2), not a question")
    missing = sorted(set(inputs) - set(form))
    extra = sorted(set(form) - set(inputs) - ALLOWED_EXTRAS)
    for name in missing:
        problems.append(f"missing   {name} ({', '.join(inputs[name]['sources'])})")
    for name in extra:
        problems.append(f"extra     {name}")

    for name in sorted(set(inputs) & set(form)):
        spec, item = inputs[name], form[name]
        if "type" not in spec:
            problems.append(f"mismatch  {name}: no defining table (only {spec['sources']})")
            continue
        if item["type"] != spec["type"]:
            problems.append(f"mismatch  {name}: type {item['type']} in form, {spec['type']} in table")
        if spec["type"] == "choice":
            options = [o["valueCoding"] for o in item.get("answerOption", [])]
            codes = [o.get("code") for o in options]
            if codes != spec["codes"]:
                problems.append(f"mismatch  {name}: codes {codes} in form, {spec['codes']} in table")
            for o in options:
                if o.get("system") != CODE_SYSTEM or not o.get("display"):
                    problems.append(f"mismatch  {name}: option {o} needs system {CODE_SYSTEM} and a display")
        for key, url in (("min", MIN_URL), ("max", MAX_URL)):
            want, got = spec.get(key), ext_value(item, url)
            if want is not None or got is not None:
                if got is None or want is None or float(got) != float(want):
                    problems.append(f"mismatch  {name}: {key} {got} in form, {want} in table")
                elif spec["type"] == "integer" and not isinstance(got, int):
                    problems.append(f"mismatch  {name}: {key} must be valueInteger")
        unit = ext_value(item, UNIT_URL)
        if spec.get("unit") or unit:
            got = unit.get("code") if unit else None
            if got != spec.get("unit"):
                problems.append(f"mismatch  {name}: unit {got} in form, {spec.get('unit')} in table")
            elif unit.get("system") != "http://unitsofmeasure.org":
                problems.append(f"mismatch  {name}: unit system must be http://unitsofmeasure.org")
        want_required = spec["redflags"] and not spec["optional"]
        got_required = bool(item.get("required"))
        if name in CONDITIONALLY_REQUIRED:
            if not got_required or not item.get("enableWhen"):
                problems.append(f"mismatch  {name}: must be required and conditional (enableWhen)")
        elif got_required != want_required:
            problems.append(f"mismatch  {name}: required {got_required} in form, {want_required} from the tables")

    print(f"clinical directory: {clinical}")
    print(f"inputs in the tables: {len(inputs)}; answerable items in the form: {len(form)}")
    print(f"required: {sum(1 for i in form.values() if i.get('required'))}; derived items (red-flags.md "
          f"§2.2): {len(derived)}; inputs named in rule requires lists (§4.3): "
          f"{len(required_by_rules - derived)}")
    for p in problems:
        print(p)
    if not problems:
        print("ok: every input is asked, with the table's type, unit, range, codes and required flag")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
