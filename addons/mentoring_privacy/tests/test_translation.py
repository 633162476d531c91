from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PrivacyCase


@tagged("post_install", "-at_install")
class TestFrench(PrivacyCase):
    """A francophone manager or coordinator works in French: refusals, names and notes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_CA")
        cls.env["ir.module.module"]._load_module_terms(
            ["mentoring_base", "mentoring_privacy"], ["fr_CA"]
        )
        (cls.coordinator | cls.manager).write({"lang": "fr_CA"})

    def test_refusal_in_french(self):
        mentee = self.mentee.with_user(self.coordinator).with_context(lang="fr_CA")
        with self.assertRaisesText(AccessError, "Seul un gestionnaire du mentorat"):
            mentee.action_anonymize()

    def test_anonymized_name_and_note_in_french(self):
        mentee = self.mentee.with_user(self.manager).with_context(lang="fr_CA")
        mentee.action_anonymize()
        self.assertEqual(mentee.name, f"Participant anonymisé n° {mentee.partner_id.id}")
        self.assertIn("Participant anonymisé par", mentee.message_ids[0].body)
        menu = self.env.ref("mentoring_privacy.menu_mentoring_mentee_retention_due")
        self.assertEqual(menu.with_context(lang="fr_CA").name, "Mentorés à anonymiser")
