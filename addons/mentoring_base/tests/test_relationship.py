from datetime import date

import psycopg2
from freezegun import freeze_time

from odoo import SUPERUSER_ID, api
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.sql_db import db_connect
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import MentoringCase


class RelationshipCase(MentoringCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.program.coordinator_ids = cls.coordinator
        cls.mentee = cls._ready_mentee(cls.env, "Amina Ready", cls.agency_a)
        cls.mentor = cls._available_mentor(cls.env, "Jean Available")
        cls.other_mentor = cls._available_mentor(cls.env, "Paul Available")

    @classmethod
    def _ready_mentee(cls, env, name, agency=None, program=None):
        return env["mentoring.mentee"].create(
            {
                "name": name,
                "referring_agency_id": agency.id if agency else False,
                "program_id": (program or cls.program).id,
                "state": "ready",
                "target_noc_id": cls.noc_software.id,
            }
        )

    @classmethod
    def _available_mentor(cls, env, name, max_mentees=1):
        return env["mentoring.mentor"].create(
            {"name": name, "state": "available", "max_mentees": max_mentees}
        )

    def _propose(self, mentee=None, mentor=None):
        with Form(self.env["mentoring.relationship"].with_user(self.coordinator)) as form:
            form.mentee_id = mentee or self.mentee
            form.mentor_id = mentor or self.mentor
            form.program_id = self.program
        return form.record

    def _agree(self, relationship):
        relationship.action_mentee_accept()
        relationship.action_mentor_accept()
        return relationship


@tagged("post_install", "-at_install")
class TestRelationshipLifecycle(RelationshipCase):
    def test_proposal_decline_and_new_proposal(self):
        with freeze_time("2026-03-02"):
            proposal = self._propose()
            self.assertEqual(proposal.stage_id, self.env.ref("mentoring_base.stage_proposed"))
            self.assertEqual(proposal.planned_end, date(2026, 5, 24), "12 weeks by default")
            self.assertEqual(proposal.weekly_minutes, 60)
            proposal.action_start_review()
            self.assertEqual(proposal.stage_type, "review")
            action = proposal.action_open_mentee_decline()
            wizard = Form(self.env[action["res_model"]].with_context(**action["context"]))
            wizard.reason = "Prefers a mentor in the public sector."
            wizard.save().action_decline()
        self.assertEqual(proposal.stage_type, "cancelled")
        self.assertEqual(proposal.mentee_decision, "declined")
        self.assertEqual(self.mentee.state, "ready", "a decline returns the mentee to matching")
        with self.assertRaisesText(ValidationError, "declined"):
            self._propose()
        with self.assertRaisesText(UserError, "Say why"):
            self._propose(mentor=self.other_mentor).action_mentee_decline("  ")
        with freeze_time("2026-03-09"):
            relationship = self._propose(mentor=self.other_mentor)
            relationship.action_mentee_accept()
            self.assertEqual(relationship.stage_type, "proposed")
            relationship.action_mentor_accept()
        self.assertEqual(relationship.stage_type, "active")
        self.assertEqual(relationship.agreement_date, date(2026, 3, 9))
        self.assertEqual(self.mentee.state, "matched")
        self.assertEqual(
            (self.other_mentor.state, self.other_mentor.active_mentee_count), ("active", 1)
        )

    def test_meetings_alerts_checkins_closure_outcomes(self):
        with freeze_time("2026-03-02"):
            relationship = self._agree(self._propose())
        Meeting = self.env["mentoring.meeting"]
        for day, hours in (("2026-03-03", 1.0), ("2026-03-05", 0.5), ("2026-03-17", 1.5)):
            Meeting.create({"relationship_id": relationship.id, "date": day, "duration": hours})
        self.assertEqual(relationship.hours_total, 3.0)
        self.assertEqual(relationship.weeks_met, 2)
        with self.assertRaisesText(ValidationError, "at most 8 hours"):
            Meeting.create({"relationship_id": relationship.id, "duration": 0})
        with self.assertRaisesText(ValidationError, "at most 8 hours"):
            Meeting.create({"relationship_id": relationship.id, "duration": 8.5})
        with freeze_time("2026-03-30"):
            relationship.invalidate_recordset()
            self.assertEqual(relationship.weeks_without_meeting, 3)  # weeks of 9, 23 and 30 March
            self.assertFalse(relationship.in_alert)
        with freeze_time("2026-04-08"):
            relationship.invalidate_recordset()
            self.assertEqual(relationship.days_without_meeting, 22)
            self.assertTrue(relationship.in_alert)
            self.assertIn(
                relationship, self.env["mentoring.relationship"].search([("in_alert", "=", True)])
            )
            Relationship = self.env["mentoring.relationship"]
            Relationship._cron_alert_without_meeting()
            Relationship._cron_alert_without_meeting()
            alerts = relationship.activity_ids.filtered(lambda a: "21 days" in a.summary)
            self.assertEqual(len(alerts), 1, "running the alert twice gives one to-do")
            self.assertEqual(alerts.user_id, self.coordinator)
            # Monthly check-ins: one per month, whatever the number of runs.
            Relationship._cron_plan_monthly_checkins()
            Relationship._cron_plan_monthly_checkins()
            self.assertEqual(relationship.checkin_ids.mapped("period"), ["2026-04"])
        with freeze_time("2026-05-01"):
            self.env["mentoring.relationship"]._cron_plan_monthly_checkins()
            self.assertEqual(
                sorted(relationship.checkin_ids.mapped("period")), ["2026-04", "2026-05"]
            )
            checkin = relationship.checkin_ids.filtered(lambda c: c.period == "2026-05")
            with self.assertRaisesText(ValidationError, "from 1 to 5"):
                checkin.mentee_rating = 6
            checkin.write({"mentee_rating": 2, "at_risk": True, "concerns": "Missed meetings"})
            self.assertTrue(relationship.at_risk)
            self.assertTrue(any("at risk" in (a.summary or "") for a in relationship.activity_ids))
        # Extension by mutual agreement, then closure.
        action = relationship.action_open_extend()
        Extend = self.env[action["res_model"]].with_context(**action["context"])
        for agreed in (False, True):
            extend = Form(Extend)
            extend.new_end = date(2026, 6, 30)
            extend.mutual_agreement = agreed
            if agreed:
                extend.save().action_extend()
                continue
            with self.assertRaisesText(UserError, "agreement of both"):
                extend.save().action_extend()
        self.assertEqual(
            (relationship.planned_end, relationship.extension_count), (date(2026, 6, 30), 1)
        )
        with freeze_time("2026-06-30"):
            action = relationship.action_open_close()
            close = Form(self.env[action["res_model"]].with_context(**action["context"]))
            close.closure_reason = "objectives_met"
            close.mentee_feedback = "Very helpful"
            close.mentee_satisfaction = "5"
            close.save().action_close()
        self.assertEqual(relationship.stage_type, "completed")
        self.assertTrue(relationship.certificate_earned)
        self.assertEqual(self.mentee.state, "completed")
        self.assertEqual((self.mentor.state, self.mentor.active_mentee_count), ("available", 0))
        self.assertEqual(
            {o.checkpoint: o.due_date for o in relationship.outcome_ids},
            {
                "exit": date(2026, 6, 30),
                "month_3": date(2026, 9, 30),
                "month_6": date(2026, 12, 30),
                "month_12": date(2027, 6, 30),
            },
        )

    def test_mismatch_returns_mentee_to_matching(self):
        relationship = self._agree(self._propose())
        relationship.action_close("mismatch")
        self.assertEqual(relationship.stage_type, "cancelled")
        self.assertFalse(relationship.certificate_earned)
        self.assertEqual(self.mentee.state, "ready")
        self.assertFalse(relationship.outcome_ids)

    def test_capacity_and_single_active_relationship(self):
        self._agree(self._propose())
        second_mentee = self._ready_mentee(self.env, "Second Mentee")
        with self.assertRaisesText(ValidationError, "their maximum"):
            self._agree(self._propose(mentee=second_mentee))
        with self.assertRaisesText(ValidationError, "already has an active"):
            self._agree(self._propose(mentor=self.other_mentor))
        self.mentor.max_mentees = 2
        self._agree(self._propose(mentee=second_mentee))
        self.assertEqual(self.mentor.active_mentee_count, 2)

    def test_signing_cancels_the_other_proposals(self):
        """The mentee signs one agreement: their other proposals (proposed or under
        review) are cancelled with a note, and those mentors have their place back (they
        stayed "Proposed" before, and the mentors looked full to the matching)."""
        third_mentor = self._available_mentor(self.env, "Third Available")
        signed = self._propose()
        proposed = self._propose(mentor=self.other_mentor)
        reviewed = self._propose(mentor=third_mentor)
        reviewed.action_start_review()
        for mentor in (self.other_mentor, third_mentor):
            self.assertRecordValues(
                mentor, [{"pending_mentee_count": 1, "free_places": 0, "can_take_mentees": False}]
            )
        self._agree(signed)
        self.assertEqual(signed.stage_type, "active")
        for proposal in (proposed, reviewed):
            self.assertRecordValues(
                proposal,
                [
                    {
                        "stage_type": "cancelled",
                        "mentee_decision": "pending",
                        "mentor_decision": "pending",
                        "agreement_date": False,
                    }
                ],
            )
            note = proposal.message_ids.filtered(
                lambda message: "signed a mentorship agreement" in (message.body or "")
            )
            self.assertEqual(len(note), 1)
            self.assertEqual(note.subtype_id, self.env.ref("mail.mt_note"))
            self.assertIn("Amina Ready", note.body)
            self.assertIn("Jean Available", note.body)
        for mentor in (self.other_mentor, third_mentor):
            self.assertRecordValues(
                mentor, [{"pending_mentee_count": 0, "free_places": 1, "can_take_mentees": True}]
            )
        self.assertIn(
            self.other_mentor,
            self.env["mentoring.mentor"].search([("can_take_mentees", "=", True)]),
            "the matching sees the place again",
        )
        # Cancelled, not declined: the pair may be proposed again after this relationship.
        signed.action_close("mismatch")
        self.assertEqual(self._propose(mentor=self.other_mentor).stage_type, "proposed")

    def test_future_meeting_refused(self):
        """A logged meeting has taken place: a date after today, in the user's time zone,
        is refused with a message saying so."""
        self.coordinator.tz = "America/Toronto"
        Meeting = self.env["mentoring.meeting"].with_user(self.coordinator)
        # 11 March, 2 a.m. UTC: still 10 March, 10 p.m. in Toronto.
        with freeze_time("2026-03-11 02:00:00"):
            relationship = self._agree(self._propose())
            with self.assertRaisesText(ValidationError, "has not taken place yet") as caught:
                Meeting.create({"relationship_id": relationship.id, "date": "2026-03-11"})
            self.assertIn("03/11/2026", str(caught.exception), "the date, as the user reads it")
            meeting = Meeting.create({"relationship_id": relationship.id, "date": "2026-03-10"})
            self.assertEqual(meeting.date, date(2026, 3, 10))
            with self.assertRaisesText(ValidationError, "log a meeting once it is over"):
                meeting.date = "2026-04-01"
            self.assertEqual(
                Meeting.create({"relationship_id": relationship.id}).date,
                date(2026, 3, 10),
                "today by default: the user's date",
            )
        self.assertEqual(relationship.meeting_count, 2)

    def test_close_without_satisfaction_keeps_it_empty(self):
        """The ratings of the close wizard are optional, on a 1-5 scale: a rating left
        empty stays empty (it was written as 0 before, pulling averages down)."""
        relationship = self._agree(self._propose())
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT mentee_satisfaction FROM mentoring_relationship WHERE id = %s",
            [relationship.id],
        )
        self.assertEqual(self.env.cr.fetchone(), (None,), "the form's 0 is no rating")
        action = relationship.action_open_close()
        Wizard = self.env[action["res_model"]].with_user(self.coordinator)
        self.assertEqual(
            [value for value, _label in Wizard._fields["mentee_satisfaction"].selection],
            ["1", "2", "3", "4", "5"],
        )
        close = Form(Wizard.with_context(**action["context"]))
        close.closure_reason = "objectives_met"
        close.mentor_satisfaction = "4"
        close.save().action_close()
        self.assertEqual(relationship.stage_type, "completed")
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT mentee_satisfaction, mentor_satisfaction FROM mentoring_relationship "
            "WHERE id = %s",
            [relationship.id],
        )
        self.assertEqual(self.env.cr.fetchone(), (None, 4))
        [(mentee_average, mentor_average)] = self.env["mentoring.relationship"]._read_group(
            [("id", "=", relationship.id)],
            [],
            ["mentee_satisfaction:avg", "mentor_satisfaction:avg"],
        )
        self.assertFalse(mentee_average, "no rating: nothing to average")
        self.assertEqual(mentor_average, 4)


@tagged("post_install", "-at_install")
class TestOutcomes(RelationshipCase):
    def _completed(self, closed_on="2026-06-30"):
        with freeze_time(closed_on):
            relationship = self._agree(self._propose())
            relationship.action_close("term_completed")
        return relationship

    def test_outcome_requests_once_in_the_mentee_language(self):
        self.env["res.lang"]._activate_lang("fr_CA")
        self.env["ir.module.module"]._load_module_terms(
            ["mentoring_base"], ["fr_CA"], overwrite=True
        )
        self.mentee.partner_id.write({"lang": "fr_CA", "email": "amina@example.com"})
        relationship = self._completed()
        Outcome = self.env["mentoring.outcome"]
        # Counted on this relationship: the demo data may have checkpoints due too.
        with freeze_time("2026-10-01"):
            Outcome._cron_request_due_outcomes()  # exit and 3 months
            self.assertEqual(Outcome._cron_request_due_outcomes(), 0)
        mails = self.env["mail.mail"].search(
            [
                ("model", "=", "mentoring.outcome"),
                ("res_id", "in", relationship.outcome_ids.ids),
                ("recipient_ids", "in", self.mentee.partner_id.ids),
            ]
        )
        self.assertEqual(len(mails), 2)
        self.assertTrue(
            all("recherche d" in mail.subject for mail in mails), mails.mapped("subject")
        )
        self.assertTrue(all("Bonjour" in str(mail.body_html) for mail in mails))
        requested = relationship.outcome_ids.filtered(lambda o: o.state == "requested")
        self.assertEqual(set(requested.mapped("checkpoint")), {"exit", "month_3"})
        self.assertTrue(all(o.activity_ids for o in requested))
        with freeze_time("2027-07-01"):
            Outcome._cron_request_due_outcomes()  # 6 and 12 months
        self.assertEqual(set(relationship.outcome_ids.mapped("state")), {"requested"})

    def test_in_field_and_time_to_employment(self):
        self.mentee.date_ready = "2026-02-01"
        outcome = self._completed().outcome_ids.filtered(lambda o: o.checkpoint == "month_3")
        Noc = self.env["mentoring.noc"]
        for code, expected in (
            ("21231", "employed_in_field"),
            ("21232", "employed_in_field"),
            ("21300", "employed_related"),
            ("64100", "employed_outside"),
        ):
            with self.subTest(code=code):
                outcome.write(
                    {"situation": "employed", "job_noc_id": Noc.search([("code", "=", code)]).id}
                )
                self.assertEqual(outcome.employment_status, expected)
        outcome.situation = "in_school"
        self.assertEqual((outcome.employment_status, outcome.in_field), ("in_school", False))
        outcome.write(
            {
                "situation": "employed",
                "start_date": "2026-08-15",
                "job_noc_id": self.noc_software.id,
            }
        )
        self.assertTrue(outcome.in_field)
        self.assertEqual(outcome.days_to_employment, 195)
        with self.assertRaisesText(ValidationError, "cannot be negative"):
            outcome.interviews_count = -1


@tagged("post_install", "-at_install")
class TestSessions(RelationshipCase):
    def test_group_sizes_and_attendance(self):
        mentees = [self._ready_mentee(self.env, f"Group Mentee {i}") for i in range(8)]
        with Form(self.env["mentoring.session"]) as form:
            form.name = "IT group mentoring"
            form.session_type = "group"
            form.mentor_ids.add(self.mentor)
            for mentee in mentees[:3]:
                with form.attendance_ids.new() as line:
                    line.mentee_id = mentee
            self.assertIn("8 to 10 mentees (3 now)", form.size_warning)
            self.assertIn("2 or 3 mentors (1 now)", form.size_warning)
        session = form.record
        session.write(
            {
                "mentor_ids": [(4, self.other_mentor.id)],
                "attendance_ids": [(0, 0, {"mentee_id": m.id}) for m in mentees[3:]],
            }
        )
        self.assertFalse(session.size_warning)
        session.attendance_ids[0].attended = False
        self.assertEqual(session.attended_count, 7)
        peer = self.env["mentoring.session"].create(
            {
                "name": "Peer talk",
                "session_type": "peer",
                "attendance_ids": [(0, 0, {"mentee_id": mentees[1].id})],
            }
        )
        self.assertFalse(peer.size_warning)
        self.assertEqual((mentees[0].events_attended, mentees[1].events_attended), (0, 2))


@tagged("post_install", "-at_install")
class TestRelationshipAccess(RelationshipCase):
    @mute_logger("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
    def test_roles(self):
        relationship_a = self._agree(self._propose())
        mentee_b = self._ready_mentee(self.env, "Client Of B", self.agency_b)
        relationship_b = self._agree(self._propose(mentee=mentee_b, mentor=self.other_mentor))
        Relationship = self.env["mentoring.relationship"]
        self.assertEqual(Relationship.with_user(self.referrer_a).search([]), relationship_a)
        with self.assertRaises(AccessError):
            relationship_b.with_user(self.referrer_a).read(["name"])
        with self.assertRaises(AccessError):
            relationship_a.with_user(self.referrer_a).write({"weekly_minutes": 90})
        self.assertEqual(
            Relationship.with_user(self.mentoring_user).search_count(
                [("id", "in", (relationship_a | relationship_b).ids)]
            ),
            2,
        )
        with self.assertRaises(AccessError):
            relationship_a.with_user(self.mentoring_user).write({"weekly_minutes": 90})
        with self.assertRaises(AccessError):
            self.env["mentoring.meeting"].with_user(self.mentoring_user).create(
                {"relationship_id": relationship_a.id}
            )
        self.env["mentoring.meeting"].with_user(self.coordinator).create(
            {"relationship_id": relationship_a.id}
        )
        # Outsiders read none (mentoring_portal lets portal users read their own only).
        for user in (self.employee, self.portal_user):
            with self.assertRaises(AccessError):
                (relationship_a | relationship_b).with_user(user).read(["name"])


@tagged("post_install", "-at_install")
class TestRelationshipConcurrency(MentoringCase):
    """Two coordinators confirm at the same moment, each on their own database connection."""

    def setUp(self):
        super().setUp()
        self.cursors = []
        setup_cr = self._cursor()
        env = api.Environment(setup_cr, SUPERUSER_ID, {})
        program = env["mentoring.program"].create({"name": "Concurrency program"})
        make_mentee = RelationshipCase._ready_mentee.__func__
        make_mentor = RelationshipCase._available_mentor.__func__
        # Two places while the proposals are made (each holds one), then the mentor lowers
        # their maximum to one before either is agreed.
        busy_mentor = make_mentor(self.__class__, env, "Busy Mentor", max_mentees=2)
        self.mentor_id = busy_mentor.id
        self.spare_mentor_id = make_mentor(self.__class__, env, "Spare Mentor").id
        mentees = [
            make_mentee(self.__class__, env, f"Concurrent {i}", None, program) for i in range(2)
        ]
        Relationship = env["mentoring.relationship"]
        self.relationship_ids = [
            Relationship.create(
                {
                    "mentee_id": m.id,
                    "mentor_id": self.mentor_id,
                    "program_id": program.id,
                    "mentee_decision": "accepted",
                }
            ).id
            for m in mentees
        ]
        busy_mentor.max_mentees = 1
        self.same_mentee_ids = [
            self.relationship_ids[0],
            Relationship.create(
                {
                    "mentee_id": mentees[0].id,
                    "mentor_id": self.spare_mentor_id,
                    "program_id": program.id,
                    "mentee_decision": "accepted",
                }
            ).id,
        ]
        self.created = {
            "mentoring.relationship": Relationship.search([("program_id", "=", program.id)]).ids,
            "mentoring.mentee": [m.id for m in mentees],
            "mentoring.mentor": [self.mentor_id, self.spare_mentor_id],
            "mentoring.program": program.ids,
        }
        # Both coordinators' connections must see the data: commit it, and remove it in cleanup.
        setup_cr.commit()  # pylint: disable=invalid-commit
        self.addCleanup(self._cleanup)

    def _cursor(self):
        cursor = db_connect(self.env.cr.dbname).cursor()
        self.cursors.append(cursor)
        return cursor

    def _cleanup(self):
        for cursor in self.cursors:
            cursor.rollback()
        cr = self._cursor()
        env = api.Environment(cr, SUPERUSER_ID, {})
        for model, ids in self.created.items():
            records = env[model].browse(ids).exists()
            if model in ("mentoring.mentee", "mentoring.mentor"):
                partners = records.partner_id
                records.unlink()
                partners.unlink()
            else:
                records.unlink()
        cr.commit()  # pylint: disable=invalid-commit
        for cursor in self.cursors:
            cursor.close()

    def _confirm_concurrently(self, relationship_ids):
        first_cr, second_cr = self._cursor(), self._cursor()
        second_env = api.Environment(second_cr, SUPERUSER_ID, {})
        second = second_env["mentoring.relationship"].browse(relationship_ids[1])
        second.read(["stage_id"])  # the second coordinator has the form open
        first = api.Environment(first_cr, SUPERUSER_ID, {})["mentoring.relationship"].browse(
            relationship_ids[0]
        )
        first.action_mentor_accept()
        first_cr.commit()  # pylint: disable=invalid-commit
        return second, second_cr

    @mute_logger("odoo.sql_db")
    def test_mentor_capacity_under_concurrency(self):
        second, second_cr = self._confirm_concurrently(self.relationship_ids)
        with self.assertRaises(psycopg2.Error):
            second.action_mentor_accept()
            second_cr.flush()
        second_cr.rollback()
        # Odoo retries the request: in a fresh transaction the capacity check refuses it.
        retry_cr = self._cursor()
        retry = api.Environment(retry_cr, SUPERUSER_ID, {})["mentoring.relationship"].browse(
            self.relationship_ids[1]
        )
        with self.assertRaisesText(ValidationError, "their maximum"):
            retry.action_mentor_accept()
        retry_cr.rollback()
        check_cr = self._cursor()
        mentor = api.Environment(check_cr, SUPERUSER_ID, {})["mentoring.mentor"].browse(
            self.mentor_id
        )
        self.assertEqual(mentor.active_mentee_count, 1)
        self.assertEqual(len(mentor.relationship_ids.filtered("is_open")), 1)

    @mute_logger("odoo.sql_db")
    def test_one_active_relationship_per_mentee_under_concurrency(self):
        second, second_cr = self._confirm_concurrently(self.same_mentee_ids)
        with self.assertRaises(psycopg2.Error):
            second.action_mentor_accept()
            second_cr.flush()
        second_cr.rollback()
        check_cr = self._cursor()
        Relationship = api.Environment(check_cr, SUPERUSER_ID, {})["mentoring.relationship"]
        self.assertEqual(
            Relationship.search_count([("id", "in", self.same_mentee_ids), ("is_open", "=", True)]),
            1,
        )
