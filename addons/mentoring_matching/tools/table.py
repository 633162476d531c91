"""Vectorized scoring: one mentee against thousands of mentors at once (NumPy, no ORM).

:class:`MentorTable` holds the mentors as columns; :func:`score_row` gives the same totals
and hard rules as :func:`.scoring.score_pair`, for every mentor of the table at once.
"""

import math
from collections import defaultdict
from typing import NamedTuple

import numpy as np

from odoo.addons.mentoring_base.tools.availability import slot_count
from odoo.addons.mentoring_base.tools.capacity import MATCHABLE_STATES
from odoo.addons.mentoring_base.tools.classification import naics_path, noc_path

from .criteria import (
    CRITERIA,
    EARTH_RADIUS_KM,
    EXPERIENCE_FULL_YEARS,
    FAR_KM,
    LEVEL_CREDIT,
    NEAR_KM,
    OFFICIAL_LANGUAGES,
    SAME_CITY_CREDIT,
    SAME_PROVINCE_CREDIT,
    UNKNOWN_AVAILABILITY_CREDIT,
    Place,
    city_key,
)
from .scoring import EXCLUSION_CODES, MUST_ANY_CREDIT, MUST_MIN_CREDIT, SCORE_DIGITS, Mentor


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
    "free_places",
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
        self.free = np.array(columns["free_places"], dtype=np.int64).reshape(size)
        self.available = np.array(
            [state in MATCHABLE_STATES for state in columns["state"]], dtype=bool
        )
        self.slots = np.array([v or 0 for v in columns["slots"]], dtype=np.int64)

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
            free_places=value["free_places"],
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
    rule("mentor_full", table.free <= 0)
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
