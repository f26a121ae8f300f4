#!/usr/bin/env python3
"""Checks app/translations/backscreen_en.ts against the sources.

Runs lupdate (plural messages only) over a temporary copy of the committed file and fails when a "%n"
message in app/ has no finished English plural forms, or when the committed file holds messages the
sources no longer have. Fix with `cmake --build --preset debug --target update_translations`, then fill in
the forms of the new messages.

Usage: check-translations.py LUPDATE SOURCE_DIR
"""
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path


def messages(ts_file):
    """{(context, source): [numerus forms]} and the set of unfinished keys."""
    found, unfinished = {}, set()
    for context in ElementTree.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            key = (name, message.findtext("source"))
            translation = message.find("translation")
            found[key] = [form.text or "" for form in translation.iter("numerusform")]
            if translation.get("type") in ("unfinished", "vanished", "obsolete"):
                unfinished.add(key)
    return found, unfinished


def main():
    lupdate, source_dir = sys.argv[1], Path(sys.argv[2])
    committed_file = source_dir / "app" / "translations" / "backscreen_en.ts"
    committed, committed_unfinished = messages(committed_file)
    with tempfile.TemporaryDirectory() as directory:
        fresh_file = Path(directory) / committed_file.name
        shutil.copy(committed_file, fresh_file)
        subprocess.run([lupdate, "-silent", "-pluralonly", "-locations", "none", "-no-obsolete",
                        "-target-language", "en", str(source_dir / "app" / "gui"),
                        str(source_dir / "app" / "print"), "-ts", str(fresh_file)], check=True)
        fresh, fresh_unfinished = messages(fresh_file)
    problems = []
    for context, source in sorted(fresh_unfinished | committed_unfinished):
        problems.append(f"{committed_file}: {context}: \"{source}\": English plural forms missing")
    for context, source in sorted(set(committed) - set(fresh)):
        problems.append(f"{committed_file}: {context}: \"{source}\": no longer in the sources")
    for (context, source), forms in sorted(committed.items()):
        if len(forms) != 2 or not all(forms):
            problems.append(f"{committed_file}: {context}: \"{source}\": expected 2 non-empty plural forms")
    for problem in problems:
        print(problem)
    print(f"{len(fresh)} plural messages checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
