from datetime import date, timedelta

from odoo.addons.mentoring_base.tests.test_relationship import RelationshipCase


class ReportsCase(RelationshipCase):
    """Two completed relationships (agencies A and B, French and English mentees) with
    14 hours met over 7 weeks, and one still active."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The styles of the certificate are inline; wkhtmltopdf need not fetch the asset
        # bundles from the test server, which on a fresh database waits for this test's
        # transaction and never answers. A closed port makes it skip them at once.
        cls.env["ir.config_parameter"].set_param("report.url", "http://127.0.0.1:9")
        cls.env["res.lang"]._activate_lang("fr_CA")
        cls.env["ir.module.module"]._load_module_terms(
            ["mentoring_base", "mentoring_reports"], ["fr_CA"]
        )
        cls.operator.image_1920 = (
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
            "+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
        )
        cls.mentee.write(
            {
                "email": "amina@example.com",
                "lang": "fr_CA",
                "consent_share": True,
                "consent_date": date.today(),
            }
        )
        cls.other_mentor.lang = "en_US"
        cls.mentee_b = cls._ready_mentee(cls.env, "Bola English", cls.agency_b)
        cls.mentee_b.write({"email": "bola@example.com", "lang": "en_US", "consent_share": False})
        cls.mentee_c = cls._ready_mentee(cls.env, "Chen Active", cls.agency_a)
        cls.third_mentor = cls._available_mentor(cls.env, "Marie Third")
        cls.rel_fr = cls._completed(cls.mentee, cls.mentor, satisfaction=5)
        cls.rel_en = cls._completed(cls.mentee_b, cls.other_mentor, satisfaction=3)
        cls.rel_open = cls._agreed(cls.mentee_c, cls.third_mentor)

    @classmethod
    def _agreed(cls, mentee, mentor):
        relationship = cls.env["mentoring.relationship"].create(
            {
                "mentee_id": mentee.id,
                "mentor_id": mentor.id,
                "program_id": cls.program.id,
                "coordinator_id": cls.coordinator.id,
            }
        )
        relationship.action_mentee_accept()
        relationship.action_mentor_accept()
        start = relationship.planned_start
        cls.env["mentoring.meeting"].create(
            [
                {
                    "relationship_id": relationship.id,
                    "date": start + timedelta(weeks=week),
                    "duration": 2.0,
                }
                for week in range(7)
            ]
        )
        return relationship

    @classmethod
    def _completed(cls, mentee, mentor, satisfaction):
        relationship = cls._agreed(mentee, mentor)
        relationship.with_context(force_report_rendering=True).action_close(
            "objectives_met", mentee_feedback="Very useful."
        )
        relationship.write(
            {"mentee_satisfaction": satisfaction, "mentor_satisfaction": satisfaction}
        )
        return relationship

    @staticmethod
    def _year_start():
        return date.today().replace(month=1, day=1) - timedelta(days=366)
