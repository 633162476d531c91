import html

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import MatchingCase


@tagged("post_install", "-at_install")
class TestMatchWizard(MatchingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_CA")
        cls.env["ir.module.module"]._load_module_terms(
            ["mentoring_base", "mentoring_matching"], ["fr_CA"], overwrite=True
        )
        cls.coordinator.lang = "en_US"
        cls.coordinator_fr.lang = "fr_CA"
        cls.mentee = cls._ready_mentee(
            "Aurélie Nkoulou",
            noc="11200",
            languages=cls.fr | cls.en,
            service_language="fr",
            lang="fr_CA",
            career_objective="Conseillère en ressources humaines dans un organisme bilingue.",
        )
        cls.best = cls._available_mentor(
            "Sarah Oconnor",
            noc="11200",
            languages=cls.en | cls.fr,
            years_experience_region=11,
            function="Human resources business partner",
            lang="en_US",
        )
        cls.second = cls._available_mentor(
            "Marc Lavoie", noc="11201", languages=cls.fr, years_experience_region=3
        )
        cls.english = cls._available_mentor("John Smith", noc="11200", years_experience_region=20)

    def _wizard(self, user, mentee=None):
        # The web client puts the user's language in the context.
        mentee = (mentee or self.mentee).with_user(user).with_context(lang=user.lang)
        action = mentee.action_find_mentor()
        self.assertEqual((action["res_model"], action["target"]), ("mentoring.match.wizard", "new"))
        return mentee.env[action["res_model"]].browse(action["res_id"])

    def test_find_a_mentor_and_propose_in_each_persons_language(self):
        wizard = self._wizard(self.coordinator)
        self.assertEqual(wizard.profile_id, self.profile, "the program's match profile")
        self.assertTrue(wizard.french_only, "French service: French-speaking mentors")
        self.assertEqual(wizard.line_ids.mapped("mentor_id"), self.best | self.second)
        self.assertEqual(wizard.line_ids.mapped("rank"), [1, 2])
        with Form(wizard) as form:
            form.french_only = False
            form.limit = 5
        wizard.action_refresh()
        # John Smith does not speak French: never listed, and the summary says why.
        self.assertEqual(wizard.line_ids.mapped("mentor_id"), self.best | self.second)
        self.assertIn(
            "service in French, mentor does not speak French (1)", wizard.excluded_summary
        )
        line = wizard.line_ids[0]
        self.assertEqual(line.mentor_id, self.best)
        self.assertGreater(line.score, wizard.line_ids[1].score)
        self.assertIn("same NOC unit group 11200: 1 × weight 8", line.breakdown)
        self.assertIn("speaks French, the language of service: 1 × weight 5", line.breakdown)
        self.assertIn("same NOC unit group 11200", line.summary)

        action = line.action_propose()
        relationship = self.env["mentoring.relationship"].browse(action["res_id"])
        self.assertEqual(relationship.stage_id, self.env.ref("mentoring_base.stage_proposed"))
        self.assertEqual(
            (relationship.mentee_id, relationship.mentor_id, relationship.program_id),
            (self.mentee, self.best, self.program),
        )
        self.assertAlmostEqual(relationship.match_score, line.score, places=1)
        self.assertIn("same NOC unit group 11200", relationship.match_explanation)
        self.assertEqual(line.relationship_id, relationship)
        with self.assertRaisesText(UserError, "already proposed"):
            line.action_propose()

        mails = self.env["mail.mail"].search(
            [("model", "=", "mentoring.relationship"), ("res_id", "=", relationship.id)]
        )
        self.assertEqual(len(mails), 2)
        to_mentee = mails.filtered(lambda mail: self.mentee.partner_id in mail.recipient_ids)
        to_mentor = mails.filtered(lambda mail: self.best.partner_id in mail.recipient_ids)
        # Each in their language; the wording is the proposal template's (mentoring_portal,
        # when installed, sends its own with answer buttons).
        self.assertTrue(to_mentee.subject.endswith("mentor\xa0: Sarah Oconnor"), to_mentee.subject)
        self.assertIn("Bonjour Aurélie Nkoulou", str(to_mentee.body_html))
        self.assertEqual(to_mentor.subject, "We propose a mentee to you: Aurélie Nkoulou")
        self.assertIn("Hello Sarah Oconnor", str(to_mentor.body_html))
        self.assertIn("Proposal e-mailed", relationship.message_ids[0].body)
        # Proposed together: the pair is not listed again.
        wizard.action_refresh()
        self.assertNotIn(self.best, wizard.line_ids.mapped("mentor_id"))

    def test_breakdown_in_the_coordinators_language(self):
        wizard = self._wizard(self.coordinator_fr)
        breakdown = html.unescape(str(wizard.line_ids[0].breakdown))
        self.assertIn("même groupe de base de la CNP 11200\xa0: 1 × poids 8", breakdown)
        self.assertIn("parle français, la langue de service\xa0: 1 × poids 5", breakdown)
        self.assertRegex(breakdown, r"Score \d+,\d = 100 × \d+,\d+ points ÷ \d+ de poids")

    def test_find_a_mentee_from_the_mentor(self):
        other = self._ready_mentee("Other Mentee", noc="11100")
        action = self.second.with_user(self.coordinator).action_find_mentee()
        wizard = self.env[action["res_model"]].with_user(self.coordinator).browse(action["res_id"])
        self.assertEqual(wizard.direction, "mentee")
        self.assertEqual(wizard.line_ids.mapped("mentee_id")[:1], self.mentee)
        self.assertIn(other, wizard.line_ids.mapped("mentee_id"))
        wizard.line_ids[0].action_propose()
        relationship = wizard.line_ids[0].relationship_id
        self.assertEqual(
            (relationship.mentee_id, relationship.mentor_id), (self.mentee, self.second)
        )
