from itertools import pairwise

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import TransactionCase, tagged

from ..models.mentoring_relationship import UNFINISHED_STAGE_TYPES
from ..tools import schedule


@tagged("post_install", "-at_install")
class TestDemoData(TransactionCase):
    """What the demo data shows: service in French from the referral to the outcomes.

    Skipped on a database without the demo data."""

    def setUp(self):
        super().setUp()
        self.agency = self.env.ref("mentoring_base.partner_cesoc", raise_if_not_found=False)
        if not self.agency:
            self.skipTest("no demo data")
        self.program = self.env.ref("mentoring_base.program_francophone_career_mentoring")
        self.completed = self.env.ref("mentoring_base.relationship_fatou_isabelle")

    def test_francophone_agency_and_program_served_in_french(self):
        self.assertTrue(self.agency.is_service_agency)
        self.assertEqual(self.program.operator_id, self.agency)
        self.assertEqual(self.program.service_language_ids.mapped("code"), ["fr"])
        clients = self.env["mentoring.mentee"].search(
            [("referring_agency_id", "=", self.agency.id)]
        )
        self.assertGreaterEqual(len(clients), 3)
        self.assertEqual(set(clients.mapped("service_language")), {"fr"})
        mentors = self.env["mentoring.mentor"].search([("program_ids", "in", self.program.ids)])
        self.assertGreaterEqual(len(mentors), 3)
        for mentor in mentors:
            with self.subTest(mentor=mentor.name):
                self.assertTrue(mentor.speaks_french)
                self.assertTrue(mentor.availability_slots)
                self.assertTrue(mentor.noc_id and mentor.naics_id)
                self.assertIn(mentor.state, ("available", "active"))

    def test_french_served_mentees_proposed_to_french_speaking_mentors(self):
        """The matching's hard rule, kept by the demo proposals and relationships."""
        pairs = self.env["mentoring.relationship"].search(
            [
                ("stage_type", "in", UNFINISHED_STAGE_TYPES),
                ("mentee_id.service_language", "=", "fr"),
            ]
        )
        self.assertIn(self.env.ref("mentoring_base.relationship_aurelie_nathalie"), pairs)
        self.assertIn(self.env.ref("mentoring_base.relationship_karim_isabelle"), pairs)
        for relationship in pairs:
            with self.subTest(relationship=relationship.name):
                self.assertTrue(relationship.mentor_id.speaks_french)

    def test_capacity_respected(self):
        mentors = self.env["mentoring.mentor"].search([])
        for mentor in mentors:
            with self.subTest(mentor=mentor.name):
                self.assertLessEqual(
                    mentor.active_mentee_count + mentor.pending_mentee_count, mentor.max_mentees
                )
        nathalie = self.env.ref("mentoring_base.mentor_nathalie_cote")
        self.assertEqual((nathalie.pending_mentee_count, nathalie.free_places), (1, 0))
        isabelle = self.env.ref("mentoring_base.mentor_isabelle_ouellet")
        self.assertEqual((isabelle.state, isabelle.active_mentee_count), ("active", 1))

    def test_completed_relationship(self):
        relationship = self.completed
        today = fields.Date.context_today(relationship)
        self.assertEqual(relationship.stage_type, "completed")
        self.assertEqual(relationship.closure_reason, "objectives_met")
        self.assertTrue(relationship.certificate_earned)
        self.assertEqual(relationship.mentee_id.state, "completed")
        # About three months, at least one hour a week: a meeting in each of its 12 weeks.
        self.assertEqual(relationship.program_id.default_length_weeks, 12)
        self.assertEqual(relationship.planned_start, relationship.agreement_date)
        self.assertEqual(relationship.closed_on, relationship.planned_end)
        self.assertEqual(relationship.meeting_count, 12)
        self.assertEqual(relationship.weeks_met, 12)
        self.assertEqual(relationship.hours_total, 15.0)
        dates = sorted(relationship.meeting_ids.mapped("date"))
        self.assertEqual(dates[0], relationship.agreement_date)
        gaps = {(later - earlier).days for earlier, later in pairwise(dates)}
        self.assertEqual(gaps, {7}, "a meeting every week")
        self.assertLessEqual(dates[-1], relationship.closed_on)
        self.assertTrue(all(meeting.duration >= 1 for meeting in relationship.meeting_ids))
        # A check-in each month of the relationship.
        months = {
            day.strftime("%Y-%m") for day in (relationship.agreement_date, relationship.closed_on)
        }
        periods = set(relationship.checkin_ids.mapped("period"))
        self.assertEqual(len(relationship.checkin_ids), 3)
        self.assertEqual(len(periods), 3)
        self.assertLessEqual(months, periods)
        self.assertEqual(set(relationship.checkin_ids.mapped("state")), {"done"})
        # Outcomes: every checkpoint dated from the closure, those at exit and 3 and 6
        # months recorded, the one at 12 months to come.
        self.assertLessEqual(relationship.closed_on + relativedelta(months=6), today)
        outcomes = {outcome.checkpoint: outcome for outcome in relationship.outcome_ids}
        self.assertEqual(
            {name: outcome.due_date for name, outcome in outcomes.items()},
            schedule.checkpoint_dates(relationship.closed_on),
        )
        self.assertEqual(
            {name: outcome.state for name, outcome in outcomes.items()},
            {"exit": "done", "month_3": "done", "month_6": "done", "month_12": "planned"},
        )
        self.assertGreater(outcomes["month_12"].due_date, today)
        self.assertEqual(outcomes["month_3"].situation, "employed")
        self.assertEqual(outcomes["month_6"].employment_status, "employed_in_field")
        self.assertGreater(outcomes["month_6"].days_to_employment, 0)
