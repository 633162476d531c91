from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import MentoringCase


@tagged("post_install", "-at_install")
class TestFrench(MentoringCase):
    """What a francophone coordinator sees: errors, states and data in French."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_CA")
        cls.env["ir.module.module"]._load_module_terms(
            ["mentoring_base"], ["fr_CA"], overwrite=True
        )
        cls.env_fr = cls.env(context=dict(cls.env.context, lang="fr_CA"))

    def test_validation_errors_in_french(self):
        mentee = self._mentee("Nadia Benali", self.agency_a).with_env(self.env_fr)
        with self.assertRaisesText(ValidationError, "doit être un niveau de 1 à 12") as caught:
            mentee.write({"clb_reading": 13})
        self.assertIn("Compréhension de l'écrit (NCLC)", str(caught.exception))
        mentor = self._mentor("Paul Gagnon").with_env(self.env_fr)
        with self.assertRaisesText(ValidationError, "ne peuvent pas être négatives"):
            mentor.write({"years_experience_region": -4})
        with self.assertRaisesText(ValidationError, "au moins un mentoré à la fois"):
            mentor.write({"max_mentees": 0})

    def test_lifecycle_error_in_french(self):
        mentee = self._mentee("Luc Morin", self.agency_a).with_env(self.env_fr)
        expected = "ne peut pas passer de «\xa0Candidat\xa0» à «\xa0Jumelé\xa0»"
        with self.assertRaisesText(UserError, expected):
            mentee.action_mark_matched()

    def test_labels_and_data_in_french(self):
        Mentee = self.env_fr["mentoring.mentee"]
        states = dict(Mentee._fields["state"]._description_selection(self.env_fr))
        self.assertEqual(states["ready"], "Prêt pour le jumelage")
        self.assertEqual(
            Mentee._fields["referring_agency_id"]._description_string(self.env_fr),
            "Organisme d'aiguillage",
        )
        french = self.env_fr.ref("mentoring_base.language_fr")
        self.assertEqual(french.name, "Français")
        menu = self.env_fr.ref("mentoring_base.menu_mentoring_mentee_waiting")
        self.assertEqual(menu.name, "En attente de jumelage")
