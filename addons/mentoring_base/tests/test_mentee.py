from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import MentoringCase


@tagged("post_install", "-at_install")
class TestMentee(MentoringCase):
    def test_create_through_form(self):
        with Form(self.env["mentoring.mentee"]) as form:
            form.name = "Amina Haddad"
            form.email = "amina@example.com"
            form.program_id = self.program
            form.referring_agency_id = self.agency_a
            form.target_noc_id = self.noc_software
            form.clb_listening = 7
            form.clb_speaking = 6
            form.clb_reading = 8
            form.clb_writing = 5
            form.consent_share = True
            self.assertTrue(form.consent_date, "giving consent proposes today's date")
        mentee = form.record
        self.assertEqual(mentee.state, "candidate")
        self.assertEqual(mentee.date_candidate, date.today())
        self.assertEqual(mentee.clb_min, 5)
        # The person lives once, in Contacts.
        self.assertEqual(mentee.partner_id.email, "amina@example.com")
        self.assertEqual(mentee.partner_id.name, "Amina Haddad")
        self.assertIn(mentee, self.env["mentoring.mentee"].search([("name", "ilike", "amina")]))
        self.assertIn(
            mentee, self.env["mentoring.mentee"].search([("display_name", "ilike", "2123")])
        )

    def test_lifecycle_dates_and_waiting_time(self):
        with freeze_time("2026-03-02"):
            mentee = self._mentee("Lifecycle Person", self.agency_a)
            self._flush_tracking()
            mentee.action_confirm_eligible()
            self._flush_tracking()
        with freeze_time("2026-03-09"):
            mentee.action_start_orientation()
            self._flush_tracking()
        with freeze_time("2026-03-20"):
            mentee.write(
                {
                    "needs_assessment_date": "2026-03-10",
                    "orientation_session_date": "2026-03-17",
                    "action_plan_started": True,
                }
            )
            mentee.action_mark_ready()
            self._flush_tracking()
        with freeze_time("2026-04-04"):
            mentee.invalidate_recordset(["days_in_state", "state_date"])
            self.assertEqual(mentee.days_in_state, 15)
            mentee.action_mark_matched()
            self._flush_tracking()
        self.assertEqual(
            [
                mentee.date_candidate,
                mentee.date_eligible,
                mentee.date_orientation,
                mentee.date_ready,
                mentee.date_matched,
            ],
            [
                date(2026, 3, 2),
                date(2026, 3, 2),
                date(2026, 3, 9),
                date(2026, 3, 20),
                date(2026, 4, 4),
            ],
        )
        self.assertEqual(mentee.state, "matched")
        # A mismatch sends the mentee back to matching, dated anew.
        with freeze_time("2026-04-20"):
            mentee.action_mark_ready()
            self._flush_tracking()
        self.assertEqual((mentee.state, mentee.date_ready), ("ready", date(2026, 4, 20)))
        tracked = mentee.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "state"
        )
        self.assertEqual(len(tracked), 5)

    def _flush_tracking(self):
        self.env.flush_all()
        self.env.cr.precommit.run()

    def test_invalid_transition_refused(self):
        mentee = self._mentee("Skipping Steps", self.agency_a)
        with self.assertRaisesText(UserError, "cannot go from “Candidate” to “Matched”"):
            mentee.action_mark_matched()
        self.assertEqual(mentee.state, "candidate")
        self.assertFalse(mentee.date_matched)
        mentee.action_withdraw()
        with self.assertRaises(UserError):
            mentee.action_mark_ready()
        mentee.action_reopen()
        self.assertEqual(mentee.state, "candidate")

    def test_benchmark_levels_bounded(self):
        mentee = self._mentee("Benchmark Person", self.agency_a, clb_reading=5)
        for bad in (13, -1, 40):
            with self.subTest(level=bad), self.assertRaisesText(ValidationError, "from 1 to 12"):
                mentee.write({"clb_reading": bad, "career_objective": "Changed"})
            self.assertEqual(mentee.clb_reading, 5)
            self.assertFalse(mentee.career_objective, "nothing else of the rejected edit is saved")
        mentee.clb_reading = 12
        mentee.clb_reading = 1
        self.assertEqual(mentee.clb_min, 0, "a skill not assessed yet counts as 0")
        with self.assertRaises(ValidationError), Form(mentee) as form:
            form.clb_speaking = 13

    def test_consent_needs_a_date(self):
        with self.assertRaisesText(ValidationError, "gave consent to share"):
            self._mentee("No Date Person", self.agency_a, consent_share=True)
        self.assertFalse(self.env["mentoring.mentee"].search([("name", "=", "No Date Person")]))
        mentee = self._mentee(
            "Dated Consent", self.agency_a, consent_share=True, consent_date="2026-01-15"
        )
        with self.assertRaises(ValidationError):
            mentee.consent_date = False
        self.assertEqual(mentee.consent_date, date(2026, 1, 15))

    def test_one_mentee_record_per_person_who_can_later_mentor(self):
        mentee = self._mentee("Future Mentor", self.agency_a)
        mentor = self.env["mentoring.mentor"].create({"partner_id": mentee.partner_id.id})
        self.assertEqual(mentor.partner_id, mentee.partner_id)
        self.assertEqual(mentor.name, "Future Mentor")
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env["mentoring.mentee"].create({"partner_id": mentee.partner_id.id})

    def test_archiving_keeps_the_contact(self):
        mentee = self._mentee("Archived Person", self.agency_a)
        mentee.action_archive()
        self.assertFalse(mentee.active)
        self.assertTrue(mentee.partner_id.active)

    def test_referrer_defaults_to_own_agency(self):
        mentee_form = Form(self.env["mentoring.mentee"].with_user(self.referrer_a))
        self.assertEqual(mentee_form.referring_agency_id, self.agency_a)
