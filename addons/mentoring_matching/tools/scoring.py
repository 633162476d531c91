"""Explainable scoring of mentee-mentor pairs (plain Python and NumPy, no Odoo).

Every criterion is a small function of plain values (codes, language codes, sets, numbers)
that returns a :class:`Credit`: a credit between 0 and 1, the key of a sentence that explains
it and the sentence's parameters, so that the caller can translate the explanation, e.g.
``Credit(0.75, "noc_level_4", {"code": "2123"})`` shown as "same NOC minor group 2123". A
criterion returns ``None`` when it does not apply to the mentee (no target occupation, no
interest in a shared background...).

Total score of a pair, from 0 to 100::

    score = 100 × Σ weight(c) × credit(c) / Σ weight(c)

over the criteria ``c`` that apply to the mentee. Whether a criterion applies depends on the
mentee only, so all the mentors of one mentee are scored on the same scale.

Hard rules (:func:`exclusion`) remove a pair whatever its score: a mentor who is not
available or is full, a pair one of them declined before, a mentee who asked for service in
French and a mentor who does not speak French, and a "must" criterion (of the program's
match profile, or a preference the mentee marked as required) that the pair does not meet.

:func:`score_pair` scores one pair with its explanation; :class:`MentorTable` and
:func:`score_row` score one mentee against thousands of mentors at once with NumPy and give
the same totals. Rankings are deterministic: score descending, then mentor id ascending.
"""

import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

import numpy as np

CRITERIA = (
    "occupation",
    "industry",
    "service_language",
    "other_languages",
    "geography",
    "career_goal",
    "background",
    "experience",
    "capacity",
    "availability",
)

# Credit for sharing a node of a 5-level classification tree, by the depth of the deepest
# shared node. NOC 2021: 5 unit group, 4 minor group, 3 sub-major group, 2 major group,
# 1 broad category. NAICS Canada 2022: 5 Canadian industry (6 digits), 4 NAICS industry
# (5 digits), 3 industry group (4 digits), 2 subsector (3 digits), 1 sector (2 digits).
LEVEL_CREDIT = {0: 0.0, 1: 0.1, 2: 0.3, 3: 0.5, 4: 0.75, 5: 1.0}
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
# A "must" criterion is met when its credit reaches this minimum: the same NOC major group
# for the occupation, the same NAICS sector for the industry, any credit for the others.
MUST_MIN_CREDIT = {"occupation": LEVEL_CREDIT[2], "industry": LEVEL_CREDIT[1]}
MUST_ANY_CREDIT = 1e-9
AVAILABLE_STATES = ("available", "active")
OFFICIAL_LANGUAGES = ("en", "fr")
EXPERIENCE_FULL_YEARS = 10
NEAR_KM = 5.0
FAR_KM = 50.0
EARTH_RADIUS_KM = 6371.0088
SAME_CITY_CREDIT = 0.8
SAME_PROVINCE_CREDIT = 0.3
UNKNOWN_AVAILABILITY_CREDIT = 0.5
SCORE_DIGITS = 4
PREFERENCES = ("none", "preferred", "required")

# Reasons a pair is excluded, in the order the rules are checked.
EXCLUSION_KEYS = (
    "mentor_unavailable",
    "mentor_full",
    "declined_before",
    "already_paired",
    "no_french",
    *(f"must_{criterion}" for criterion in CRITERIA),
)
EXCLUSION_CODES = {key: code for code, key in enumerate(EXCLUSION_KEYS, start=1)}


class Credit(NamedTuple):
    credit: float
    key: str
    params: dict


class Place(NamedTuple):
    """Where a person is: a service location (a contact id), coordinates, city, province."""

    location_id: int = 0
    city: str = ""
    province_id: int = 0
    latitude: float = 0.0
    longitude: float = 0.0

    @property
    def has_coordinates(self):
        # Odoo stores 0.0 for coordinates never geolocated.
        return bool(self.latitude or self.longitude)

    @property
    def is_known(self):
        return bool(self.location_id or self.has_coordinates or self.city or self.province_id)


NOWHERE = Place()


@dataclass(frozen=True, slots=True)
class Mentee:
    id: int
    noc: str = ""
    naics: str = ""
    service_language: str = "en"
    languages: frozenset = frozenset()
    goal_tokens: frozenset = frozenset()
    origin: str = ""
    background: str = "none"
    place: Place = NOWHERE
    proximity: str = "preferred"
    slots: int = 0
    availability: str = "preferred"
    program_id: int = 0

    def required(self):
        """Criteria the mentee's own preferences make a must."""
        return frozenset(
            criterion
            for criterion, preference in (
                ("background", self.background),
                ("geography", self.proximity),
                ("availability", self.availability),
            )
            if preference == "required"
        )


@dataclass(frozen=True, slots=True)
class Mentor:
    id: int
    noc: str = ""
    naics: str = ""
    languages: frozenset = frozenset()
    goal_tokens: frozenset = frozenset()
    backgrounds: frozenset = frozenset()
    place: Place = NOWHERE
    years: int = 0
    max_mentees: int = 1
    active_count: int = 0
    state: str = "available"
    slots: int = 0

    @property
    def free_capacity(self):
        return max(self.max_mentees - self.active_count, 0)


@dataclass(frozen=True)
class Profile:
    """Weights from 0 to 10 per criterion, and the criteria that are a must."""

    weights: dict = field(default_factory=lambda: dict.fromkeys(CRITERIA, 1))
    must: frozenset = frozenset()


class Line(NamedTuple):
    criterion: str
    weight: int
    credit: float
    key: str
    params: dict


@dataclass
class PairScore:
    mentee_id: int
    mentor_id: int
    score: float
    lines: list
    excluded: tuple | None = None  # (key, params)


# -- text ------------------------------------------------------------------------------

STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each else ever
    few for from further had has have having he her here hers herself him himself his how i if
    in into is it its itself just least less like made make many may me more most much must my
    myself no nor not now of off often on once one only or other our ours ourselves out over
    own per same she should so some still such than that the their theirs them themselves then
    there these they this those through to too under until up upon us very via was we well were
    what when where which while who whom why will with within without would yet you your yours
    yourself yourselves
    ai aie ainsi alors apres au aucun aussi autre autres aux avant avec avoir avons ayant bon
    car ce ceci cela celle celles celui ces cet cette ceux chaque chez comme comment d dans de
    des deja depuis devrait doit donc dont du elle elles en encore entre est et etaient etait
    ete etre eu eux fait faire fois font hors ici il ils j je jusqu l la le les leur leurs lui m
    ma mais me meme memes mes moi moins mon n ne ni nos notre nous on ont ou par parce pas peu
    peut plus pour pourquoi qu quand que quel quelle quelles quels qui s sa sans se selon ses
    seulement si sien soi soit son sont sous suis sur t ta tandis te tes toi ton tous tout toute
    toutes tres tu un une unes uns vers via voici voila vos votre vous y
    """.split()
)
# Words of any job search, which say nothing about the occupation sought.
GENERIC_WORDS = frozenset(
    """
    career careers canada canadian company companies employer employers employment find
    firm firms get goal goals job jobs looking obtain opportunity opportunities organization
    organizations organisation organisations position positions return role roles seek
    seeking want wants work working
    carriere emploi emplois employeur employeurs entreprise entreprises obtenir occuper
    organisme organismes poste postes retour retourner travail travailler trouver veux vouloir
    """.split()
)
IGNORED_WORDS = STOP_WORDS | GENERIC_WORDS
WORD_RE = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=65536)
def normalize_text(text):
    """Lower-case ``text`` and strip its accents: "Ingénieure" -> "ingenieure"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def stem(word):
    """Light stemming shared by English and French: plural, then feminine endings.

    "engineers" -> "engineer", "ingenieures" -> "ingenieur", "electriciennes" ->
    "electricien", "analyste" -> "analyst"."""
    if len(word) > 3 and word[-1] in "sx":
        word = word[:-1]
    if word.endswith("enne"):
        return word[:-2]
    if len(word) > 5 and word.endswith("e"):
        return word[:-1]
    return word


def tokenize(text):
    """Stemmed content words of ``text``, without stop words, generic job-search words,
    numbers and one-letter words, as a frozenset."""
    return frozenset(
        stem(word)
        for word in WORD_RE.findall(normalize_text(text))
        if len(word) > 1 and not word.isdigit() and word not in IGNORED_WORDS
    )


def surface_words(text):
    """{stem: first word of ``text`` with that stem}, to show shared words as written."""
    found = {}
    for word in re.findall(r"\w+", text or ""):
        normalized = normalize_text(word)
        if len(normalized) > 1 and not normalized.isdigit():
            found.setdefault(stem(normalized), word.lower())
    return found


# -- availability ----------------------------------------------------------------------

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
    return 1 << (day * len(PARTS) + part)


def slots_of(days, parts):
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
    return bin(bits).count("1")


# -- classification trees --------------------------------------------------------------


def noc_path(code):
    """NOC 2021 nodes from the broad category down: "21231" -> ("2", "21", ..., "21231")."""
    code = (code or "").strip()
    if not code.isdigit():
        return ()
    return tuple(code[:length] for length in range(1, min(len(code), 5) + 1))


def naics_path(code):
    """NAICS Canada nodes from the sector down, sector ranges as one node:
    "332999" -> ("31-33", "332", "3329", "33299", "332999")."""
    code = (code or "").strip()
    if not code:
        return ()
    if "-" in code:
        return (code,)
    sector = NAICS_SECTOR_RANGES.get(code[:2], code[:2])
    return (sector, *(code[:length] for length in range(3, min(len(code), 6) + 1)))


def common_depth(path_a, path_b):
    depth = 0
    for node_a, node_b in zip(path_a, path_b, strict=False):
        if node_a != node_b:
            break
        depth += 1
    return depth


def _tree_credit(prefix, mentee_path, mentor_path, mentee_code, mentor_code):
    if not mentee_path:
        return None
    if not mentor_path:
        return Credit(0.0, f"{prefix}_mentor_unknown", {})
    depth = common_depth(mentee_path, mentor_path)
    if not depth:
        return Credit(0.0, f"{prefix}_different", {"mentee": mentee_code, "mentor": mentor_code})
    return Credit(LEVEL_CREDIT[depth], f"{prefix}_level_{depth}", {"code": mentee_path[depth - 1]})


# -- criteria --------------------------------------------------------------------------


def occupation_credit(mentee_noc, mentor_noc):
    """Same NOC unit group 1.0, minor group 0.75, sub-major group 0.5, major group 0.3,
    broad category 0.1, nothing in common 0."""
    return _tree_credit("noc", noc_path(mentee_noc), noc_path(mentor_noc), mentee_noc, mentor_noc)


def industry_credit(mentee_naics, mentor_naics):
    """Same NAICS Canadian industry 1.0, NAICS industry 0.75, industry group 0.5,
    subsector 0.3, sector 0.1 (31, 32 and 33 are one sector "31-33", likewise 44-45 and
    48-49), nothing in common 0."""
    return _tree_credit(
        "naics", naics_path(mentee_naics), naics_path(mentor_naics), mentee_naics, mentor_naics
    )


def service_language_credit(service_language, mentor_languages):
    """1 when the mentor speaks the mentee's language of service."""
    if not service_language:
        return None
    if service_language in mentor_languages:
        return Credit(1.0, "speaks_service_language", {"language": service_language})
    if not mentor_languages:
        return Credit(0.0, "mentor_languages_unknown", {})
    return Credit(0.0, "lacks_service_language", {"language": service_language})


def other_languages_credit(mentee_languages, mentor_languages):
    """1 when the mentor speaks one of the mentee's languages other than English and
    French; applies only to mentees who speak such a language."""
    wanted = set(mentee_languages) - set(OFFICIAL_LANGUAGES)
    if not wanted:
        return None
    shared = sorted(wanted & set(mentor_languages))
    if shared:
        return Credit(1.0, "shares_languages", {"languages": tuple(shared)})
    return Credit(0.0, "no_shared_language", {"languages": tuple(sorted(wanted))})


def haversine_km(lat1, lon1, lat2, lon2):
    # Same operations, in the same order, as MentorTable._geography.
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2) - math.radians(lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def distance_credit(km):
    """1 up to 5 km, 0 from 50 km, linear in between."""
    return min(1.0, max(0.0, (FAR_KM - km) / (FAR_KM - NEAR_KM)))


def city_key(city):
    return normalize_text(city).strip()


def geography_credit(mentee_place, mentor_place):
    """Same service location 1; otherwise, when both have coordinates, by distance (1 up
    to 5 km, 0 from 50 km); otherwise same city 0.8, same province 0.3, else 0."""
    if not mentee_place.is_known:
        return None
    if not mentor_place.is_known:
        return Credit(0.0, "mentor_place_unknown", {})
    if mentee_place.location_id and mentee_place.location_id == mentor_place.location_id:
        return Credit(1.0, "same_location", {"location": mentor_place.location_id})
    if mentee_place.has_coordinates and mentor_place.has_coordinates:
        km = haversine_km(
            mentee_place.latitude,
            mentee_place.longitude,
            mentor_place.latitude,
            mentor_place.longitude,
        )
        return Credit(distance_credit(km), "distance", {"km": round(km, 1)})
    if mentee_place.city and city_key(mentee_place.city) == city_key(mentor_place.city):
        return Credit(SAME_CITY_CREDIT, "same_city", {"city": mentor_place.city})
    if mentee_place.province_id and mentee_place.province_id == mentor_place.province_id:
        return Credit(SAME_PROVINCE_CREDIT, "same_province", {"province": mentee_place.province_id})
    return Credit(0.0, "far", {})


def career_goal_credit(mentee_tokens, mentor_tokens, surface=None):
    """Cosine similarity of the two sets of words: |A ∩ B| / √(|A| × |B|)."""
    if not mentee_tokens:
        return None
    if not mentor_tokens:
        return Credit(0.0, "goal_mentor_unknown", {})
    shared = mentee_tokens & mentor_tokens
    credit = len(shared) / math.sqrt(len(mentee_tokens) * len(mentor_tokens))
    if not shared:
        return Credit(0.0, "goal_no_words", {})
    words = sorted((surface or {}).get(token, token) for token in shared)
    return Credit(credit, "goal_words", {"words": ", ".join(words)})


def background_credit(mentee_origin, mentor_backgrounds, preference="preferred"):
    """1 when the mentor shares the mentee's country of origin; applies only when the
    mentee asked for it."""
    if preference == "none" or not mentee_origin:
        return None
    if mentee_origin in mentor_backgrounds:
        return Credit(1.0, "same_background", {"country": mentee_origin})
    if not mentor_backgrounds:
        return Credit(0.0, "background_unknown", {})
    return Credit(0.0, "other_background", {"country": mentee_origin})


def experience_credit(years):
    """Years of experience in the region, up to 10 (1.0)."""
    years = max(years or 0, 0)
    return Credit(
        min(years, EXPERIENCE_FULL_YEARS) / EXPERIENCE_FULL_YEARS, "experience", {"years": years}
    )


def capacity_credit(max_mentees, active_count):
    """Share of the mentor's places still free: mentors with room are preferred."""
    free = max(max_mentees - active_count, 0)
    return Credit(
        free / max_mentees if max_mentees > 0 else 0.0,
        "capacity",
        {
            "free": free,
            "max": max_mentees,
        },
    )


def availability_credit(mentee_slots, mentor_slots):
    """Share of the mentee's time slots the mentor is available at too; 0.5 when the
    mentor's availability is unknown."""
    if not mentee_slots:
        return None
    if not mentor_slots:
        return Credit(UNKNOWN_AVAILABILITY_CREDIT, "availability_unknown", {})
    shared, wanted = slot_count(mentee_slots & mentor_slots), slot_count(mentee_slots)
    key = "availability_overlap" if shared else "availability_none"
    return Credit(shared / wanted, key, {"shared": shared, "wanted": wanted})


def criterion_credits(mentee, mentor, surface=None):
    """{criterion: Credit or None} of a pair."""
    return {
        "occupation": occupation_credit(mentee.noc, mentor.noc),
        "industry": industry_credit(mentee.naics, mentor.naics),
        "service_language": service_language_credit(mentee.service_language, mentor.languages),
        "other_languages": other_languages_credit(mentee.languages, mentor.languages),
        "geography": (
            None if mentee.proximity == "none" else geography_credit(mentee.place, mentor.place)
        ),
        "career_goal": career_goal_credit(mentee.goal_tokens, mentor.goal_tokens, surface),
        "background": background_credit(mentee.origin, mentor.backgrounds, mentee.background),
        "experience": experience_credit(mentor.years),
        "capacity": capacity_credit(mentor.max_mentees, mentor.active_count),
        "availability": (
            None
            if mentee.availability == "none"
            else availability_credit(mentee.slots, mentor.slots)
        ),
    }


# -- hard rules and total --------------------------------------------------------------


def must_met(criterion, credit):
    if credit.key == "availability_unknown":
        return False
    return credit.credit >= MUST_MIN_CREDIT.get(criterion, MUST_ANY_CREDIT)


def exclusion(mentee, mentor, profile, declined=frozenset(), paired=frozenset(), credits=None):
    """Why the pair is excluded, as ``(key, params)``, or None when it may be proposed.

    ``declined`` holds the (mentee id, mentor id) pairs one of them declined before,
    ``paired`` the pairs already proposed or matched together (a relationship that is
    not cancelled)."""
    if mentor.state not in AVAILABLE_STATES:
        return "mentor_unavailable", {"state": mentor.state}
    if mentor.active_count >= mentor.max_mentees:
        return "mentor_full", {"max": mentor.max_mentees}
    if (mentee.id, mentor.id) in declined:
        return "declined_before", {}
    if (mentee.id, mentor.id) in paired:
        return "already_paired", {}
    if mentee.service_language == "fr" and "fr" not in mentor.languages:
        return "no_french", {}
    credits = credits if credits is not None else criterion_credits(mentee, mentor)
    must = profile.must | mentee.required()
    for criterion in CRITERIA:
        credit = credits[criterion]
        if criterion in must and credit is not None and not must_met(criterion, credit):
            return f"must_{criterion}", {"criterion": criterion}
    return None


def round_score(value):
    return float(np.round(value, SCORE_DIGITS))


def score_pair(mentee, mentor, profile, declined=frozenset(), paired=frozenset(), surface=None):
    """The score of a pair from 0 to 100, one explained line per criterion that applies,
    and the hard rule that excludes the pair if any."""
    credits = criterion_credits(mentee, mentor, surface)
    lines, total, weights = [], 0.0, 0
    for criterion in CRITERIA:
        credit = credits[criterion]
        weight = profile.weights.get(criterion, 0)
        if credit is None or not weight:
            continue
        total += weight * credit.credit
        weights += weight
        lines.append(Line(criterion, weight, credit.credit, credit.key, credit.params))
    score = round_score(total / weights * 100) if weights else 0.0
    return PairScore(
        mentee.id,
        mentor.id,
        score,
        lines,
        exclusion(mentee, mentor, profile, declined, paired, credits),
    )


def rank_pairs(pair_scores, key="mentor_id"):
    """Pairs that may be proposed, best first; ties by ascending id of the other person."""
    return sorted(
        (pair for pair in pair_scores if pair.excluded is None),
        key=lambda pair: (-pair.score, getattr(pair, key)),
    )


# -- vectorized scoring ----------------------------------------------------------------


class _TreeColumns:
    """The nodes of each mentor's classification path, one integer array per level."""

    def __init__(self, codes, path_of):
        distinct = {}
        rows = [distinct.setdefault(code or "", len(distinct)) for code in codes]
        self.node_ids = {}
        nodes = np.full((len(distinct) + 1, 5), -1, dtype=np.int32)
        for code, index in distinct.items():
            for level, node in enumerate(path_of(code)):
                nodes[index, level] = self.node_ids.setdefault(node, len(self.node_ids))
        table = nodes[np.array(rows, dtype=np.int64)] if rows else nodes[:0]
        self.levels = [table[:, level] for level in range(5)]
        self.size = len(rows)

    def credit(self, path):
        credit = np.zeros(self.size)
        for level, node in enumerate(path):
            node_id = self.node_ids.get(node)
            if node_id is None:
                break
            credit[self.levels[level] == node_id] = LEVEL_CREDIT[level + 1]
        return credit


def _postings(sets):
    """{value: array of the rows whose set holds it}."""
    rows = defaultdict(list)
    for row, values in enumerate(sets):
        for value in values:
            rows[value].append(row)
    return {value: np.array(found, dtype=np.int64) for value, found in rows.items()}


# The columns of a MentorTable, one list each, in the order of Mentor's fields.
MENTOR_COLUMNS = (
    "id",
    "noc",
    "naics",
    "languages",
    "goal_tokens",
    "backgrounds",
    "location_id",
    "city",
    "province_id",
    "latitude",
    "longitude",
    "years",
    "max_mentees",
    "active_count",
    "state",
    "slots",
)


def _mentor_columns(mentors):
    mentors = list(mentors)
    columns = {name: [] for name in MENTOR_COLUMNS}
    for mentor in mentors:
        for name in MENTOR_COLUMNS:
            if name in Place._fields:
                columns[name].append(getattr(mentor.place, name))
            else:
                columns[name].append(getattr(mentor, name))
    return columns


class MentorTable:
    """Mentors as NumPy columns, to score one mentee against all of them at once.

    Build it from :class:`Mentor` objects, or from plain lists (``MENTOR_COLUMNS``, e.g.
    the columns of a database query) with :meth:`from_columns`, which is faster."""

    def __init__(self, mentors=(), columns=None):
        self.columns = _mentor_columns(mentors) if columns is None else columns
        columns = self.columns
        self.size = size = len(columns["id"])
        self.ids = np.array(columns["id"], dtype=np.int64)
        self.noc = _TreeColumns(columns["noc"], noc_path)
        self.naics = _TreeColumns(columns["naics"], naics_path)
        self.languages = _postings(columns["languages"])
        self.tokens = None  # built by index_tokens(), for many mentees
        # Words may come as space-separated text (as stored in the database): counted and
        # searched without splitting them, which is what costs most for one mentee.
        tokens = columns["goal_tokens"]
        self._token_text = bool(tokens) and isinstance(tokens[0], str)
        self.token_counts = np.array(
            [t.count(" ") + 1 if t else 0 for t in tokens]
            if self._token_text
            else [len(t) for t in tokens],
            dtype=np.int64,
        )
        self.backgrounds = _postings(columns["backgrounds"])
        self.location = np.array([v or 0 for v in columns["location_id"]], dtype=np.int64)
        latitude = np.array([v or 0.0 for v in columns["latitude"]], dtype=float)
        longitude = np.array([v or 0.0 for v in columns["longitude"]], dtype=float)
        self.has_coordinates = (latitude != 0) | (longitude != 0)
        self.latitude, self.longitude = np.radians(latitude), np.radians(longitude)
        self.city_ids = {}
        self.city = np.array(
            [
                self.city_ids.setdefault(city_key(city), len(self.city_ids)) if city else -1
                for city in columns["city"]
            ],
            dtype=np.int64,
        )
        self.province = np.array([v or 0 for v in columns["province_id"]], dtype=np.int64)
        self.place_known = (
            (self.location > 0) | self.has_coordinates | (self.city >= 0) | (self.province > 0)
        )
        self.years = np.maximum(np.array([v or 0 for v in columns["years"]], dtype=np.int64), 0)
        self.max_mentees = np.array(columns["max_mentees"], dtype=np.int64).reshape(size)
        self.active_count = np.array(columns["active_count"], dtype=np.int64).reshape(size)
        self.available = np.array(
            [state in AVAILABLE_STATES for state in columns["state"]], dtype=bool
        )
        self.slots = np.array([v or 0 for v in columns["slots"]], dtype=np.int64)
        self.free = np.maximum(self.max_mentees - self.active_count, 0)

    @classmethod
    def from_columns(cls, columns):
        """A table from {column name: list of values}, as listed in MENTOR_COLUMNS
        (``languages``, ``goal_tokens`` and ``backgrounds`` hold iterables of strings)."""
        missing = set(MENTOR_COLUMNS) - set(columns)
        if missing:
            raise ValueError(f"Columns missing: {sorted(missing)}")
        return cls(columns=columns)

    def mentor(self, index):
        """The :class:`Mentor` of a row, e.g. to explain its score with :func:`score_pair`."""
        value = {name: column[index] for name, column in self.columns.items()}
        return Mentor(
            id=value["id"],
            noc=value["noc"] or "",
            naics=value["naics"] or "",
            languages=frozenset(value["languages"]),
            goal_tokens=frozenset(
                value["goal_tokens"].split() if self._token_text else value["goal_tokens"]
            ),
            backgrounds=frozenset(value["backgrounds"]),
            place=Place(
                value["location_id"] or 0,
                value["city"] or "",
                value["province_id"] or 0,
                value["latitude"] or 0.0,
                value["longitude"] or 0.0,
            ),
            years=value["years"] or 0,
            max_mentees=value["max_mentees"],
            active_count=value["active_count"],
            state=value["state"],
            slots=value["slots"] or 0,
        )

    def has(self, postings, value):
        mask = np.zeros(self.size, dtype=bool)
        rows = postings.get(value)
        if rows is not None:
            mask[rows] = True
        return mask

    # one array of credits per criterion, None when the criterion does not apply

    def credits(self, mentee):
        return {
            "occupation": self._tree(self.noc, noc_path(mentee.noc)),
            "industry": self._tree(self.naics, naics_path(mentee.naics)),
            "service_language": (
                self.has(self.languages, mentee.service_language).astype(float)
                if mentee.service_language
                else None
            ),
            "other_languages": self._other_languages(mentee),
            "geography": self._geography(mentee),
            "career_goal": self._career_goal(mentee),
            "background": self._background(mentee),
            "experience": np.minimum(self.years, EXPERIENCE_FULL_YEARS) / EXPERIENCE_FULL_YEARS,
            "capacity": np.divide(
                self.free,
                self.max_mentees,
                out=np.zeros(self.size),
                where=self.max_mentees > 0,
            ),
            "availability": self._availability(mentee),
        }

    def _tree(self, columns, path):
        return columns.credit(path) if path else None

    def _other_languages(self, mentee):
        wanted = set(mentee.languages) - set(OFFICIAL_LANGUAGES)
        if not wanted:
            return None
        mask = np.zeros(self.size, dtype=bool)
        for language in wanted:
            mask |= self.has(self.languages, language)
        return mask.astype(float)

    def _geography(self, mentee):
        place = mentee.place
        if mentee.proximity == "none" or not place.is_known:
            return None
        credit = np.zeros(self.size)
        decided = ~self.place_known
        if place.location_id:
            same = ~decided & (self.location == place.location_id)
            credit[same] = 1.0
            decided |= same
        if place.has_coordinates:
            rows = ~decided & self.has_coordinates
            lat1, lon1 = math.radians(place.latitude), math.radians(place.longitude)
            lat2, lon2 = self.latitude[rows], self.longitude[rows]
            a = (
                np.sin((lat2 - lat1) / 2) ** 2
                + math.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
            )
            km = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(a))
            credit[rows] = np.clip((FAR_KM - km) / (FAR_KM - NEAR_KM), 0.0, 1.0)
            decided |= rows
        if place.city:
            city = self.city_ids.get(city_key(place.city), -2)
            same = ~decided & (self.city == city)
            credit[same] = SAME_CITY_CREDIT
            decided |= same
        if place.province_id:
            same = ~decided & (self.province == place.province_id)
            credit[same] = SAME_PROVINCE_CREDIT
        return credit

    def index_tokens(self):
        """Index the mentors' words once, before scoring many mentees against the table."""
        if self.tokens is None:
            tokens = self.columns["goal_tokens"]
            self.tokens = _postings([t.split() for t in tokens] if self._token_text else tokens)
        return self

    def _career_goal(self, mentee):
        if not mentee.goal_tokens:
            return None
        if self.tokens is None:  # one mentee: intersecting is cheaper than indexing
            wanted = mentee.goal_tokens
            if self._token_text:
                padded = [f" {word} " for word in wanted]
                shared = np.array(
                    [
                        sum(word in text for word in padded)
                        for text in (f" {t} " for t in self.columns["goal_tokens"])
                    ],
                    dtype=np.int64,
                )
            else:
                shared = np.array(
                    [len(wanted.intersection(t)) for t in self.columns["goal_tokens"]],
                    dtype=np.int64,
                )
        else:
            shared = np.zeros(self.size, dtype=np.int64)
            for token in mentee.goal_tokens:
                rows = self.tokens.get(token)
                if rows is not None:
                    shared[rows] += 1
        return np.divide(
            shared,
            np.sqrt(len(mentee.goal_tokens) * self.token_counts),
            out=np.zeros(self.size),
            where=self.token_counts > 0,
        )

    def _background(self, mentee):
        if mentee.background == "none" or not mentee.origin:
            return None
        return self.has(self.backgrounds, mentee.origin).astype(float)

    def _availability(self, mentee):
        if mentee.availability == "none" or not mentee.slots:
            return None
        shared = np.bitwise_count(self.slots & mentee.slots).astype(np.int64)
        credit = shared / slot_count(mentee.slots)
        credit[self.slots == 0] = UNKNOWN_AVAILABILITY_CREDIT
        return credit


class RowScore(NamedTuple):
    scores: np.ndarray  # float64, 0-100, rounded
    reasons: np.ndarray  # int16, 0 when the pair may be proposed, else an EXCLUSION_CODES value


def score_row(mentee, table, profile, declined_mentor_ids=(), paired_mentor_ids=()):
    """Scores and exclusion codes of one mentee against every mentor of ``table``; the same
    totals and rules as :func:`score_pair`."""
    credits = table.credits(mentee)
    total, weights = np.zeros(table.size), 0
    for criterion in CRITERIA:
        credit, weight = credits[criterion], profile.weights.get(criterion, 0)
        if credit is None or not weight:
            continue
        total = total + weight * credit
        weights += weight
    scores = np.round(total / weights * 100, SCORE_DIGITS) if weights else np.zeros(table.size)
    reasons = np.zeros(table.size, dtype=np.int16)

    def rule(key, mask):
        reasons[(reasons == 0) & mask] = EXCLUSION_CODES[key]

    rule("mentor_unavailable", ~table.available)
    rule("mentor_full", table.active_count >= table.max_mentees)
    if declined_mentor_ids:
        rule("declined_before", np.isin(table.ids, np.fromiter(declined_mentor_ids, np.int64)))
    if paired_mentor_ids:
        rule("already_paired", np.isin(table.ids, np.fromiter(paired_mentor_ids, np.int64)))
    if mentee.service_language == "fr":
        rule("no_french", ~table.has(table.languages, "fr"))
    must = profile.must | mentee.required()
    for criterion in CRITERIA:
        credit = credits[criterion]
        if criterion not in must or credit is None:
            continue
        failed = credit < MUST_MIN_CREDIT.get(criterion, MUST_ANY_CREDIT)
        if criterion == "availability":
            failed |= table.slots == 0
        rule(f"must_{criterion}", failed)
    return RowScore(scores, reasons)


def rank_row(row, table, limit=None, min_score=0.0, mask=None):
    """Indexes of the mentors that may be proposed, best first, ties by ascending mentor id."""
    feasible = (row.reasons == 0) & (row.scores >= min_score)
    if mask is not None:
        feasible &= mask
    candidates = np.flatnonzero(feasible)
    order = np.lexsort((table.ids[candidates], -row.scores[candidates]))
    ranked = candidates[order]
    return ranked if limit is None else ranked[:limit]
