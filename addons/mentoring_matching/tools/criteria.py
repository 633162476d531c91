"""The matching criteria: how far a mentor suits a mentee on one point (no ORM).

Every criterion is a small function of plain values (codes, language codes, sets, numbers)
that returns a :class:`Credit`: a credit between 0 and 1, the key of a sentence that explains
it and the sentence's parameters, so that the caller can translate the explanation, e.g.
``Credit(0.75, "noc_level_4", {"code": "2123"})`` shown as "same NOC minor group 2123". A
criterion returns ``None`` when it does not apply to the mentee (no target occupation, no
interest in a shared background...).
"""

import math
from typing import NamedTuple

from odoo.addons.mentoring_base.tools.availability import slot_count
from odoo.addons.mentoring_base.tools.classification import (
    common_depth,
    naics_path,
    noc_path,
    normalize_text,
)

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
OFFICIAL_LANGUAGES = ("en", "fr")
EXPERIENCE_FULL_YEARS = 10
NEAR_KM = 5.0
FAR_KM = 50.0
EARTH_RADIUS_KM = 6371.0088
SAME_CITY_CREDIT = 0.8
SAME_PROVINCE_CREDIT = 0.3
UNKNOWN_AVAILABILITY_CREDIT = 0.5


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


def capacity_credit(max_mentees, free):
    """Share of the mentor's places still free (``free`` of ``max_mentees``): mentors with
    room are preferred."""
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
