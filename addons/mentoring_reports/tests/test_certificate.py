from lxml import etree

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from .common import ReportsCase

CERTIFICATE = "mentoring_reports.action_report_certificate"
BILINGUAL = "mentoring_reports.action_report_certificate_bilingual"
MENTOR = "mentoring_reports.action_report_mentor_recognition"


@tagged("post_install", "-at_install")
class TestCertificate(ReportsCase):
    def _html(self, report, relationships, user=None):
        Report = self.env["ir.actions.report"].with_user(user or self.coordinator)
        return Report._render_qweb_html(report, relationships.ids)[0].decode()

    def test_facts(self):
        self.assertEqual(self.rel_fr.hours_total, 14.0)
        self.assertEqual(self.rel_fr.weeks_met, 7)
        self.assertTrue(self.rel_fr.certificate_earned)

    def test_english_certificate_words(self):
        html = self._html(CERTIFICATE, self.rel_en)
        self.assertIn("Certificate of completion", html)
        self.assertIn("fourteen", html)
        self.assertIn("seven", html)
        self.assertIn("Bola English", html)
        self.assertIn(self.coordinator.name, html)
        self.assertIn("data:image/png;base64", html, "the operator's logo")

    def test_french_certificate_words(self):
        html = self._html(CERTIFICATE, self.rel_fr)
        self.assertIn("quatorze", html)
        self.assertIn("sept", html)
        self.assertIn("Certificat de fin de programme", html)
        self.assertNotIn("fourteen", html)

    def test_bilingual_and_batch(self):
        html = self._html(BILINGUAL, self.rel_en)
        self.assertIn("fourteen", html)
        self.assertIn("quatorze", html)
        batch = self._html(CERTIFICATE, self.rel_fr | self.rel_en)
        self.assertIn("Amina Ready", batch)
        self.assertIn("Bola English", batch)
        mentor = self._html(MENTOR, self.rel_en)
        self.assertIn("Certificate of recognition", mentor)
        self.assertIn(self.other_mentor.name, mentor)

    def test_pdf_renders(self):
        Report = (
            self.env["ir.actions.report"]
            .with_user(self.coordinator)
            .with_context(force_report_rendering=True)
        )
        for report in (CERTIFICATE, BILINGUAL, MENTOR):
            content, report_format = Report._render_qweb_pdf(report, self.rel_fr.ids)
            self.assertEqual(report_format, "pdf")
            self.assertTrue(content.startswith(b"%PDF"))

    def test_not_completed_is_refused(self):
        with self.assertRaisesText(UserError, "only for completed relationships"):
            self._html(CERTIFICATE, self.rel_open)
        with self.assertRaises(UserError):
            self._html(CERTIFICATE, self.rel_fr | self.rel_open)

    def test_completion_mail_in_language_with_pdf(self):
        mails = self.env["mail.mail"].search(
            [
                ("model", "=", "mentoring.relationship"),
                ("res_id", "=", self.rel_fr.id),
                ("attachment_ids", "!=", False),
            ]
        )
        self.assertEqual(len(mails), 1)
        self.assertEqual(mails.recipient_ids, self.mentee.partner_id)
        self.assertIn("Félicitations", str(mails.body_html))
        self.assertEqual(mails.attachment_ids.mimetype, "application/pdf")
        self.assertTrue(mails.attachment_ids.name.endswith(".pdf"))
        english = self.env["mail.mail"].search(
            [
                ("model", "=", "mentoring.relationship"),
                ("res_id", "=", self.rel_en.id),
                ("attachment_ids", "!=", False),
            ]
        )
        self.assertIn("Congratulations", str(english.body_html))
        self.assertFalse(
            self.env["mail.mail"].search_count(
                [
                    ("model", "=", "mentoring.relationship"),
                    ("res_id", "=", self.rel_open.id),
                    ("attachment_ids", "!=", False),
                ]
            )
        )

    def test_action_print(self):
        action = self.rel_fr.with_user(self.coordinator).action_print_certificate()
        self.assertEqual(action["report_name"], "mentoring_reports.report_certificate")

    def test_certificate_button_on_completed_relationships(self):
        """The relationship form shows coordinators a "Certificate" button once the
        relationship is completed (it could only be printed from the print menu)."""
        Relationship = self.env["mentoring.relationship"]

        def certificate_buttons(user):
            arch = Relationship.with_user(user).get_views([(False, "form")])["views"]["form"]
            return etree.fromstring(arch["arch"]).xpath(
                "//header/button[@name='action_print_certificate']"
            )

        [button] = certificate_buttons(self.coordinator)
        self.assertEqual((button.get("string"), button.get("type")), ("Certificate", "object"))
        for relationship, visible in (
            (self.rel_fr, True),
            (self.rel_en, True),
            (self.rel_open, False),
        ):
            with self.subTest(relationship=relationship.name):
                hidden = safe_eval(
                    button.get("invisible"),
                    {"certificate_earned": relationship.certificate_earned},
                )
                self.assertEqual(not hidden, visible)
        self.assertFalse(certificate_buttons(self.mentoring_user), "coordinators only")

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
    def test_only_coordinators_print_and_only_what_they_read(self):
        """The report's groups and the relationship's rules hold whatever the channel
        (print menu, /report URL): a referrer prints no certificate, even of their own
        agency's client, and a read-only user none either."""
        for user in (self.referrer_a, self.referrer_b, self.mentoring_user, self.employee):
            for relationship in (self.rel_fr, self.rel_en):
                for report in (CERTIFICATE, BILINGUAL, MENTOR):
                    with (
                        self.subTest(user=user.login, rel=relationship.name, report=report),
                        self.assertRaises(AccessError),
                    ):
                        self._html(report, relationship, user=user)
        self.assertIn("Bola English", self._html(CERTIFICATE, self.rel_en, user=self.manager))

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
    def test_certificate_follows_relationship_rules(self):
        """Were a certificate printable by a role with record rules, those rules apply."""
        Report = self.env["report.mentoring_reports.report_certificate"]
        Report.with_user(self.coordinator)._check_certificate_access(self.rel_en)
        report = self.env.ref(CERTIFICATE)
        report.group_ids |= self.env.ref("mentoring_base.group_mentoring_agency_referrer")
        html = self._html(CERTIFICATE, self.rel_fr, user=self.referrer_a)
        self.assertIn("Amina Ready", html, "own agency's client")
        with self.assertRaises(AccessError):
            self._html(CERTIFICATE, self.rel_en, user=self.referrer_a)
