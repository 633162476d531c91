from datetime import date, timedelta

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .test_proposal import PortalTokenCase


@tagged("post_install", "-at_install")
class TestNudges(PortalTokenCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.start = date.today()
        cls.relationship = cls.env["mentoring.relationship"].create(
            {
                "mentee_id": cls.mentee_en.id,
                "mentor_id": cls.mentor.id,
                "program_id": cls.program.id,
                "coordinator_id": cls.coordinator.id,
            }
        )
        cls.relationship.action_mentee_accept()
        cls.relationship.action_mentor_accept()
        cls.Relationship = cls.env["mentoring.relationship"]
        cls.template = cls.env.ref("mentoring_portal.mail_template_nudge_mentor")

    def nudges(self):
        return (
            self.env["mail.mail"]
            .sudo()
            .search(
                [
                    ("model", "=", "mentoring.relationship"),
                    ("res_id", "=", self.relationship.id),
                    ("subject", "ilike", "lately"),
                ]
            )
        )

    def run_cron(self, day):
        with freeze_time(self.start + timedelta(days=day)):
            self.Relationship._cron_nudge_mentors()
            self.relationship.invalidate_recordset()

    def test_one_nudge_per_silence_rearmed_by_a_meeting(self):
        self.run_cron(13)
        self.assertFalse(self.nudges(), "not before 14 days")
        self.run_cron(14)
        mail = self.nudges()
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.recipient_ids, self.mentor.partner_id)
        self.assertIn("14", mail.body_html)
        hrefs = [link.get("href") for link in self.links(mail)]
        self.assertTrue(
            any(self.path(href) == f"/my/mentoring/{self.relationship.id}" for href in hrefs), hrefs
        )
        self.assertTrue(any("/mentoring/reminders/stop/" in href for href in hrefs))
        self.run_cron(15)
        self.run_cron(30)
        self.assertEqual(len(self.nudges()), 1, "once per silence")
        # A meeting is logged: a new silence starts, reminded 14 days after it.
        with freeze_time(self.start + timedelta(days=20)):
            self.env["mentoring.meeting"].create(
                {
                    "relationship_id": self.relationship.id,
                    "date": self.start + timedelta(days=20),
                    "duration": 1,
                }
            )
        self.run_cron(33)
        self.assertEqual(len(self.nudges()), 1)
        self.run_cron(34)
        self.assertEqual(len(self.nudges()), 2)
        self.run_cron(35)
        self.assertEqual(len(self.nudges()), 2)

    def test_mentor_without_account_invited_before_the_nudge(self):
        # A mentor active before this addon was installed has no account: the reminder
        # links to "My mentoring", so the portal invitation comes first.
        self.mentor.partner_id.user_ids.unlink()
        self.run_cron(14)
        user = self.mentor.partner_id.user_ids
        self.assertTrue(user.has_group("base.group_portal"))
        invitation = (
            self.env["mail.mail"]
            .sudo()
            .search([("model", "=", "res.users"), ("res_id", "=", user.id)])
        )
        self.assertEqual(len(invitation), 1)
        self.assertLess(invitation.id, self.nudges().id, "invited before the reminder")
        # Staff's opt-out: reminded, not invited.
        self.mentor.partner_id.user_ids.unlink()
        self.mentor.portal_invitation_opt_out = True
        self.relationship.mentor_nudged_silence_from = False
        self.run_cron(15)
        self.assertEqual(len(self.nudges()), 2)
        self.assertFalse(self.mentor.partner_id.user_ids)

    def test_french_mentor_nudged_in_french(self):
        self.mentor.partner_id.lang = "fr_CA"
        self.run_cron(14)
        mail = (
            self.env["mail.mail"]
            .sudo()
            .search(
                [
                    ("model", "=", "mentoring.relationship"),
                    ("res_id", "=", self.relationship.id),
                    ("subject", "ilike", "récemment"),
                ]
            )
        )
        self.assertEqual(len(mail), 1)
        self.assertIn("Consigner ou planifier une rencontre", mail.body_html)
        hrefs = [self.path(link.get("href")) for link in self.links(mail)]
        self.assertIn(f"/fr/my/mentoring/{self.relationship.id}", hrefs)

    def test_no_nudge_after_opt_out_or_blacklist(self):
        self.mentor.partner_id.mentoring_reminders_opt_out = True
        self.run_cron(14)
        self.assertFalse(self.nudges())
        self.mentor.partner_id.mentoring_reminders_opt_out = False
        self.env["mail.blacklist"].sudo()._add(self.mentor.email)
        self.run_cron(15)
        self.assertFalse(self.nudges())
        self.env["mail.blacklist"].sudo()._remove(self.mentor.email)
        self.run_cron(16)
        self.assertEqual(len(self.nudges()), 1)

    def test_timing_from_the_program(self):
        self.program.nudge_after_days = 5
        self.run_cron(4)
        self.assertFalse(self.nudges())
        self.run_cron(5)
        self.assertEqual(len(self.nudges()), 1)

    def test_timings_managers_only_and_positive(self):
        program = self.program.with_user(self.coordinator)
        self.assertFalse(program.can_edit_reminder_timings)
        self.assertEqual(program.nudge_after_days, 14)
        with self.assertRaises(AccessError):
            program.write({"nudge_after_days": 30})
        with self.assertRaises(AccessError):
            program.write({"outcome_reminder_days": 3})
        manager = self.env["res.users"].search([("login", "=", "mw_manager")]) or self.env[
            "res.users"
        ].create(
            {
                "name": "Manager",
                "login": "mw_manager",
                "group_ids": [(4, self.env.ref("mentoring_base.group_mentoring_manager").id)],
            }
        )
        as_manager = self.program.with_user(manager)
        self.assertTrue(as_manager.can_edit_reminder_timings)
        as_manager.write({"nudge_after_days": 21, "outcome_reminder_days": 10})
        self.assertEqual(
            (self.program.nudge_after_days, self.program.outcome_reminder_days), (21, 10)
        )
        for field in ("nudge_after_days", "outcome_reminder_days"):
            with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
                as_manager.write({field: 0})
                as_manager.flush_recordset()

    def test_opt_out_link(self):
        partner = self.mentor.partner_id
        self.run_cron(14)
        href = next(
            link.get("href")
            for link in self.links(self.nudges())
            if "/mentoring/reminders/stop/" in link.get("href")
        )
        _response, doc = self.open_page(self.path(href))
        self.assertIn("Stop reminders", self.text(doc))
        partner.invalidate_recordset()
        self.assertFalse(partner.mentoring_reminders_opt_out, "a GET changes nothing")
        token = self.path(href).rsplit("/", 1)[1]
        # Tampered or foreign tokens change nothing.
        for bad in (
            token[:-2] + "xx",
            self.relationship._proposal_answer_url("mentor").rsplit("/", 1)[1],
        ):
            response, _doc = self.post_to(
                f"/mentoring/reminders/stop/{bad}", {"csrf_token": self.csrf()}
            )
            self.assertEqual(response.status_code, 404)
        partner.invalidate_recordset()
        self.assertFalse(partner.mentoring_reminders_opt_out)
        response, doc = self.submit(self.path(href), "mentoring_reminders_stop")
        self.assertIn("no longer receive mentoring reminders", self.text(doc))
        partner.invalidate_recordset()
        self.assertTrue(partner.mentoring_reminders_opt_out)
        _response, doc = self.open_page(self.path(href))
        self.assertIn("already stopped", self.text(doc))

    def test_opt_out_page_in_french(self):
        partner = self.other_mentor.partner_id
        token = partner._mentoring_opt_out_token()
        _response, doc = self.open_page(f"/mentoring/reminders/stop/{token}")
        self.assertEqual(doc.get("lang"), "fr-CA")
        self.assertIn("Arrêter les rappels", self.text(doc))
