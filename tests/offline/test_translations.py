import csv
import re
import unicodedata

import polib

from conftest import ROOT

PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def french(addon):
    path = addon / "i18n" / "fr.po"
    assert path.is_file(), f"{addon.name} has no i18n/fr.po"
    return {(entry.msgctxt, entry.msgid): entry for entry in polib.pofile(str(path))}


def test_every_addon_has_a_template(addon):
    assert (addon / "i18n" / f"{addon.name}.pot").is_file()


def test_every_message_translated_into_french(addon):
    pot = polib.pofile(str(addon / "i18n" / f"{addon.name}.pot"))
    translations = french(addon)
    problems = []
    for entry in pot:
        found = translations.get((entry.msgctxt, entry.msgid))
        if found is None or not found.msgstr.strip():
            problems.append(f"untranslated: {entry.msgid!r}")
        elif found.fuzzy:
            problems.append(f"fuzzy: {entry.msgid!r}")
        elif sorted(PLACEHOLDER.findall(entry.msgid)) != sorted(PLACEHOLDER.findall(found.msgstr)):
            problems.append(f"placeholders differ: {entry.msgid!r}")
        elif [t.split()[0] for t in TAG.findall(entry.msgid)] != [
            t.split()[0] for t in TAG.findall(found.msgstr)
        ]:
            problems.append(f"HTML tags differ: {entry.msgid!r}")
    assert not problems, "\n".join(problems[:40])


def test_no_obsolete_french_messages(addon):
    pot = polib.pofile(str(addon / "i18n" / f"{addon.name}.pot"))
    known = {(entry.msgctxt, entry.msgid) for entry in pot}
    obsolete = [msgid for (ctxt, msgid) in french(addon) if (ctxt, msgid) not in known]
    assert not obsolete, f"fr.po has messages the template no longer has: {obsolete[:10]}"


# -- glossary ------------------------------------------------------------------------


def fold(text):
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def glossary():
    with (ROOT / "i18n" / "glossary.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    # Longest terms first, so "referring agency" wins over "referral" in the same words.
    return sorted(rows, key=lambda row: -len(row["term_en"]))


def english_pattern(term):
    # Whole words, any case, with an optional plural ending.
    return re.compile(r"(?<![\w-])" + re.escape(term) + r"(?:s|es)?(?![\w-])", re.IGNORECASE)


def french_present(term_fr, msgstr):
    """The French term is there, allowing for gender and number (mentoré, mentorées...)."""
    words = re.findall(r"[\w]+", fold(msgstr))
    for expected in re.findall(r"[\w]+", fold(term_fr)):
        if len(expected) < 3:
            continue
        stem = expected[: max(3, len(expected) - 2)]
        if not any(word.startswith(stem) for word in words):
            return False
    return True


def test_glossary_is_well_formed():
    rows = glossary()
    assert rows
    assert all(row["term_en"] and row["term_fr"] and row["context"] for row in rows)
    assert len({row["term_en"].lower() for row in rows}) == len(rows)


def test_glossary_terms_translated_consistently(addon):
    rows = [(english_pattern(row["term_en"]), row) for row in glossary()]
    problems = []
    for (_ctxt, msgid), entry in french(addon).items():
        if not entry.msgstr or "model:mentoring.program,name" in str(entry.occurrences):
            continue
        taken = []
        for pattern, row in rows:
            for match in pattern.finditer(msgid):
                span = range(match.start(), match.end())
                if any(set(span) & set(other) for other in taken):
                    continue
                taken.append(span)
                if not french_present(row["term_fr"], entry.msgstr):
                    problems.append(
                        f"{msgid!r}: {row['term_en']!r} should be {row['term_fr']!r}, "
                        f"got {entry.msgstr!r}"
                    )
    assert not problems, "\n".join(problems[:40])
