from datetime import date

from odoo.tests import tagged

from .common import ReportsCase

CERTIFICATE = "mentoring_reports.action_report_certificate"
BILINGUAL = "mentoring_reports.action_report_certificate_bilingual"
MENTOR = "mentoring_reports.action_report_mentor_recognition"


@tagged("post_install", "-at_install")
class TestCertificateWording(ReportsCase):
    """Certificates and the completion e-mail agree in number and gender, in English and
    French: "one (1) hour", "une (1) heure", "1er mars", no "programme Programme"."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.program.with_context(lang="fr_CA").name = "Programme de mentorat test"
        cls.short_mentee = cls._ready_mentee(cls.env, "Nadia Courte", cls.agency_a)
        cls.short_mentee.write({"email": "nadia@example.com", "lang": "fr_CA"})
        cls.short_mentor = cls._available_mentor(cls.env, "Luc Bref")
        cls.short_mentor.write({"email": "luc@example.com", "lang": "en_US"})
        # One meeting of one hour, in one week.
        cls.rel_one = cls._agreed_relationship(cls.short_mentee, cls.short_mentor, meetings=1)
        cls.rel_one.with_context(force_report_rendering=True).action_close("objectives_met")
        cls.rel_one.write({"agreement_date": date(2026, 2, 1), "closed_on": date(2026, 3, 1)})

    def _html(self, report, relationships):
        Report = self.env["ir.actions.report"].with_user(self.coordinator)
        return Report._render_qweb_html(report, relationships.ids)[0].decode()

    def test_one_hour_over_one_week_in_both_languages(self):
        self.assertEqual((self.rel_one.hours_total, self.rel_one.weeks_met), (1.0, 1))
        html = self._html(BILINGUAL, self.rel_one)
        self.assertIn("with one (1) hour of mentoring over one (1) week of meetings.", html)
        self.assertIn("avec une (1) heure de mentorat sur une (1) semaine de rencontres.", html)
        self.assertNotIn("un (1)", html)

    def test_plural_and_feminine_numbers(self):
        html = self._html(BILINGUAL, self.rel_fr)
        self.assertIn("fourteen (14) hours of mentoring over seven (7) weeks", html)
        self.assertIn("quatorze (14) heures de mentorat sur sept (7) semaines", html)
        Report = self.env["report.mentoring_reports.report_certificate"]
        self.assertEqual(Report._hours_text(21, "fr_CA"), "vingt et une (21) heures")
        self.assertEqual(Report._weeks_text(1, "en_US"), "one (1) week")
        self.assertEqual(Report._weeks_text(0, "fr_CA"), "zéro (0) semaine")

    def test_first_of_the_month_in_french(self):
        html = self._html(CERTIFICATE, self.rel_one)
        self.assertIn("du 1er février 2026 au 1er mars 2026,", html)
        english = self._html(MENTOR, self.rel_one)
        self.assertIn("from February 1, 2026 to March 1, 2026,", english)

    def test_program_named_once(self):
        french = self._html(CERTIFICATE, self.rel_one)
        self.assertIn("pour avoir terminé le", french)
        self.assertIn("Programme de mentorat test", french)
        self.assertNotIn("pour avoir terminé le programme de mentorat", french)
        self.assertIn("Coordonnateur ou coordonnatrice du programme", french)
        english = self._html(MENTOR, self.rel_one)
        self.assertIn("in recognition of mentoring Nadia Courte in the", english)
        self.assertNotIn("in the program", english)
        # A name that does not say "program" gets the word before it.
        self.program.with_context(lang="fr_CA").name = "Emploi Ottawa"
        self.program.with_context(lang="en_US").name = "Ottawa Works"
        french = self._html(CERTIFICATE, self.rel_one)
        self.assertIn("pour avoir terminé le programme de mentorat", french)
        self.assertIn("Emploi Ottawa", french)
        english = self._html(MENTOR, self.rel_one)
        self.assertIn("in recognition of mentoring Nadia Courte in the program", english)

    def test_completion_mail_names_the_program_once(self):
        mail = self.env["mail.mail"].search(
            [
                ("model", "=", "mentoring.relationship"),
                ("res_id", "=", self.rel_one.id),
                ("attachment_ids", "!=", False),
            ]
        )
        body = str(mail.body_html)
        self.assertIn("Félicitations\xa0: vous avez terminé le <strong>", body)
        self.assertIn("Programme de mentorat test</strong>", body)
        self.assertNotIn("programme de mentorat <strong>", body)
