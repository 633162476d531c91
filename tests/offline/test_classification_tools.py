"""The pure functions behind the NOC/NAICS tables, on the official files."""

import pytest

from conftest import ADDONS_DIR, load_pure_module

classification = load_pure_module("mentoring_base/tools/classification.py")
DATA = ADDONS_DIR / "mentoring_base" / "data"


def test_noc_rows_complete_and_bilingual():
    rows = classification.read_noc_rows(DATA / "noc_2021_v1.0_structure_en_fr.csv")
    assert [len(level) for level in classification.rows_by_level(rows)] == [10, 45, 89, 162, 516]
    by_code = {row["code"]: row for row in rows}
    software = by_code["21231"]
    assert software["name_en"] == "Software engineers and designers"
    assert software["name_fr"].startswith("Ingénieurs/ingénieures")
    assert software["parent_code"] == "2123"
    assert by_code["0"]["parent_code"] is False
    assert all(row["name_fr"] for row in rows)
    assert all(row["parent_code"] in by_code for row in rows if row["parent_code"])


def test_naics_rows_with_ranges_and_french_sectors():
    rows = classification.read_naics_rows(
        DATA / "naics-scian-2022-structure-v1-eng.csv", DATA / "naics_2022_fr.csv"
    )
    assert [len(level) for level in classification.rows_by_level(rows)] == [20, 99, 323, 694, 923]
    by_code = {row["code"]: row for row in rows}
    assert by_code["311"]["parent_code"] == "31-33"
    assert "541510" not in by_code
    assert by_code["541514"]["parent_code"] == "54151"
    assert all(row["name_fr"] for row in rows if row["level"] <= 2)
    assert all(row["parent_code"] in by_code for row in rows if row["parent_code"])


def test_search_helpers():
    assert classification.normalize_text("Ingénieurs/INGÉNIEURES") == "ingenieurs/ingenieures"
    assert classification.is_code_query("2123")
    assert classification.is_code_query(" 31-33 ")
    assert not classification.is_code_query("software 2")
    assert classification.search_words(" Génie,  logiciel ") == ["genie", "logiciel"]
    text = classification.build_search_text("21231", "Software engineers", "Ingénieurs en logiciel")
    assert text == "21231 software engineers ingenieurs en logiciel"


def test_paths_and_ancestor_at_each_level_agree_with_the_official_parents():
    """The code-based hierarchy (one definition, used by matching and reports) gives, at
    every level, the ancestor the official tables name through their parent links."""
    for kind, rows in (
        ("noc", classification.read_noc_rows(DATA / "noc_2021_v1.0_structure_en_fr.csv")),
        (
            "naics",
            classification.read_naics_rows(DATA / "naics-scian-2022-structure-v1-eng.csv"),
        ),
    ):
        by_code = {row["code"]: row for row in rows}
        for row in rows:
            official = []
            code = row["code"]
            while code:
                official.insert(0, code)
                code = by_code[code]["parent_code"]
            assert classification.classification_path(kind, row["code"]) == tuple(official)
            for level, code in enumerate(official, start=1):
                assert classification.ancestor_code(kind, row["code"], level) == code
            assert classification.ancestor_code(kind, row["code"], len(official) + 1) == ""


def test_ancestor_code_by_level():
    assert [classification.ancestor_code("noc", "21231", level) for level in range(1, 6)] == [
        "2",
        "21",
        "212",
        "2123",
        "21231",
    ]
    assert classification.ancestor_code("naics", "332999", 1) == "31-33"
    assert classification.ancestor_code("naics", "332999", 2) == "332"
    assert classification.ancestor_code("noc", "", 2) == ""
    assert classification.ancestor_code("noc", "21231", 0) == ""


def test_closeness_of_two_codes():
    assert classification.closeness("noc", "21231", "21231") == 5
    assert classification.closeness("noc", "21231", "21232") == 4
    assert classification.closeness("noc", "21231", "21300") == 2
    assert classification.closeness("noc", "21231", "31100") == 0
    assert classification.closeness("noc", "21231", "") == 0
    # NAICS 31, 32 and 33 are one sector.
    assert classification.closeness("naics", "311", "332999") == 1
    assert classification.closeness("naics", "541514", "541515") == 4


def test_unknown_classification_refused():
    with pytest.raises(ValueError):
        classification.closeness("isco", "1", "1")
