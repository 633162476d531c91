"""The pure functions of mentoring_matching: scoring criteria, hard rules, solvers."""

import random

import numpy as np
import pytest

from conftest import load_pure_module

availability = load_pure_module("mentoring_base/tools/availability.py")
classification = load_pure_module("mentoring_base/tools/classification.py")
criteria = load_pure_module("mentoring_matching/tools/criteria.py")
scoring = load_pure_module("mentoring_matching/tools/scoring.py")
vector = load_pure_module("mentoring_matching/tools/table.py")
text = load_pure_module("mentoring_matching/tools/text.py")
cohort = load_pure_module("mentoring_matching/tools/cohort.py")

Mentee, Mentor, Place, Profile = scoring.Mentee, scoring.Mentor, criteria.Place, scoring.Profile


# -- text and availability -----------------------------------------------------------


def test_tokenize_strips_accents_stop_words_and_generic_words():
    tokens = text.tokenize("Travailler comme Ingénieure électricienne à Ottawa, 2 postes")
    assert tokens == {text.stem("ingénieure"), text.stem("électricienne"), text.stem("ottawa")}
    assert tokens == text.tokenize("ingenieur electricien Ottawa")
    assert text.tokenize("Work as a Software Engineer") == {
        text.stem("software"),
        text.stem("engineer"),
    }
    assert text.tokenize("") == frozenset()
    assert text.stem("analyste") == text.stem("analysts") == "analyst"


@pytest.mark.parametrize(
    "words",
    [
        ("engineer", "engineers", "engineering"),
        ("nurse", "nursing"),
        ("accountant", "accounting"),
        ("infirmière", "infirmier", "infirmières"),
        ("ingénieure", "ingénieur", "ingenieurs"),
        ("électricienne", "électricien"),
        ("comptable", "comptables"),
        ("developer", "development"),
    ],
)
def test_stemmer_brings_word_forms_together_in_english_and_french(words):
    assert len({text.stem(word.lower()) for word in words}) == 1
    assert len({frozenset(text.tokenize(word)) for word in words}) == 1


def test_stemmer_keeps_different_words_apart():
    assert text.stem("nurse") != text.stem("engineer")
    assert text.stem("account") != text.stem("architect")


def test_surface_words_keep_the_mentees_spelling():
    assert text.surface_words("Ingénieure logiciel")["ingenieur"] == "ingénieure"


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("Tuesday and Thursday lunch", {("tuesday", "midday"), ("thursday", "midday")}),
        ("Saturday morning and evening", {("saturday", "morning"), ("saturday", "evening")}),
        (
            "samedi matin et les soirs de semaine",
            {("saturday", "morning")} | {(day, "evening") for day in availability.DAYS[:5]},
        ),
        ("Weekday evenings after 17:30", {(day, "evening") for day in availability.DAYS[:5]}),
        ("mardi et jeudi après-midi", {("tuesday", "afternoon"), ("thursday", "afternoon")}),
        ("one evening a week", {(day, "evening") for day in availability.DAYS}),
        ("weekends", {(day, part) for day in availability.DAYS[5:] for part in availability.PARTS}),
        (
            "flexible during working hours",
            {(day, part) for day in availability.DAYS[:5] for part in availability.PARTS[:3]},
        ),
        (
            "en tout temps",
            {(day, part) for day in availability.DAYS for part in availability.PARTS},
        ),
        ("by video call", set()),
    ],
)
def test_parse_availability(text, slots):
    bits = availability.parse_availability(text)
    found = {
        (availability.DAYS[bit // 4], availability.PARTS[bit % 4])
        for bit in range(28)
        if bits >> bit & 1
    }
    assert found == slots


# -- criteria ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mentor_noc", "credit", "key", "code"),
    [
        ("21231", 1.0, "noc_level_5", "21231"),
        ("21232", 0.75, "noc_level_4", "2123"),
        ("21211", 0.5, "noc_level_3", "212"),
        ("21300", 0.3, "noc_level_2", "21"),
        ("20012", 0.1, "noc_level_1", "2"),
        ("11100", 0.0, "noc_different", None),
    ],
)
def test_occupation_credit_along_the_noc_tree(mentor_noc, credit, key, code):
    result = criteria.occupation_credit("21231", mentor_noc)
    assert (result.credit, result.key) == (credit, key)
    assert result.params.get("code") == code


def test_occupation_without_codes():
    assert criteria.occupation_credit("", "21231") is None
    assert criteria.occupation_credit("21231", "").key == "noc_mentor_unknown"
    # A mentee who only knows the minor group shares it with its unit groups.
    assert criteria.occupation_credit("2123", "21231").credit == 0.75


def test_industry_credit_along_the_naics_tree_with_sector_ranges():
    assert classification.naics_path("332999") == ("31-33", "332", "3329", "33299", "332999")
    assert classification.naics_path("31-33") == ("31-33",)
    assert criteria.industry_credit("541514", "541514").credit == 1.0
    assert criteria.industry_credit("541514", "541515").credit == 0.75
    assert criteria.industry_credit("5415", "541514").key == "naics_level_3"
    assert criteria.industry_credit("541514", "541190").credit == 0.3
    sector = criteria.industry_credit("311", "332")
    assert (sector.credit, sector.params["code"]) == (0.1, "31-33")
    assert criteria.industry_credit("448", "452").params["code"] == "44-45"
    assert criteria.industry_credit("541514", "522111").credit == 0.0


def test_languages():
    assert criteria.service_language_credit("fr", {"en", "fr"}).credit == 1.0
    assert criteria.service_language_credit("fr", {"en"}).key == "lacks_service_language"
    assert criteria.service_language_credit("en", set()).key == "mentor_languages_unknown"
    assert criteria.other_languages_credit({"en", "fr"}, {"ar"}) is None
    shared = criteria.other_languages_credit({"en", "ar", "fa"}, {"en", "fa"})
    assert (shared.credit, shared.params["languages"]) == (1.0, ("fa",))
    assert criteria.other_languages_credit({"ar"}, {"en"}).credit == 0.0


def test_geography():
    ottawa = Place(city="Ottawa", province_id=1, latitude=45.4215, longitude=-75.6972)
    assert criteria.geography_credit(Place(), ottawa) is None
    assert criteria.geography_credit(ottawa, Place()).key == "mentor_place_unknown"
    assert criteria.geography_credit(
        Place(location_id=7, city="Ottawa"), Place(location_id=7, city="Kanata")
    ) == (1.0, "same_location", {"location": 7})
    near = criteria.geography_credit(ottawa, Place(latitude=45.44, longitude=-75.69))
    assert (near.credit, near.key) == (1.0, "distance")
    km = criteria.haversine_km(45.4215, -75.6972, 45.6688, -75.6972)
    assert km == pytest.approx(27.5, abs=0.1)
    middle = criteria.geography_credit(ottawa, Place(latitude=45.6688, longitude=-75.6972))
    assert middle.credit == pytest.approx((50 - km) / 45)
    far = criteria.geography_credit(ottawa, Place(latitude=43.65, longitude=-79.38))
    assert far.credit == 0.0
    assert criteria.geography_credit(ottawa, Place(city="OTTAWA ")).credit == 0.8
    assert criteria.geography_credit(ottawa, Place(city="Kingston", province_id=1)).credit == 0.3
    assert criteria.geography_credit(ottawa, Place(city="Montréal", province_id=2)).key == "far"


def test_career_goal_cosine():
    objective = "Software developer in fintech"
    mentee = text.tokenize(objective)
    mentor = text.tokenize("Senior software developer, payments and fintech")
    credit = criteria.career_goal_credit(mentee, mentor, text.surface_words(objective))
    assert credit.credit == pytest.approx(3 / np.sqrt(3 * 5))
    assert credit.params["words"] == "developer, fintech, software"
    assert criteria.career_goal_credit(mentee, mentor).params["words"] == ", ".join(
        sorted(text.stem(word) for word in ("developer", "fintech", "software"))
    )
    assert criteria.career_goal_credit(mentee, {"nurse"}).key == "goal_no_words"
    assert criteria.career_goal_credit(frozenset(), mentor) is None


def test_background_experience_capacity_availability():
    assert criteria.background_credit("MA", {"MA", "FR"}).credit == 1.0
    assert criteria.background_credit("MA", {"FR"}).key == "other_background"
    assert criteria.background_credit("MA", {"MA"}, "none") is None
    assert criteria.experience_credit(4).credit == 0.4
    assert criteria.experience_credit(25).credit == 1.0
    assert criteria.capacity_credit(3, 2).credit == pytest.approx(2 / 3)
    tuesday_evening = availability.slot_bit(1, 3)
    saturday_morning = availability.slot_bit(5, 0)
    both = tuesday_evening | saturday_morning
    assert criteria.availability_credit(both, tuesday_evening).credit == 0.5
    assert criteria.availability_credit(both, 0).key == "availability_unknown"
    assert criteria.availability_credit(0, both) is None


# -- hard rules, totals, determinism -------------------------------------------------

PROFILE = Profile(weights=dict.fromkeys(scoring.CRITERIA, 5))


def test_hard_rules():
    mentee = Mentee(id=1, noc="21231", service_language="fr", languages=frozenset({"fr"}))
    french = Mentor(id=10, noc="21231", languages=frozenset({"fr", "en"}))
    assert scoring.score_pair(mentee, french, PROFILE).excluded is None
    assert scoring.exclusion(mentee, Mentor(id=11, languages=frozenset({"en"})), PROFILE)[0] == (
        "no_french"
    )
    paused = Mentor(id=12, state="paused", languages=frozenset({"fr"}))
    assert scoring.exclusion(mentee, paused, PROFILE)[0] == "mentor_unavailable"
    full = Mentor(id=13, max_mentees=2, free_places=0, languages=frozenset({"fr"}))
    assert scoring.exclusion(mentee, full, PROFILE)[0] == "mentor_full"
    assert scoring.exclusion(mentee, french, PROFILE, declined={(1, 10)})[0] == "declined_before"
    assert scoring.exclusion(mentee, french, PROFILE, paired={(1, 10)})[0] == "already_paired"
    must = Profile(weights=PROFILE.weights, must=frozenset({"occupation"}))
    other = Mentor(id=14, noc="20012", languages=frozenset({"fr"}))
    assert scoring.exclusion(mentee, other, must)[0] == "must_occupation"
    same_major = Mentor(id=15, noc="21300", languages=frozenset({"fr"}))
    assert scoring.exclusion(mentee, same_major, must) is None
    asks = Mentee(id=2, origin="MA", background="required")
    assert scoring.exclusion(asks, Mentor(id=16), PROFILE)[0] == "must_background"
    on_time = Mentee(id=3, slots=availability.slot_bit(0, 0), availability="required")
    assert scoring.exclusion(on_time, Mentor(id=17), PROFILE)[0] == "must_availability"


def test_total_is_the_weighted_mean_of_applicable_criteria():
    profile = Profile(
        weights={**dict.fromkeys(scoring.CRITERIA, 0), "occupation": 8, "experience": 2}
    )
    pair = scoring.score_pair(
        Mentee(id=1, noc="21231"), Mentor(id=2, noc="21232", years=5), profile
    )
    assert pair.score == pytest.approx(100 * (0.75 * 8 + 0.5 * 2) / 10)
    assert [line.criterion for line in pair.lines] == ["occupation", "experience"]
    no_target = scoring.score_pair(Mentee(id=1), Mentor(id=2, years=5), profile)
    assert no_target.score == 50.0, "occupation does not count without a target"


def test_ranking_is_deterministic_ties_by_mentor_id():
    mentee = Mentee(id=1, noc="21231")
    mentors = [Mentor(id=index, noc="21231") for index in (9, 3, 7, 5)]
    mentors.append(Mentor(id=4, noc="21231", years=10))
    table = vector.MentorTable(mentors)
    first = vector.rank_row(vector.score_row(mentee, table, PROFILE), table)
    second = vector.rank_row(vector.score_row(mentee, table, PROFILE), table)
    assert table.ids[first].tolist() == table.ids[second].tolist() == [4, 3, 5, 7, 9]
    pairs = [scoring.score_pair(mentee, mentor, PROFILE) for mentor in mentors]
    assert [pair.mentor_id for pair in scoring.rank_pairs(pairs)] == [4, 3, 5, 7, 9]


def _random_mentee(rng, index):
    place = Place(
        rng.choice((0, 1, 2)),
        rng.choice(("", "Ottawa", "Gatineau")),
        rng.choice((0, 1)),
        rng.choice((0.0, 45 + rng.random())),
        rng.choice((0.0, -75 + rng.random())),
    )
    return Mentee(
        id=index,
        noc=rng.choice(("21231", "21300", "11100", "2123", "")),
        naics=rng.choice(("541514", "541190", "311", "332", "")),
        service_language=rng.choice(("en", "fr")),
        languages=frozenset(rng.sample(("en", "fr", "ar", "zh"), rng.randint(0, 3))),
        goal_tokens=frozenset(rng.sample(("data", "bank", "nurse", "software"), 2)),
        origin=rng.choice(("", "MA")),
        background=rng.choice(scoring.PREFERENCES),
        place=place,
        proximity=rng.choice(scoring.PREFERENCES),
        slots=rng.choice((0, 3, 0xF0)),
        availability=rng.choice(scoring.PREFERENCES),
    )


def _random_mentor(rng, index):
    capacity = rng.randint(1, 3)
    return Mentor(
        id=index,
        noc=rng.choice(("21231", "21232", "21300", "11100", "")),
        naics=rng.choice(("541514", "541515", "33", "")),
        languages=frozenset(rng.sample(("en", "fr", "ar", "zh"), rng.randint(0, 3))),
        goal_tokens=frozenset(rng.sample(("data", "bank", "nurse", "software", "x"), 3)),
        backgrounds=frozenset(rng.sample(("MA", "CN"), rng.randint(0, 2))),
        place=_random_mentee(rng, 0).place,
        years=rng.randint(0, 20),
        max_mentees=capacity,
        free_places=capacity - rng.randint(0, capacity),
        state=rng.choice(("available", "active", "retired")),
        slots=rng.choice((0, 1, 0xF)),
    )


def test_vectorized_scoring_equals_pair_scoring():
    rng = random.Random(7)
    mentors = [_random_mentor(rng, index) for index in range(1, 201)]
    table = vector.MentorTable(mentors)
    for index in range(30):
        profile = Profile(
            weights={criterion: rng.randint(0, 10) for criterion in scoring.CRITERIA},
            must=frozenset(rng.sample(scoring.CRITERIA, 2)),
        )
        mentee = _random_mentee(rng, index)
        declined = {mentors[index].id}
        row = vector.score_row(mentee, table, profile, declined)
        for column, mentor in enumerate(mentors):
            pair = scoring.score_pair(mentee, mentor, profile, {(index, mentors[index].id)})
            assert row.scores[column] == pytest.approx(pair.score, abs=1e-6)
            code = scoring.EXCLUSION_CODES[pair.excluded[0]] if pair.excluded else 0
            assert row.reasons[column] == code


# -- solvers -------------------------------------------------------------------------


def test_exact_equals_brute_force_and_is_never_worse_than_greedy():
    rng = np.random.default_rng(11)
    for _case in range(300):
        mentees, mentors = rng.integers(1, 7), rng.integers(1, 5)
        scores = np.round(rng.random((mentees, mentors)) * 100, 1)
        feasible = rng.random((mentees, mentors)) > 0.3
        capacities = rng.integers(0, 3, mentors)
        exact = cohort.solve_exact(scores, feasible, capacities)
        brute = cohort.solve_brute_force(scores, feasible, capacities)
        greedy = cohort.solve_greedy(scores, feasible, capacities)
        assert cohort.total(scores, exact) == pytest.approx(cohort.total(scores, brute))
        assert cohort.total(scores, exact) >= cohort.total(scores, greedy) - 1e-9
        assert all(feasible[mentee, mentor] for mentee, mentor in exact)
        load = np.bincount([mentor for _mentee, mentor in exact], minlength=mentors)
        assert (load <= capacities).all()


def test_exact_finds_what_greedy_misses():
    scores = np.array([[90.0, 80.0], [85.0, 10.0]])
    feasible = np.ones((2, 2), dtype=bool)
    assert cohort.solve_greedy(scores, feasible, [1, 1]) == [(0, 0), (1, 1)]
    assert cohort.solve_exact(scores, feasible, [1, 1]) == [(0, 1), (1, 0)]
    assert cohort.solve_exact(scores, feasible, [0, 0]) == []
    assert cohort.solve_exact(np.zeros((0, 2)), np.zeros((0, 2), dtype=bool), [1, 1]) == []


def test_unmatched_reasons():
    keys = {code: key for key, code in scoring.EXCLUSION_CODES.items()}
    no_french = scoring.EXCLUSION_CODES["no_french"]
    must_noc = scoring.EXCLUSION_CODES["must_occupation"]
    must_place = scoring.EXCLUSION_CODES["must_geography"]
    reasons = np.array(
        [
            [0, 0],  # matched
            [0, 0],  # feasible, but both places went to others
            [no_french, no_french],
            [must_noc, no_french],
            [must_place, must_place],
        ]
    )
    found = cohort.unmatched_reasons([(0, 0), (3, 1)], reasons, [1, 1], keys)
    assert found == {
        1: ("no_capacity_left", ""),
        2: ("no_french_mentor", "no_french"),
        4: ("hard_rule", "must_geography"),
    }
    found = cohort.unmatched_reasons([], reasons[2:4], [1, 1], keys)
    assert found[1] == ("no_french_mentor", "no_french"), "ties: language first"
    found = cohort.unmatched_reasons([], np.array([[must_noc, must_noc]]), [1, 1], keys)
    assert found == {0: ("no_noc_major_group", "must_occupation")}
    assert cohort.unmatched_reasons([], np.zeros((1, 0)), [], keys) == {0: ("no_mentor", "")}
