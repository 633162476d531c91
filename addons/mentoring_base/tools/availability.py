"""The weekly availability grid: 7 days × 4 parts of the day (no ORM).

A person's availability is a set of time slots, Monday to Sunday × morning, midday,
afternoon and evening, stored as a bit mask: bit ``day * 4 + part`` (Monday = 0,
morning = 0), 0 when nothing is known. The grid is what the website form, the mentee and
mentor forms and the matching read and write; :func:`parse_availability` only pre-fills it
from the free text people typed before the grid existed.
"""

import re

from .classification import normalize_text

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
PARTS = ("morning", "midday", "afternoon", "evening")
WEEKDAYS = frozenset(range(5))
ALL_DAYS = frozenset(range(7))
ALL_PARTS = frozenset(range(4))
DAYTIME = frozenset(range(3))
DAY_WORDS = {
    **{name: day for day, name in enumerate(DAYS)},
    **{f"{name}s": day for day, name in enumerate(DAYS)},
    **{
        word: day
        for day, names in enumerate(
            ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
        )
        for word in (names, f"{names}s")
    },
}
PART_WORDS = {
    "morning": 0,
    "mornings": 0,
    "breakfast": 0,
    "matin": 0,
    "matins": 0,
    "matinee": 0,
    "matinees": 0,
    "lunch": 1,
    "lunchtime": 1,
    "lunches": 1,
    "noon": 1,
    "midday": 1,
    "midi": 1,
    "afternoon": 2,
    "afternoons": 2,
    "evening": 3,
    "evenings": 3,
    "night": 3,
    "nights": 3,
    "soir": 3,
    "soirs": 3,
    "soiree": 3,
    "soirees": 3,
}
# Phrases replaced by one marker word before reading the words of a clause.
PHRASES = (
    (re.compile(r"\bapres[- ]midis?\b"), " afternoon "),
    (re.compile(r"\bfins? de semaines?\b|\bweek[- ]?ends?\b"), " _weekend "),
    (re.compile(r"\ben semaine\b|\bweek ?days?\b|\bsemaine\b"), " _weekdays "),
    (re.compile(r"\bbefore work\b|\bavant (?:le|mon|son) travail\b"), " morning "),
    (re.compile(r"\bafter work\b|\bapres (?:le|mon|son) travail\b"), " evening "),
    (
        re.compile(
            r"\b(?:working|business|office) hours\b|\bheures (?:de bureau|de travail|ouvrables)\b"
            r"|\bdaytime\b|\bdurant la journee\b|\ben journee\b"
        ),
        " _daytime ",
    ),
    (re.compile(r"\bany ?time\b|\ben tout temps\b|\bn'importe quand\b|\bflexibles?\b"), " _any "),
)
TIME_RE = re.compile(r"\b(\d{1,2})\s*(?:h|:)\s*(\d{2})?\b|\b(\d{1,2})\s*(am|pm)\b")
CLAUSE_RE = re.compile(r"[;\n]|\.(?!\d)")
CHUNK_RE = re.compile(r",|\b(?:and|or|et|ou)\b")


def _part_of_hour(hour):
    if hour < 11:
        return 0
    if hour < 14:
        return 1
    if hour < 17:
        return 2
    return 3


def slot_bit(day, part):
    """The bit of one slot: ``day`` 0 (Monday) to 6, ``part`` 0 (morning) to 3 (evening)."""
    return 1 << (day * len(PARTS) + part)


def slots_of(days, parts):
    """The mask of every slot at one of ``days`` and one of ``parts`` (iterables of ints)."""
    bits = 0
    for day in days:
        for part in parts:
            bits |= slot_bit(day, part)
    return bits


def _read_chunk(chunk):
    """Days, parts of the day, and the "daytime" and "any time" markers named in a chunk."""
    days, parts = set(), set()
    daytime = anytime = False
    for match in TIME_RE.finditer(chunk):
        hour = int(match.group(1) or match.group(3))
        if match.group(4) == "pm" and hour < 12:
            hour += 12
        if hour <= 23:
            parts.add(_part_of_hour(hour))
    for word in re.findall(r"[a-z_']+", chunk):
        if word in DAY_WORDS:
            days.add(DAY_WORDS[word])
        elif word in PART_WORDS:
            parts.add(PART_WORDS[word])
        elif word == "_weekdays":
            days |= WEEKDAYS
        elif word == "_weekend":
            days |= {5, 6}
        elif word == "_daytime":
            daytime = True
        elif word == "_any":
            anytime = True
    return days, parts, daytime, anytime


def _clause_groups(clause):
    """(days, parts) groups of one clause. Chunks between "and", "or" and commas share
    their days and parts: "Tuesday and Thursday lunch" is Tuesday and Thursday at midday,
    "Saturday morning and evening" Saturday morning and Saturday evening, "samedi matin et
    les soirs de semaine" Saturday morning and weekday evenings."""
    groups, pending = [], set()
    for chunk in CHUNK_RE.split(clause):
        days, parts, daytime, anytime = _read_chunk(chunk)
        if daytime:
            parts |= DAYTIME
            if not days and not pending:
                days = set(WEEKDAYS)
        if anytime and not (days or parts or pending):
            days, parts = set(ALL_DAYS), set(ALL_PARTS)
        if not parts:
            pending |= days
            continue
        days |= pending
        pending = set()
        groups.append((days or (groups[-1][0] if groups else ALL_DAYS), parts))
    if pending:
        groups.append((pending, groups[-1][1] if groups else ALL_PARTS))
    return groups


def parse_availability(text):
    """Time slots (7 days × morning, midday, afternoon, evening) named in a free text.

    English and French: "Tuesday and Thursday lunch hours; one evening a week" gives
    Tuesday and Thursday midday and every evening; "weekday evenings after 17:30",
    "samedi matin", "working hours" (weekdays, daytime), "flexible" (any time) are read
    too. Returns a bit mask (bit ``day * 4 + part``, Monday = 0), 0 when nothing is found.
    """
    bits = 0
    for clause in CLAUSE_RE.split(normalize_text(text)):
        for pattern, marker in PHRASES:
            clause = pattern.sub(marker, clause)
        for days, parts in _clause_groups(clause):
            bits |= slots_of(days, parts)
    return bits


def slot_count(bits):
    """How many slots a mask holds (0 to 28)."""
    return (bits or 0).bit_count()


def slot_cells(bits):
    """The slots of a mask as sorted (day, part) pairs: 0b1 -> [(0, 0)] (Monday morning)."""
    return [
        (day, part)
        for day in range(len(DAYS))
        for part in range(len(PARTS))
        if (bits or 0) & slot_bit(day, part)
    ]


FULL_WEEK = slots_of(range(len(DAYS)), range(len(PARTS)))


def cells_to_slots(cells):
    """The mask of (day, part) pairs, leaving out any pair outside the grid.

    The reverse of :func:`slot_cells`: [(0, 0), (1, 3)] -> Monday morning and Tuesday
    evening. A day outside 0 to 6, a part outside 0 to 3 or a value that is not a whole
    number is ignored, so values posted by a browser can be passed as they are read.
    """
    bits = 0
    for day, part in cells:
        whole = type(day) is int and type(part) is int
        if whole and 0 <= day < len(DAYS) and 0 <= part < len(PARTS):
            bits |= slot_bit(day, part)
    return bits


def is_valid_slots(bits):
    """Whether ``bits`` is a mask of the grid: a whole number with no bit outside the 28
    slots (0, nothing ticked, is valid)."""
    return type(bits) is int and 0 <= bits and not bits & ~FULL_WEEK
