from odoo.tests import TransactionCase, tagged

CERTIFICATE = "mentoring_reports.action_report_certificate"
BILINGUAL = "mentoring_reports.action_report_certificate_bilingual"
MENTOR = "mentoring_reports.action_report_mentor_recognition"


@tagged("post_install", "-at_install")
class TestDemoCertificate(TransactionCase):
    """The certificate of the demo's completed relationship (Fatou Diallo, served in
    French), printed by the demo's coordinator in English and in French.

    Skipped on a database without the demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.relationship = cls.env.ref(
            "mentoring_base.relationship_fatou_isabelle", raise_if_not_found=False
        )
        if not cls.relationship:
            return
        Lang = cls.env["res.lang"]
        cls.french_was_active = "fr_CA" in dict(Lang.get_installed())
        # As in ReportsCase: no asset bundles fetched by wkhtmltopdf from the test server.
        cls.env["ir.config_parameter"].set_param("report.url", "http://127.0.0.1:9")
        Lang._activate_lang("fr_CA")
        cls.env["ir.module.module"]._load_module_terms(
            ["mentoring_base", "mentoring_reports"], ["fr_CA"]
        )
        cls.mentee = cls.relationship.mentee_id
        cls.coordinator = cls.env.ref("base.user_admin")
        cls.Report = cls.env["ir.actions.report"].with_user(cls.coordinator)
        cls.certificate = cls.env["report.mentoring_reports.report_certificate"]

    def setUp(self):
        super().setUp()
        if not self.relationship:
            self.skipTest("no demo data")

    def _html(self, report, lang=None):
        if lang:
            self.mentee.partner_id.lang = lang
        return self.Report._render_qweb_html(report, self.relationship.ids)[0].decode()

    def test_demo_people_served_in_french_read_french(self):
        if not self.french_was_active:
            self.skipTest("French was not active when the demo data was loaded")
        self.assertEqual(self.mentee.lang, "fr_CA")
        self.assertEqual(self.relationship.mentor_id.lang, "fr_CA")
        self.assertIn("Certificat de fin de programme", self._html(CERTIFICATE))

    def test_certificate_in_english(self):
        html = self._html(CERTIFICATE, "en_US")
        self.assertIn("Certificate of completion", html)
        self.assertIn("Fatou Diallo", html)
        self.assertIn(self.relationship.program_id.with_context(lang="en_US").name, html)
        self.assertIn("fifteen (15) hours", html)
        self.assertIn("twelve (12) weeks", html)
        self.assertIn(self.certificate._format_date(self.relationship.closed_on, "en_US"), html)
        self.assertIn(self.coordinator.name, html)

    def test_certificate_in_french(self):
        html = self._html(CERTIFICATE, "fr_CA")
        self.assertIn("Certificat de fin de programme", html)
        self.assertIn("Fatou Diallo", html)
        self.assertIn(self.relationship.program_id.with_context(lang="fr_CA").name, html)
        self.assertIn("quinze (15)", html)
        self.assertIn("douze (12)", html)
        self.assertIn(self.certificate._format_date(self.relationship.closed_on, "fr_CA"), html)
        self.assertNotIn("fifteen", html)

    def test_bilingual_and_mentor_recognition(self):
        html = self._html(BILINGUAL)
        self.assertIn("fifteen (15) hours", html)
        self.assertIn("quinze (15)", html)
        mentor = self._html(MENTOR)
        self.assertIn("Isabelle Ouellet", mentor)
        self.assertIn("Fatou Diallo", mentor)

    def test_pdf(self):
        content, report_format = self.Report.with_context(
            force_report_rendering=True
        )._render_qweb_pdf(CERTIFICATE, self.relationship.ids)
        self.assertEqual(report_format, "pdf")
        self.assertTrue(content.startswith(b"%PDF"))
