"""The score of a mentee-mentor pair, from 0 to 100, and the hard rules (no ORM).

Total score of a pair::

    score = 100 × Σ weight(c) × credit(c) / Σ weight(c)

over the criteria ``c`` (:mod:`.criteria`) that apply to the mentee. Whether a criterion
applies depends on the mentee only, so all the mentors of one mentee are scored on the same
scale.

Hard rules (:func:`exclusion`) remove a pair whatever its score: a mentor who is not
available or is full, a pair one of them declined before, a mentee who asked for service in
French and a mentor who does not speak French, and a "must" criterion (of the program's
match profile, or a preference the mentee marked as required) that the pair does not meet.

:func:`score_pair` scores one pair with its explanation; :mod:`.table` scores one mentee
against thousands of mentors at once with NumPy and gives the same totals. Rankings are
deterministic: score descending, then mentor id ascending.
"""

from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from odoo.addons.mentoring_base.tools.capacity import MATCHABLE_STATES

from .criteria import (
    CRITERIA,
    LEVEL_CREDIT,
    NOWHERE,
    Place,
    availability_credit,
    background_credit,
    capacity_credit,
    career_goal_credit,
    experience_credit,
    geography_credit,
    industry_credit,
    occupation_credit,
    other_languages_credit,
    service_language_credit,
)

# A "must" criterion is met when its credit reaches this minimum: the same NOC major group
# for the occupation, the same NAICS sector for the industry, any credit for the others.
MUST_MIN_CREDIT = {"occupation": LEVEL_CREDIT[2], "industry": LEVEL_CREDIT[1]}
MUST_ANY_CREDIT = 1e-9
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
# A pair that breaks no rule but scores under the minimum the coordinator asked for.
BELOW_MIN_SCORE = "below_min_score"
BELOW_MIN_SCORE_CODE = len(EXCLUSION_KEYS) + 1


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
    free_places: int = 1  # mentoring.mentor.free_places: pending proposals hold a place
    state: str = "available"
    slots: int = 0


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
        "capacity": capacity_credit(mentor.max_mentees, mentor.free_places),
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
    if mentor.state not in MATCHABLE_STATES:
        return "mentor_unavailable", {"state": mentor.state}
    if mentor.free_places <= 0:
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
