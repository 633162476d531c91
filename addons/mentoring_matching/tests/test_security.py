from odoo.addons.mentoring_matching.tools import scoring
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import MatchingCase


@tagged("post_install", "-at_install")
class TestMatchingSecurity(MatchingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mentee = cls._ready_mentee("Referred Mentee", referring_agency_id=cls.agency_a.id)
        cls.mentor = cls._available_mentor("Some Mentor")

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
    def test_agency_referrer_cannot_match_or_see_mentors(self):
        referrer = self.referrer_a
        self.assertTrue(self.mentee.with_user(referrer).name, "the referrer sees their client")
        with self.assertRaises(AccessError):
            self.mentee.with_user(referrer).action_find_mentor()
        with self.assertRaises(AccessError):
            self.env["mentoring.match.wizard"].with_user(referrer).create(
                {"mentee_id": self.mentee.id}
            )
        with self.assertRaises(AccessError):
            self.env["mentoring.mentor"].with_user(referrer).search([])
        with self.assertRaises(AccessError):
            self.env["mentoring.match.ranking"].with_user(referrer)._rank_mentors(
                self.mentee, self.profile
            )
        with self.assertRaises(AccessError):
            self.program.with_user(referrer).action_match_cohort()
        with self.assertRaises(AccessError):
            self.env["mentoring.supply.gap"].with_user(referrer).search([])
        with self.assertRaises(AccessError):
            self.profile.with_user(referrer).read(["name"])

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
    def test_plain_user_reads_but_cannot_propose(self):
        user = self.mentoring_user
        self.assertTrue(self.env["mentoring.supply.gap"].with_user(user).search([]))
        self.assertEqual(self.profile.with_user(user).weight_occupation, 8)
        with self.assertRaises(AccessError):
            self.profile.with_user(user).write({"weight_occupation": 2})
        with self.assertRaises(AccessError):
            self.mentee.with_user(user).action_find_mentor()
        with self.assertRaises(AccessError):
            self.env["mentoring.cohort.wizard"].with_user(user).create(
                {"program_id": self.program.id}
            )
        with self.assertRaises(AccessError):
            self.env["mentoring.match.ranking"].with_user(user)._propose(
                [{"mentee": self.mentee, "mentor": self.mentor}]
            )

    def test_manager_configures_profiles(self):
        self.profile.with_user(self.manager).write({"weight_occupation": 3})
        self.assertEqual(self.profile.weight_occupation, 3)
        with self.assertRaisesText(Exception, "between 0 and 10"):
            self.profile.with_user(self.manager).write({"weight_industry": 11})
        with self.assertRaisesText(Exception, "at least one criterion"):
            self.env["mentoring.match.profile"].create(
                {"name": "Empty"} | {f"weight_{c}": 0 for c in _criteria()}
            )
        default = self.env.ref("mentoring_matching.match_profile_default")
        self.assertEqual(
            self.env.ref("mentoring_base.program_open_access").match_profile_id, default
        )
        self.assertEqual(
            self.env["mentoring.program"].create({"name": "New"}).match_profile_id, default
        )


def _criteria():
    return scoring.CRITERIA
