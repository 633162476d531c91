"""Eligibility criteria, evaluated without the ORM.

A criterion compares what a profile holds (the value "seen") with an expected value
through an operator. Values are plain Python: numbers, booleans, strings (selection keys,
codes). An empty value (None, False, "", 0 for a level not assessed) never satisfies a
comparison, so a missing benchmark or status fails its criterion instead of passing it.
"""

TRUE_WORDS = {"1", "true", "yes", "y", "oui", "vrai"}
FALSE_WORDS = {"0", "false", "no", "n", "non", "faux"}

OPERATORS = ("gte", "lte", "eq", "ne", "in", "not_in", "set", "not_set")
LIST_OPERATORS = ("in", "not_in")
VALUELESS_OPERATORS = ("set", "not_set")


def parse_expected(raw, kind, operator):
    """The expected value of a criterion, typed like the profile value it is compared with.

    ``kind`` is "integer", "float", "boolean" or "text". Raises ``ValueError`` when ``raw``
    cannot be read as that kind.
    """
    if operator in VALUELESS_OPERATORS:
        return None
    if operator in LIST_OPERATORS:
        items = [item.strip() for item in (raw or "").split(",") if item.strip()]
        if not items:
            raise ValueError("empty list")
        return [parse_scalar(item, kind) for item in items]
    return parse_scalar(raw, kind)


def parse_scalar(raw, kind):
    text = (raw or "").strip()
    if not text:
        raise ValueError("empty value")
    if kind == "integer":
        return int(text)
    if kind == "float":
        return float(text)
    if kind == "boolean":
        if text.lower() in TRUE_WORDS:
            return True
        if text.lower() in FALSE_WORDS:
            return False
        raise ValueError(f"not a yes/no value: {text}")
    return text


def is_empty(value):
    return value is None or value is False or value == "" or value == []


def satisfies(operator, expected, seen):
    """Whether the value ``seen`` on a profile meets ``operator`` ``expected``."""
    if operator == "set":
        return not is_empty(seen)
    if operator == "not_set":
        return is_empty(seen)
    if operator == "eq" and isinstance(expected, bool):
        return bool(seen) is expected
    if is_empty(seen) or (
        isinstance(seen, (int, float)) and not isinstance(seen, bool) and not seen
    ):
        return False
    if operator == "gte":
        return seen >= expected
    if operator == "lte":
        return seen <= expected
    if operator == "eq":
        return _same(seen, expected)
    if operator == "ne":
        return not _same(seen, expected)
    if operator == "in":
        return any(_same(seen, item) for item in expected)
    if operator == "not_in":
        return not any(_same(seen, item) for item in expected)
    raise ValueError(f"unknown operator {operator}")


def _same(seen, expected):
    if isinstance(seen, str) and isinstance(expected, str):
        return seen.casefold() == expected.casefold()
    return seen == expected


def verdict(results):
    """Summary of a list of ``(passed, mandatory)`` pairs.

    "eligible" when every criterion passes, "advisory" when only advisory ones fail,
    "ineligible" when a mandatory one fails, "unchecked" when there is none.
    """
    if not results:
        return "unchecked"
    if any(not passed and mandatory for passed, mandatory in results):
        return "ineligible"
    if any(not passed for passed, _mandatory in results):
        return "advisory"
    return "eligible"
