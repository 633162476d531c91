"""The pure functions behind the NOC/NAICS tables, on the official files."""

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
