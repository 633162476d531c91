"""Pure functions for the NOC 2021 and NAICS Canada 2022 tables (no ORM).

They read Statistics Canada's CSV files into plain rows that the models load, and
normalize text so a search ignores case and accents in English and French.
"""

import csv
import re
import unicodedata
from functools import lru_cache

CODE_QUERY_RE = re.compile(r"^\s*\d[\d-]*\s*$")
# A code alone ("21231", "31-33"), or a display name that starts with it ("21231 – Title").
EXACT_CODE_RE = re.compile(r"^\s*(\d+(?:-\d+)?)\s*(?:[–—-]\s.*)?$", re.DOTALL)
# Depth of each level of the two trees (1 = top). NOC 2021: broad category, major group,
# sub-major group, minor group, unit group. NAICS Canada 2022: sector, subsector, industry
# group, NAICS industry, Canadian industry.
NOC_LEVELS = ("broad_category", "major_group", "sub_major_group", "minor_group", "unit_group")
NAICS_LEVELS = ("sector", "subsector", "industry_group", "industry", "canadian_industry")
# NAICS sectors published as ranges: their 2-digit codes belong to one sector.
NAICS_SECTOR_RANGES = {
    "31": "31-33",
    "32": "31-33",
    "33": "31-33",
    "44": "44-45",
    "45": "44-45",
    "48": "48-49",
    "49": "48-49",
}


@lru_cache(maxsize=65536)
def normalize_text(text):
    """Lower-case ``text`` and strip its accents: "Ingénieurs" -> "ingenieurs"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def noc_path(code):
    """NOC 2021 codes from the broad category down to ``code`` (a str), as a tuple:
    "21231" -> ("2", "21", "212", "2123", "21231"); () for an empty or non-numeric code."""
    code = (code or "").strip()
    if not code.isdigit():
        return ()
    return tuple(code[:length] for length in range(1, min(len(code), 5) + 1))


def naics_path(code):
    """NAICS Canada 2022 codes from the sector down to ``code``, a sector published as a
    range being one node: "332999" -> ("31-33", "332", "3329", "33299", "332999")."""
    code = (code or "").strip()
    if not code:
        return ()
    if "-" in code:
        return (code,)
    sector = NAICS_SECTOR_RANGES.get(code[:2], code[:2])
    return (sector, *(code[:length] for length in range(3, min(len(code), 6) + 1)))


def classification_path(kind, code):
    """The path of ``code`` in the tree ``kind`` ("noc" or "naics"), see noc_path/naics_path.

    :raise ValueError: for another kind."""
    if kind == "noc":
        return noc_path(code)
    if kind == "naics":
        return naics_path(code)
    raise ValueError(f"Unknown classification {kind!r}")


def ancestor_code(kind, code, level):
    """The code of the ancestor of ``code`` at ``level`` (1 = top of the tree), or "" when
    ``code`` is shallower or empty: ancestor_code("noc", "21231", 2) -> "21" (major group),
    ancestor_code("naics", "332999", 1) -> "31-33" (sector)."""
    path = classification_path(kind, code)
    return path[level - 1] if 0 < level <= len(path) else ""


def common_depth(path_a, path_b):
    """How many nodes two paths share from the top (0 to 5)."""
    depth = 0
    for node_a, node_b in zip(path_a, path_b, strict=False):
        if node_a != node_b:
            break
        depth += 1
    return depth


def closeness(kind, code_a, code_b):
    """Depth of the deepest group two codes share, 0 (none) to 5 (same code at level 5):
    closeness("noc", "21231", "21232") -> 4 (same minor group 2123)."""
    return common_depth(classification_path(kind, code_a), classification_path(kind, code_b))


def is_code_query(text):
    """True when a search text is a code or code prefix such as ``2123`` or ``31-33``."""
    return bool(CODE_QUERY_RE.match(text or ""))


def exact_code(text):
    """The code a cell of a spreadsheet names, or None: "21231", "31-33" and the display
    name "21231 – Software engineers and designers" all name a code; a title names none."""
    match = EXACT_CODE_RE.match(text or "")
    return match.group(1) if match else None


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
