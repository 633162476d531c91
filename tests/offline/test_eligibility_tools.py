"""The pure eligibility functions: every operator, boundaries and empty values."""

import pytest

from conftest import load_pure_module

eligibility = load_pure_module("mentoring_base/tools/eligibility.py")


@pytest.mark.parametrize(
    ("operator", "raw", "kind", "seen", "expected"),
    [
        ("gte", "5", "integer", 5, True),
        ("gte", "5", "integer", 4, False),
        ("gte", "5", "integer", 12, True),
        ("gte", "5", "integer", 0, False),  # a benchmark not assessed fails
        ("lte", "10", "integer", 10, True),
        ("lte", "10", "integer", 11, False),
        ("gte", "2", "float", 2.0, True),
        ("gte", "2", "float", 1.5, False),
        ("eq", "true", "boolean", True, True),
        ("eq", "yes", "boolean", False, False),
        ("eq", "false", "boolean", False, True),
        ("eq", "oui", "boolean", True, True),
        ("eq", "ON", "text", "ON", True),
        ("eq", "ON", "text", "on", True),
        ("eq", "ON", "text", "QC", False),
        ("eq", "ON", "text", False, False),
        ("ne", "ON", "text", "QC", True),
        ("ne", "ON", "text", "ON", False),
        ("in", "permanent_resident, convention_refugee", "text", "convention_refugee", True),
        ("in", "permanent_resident,convention_refugee", "text", "work_permit", False),
        ("in", "permanent_resident,convention_refugee", "text", False, False),
        ("not_in", "citizen", "text", "permanent_resident", True),
        ("not_in", "citizen", "text", "citizen", False),
        ("set", "", "text", "Ottawa", True),
        ("set", "", "text", False, False),
        ("not_set", "", "text", False, True),
        ("not_set", "", "text", "x", False),
    ],
)
def test_operators(operator, raw, kind, seen, expected):
    value = eligibility.parse_expected(raw, kind, operator)
    assert eligibility.satisfies(operator, value, seen) is expected


@pytest.mark.parametrize(
    ("raw", "kind", "operator"),
    [
        ("five", "integer", "gte"),
        ("", "integer", "gte"),
        ("maybe", "boolean", "eq"),
        (" , ", "text", "in"),
        ("1.5.2", "float", "lte"),
    ],
)
def test_bad_expected_values(raw, kind, operator):
    with pytest.raises(ValueError):
        eligibility.parse_expected(raw, kind, operator)


def test_unknown_operator():
    with pytest.raises(ValueError):
        eligibility.satisfies("like", "x", "x")


def test_verdict():
    assert eligibility.verdict([]) == "unchecked"
    assert eligibility.verdict([(True, True), (True, False)]) == "eligible"
    assert eligibility.verdict([(True, True), (False, False)]) == "advisory"
    assert eligibility.verdict([(False, True), (True, False)]) == "ineligible"
