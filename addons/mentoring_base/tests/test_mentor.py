from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import MentoringCase


@tagged("post_install", "-at_install")
class TestMentor(MentoringCase):
    def test_create_through_form_and_screening_path(self):
        with Form(self.env["mentoring.mentor"]) as form:
            form.name = "Jean Tremblay"
            form.email = "jean@example.com"
            form.employer_id = self.employer
            form.noc_id = self.noc_software
            form.naics_id = self.naics_design
            form.years_experience_region = 8
            form.spoken_language_ids.add(self.env.ref("mentoring_base.language_fr"))
            form.recruitment_source = "corporate_partner"
        mentor = form.record
        # Recruited by staff: starts at screening.
        self.assertEqual((mentor.state, mentor.max_mentees), ("screening", 1))
        self.assertTrue(mentor.speaks_french)
        self.assertTrue(mentor.date_screening)
        mentor.action_start_orientation()
        self.assertEqual(mentor.eligibility_verdict, "eligible")
        with self.assertRaisesText(UserError, "next step is “Meeting with staff”"):
            mentor.action_mark_available()
        mentor.staff_meeting_date = "2026-05-04"
        with self.assertRaisesText(UserError, "next step is “Orientation training”"):
            mentor.action_mark_available()
        mentor.orientation_training_date = "2026-05-11"
        for action, state in (
            (mentor.action_mark_available, "available"),
            (mentor.action_mark_active, "active"),
            (mentor.action_pause, "paused"),
            (mentor.action_mark_available, "available"),
            (mentor.action_retire, "retired"),
            (mentor.action_start_screening, "screening"),
        ):
            action()
            self.assertEqual(mentor.state, state)
            self.assertTrue(mentor[f"date_{state}"])
        with self.assertRaises(UserError):
            mentor.action_mark_active()
        self.assertEqual(self.employer.employee_mentor_count, 1)

    def test_bad_numbers_rejected(self):
        mentor = self._mentor("Numbers Person", years_experience_region=3, max_mentees=2)
        cases = (
            ({"years_experience_region": -1}, "cannot be negative"),
            ({"max_mentees": 0}, "at least one mentee"),
            ({"max_mentees": -3}, "at least one mentee"),
        )
        for vals, message in cases:
            with self.subTest(vals=vals), self.assertRaisesText(ValidationError, message):
                mentor.write({**vals, "availability": "Evenings"})
        self.assertEqual((mentor.years_experience_region, mentor.max_mentees), (3, 2))
        self.assertFalse(mentor.availability)
        with self.assertRaises(ValidationError):
            self._mentor("Negative Person", years_experience_region=-2)
        self.assertFalse(self.env["mentoring.mentor"].search([("name", "=", "Negative Person")]))

    def test_screening_shows_the_failed_criterion(self):
        """One year in the region fails "at least 2 years" as soon as screening starts,
        on the form staff read, and orientation waits until it is fixed (it passed
        silently before: nothing was checked until orientation, and the refusal rolled
        the check back)."""
        years_rule = "At least 2 years of work experience in the region"
        with Form(self.env["mentoring.mentor"].with_user(self.coordinator)) as form:
            form.name = "Une Année"
            form.email = "une.annee@example.com"
            form.years_experience_region = 1
        mentor = form.record
        self.assertEqual((mentor.state, mentor.eligibility_verdict), ("screening", "ineligible"))
        self.assertRecordValues(
            mentor.eligibility_result_ids.filtered(lambda result: not result.passed),
            [{"explanation": years_rule, "mandatory": True, "value_seen": "1"}],
        )
        shown = Form(mentor.with_user(self.coordinator))
        self.assertEqual(shown.eligibility_verdict, "ineligible")
        self.assertEqual(shown.eligibility_failures, years_rule)
        with self.assertRaisesText(UserError, years_rule):
            mentor.with_user(self.coordinator).action_start_orientation()
        self.assertEqual(mentor.state, "screening")
        self.assertEqual(mentor.eligibility_failures, years_rule, "the check stays shown")
        mentor.with_user(self.coordinator).years_experience_region = 3
        self.assertEqual(mentor.eligibility_verdict, "eligible", "checked again at once")
        self.assertFalse(mentor.eligibility_failures)
        mentor.with_user(self.coordinator).action_start_orientation()
        self.assertEqual(mentor.state, "orientation")
        # A website applicant is checked when screening starts.
        applicant = self._mentor("Web Applicant", state="applicant", years_experience_region=1)
        self.assertEqual(applicant.eligibility_verdict, "unchecked")
        applicant.with_user(self.coordinator).action_start_screening()
        self.assertEqual(applicant.eligibility_verdict, "ineligible")
        self.assertEqual(applicant.eligibility_failures, years_rule)
