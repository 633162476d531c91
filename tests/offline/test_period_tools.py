"""Reporting periods: the quarter the funder export proposes, and local days in UTC."""

from datetime import date, datetime

import pytest

from conftest import load_pure_module

period = load_pure_module("mentoring_reports/tools/period.py")

TORONTO = "America/Toronto"


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 5, 15), (date(2026, 1, 1), date(2026, 3, 31))),
        (date(2026, 4, 1), (date(2026, 1, 1), date(2026, 3, 31))),
        (date(2026, 3, 31), (date(2025, 10, 1), date(2025, 12, 31))),
        (date(2026, 1, 10), (date(2025, 10, 1), date(2025, 12, 31))),
        (date(2026, 7, 1), (date(2026, 4, 1), date(2026, 6, 30))),
        (date(2026, 11, 29), (date(2026, 7, 1), date(2026, 9, 30))),
        (date(2024, 3, 1), (date(2023, 10, 1), date(2023, 12, 31))),
    ],
)
def test_last_complete_quarter(today, expected):
    assert period.last_complete_quarter(today) == expected


def test_quarter_start():
    assert period.quarter_start(date(2026, 2, 28)) == date(2026, 1, 1)
    assert period.quarter_start(date(2026, 12, 31)) == date(2026, 10, 1)


def test_an_evening_session_on_31_march_in_toronto_belongs_to_march():
    stored = datetime(2026, 4, 1, 0, 30)  # 31 March, 8:30 p.m. in Toronto (EDT, UTC-4)
    assert period.local_date(stored, TORONTO) == date(2026, 3, 31)
    assert period.local_date(stored, "UTC") == date(2026, 4, 1)
    start, end = period.utc_bounds(date(2026, 3, 1), date(2026, 3, 31), TORONTO)
    assert (start, end) == (datetime(2026, 3, 1, 5, 0), datetime(2026, 4, 1, 4, 0))
    assert start <= stored < end
    april_start, _april_end = period.utc_bounds(date(2026, 4, 1), date(2026, 4, 30), TORONTO)
    assert stored < april_start


def test_bounds_are_open_without_dates_and_utc_without_a_known_zone():
    assert period.utc_bounds(None, None, TORONTO) == (None, None)
    assert period.utc_bounds(date(2026, 3, 1), None, False) == (datetime(2026, 3, 1), None)
    assert period.utc_bounds(None, date(2026, 3, 31), "Nowhere/Atlantis") == (
        None,
        datetime(2026, 4, 1),
    )
    assert period.local_date(False, TORONTO) is None
