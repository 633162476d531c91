import base64
import io
from datetime import date, timedelta
from unittest import SkipTest

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import PrivacyCase

MUTED = ("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")


@tagged("post_install", "-at_install")
class TestConsentWithdrawal(PrivacyCase):
    def _withdraw(self, person, user, on=None):
        action = person.with_user(user).action_open_consent_withdrawal_wizard()
        form = Form(self.env[action["res_model"]].with_user(user).with_context(**action["context"]))
        self.assertEqual(form.withdrawal_date, date.today(), "today by default")
        if on:
            form.withdrawal_date = on
        return form.save().action_record()

    def test_withdrawal_is_dated_logged_and_refused_twice(self):
        mentee = self.mentee
        withdrawn_on = date.today() - timedelta(days=3)
        self._withdraw(mentee, self.coordinator, withdrawn_on)
        self.assertFalse(mentee.consent_share)
        self.assertEqual(mentee.consent_withdrawn_date, withdrawn_on)
        note = mentee.message_ids.filtered(lambda message: "withdrawn on" in (message.body or ""))
        self.assertEqual(len(note), 1)
        self.assertEqual(note.author_id, self.coordinator.partner_id)
        self.assertIn(self.coordinator.name, note.body)
        with self.assertRaisesText(UserError, "no consent to withdraw"):
            mentee.with_user(self.coordinator).action_open_consent_withdrawal_wizard()
        # Consent given again: the withdrawal date goes (the chatter keeps it).
        mentee.with_user(self.coordinator).write(
            {"consent_share": True, "consent_date": date.today()}
        )
        self.assertFalse(mentee.consent_withdrawn_date)
        self.env.cr.flush()  # tracked values are written at the end of the transaction
        trackings = mentee.message_ids.tracking_value_ids.filtered(
            lambda tracking: tracking.field_id.name == "consent_withdrawn_date"
        )
        old_values = [value.date() for value in trackings.mapped("old_value_datetime") if value]
        self.assertIn(withdrawn_on, old_values)

    def test_mentor_withdrawal_and_dates_checked(self):
        mentor = self.mentor
        mentor.write({"consent_share": True, "consent_date": date.today() - timedelta(days=10)})
        with self.assertRaisesText(UserError, "cannot be in the future"):
            mentor.with_user(self.manager).action_record_consent_withdrawal(
                date.today() + timedelta(days=1)
            )
        with self.assertRaisesText(UserError, "cannot be earlier"):
            mentor.with_user(self.manager).action_record_consent_withdrawal(
                date.today() - timedelta(days=11)
            )
        self._withdraw(mentor, self.manager)
        self.assertEqual(
            (mentor.consent_share, mentor.consent_withdrawn_date), (False, date.today())
        )

    @mute_logger(*MUTED)
    def test_only_program_staff_record_a_withdrawal(self):
        for user in (self.referrer_a, self.mentoring_user, self.employee):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.mentee.with_user(user).action_open_consent_withdrawal_wizard()
                with self.assertRaises(AccessError):
                    self.mentee.with_user(user).action_record_consent_withdrawal()
        with self.assertRaisesText(AccessError, "Only program staff"):
            self.mentee.with_user(self.referrer_a).action_record_consent_withdrawal()
        # The date is only set by the action, not by editing the record.
        with self.assertRaises(AccessError):
            self.mentee.with_user(self.coordinator).write({"consent_withdrawn_date": date.today()})
        with self.assertRaises(AccessError):
            self.mentee.with_user(self.referrer_a).write({"consent_withdrawn_date": date.today()})
        self.assertTrue(self.mentee.consent_share)

    def test_funder_export_leaves_out_who_withdrew(self):
        if "mentoring.funder.export.wizard" not in self.env:
            raise SkipTest("mentoring_reports is not installed: no funder export to check")
        try:
            import openpyxl  # noqa: PLC0415
        except ImportError as error:
            raise SkipTest("openpyxl is needed to read the workbook") from error

        def exported_text():
            wizard = (
                self.env["mentoring.funder.export.wizard"]
                .with_user(self.manager)
                .create({"lang": "en_US", "date_from": False, "date_to": False})  # all dates
            )
            wizard.action_export()
            book = openpyxl.load_workbook(
                io.BytesIO(base64.b64decode(wizard.xlsx_file)), data_only=True
            )
            return " ".join(
                str(cell.value) for sheet in book.worksheets for row in sheet.rows for cell in row
            )

        self.assertIn(
            "amina.ready@privacy-test.example.org", exported_text(), "shared while consenting"
        )
        self.mentee.with_user(self.coordinator).action_record_consent_withdrawal()
        text = exported_text()
        self.assertNotIn("Amina Ready", text)
        self.assertNotIn("amina.ready@privacy-test.example.org", text)
        self.assertIn(f"P-{self.mentee.id:06d}", text, "still counted, under a number")


@tagged("post_install", "-at_install")
class TestConsentWithdrawalShares(PrivacyCase):
    @mute_logger(*MUTED)
    def test_referring_agency_stops_seeing_the_follow_up(self):
        """After a withdrawal the referring agency keeps its client's file (it referred
        them) but no longer sees the relationship nor the employment outcomes."""
        as_referrer = self.env["mentoring.relationship"].with_user(self.referrer_a)
        outcomes = self.env["mentoring.outcome"].with_user(self.referrer_a)
        domain = [("mentee_id", "=", self.mentee.id)]
        self.assertEqual(as_referrer.search(domain), self.relationship)
        self.assertTrue(outcomes.search(domain))
        self.mentee.with_user(self.coordinator).action_record_consent_withdrawal()
        self.assertFalse(as_referrer.search(domain))
        self.assertFalse(outcomes.search(domain))
        with self.assertRaises(AccessError):
            self.relationship.with_user(self.referrer_a).read(["name"])
        # Program staff still follow the relationship.
        self.assertEqual(
            self.env["mentoring.relationship"].with_user(self.coordinator).search(domain),
            self.relationship,
        )
        self.assertEqual(self.mentee.with_user(self.referrer_a).state, self.mentee.state)
