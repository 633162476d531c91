import random

import numpy as np

from odoo.addons.mentoring_base.tools.availability import slot_bit
from odoo.addons.mentoring_matching.tools import cohort, criteria, scoring
from odoo.addons.mentoring_matching.tools import table as vector
from odoo.tests import tagged

from .common import MatchingCase


@tagged("post_install", "-at_install")
class TestCriteria(MatchingCase):
    """Each criterion on hand-built mentees and mentors, read from the database."""

    def assertCredit(self, line, credit, key):
        self.assertAlmostEqual(line.credit, credit, places=6)
        self.assertEqual(line.key, key)

    def test_occupation_partial_credit_along_the_noc_tree(self):
        mentee = self._ready_mentee("Noor Software", noc="21231")
        expected = {
            "21231": (1.0, "noc_level_5", "21231"),
            "21232": (0.75, "noc_level_4", "2123"),
            "21211": (0.5, "noc_level_3", "212"),
            "21300": (0.3, "noc_level_2", "21"),
            "20012": (0.1, "noc_level_1", "2"),
            "11100": (0.0, "noc_different", None),
        }
        mentors = {code: self._available_mentor(f"Mentor {code}", noc=code) for code in expected}
        nobody = self._available_mentor("Mentor Without Noc", noc=None)
        for code, (credit, key, shared) in expected.items():
            line = self._lines(mentee, mentors[code])["occupation"]
            self.assertCredit(line, credit, key)
            if shared:
                self.assertEqual(line.params["code"], shared)
        self.assertCredit(self._lines(mentee, nobody)["occupation"], 0.0, "noc_mentor_unknown")
        # The readable breakdown, as the coordinator sees it.
        candidates, _excluded = self._rank(mentee)
        pair = next(pair for mentor_id, _s, pair in candidates if mentor_id == mentors["21232"].id)
        _summary, html = self.env["mentoring.match.explainer"]._explain(pair)
        self.assertIn("same NOC minor group 2123: 0.75 × weight 8", str(html))
        # Without a target occupation the criterion does not count at all.
        unknown = self._ready_mentee("No Target", noc=None)
        self.assertNotIn("occupation", self._lines(unknown, mentors["21231"]))

    def test_industry_partial_credit_along_the_naics_tree(self):
        mentee = self._ready_mentee("Ines Industry", target_naics_id=self._naics("541514").id)
        cases = {
            "541514": (1.0, "naics_level_5"),
            "541515": (0.75, "naics_level_4"),
            "541190": (0.3, "naics_level_2"),
            "54": (0.1, "naics_level_1"),
            "522111": (0.0, "naics_different"),
        }
        for code, (credit, key) in cases.items():
            mentor = self._available_mentor(f"Mentor {code}", naics_id=self._naics(code).id)
            self.assertCredit(self._lines(mentee, mentor)["industry"], credit, key)
        group = self._ready_mentee("Gia Group", target_naics_id=self._naics("5415").id)
        mentor = self._available_mentor("Mentor In 5415", naics_id=self._naics("541514").id)
        self.assertCredit(self._lines(group, mentor)["industry"], 0.5, "naics_level_3")
        # 31, 32 and 33 are one sector.
        maker = self._ready_mentee("Mo Manufacturing", target_naics_id=self._naics("311").id)
        metal = self._available_mentor("Mentor Metal", naics_id=self._naics("332").id)
        line = self._lines(maker, metal)["industry"]
        self.assertCredit(line, 0.1, "naics_level_1")
        self.assertEqual(line.params["code"], "31-33")

    def test_languages(self):
        mentee = self._ready_mentee("Amal Arabic", languages=self.en | self.ar)
        arabic = self._available_mentor("Mentor Arabic", languages=self.en | self.ar)
        english = self._available_mentor("Mentor English")
        french = self._available_mentor("Mentor French Only", languages=self.fr)
        self.assertCredit(
            self._lines(mentee, arabic)["service_language"], 1.0, "speaks_service_language"
        )
        self.assertCredit(self._lines(mentee, arabic)["other_languages"], 1.0, "shares_languages")
        self.assertCredit(
            self._lines(mentee, english)["other_languages"], 0.0, "no_shared_language"
        )
        self.assertCredit(
            self._lines(mentee, french)["service_language"], 0.0, "lacks_service_language"
        )
        # Only English and French: "other languages" does not apply.
        plain = self._ready_mentee("Paul Plain")
        self.assertNotIn("other_languages", self._lines(plain, arabic))

    def test_geography(self):
        location = self.env["res.partner"].create({"name": "Downtown service point"})
        mentee = self._ready_mentee(
            "Gabriel Geo",
            match_proximity="preferred",
            city="Ottawa",
            state_id=self.ottawa.id,
            partner_latitude=45.4215,
            partner_longitude=-75.6972,
            service_location_id=location.id,
        )
        same_location = self._available_mentor(
            "Mentor Same Location", city="Gatineau", service_location_id=location.id
        )
        near = self._available_mentor(
            "Mentor Near", partner_latitude=45.4400, partner_longitude=-75.6900
        )
        middle = self._available_mentor(
            "Mentor Middle", partner_latitude=45.6688, partner_longitude=-75.6972
        )
        same_city = self._available_mentor("Mentor Same City", city="OTTAWA ")
        province = self._available_mentor(
            "Mentor Kingston", city="Kingston", state_id=self.ottawa.id
        )
        far = self._available_mentor("Mentor Montreal", city="Montréal", state_id=self.quebec.id)
        unknown = self._available_mentor("Mentor Nowhere")
        self.assertCredit(self._lines(mentee, same_location)["geography"], 1.0, "same_location")
        self.assertCredit(self._lines(mentee, near)["geography"], 1.0, "distance")
        km = criteria.haversine_km(45.4215, -75.6972, 45.6688, -75.6972)
        self.assertAlmostEqual(km, 27.5, delta=0.1)
        self.assertCredit(self._lines(mentee, middle)["geography"], (50 - km) / 45, "distance")
        self.assertCredit(self._lines(mentee, same_city)["geography"], 0.8, "same_city")
        self.assertCredit(self._lines(mentee, province)["geography"], 0.3, "same_province")
        self.assertCredit(self._lines(mentee, far)["geography"], 0.0, "far")
        self.assertCredit(self._lines(mentee, unknown)["geography"], 0.0, "mentor_place_unknown")
        mentee.match_proximity = "none"
        self.assertNotIn("geography", self._lines(mentee, near))

    def test_career_goal_words_in_english_and_french(self):
        mentee = self._ready_mentee(
            "Carla Career",
            noc="21310",
            career_objective="Travailler comme ingénieure électricienne dans la distribution.",
        )
        # The mentor's NOC title is read in English and French.
        engineer = self._available_mentor("Mentor Electrical", noc="21310")
        auditor = self._available_mentor("Mentor Auditor", noc="11100", function="Auditor")
        line = self._lines(mentee, engineer)["career_goal"]
        self.assertEqual(line.key, "goal_words")
        self.assertIn("ingénieure", line.params["words"])
        self.assertGreater(line.credit, 0.2)
        self.assertCredit(self._lines(mentee, auditor)["career_goal"], 0.0, "goal_no_words")

    def test_background_only_when_asked(self):
        morocco, france = self.env.ref("base.ma"), self.env.ref("base.fr")
        mentee = self._ready_mentee(
            "Bouchra Background", education_country_id=morocco.id, match_background="preferred"
        )
        same = self._available_mentor("Mentor Morocco", background_country_ids=morocco.ids)
        other = self._available_mentor("Mentor France", background_country_ids=france.ids)
        line = self._lines(mentee, same)["background"]
        self.assertCredit(line, 1.0, "same_background")
        self.assertEqual(line.params["country"], "MA", "the country of education by default")
        self.assertCredit(self._lines(mentee, other)["background"], 0.0, "other_background")
        mentee.write({"origin_country_id": france.id})
        self.assertCredit(self._lines(mentee, other)["background"], 1.0, "same_background")
        mentee.match_background = "none"
        self.assertNotIn("background", self._lines(mentee, other))

    def test_experience_capacity_and_availability(self):
        mentee = self._ready_mentee(
            "Tariq Time",
            availability_slots=slot_bit(1, 3) | slot_bit(5, 0),  # Tuesday evening, Saturday morning
            match_availability="preferred",
        )
        junior = self._available_mentor(
            "Mentor Junior", years_experience_region=4, availability_slots=slot_bit(1, 3)
        )
        senior = self._available_mentor(
            "Mentor Senior", years_experience_region=15, max_mentees=2, availability_slots=0
        )
        busy = self._available_mentor("Mentor Busy", availability_slots=slot_bit(0, 0))
        self.assertCredit(self._lines(mentee, junior)["experience"], 0.4, "experience")
        self.assertCredit(self._lines(mentee, senior)["experience"], 1.0, "experience")
        self.assertCredit(self._lines(mentee, junior)["availability"], 0.5, "availability_overlap")
        self.assertCredit(self._lines(mentee, senior)["availability"], 0.5, "availability_unknown")
        self.assertCredit(self._lines(mentee, busy)["availability"], 0.0, "availability_none")
        self.assertCredit(self._lines(mentee, senior)["capacity"], 1.0, "capacity")
        # A pending proposal takes one of the senior mentor's two places.
        other = self._ready_mentee("Other Mentee")
        self.env["mentoring.match.ranking"]._propose([{"mentee": other, "mentor": senior}])
        self.assertCredit(self._lines(mentee, senior)["capacity"], 0.5, "capacity")

    def test_total_is_the_weighted_mean_of_the_credits(self):
        mentee = self._ready_mentee("Wendy Weights")
        mentor = self._available_mentor("Mentor Weights", noc="21232", years_experience_region=5)
        candidates, _excluded = self._rank(mentee)
        score, pair = next((s, p) for mentor_id, s, p in candidates if mentor_id == mentor.id)
        lines = {line.criterion: line for line in pair.lines}
        # Occupation 0.75 × 8, language 1 × 5, experience 0.5 × 2, capacity 1 × 1 (the
        # other criteria do not apply to this mentee).
        self.assertEqual(set(lines), {"occupation", "service_language", "experience", "capacity"})
        self.assertAlmostEqual(score, round(100 * (6 + 5 + 1 + 1) / (8 + 5 + 2 + 1), 4))
        self.assertAlmostEqual(score, pair.score)


@tagged("post_install", "-at_install")
class TestHardRules(MatchingCase):
    def _listed(self, mentee, **options):
        candidates, excluded = self._rank(mentee, **options)
        return [mentor_id for mentor_id, _score, _pair in candidates], excluded

    def test_unavailable_full_declined_and_paired_mentors_are_never_listed(self):
        mentee = self._ready_mentee("Hana Hard")
        good = self._available_mentor("Mentor Good")
        paused = self._available_mentor("Mentor Paused", state="paused")
        full = self._available_mentor("Mentor Full")
        declined = self._available_mentor("Mentor Declined")
        pending = self._available_mentor("Mentor Pending", max_mentees=2)
        # The full mentor has an active relationship with someone else.
        relationship = self.env["mentoring.relationship"].create(
            {
                "mentee_id": self._ready_mentee("Busy Mentee").id,
                "mentor_id": full.id,
                "program_id": self.program.id,
            }
        )
        relationship.action_mentee_accept()
        relationship.action_mentor_accept()
        self.assertEqual(full.active_mentee_count, 1)
        refused = self.env["mentoring.relationship"].create(
            {"mentee_id": mentee.id, "mentor_id": declined.id, "program_id": self.program.id}
        )
        refused.action_mentee_decline("Not my field")
        self.env["mentoring.relationship"].create(
            {"mentee_id": mentee.id, "mentor_id": pending.id, "program_id": self.program.id}
        )
        listed, excluded = self._listed(mentee)
        self.assertIn(good.id, listed)
        for mentor in (paused, full, declined, pending):
            self.assertNotIn(mentor.id, listed, mentor.name)
        self.assertEqual(excluded["mentor_full"], 1)
        self.assertEqual(excluded["declined_before"], 1)
        self.assertEqual(excluded["already_paired"], 1)
        # From the paused mentor's side, every mentee is excluded.
        candidates, excluded = self.env["mentoring.match.ranking"]._rank_mentees(
            paused, self.profile
        )
        self.assertFalse(candidates)
        self.assertTrue(excluded["mentor_unavailable"])

    def test_french_service_gets_only_french_speaking_mentors(self):
        mentee = self._ready_mentee(
            "Francine Francais", languages=self.fr | self.en, service_language="fr"
        )
        french = self._available_mentor("Mentor Bilingue", languages=self.fr | self.en)
        english = self._available_mentor("Mentor English Only")
        listed, excluded = self._listed(mentee)
        self.assertIn(french.id, listed)
        self.assertNotIn(english.id, listed)
        self.assertEqual(excluded["no_french"], 1)

    def test_must_criteria_of_the_profile_and_the_mentee(self):
        mentee = self._ready_mentee(
            "Mustafa Must",
            education_country_id=self.env.ref("base.eg").id,
            match_background="preferred",
        )
        same_major = self._available_mentor(
            "Mentor Same Major", noc="21300", background_country_ids=self.env.ref("base.eg").ids
        )
        other_major = self._available_mentor(
            "Mentor Other Major", noc="11100", background_country_ids=self.env.ref("base.eg").ids
        )
        broad = self._available_mentor("Mentor Broad Only", noc="20012")
        self.assertEqual(len(self._listed(mentee)[0]), 3)
        self.profile.must_occupation = True  # at least the same NOC major group
        listed, excluded = self._listed(mentee)
        self.assertEqual(listed, [same_major.id])
        self.assertEqual(excluded["must_occupation"], 2)
        self.assertNotIn(broad.id, listed)
        self.profile.must_occupation = False
        mentee.match_background = "required"
        listed, excluded = self._listed(mentee)
        self.assertEqual(sorted(listed), sorted([same_major.id, other_major.id]))
        self.assertEqual(excluded["must_background"], 1)

    def test_minimum_score_and_filters(self):
        mentee = self._ready_mentee("Fiona Filter")
        strong = self._available_mentor("Mentor Strong", years_experience_region=12)
        weak = self._available_mentor("Mentor Weak", noc="11100")
        outsider = self._available_mentor("Mentor Outsider", program_ids=[(5, 0, 0)])
        listed, _excluded = self._listed(mentee)
        self.assertEqual(listed[0], strong.id)
        self.assertNotIn(outsider.id, listed, "other programs are left out by default")
        self.assertIn(outsider.id, self._listed(mentee, same_program=False)[0])
        threshold = 60.0
        listed, excluded = self._listed(mentee, min_score=threshold)
        self.assertNotIn(weak.id, listed)
        self.assertTrue(excluded["below_min_score"])
        self.assertEqual(self._listed(mentee, french_only=True)[0], [])


@tagged("post_install", "-at_install")
class TestDeterminism(MatchingCase):
    def test_same_input_same_ranking_ties_by_mentor_id(self):
        mentee = self._ready_mentee("Dora Determinism")
        twins = [self._available_mentor(f"Twin {index}") for index in range(4)]
        best = self._available_mentor("Best Mentor", years_experience_region=10)
        first, _excluded = self._rank(mentee)
        second, _excluded = self._rank(mentee)
        ranking = [mentor_id for mentor_id, _score, _pair in first]
        self.assertEqual(ranking, [mentor_id for mentor_id, _score, _pair in second])
        self.assertEqual(ranking[0], best.id)
        twin_ids = [mentor_id for mentor_id in ranking if mentor_id in {t.id for t in twins}]
        self.assertEqual(twin_ids, sorted(twin.id for twin in twins))
        scores = {mentor_id: score for mentor_id, score, _pair in first}
        self.assertEqual(len({scores[twin.id] for twin in twins}), 1, "twins tie")

    def test_vectorized_scores_equal_pair_scores(self):
        rng = random.Random(5)
        mentors = [_random_mentor(rng, index) for index in range(1, 301)]
        table = vector.MentorTable(mentors)
        profile = scoring.Profile(
            weights={criterion: rng.randint(0, 10) for criterion in scoring.CRITERIA},
            must=frozenset({"occupation"}),
        )
        for index in range(20):
            mentee = _random_mentee(rng, index)
            declined = {(mentee.id, mentors[index].id)}
            row = vector.score_row(mentee, table, profile, {mentors[index].id})
            for column, mentor in enumerate(mentors):
                pair = scoring.score_pair(mentee, mentor, profile, declined)
                self.assertAlmostEqual(row.scores[column], pair.score, places=6)
                expected = scoring.EXCLUSION_CODES[pair.excluded[0]] if pair.excluded else 0
                self.assertEqual(row.reasons[column], expected)


@tagged("post_install", "-at_install")
class TestSolvers(MatchingCase):
    def test_exact_equals_brute_force_and_beats_greedy(self):
        rng = random.Random(42)
        for _case in range(150):
            mentees, mentors = rng.randint(1, 6), rng.randint(1, 4)
            scores = [
                [round(rng.uniform(0, 100), 1) for _m in range(mentors)] for _e in range(mentees)
            ]
            feasible = [[rng.random() > 0.3 for _m in range(mentors)] for _e in range(mentees)]
            capacities = [rng.randint(0, 2) for _m in range(mentors)]
            exact = cohort.solve_exact(scores, feasible, capacities)
            brute = cohort.solve_brute_force(scores, feasible, capacities)
            greedy = cohort.solve_greedy(scores, feasible, capacities)
            self.assertAlmostEqual(
                cohort.total(_np(scores), exact), cohort.total(_np(scores), brute)
            )
            self.assertGreaterEqual(
                cohort.total(_np(scores), exact) + 1e-9, cohort.total(_np(scores), greedy)
            )
            for pairs in (exact, greedy):
                self.assertTrue(all(feasible[mentee][mentor] for mentee, mentor in pairs))
                used = [mentor for _mentee, mentor in pairs]
                self.assertTrue(all(used.count(m) <= capacities[m] for m in set(used)))
                self.assertEqual(len({mentee for mentee, _m in pairs}), len(pairs))

    def test_exact_finds_what_greedy_misses(self):
        scores = [[90, 80], [85, 10]]
        feasible = [[True, True], [True, True]]
        self.assertEqual(cohort.solve_greedy(scores, feasible, [1, 1]), [(0, 0), (1, 1)])
        self.assertEqual(cohort.solve_exact(scores, feasible, [1, 1]), [(0, 1), (1, 0)])
        # Capacity 2 on the first mentor: both mentees take it.
        self.assertEqual(cohort.solve_exact(scores, feasible, [2, 0]), [(0, 0), (1, 0)])


def _np(rows):
    return np.array(rows, dtype=float)


NOCS = ("21231", "21232", "21211", "21300", "20012", "11100", "11200", "")
NAICS = ("541514", "541515", "541190", "54", "522111", "311", "332", "")
LANGUAGES = ("en", "fr", "ar", "es", "zh")
WORDS = ("software", "engineer", "ingenieur", "finance", "audit", "bank", "data", "design")


def _random_place(rng):
    return criteria.Place(
        location_id=rng.choice((0, 0, 1, 2)),
        city=rng.choice(("", "Ottawa", "ottawa", "Gatineau")),
        province_id=rng.choice((0, 1, 2)),
        latitude=rng.choice((0.0, 45.4 + rng.random() / 2)),
        longitude=rng.choice((0.0, -75.7 + rng.random() / 2)),
    )


def _random_mentee(rng, index):
    return scoring.Mentee(
        id=index + 1,
        noc=rng.choice(NOCS),
        naics=rng.choice(NAICS),
        service_language=rng.choice(("en", "en", "fr")),
        languages=frozenset(rng.sample(LANGUAGES, rng.randint(0, 3))),
        goal_tokens=frozenset(rng.sample(WORDS, rng.randint(0, 4))),
        origin=rng.choice(("", "MA", "CN")),
        background=rng.choice(scoring.PREFERENCES),
        place=_random_place(rng),
        proximity=rng.choice(scoring.PREFERENCES),
        slots=rng.choice((0, 0b1010, 0b1111 << 8)),
        availability=rng.choice(scoring.PREFERENCES),
    )


def _random_mentor(rng, index):
    max_mentees = rng.randint(1, 3)
    return scoring.Mentor(
        id=index,
        noc=rng.choice(NOCS),
        naics=rng.choice(NAICS),
        languages=frozenset(rng.sample(LANGUAGES, rng.randint(0, 3))),
        goal_tokens=frozenset(rng.sample(WORDS, rng.randint(0, 5))),
        backgrounds=frozenset(rng.sample(("MA", "CN", "FR"), rng.randint(0, 2))),
        place=_random_place(rng),
        years=rng.randint(0, 20),
        max_mentees=max_mentees,
        free_places=max_mentees - rng.randint(0, max_mentees),
        state=rng.choice(("available", "active", "paused")),
        slots=rng.choice((0, 0b0010, 0b1111 << 8, 0b1)),
    )
