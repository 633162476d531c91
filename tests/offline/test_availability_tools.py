"""The weekly availability grid's pure helpers, and the demo grids against their text."""

from xml.etree import ElementTree

import pytest

from conftest import ADDONS_DIR, load_pure_module

availability = load_pure_module("mentoring_base/tools/availability.py")
slot_bit = availability.slot_bit

DEMO_FILES = (
    "mentoring_base/demo/mentoring_demo.xml",
    "mentoring_base/demo/mentoring_francophone_demo.xml",
    "mentoring_matching/demo/mentoring_matching_demo.xml",
)


def test_cells_to_slots_is_the_reverse_of_slot_cells():
    cells = [(0, 0), (1, 3), (6, 3)]
    bits = availability.cells_to_slots(cells)
    assert bits == slot_bit(0, 0) | slot_bit(1, 3) | slot_bit(6, 3)
    assert availability.slot_cells(bits) == cells
    every_cell = [(day, part) for day in range(7) for part in range(4)]
    assert availability.cells_to_slots(every_cell) == availability.FULL_WEEK
    assert availability.cells_to_slots([]) == 0
    assert availability.cells_to_slots([(2, 1), (2, 1)]) == slot_bit(2, 1)


@pytest.mark.parametrize(
    "cell",
    [(7, 0), (0, 4), (-1, 0), (0, -1), (True, 0), ("1", 1), (1.0, 1), (None, 0), (2**40, 0)],
)
def test_cells_to_slots_ignores_cells_outside_the_grid(cell):
    assert availability.cells_to_slots([cell, (1, 3)]) == slot_bit(1, 3)


@pytest.mark.parametrize(
    ("bits", "valid"),
    [
        (0, True),
        (1, True),
        (slot_bit(6, 3), True),
        (availability.FULL_WEEK, True),
        (availability.FULL_WEEK + 1, False),
        (1 << 28, False),
        (-1, False),
        (2**31 - 1, False),
        (True, False),
        (None, False),
        ("3", False),
    ],
)
def test_is_valid_slots(bits, valid):
    assert availability.is_valid_slots(bits) is valid


def demo_grids():
    """(record id, text, grid) of every demo record that has both."""
    found = []
    for relative in DEMO_FILES:
        for record in ElementTree.parse(ADDONS_DIR / relative).iter("record"):
            fields = {field.get("name"): field for field in record.iter("field")}
            if "availability" in fields or "availability_slots" in fields:
                text = fields["availability"].text
                grid = int(fields["availability_slots"].get("eval"))
                found.append((record.get("id"), text, grid))
    return found


def test_demo_grids_match_their_text():
    """Every demo mentee and mentor with an availability text has a ticked grid, the one
    the text describes (checked by hand, e.g. "one evening a week" is every evening)."""
    grids = demo_grids()
    assert len(grids) == 15
    for record, text, grid in grids:
        assert availability.is_valid_slots(grid) and grid, record
        assert availability.parse_availability(text) == grid, record
