from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import MentoringCase


@tagged("post_install", "-at_install")
class TestSecurity(MentoringCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mentee_a = cls._mentee("Client Of A", cls.agency_a)
        cls.mentee_b = cls._mentee("Client Of B", cls.agency_b)
        cls.mentor = cls._mentor("Some Mentor", state="applicant")

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
    def test_referrer_sees_and_edits_only_own_agency(self):
        Mentee = self.env["mentoring.mentee"].with_user(self.referrer_a)
        self.assertEqual(Mentee.search([]), self.mentee_a)
        self.mentee_a.with_user(self.referrer_a).career_objective = "Software developer"
        with self.assertRaises(AccessError):
            self.mentee_b.with_user(self.referrer_a).read(["name"])
        with self.assertRaises(AccessError):
            self.mentee_b.with_user(self.referrer_a).write({"career_objective": "Hacked"})
        self.assertFalse(self.mentee_b.career_objective)
        own = Mentee.create({"name": "New Client", "email": "new.client@example.com"})
        self.assertEqual(own.referring_agency_id, self.agency_a)
        with self.assertRaises(AccessError):
            Mentee.create({"name": "Wrong Agency", "referring_agency_id": self.agency_b.id})
        with self.assertRaises(AccessError):
            self.mentee_a.with_user(self.referrer_a).unlink()

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
    def test_referrer_cannot_see_mentors(self):
        with self.assertRaises(AccessError):
            self.env["mentoring.mentor"].with_user(self.referrer_a).search([])
        # Programs and classifications are readable: they are needed to refer someone.
        self.assertTrue(self.env["mentoring.program"].with_user(self.referrer_a).search([]))
        self.assertTrue(self.noc_software.with_user(self.referrer_a).display_name)

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
    def test_mentoring_user_reads_only(self):
        Mentee = self.env["mentoring.mentee"].with_user(self.mentoring_user)
        self.assertEqual(
            Mentee.search([("id", "in", (self.mentee_a | self.mentee_b).ids)]),
            self.mentee_a | self.mentee_b,
        )
        self.assertTrue(self.mentor.with_user(self.mentoring_user).name)
        with self.assertRaises(AccessError):
            self.mentee_a.with_user(self.mentoring_user).write({"career_objective": "x"})
        with self.assertRaises(AccessError):
            self.mentor.with_user(self.mentoring_user).write({"max_mentees": 3})
        with self.assertRaises(AccessError):
            self.program.with_user(self.mentoring_user).write({"name": "Renamed"})

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
    def test_coordinator_and_manager(self):
        self.mentee_b.with_user(self.coordinator).action_confirm_eligible()
        self.mentor.with_user(self.coordinator).action_start_screening()
        self.program.with_user(self.coordinator).min_weekly_minutes = 90
        with self.assertRaises(AccessError):
            self.env["mentoring.program"].with_user(self.coordinator).create({"name": "New"})
        with self.assertRaises(AccessError):
            self.noc_software.with_user(self.coordinator).write({"name": "Edited"})
        with self.assertRaises(AccessError):
            self.mentee_b.with_user(self.coordinator).unlink()
        self.env["mentoring.program"].with_user(self.manager).create({"name": "New program"})
        self.mentee_b.with_user(self.manager).unlink()

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
    def test_outsiders_see_nothing(self):
        for user in (self.employee, self.portal_user):
            for model in ("mentoring.mentee", "mentoring.mentor", "mentoring.program"):
                with self.subTest(user=user.login, model=model), self.assertRaises(AccessError):
                    self.env[model].with_user(user).search([])
