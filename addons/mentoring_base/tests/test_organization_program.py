from odoo.tests import Form, tagged

from .common import MentoringCase


@tagged("post_install", "-at_install")
class TestOrganizationProgram(MentoringCase):
    def test_program_defaults(self):
        with Form(self.env["mentoring.program"]) as form:
            form.name = "Embedded Bridge Program"
            form.program_type = "embedded"
            form.operator_id = self.operator
        program = form.record
        self.assertEqual((program.default_length_weeks, program.min_weekly_minutes), (12, 60))
        self.assertEqual(set(program.service_language_ids.mapped("code")), {"en", "fr"})
        self.assertTrue(program.offers_one_on_one)

    def test_organization_roles_and_smart_buttons(self):
        self.employer.is_funder = True
        Partner = self.env["res.partner"]
        self.assertIn(self.employer, Partner.search([("is_employer", "=", True)]))
        self.assertIn(self.employer, Partner.search([("is_funder", "=", True)]))
        self._mentee("Referred One", self.agency_a)
        self._mentee("Referred Two", self.agency_a)
        self._mentee("Other Agency", self.agency_b)
        self._mentor("Staff Mentor", employer_id=self.employer.id, program_ids=[self.program.id])
        self.assertEqual(self.agency_a.referred_mentee_count, 2)
        self.assertEqual(self.employer.employee_mentor_count, 1)
        self.assertEqual(self.operator.operated_program_count, 1)
        self.assertEqual((self.program.mentee_count, self.program.mentor_count), (3, 1))
        action = self.agency_a.action_view_referred_mentees()
        self.assertEqual(
            self.env["mentoring.mentee"].search(action["domain"]).mapped("name"),
            ["Referred One", "Referred Two"],
        )
        action = self.operator.action_view_operated_programs()
        self.assertEqual(self.env["mentoring.program"].search(action["domain"]), self.program)
        action = self.program.action_view_mentors()
        self.assertEqual(
            self.env["mentoring.mentor"].search(action["domain"]).mapped("name"), ["Staff Mentor"]
        )
