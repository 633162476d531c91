from odoo.addons.mentoring_base.tests.common import MentoringCase
from odoo.tests import new_test_user


class MatchingCase(MentoringCase):
    """A program with its own match profile, and helpers for ready mentees and mentors."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.profile = cls.env["mentoring.match.profile"].create(
            {
                "name": "Test profile",
                "weight_occupation": 8,
                "must_occupation": False,
                "weight_industry": 4,
                "weight_service_language": 5,
                "weight_other_languages": 2,
                "weight_geography": 3,
                "weight_career_goal": 2,
                "weight_background": 2,
                "weight_experience": 2,
                "weight_capacity": 1,
                "weight_availability": 2,
            }
        )
        cls.program.match_profile_id = cls.profile
        cls.program.coordinator_ids = cls.coordinator
        cls.en = cls.env.ref("mentoring_base.language_en")
        cls.fr = cls.env.ref("mentoring_base.language_fr")
        cls.ar = cls.env.ref("mentoring_base.language_ar")
        cls.ottawa = cls.env.ref("base.state_ca_on")
        cls.quebec = cls.env.ref("base.state_ca_qc")
        cls.coordinator_fr = new_test_user(
            cls.env,
            login="coordinator_fr",
            groups="mentoring_base.group_mentoring_coordinator",
        )

    @classmethod
    def _noc(cls, code):
        return cls.env["mentoring.noc"].search([("code", "=", code)])

    @classmethod
    def _naics(cls, code):
        return cls.env["mentoring.naics"].search([("code", "=", code)])

    @classmethod
    def _ready_mentee(cls, name, noc="21231", languages=None, **vals):
        return cls.env["mentoring.mentee"].create(
            {
                "name": name,
                "email": f"{name.lower().replace(' ', '.')}@example.com",
                "program_id": cls.program.id,
                "state": "ready",
                "target_noc_id": cls._noc(noc).id if noc else False,
                "spoken_language_ids": [(6, 0, (languages or cls.en).ids)],
                "match_proximity": "none",
                "match_availability": "none",
                **vals,
            }
        )

    @classmethod
    def _available_mentor(cls, name, noc="21231", languages=None, **vals):
        return cls.env["mentoring.mentor"].create(
            {
                "name": name,
                "email": f"{name.lower().replace(' ', '.')}@example.com",
                "state": "available",
                "max_mentees": 1,
                "noc_id": cls._noc(noc).id if noc else False,
                "spoken_language_ids": [(6, 0, (languages or cls.en).ids)],
                "program_ids": [(6, 0, cls.program.ids)],
                **vals,
            }
        )

    def _rank(self, mentee, **options):
        """{mentor: (score, PairScore)} of the mentors listed for ``mentee``, and the
        ranked mentor ids."""
        options.setdefault("limit", 50)
        candidates, excluded = self.env["mentoring.match.ranking"]._rank_mentors(
            mentee, self.profile, **options
        )
        return candidates, excluded

    def _lines(self, mentee, mentor, **options):
        """{criterion: Line} of a listed pair."""
        candidates, _excluded = self._rank(mentee, **options)
        for mentor_id, _score, pair in candidates:
            if mentor_id == mentor.id:
                return {line.criterion: line for line in pair.lines}
        raise AssertionError(f"{mentor.name} is not listed for {mentee.name}")
