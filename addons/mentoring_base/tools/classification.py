"""Pure functions for the NOC 2021 and NAICS Canada 2022 tables (no ORM).

They read Statistics Canada's CSV files into plain rows that the models load, and
normalize text so a search ignores case and accents in English and French.
"""

import csv
import re
import unicodedata

CODE_QUERY_RE = re.compile(r"^\s*\d[\d-]*\s*$")


def normalize_text(text):
    """Lower-case ``text`` and strip its accents: "Ingénieurs" -> "ingenieurs"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def is_code_query(text):
    """True when a search text is a code or code prefix such as ``2123`` or ``31-33``."""
    return bool(CODE_QUERY_RE.match(text or ""))


def search_words(text):
    """The normalized words of a search text, without empty ones."""
    return [word for word in re.split(r"[\s,;]+", normalize_text(text)) if word]


def build_search_text(code, *titles):
    """The text a classification entry is found by: its code and its titles in every language."""
    return normalize_text(" ".join([code] + [title for title in titles if title]))


def _read_csv(path, encoding="utf-8-sig"):
    with open(path, encoding=encoding, newline="") as handle:
        yield from csv.DictReader(handle)


def read_noc_rows(path):
    """Rows of the bilingual NOC 2021 structure file.

    The parent of a NOC code is the code without its last digit; the level is the
    length of the code (1 = broad category ... 5 = unit group).
    """
    rows = []
    for raw in _read_csv(path):
        code = raw["code"].strip()
        rows.append(
            {
                "code": code,
                "level": len(code),
                "parent_code": code[:-1] or False,
                "name_en": raw["name_english"].strip(),
                "name_fr": raw["name_french"].strip(),
                "definition_en": raw["description_english"].strip(),
                "definition_fr": raw["description_french"].strip(),
            }
        )
    return rows


def read_naics_rows(path, french_path=None):
    """Rows of the NAICS Canada 2022 structure file, with French titles where known."""
    french = {}
    if french_path:
        french = {raw["code"].strip(): raw["name_fr"].strip() for raw in _read_csv(french_path)}
    rows = []
    for raw in _read_csv(path):
        code = raw["Code"].strip()
        rows.append(
            {
                "code": code,
                "level": int(raw["Level"]),
                "parent_code": raw["Parent"].strip() or False,
                "name_en": raw["Class title"].strip(),
                "name_fr": french.get(code, ""),
                "definition_en": raw["Class definition"].strip(),
                "definition_fr": "",
                "superscript": raw["Superscript"].strip(),
            }
        )
    return rows


def rows_by_level(rows):
    """Rows grouped by level, top level first, so parents always exist before children."""
    levels = {}
    for row in rows:
        levels.setdefault(row["level"], []).append(row)
    return [levels[level] for level in sorted(levels)]
