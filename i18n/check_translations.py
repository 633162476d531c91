#!/usr/bin/env python3
"""Translation checks for every addon of the suite.

    python3 i18n/check_translations.py      # prints each problem, exits 1 if any

- every message of an addon's ``i18n/<addon>.pot`` has a French ``msgstr`` in ``i18n/fr.po``,
  not fuzzy, with the same placeholders and HTML tags;
- ``fr.po`` holds no message the template dropped;
- the glossary (``i18n/glossary.csv``) is followed: where a message uses a glossary term,
  its French uses the glossary's French term (gender and number may vary).

The offline layer of ``./run-tests`` runs the same functions.
"""

import csv
import re
import sys
import unicodedata
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "i18n" / "glossary.csv"
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")
# Proper names are translated as each program names itself, not term by term.
GLOSSARY_EXEMPT = ("model:mentoring.program,name",)


def addons():
    return sorted(path.parent for path in (ROOT / "addons").glob("*/__manifest__.py"))


def template(addon):
    return polib.pofile(str(addon / "i18n" / f"{addon.name}.pot"))


def french(addon):
    return {
        (entry.msgctxt, entry.msgid): entry for entry in polib.pofile(str(addon / "i18n" / "fr.po"))
    }


def _tags(text):
    return [tag.split()[0] for tag in TAG.findall(text)]


def untranslated(addon):
    """Messages of the template without a usable French translation."""
    translations = french(addon)
    problems = []
    for entry in template(addon):
        found = translations.get((entry.msgctxt, entry.msgid))
        if found is None or not found.msgstr.strip():
            problems.append(f"untranslated: {entry.msgid!r}")
        elif found.fuzzy:
            problems.append(f"fuzzy: {entry.msgid!r}")
        elif sorted(PLACEHOLDER.findall(entry.msgid)) != sorted(PLACEHOLDER.findall(found.msgstr)):
            problems.append(f"placeholders differ: {entry.msgid!r}")
        elif _tags(entry.msgid) != _tags(found.msgstr):
            problems.append(f"HTML tags differ: {entry.msgid!r}")
    return problems


def obsolete(addon):
    known = {(entry.msgctxt, entry.msgid) for entry in template(addon)}
    return [f"obsolete: {msgid!r}" for (ctxt, msgid) in french(addon) if (ctxt, msgid) not in known]


def fold(text):
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def glossary():
    """Glossary rows, longest English term first so "referring agency" beats "referral"."""
    with GLOSSARY.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return sorted(rows, key=lambda row: -len(row["term_en"]))


def glossary_problems():
    rows = glossary()
    problems = [f"glossary row incomplete: {row}" for row in rows if not all(row.values())]
    seen = set()
    for row in rows:
        if row["term_en"].lower() in seen:
            problems.append(f"glossary term twice: {row['term_en']!r}")
        seen.add(row["term_en"].lower())
    return problems


def english_pattern(term):
    # Whole words, any case, with an optional plural ending.
    return re.compile(r"(?<![\w-])" + re.escape(term) + r"(?:s|es)?(?![\w-])", re.IGNORECASE)


def french_present(term_fr, msgstr):
    """The French term is there, allowing for gender and number (mentoré, mentorées...)."""
    words = re.findall(r"\w+", fold(msgstr))
    for expected in re.findall(r"\w+", fold(term_fr)):
        if len(expected) < 3:
            continue
        stem = expected[: max(3, len(expected) - 2)]
        if not any(word.startswith(stem) for word in words):
            return False
    return True


def inconsistent_terms(addon):
    """Messages whose French does not use the glossary's term."""
    rows = [(english_pattern(row["term_en"]), row) for row in glossary()]
    problems = []
    for (_ctxt, msgid), entry in french(addon).items():
        occurrences = " ".join(occurrence for occurrence, _line in entry.occurrences)
        if not entry.msgstr or any(exempt in occurrences for exempt in GLOSSARY_EXEMPT):
            continue
        taken = []
        for pattern, row in rows:
            for match in pattern.finditer(msgid):
                span = set(range(match.start(), match.end()))
                if any(span & other for other in taken):
                    continue
                taken.append(span)
                if not french_present(row["term_fr"], entry.msgstr):
                    problems.append(
                        f"{msgid!r}: {row['term_en']!r} should be {row['term_fr']!r}, "
                        f"got {entry.msgstr!r}"
                    )
    return problems


def main():
    problems = glossary_problems()
    for addon in addons():
        missing = [
            name for name in (f"{addon.name}.pot", "fr.po") if not (addon / "i18n" / name).is_file()
        ]
        if missing:
            problems.append(f"{addon.name}: no i18n/{' or i18n/'.join(missing)}")
            continue
        for check in (untranslated, obsolete, inconsistent_terms):
            problems += [f"{addon.name}: {problem}" for problem in check(addon)]
    print("\n".join(problems) or "translations: all good")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
