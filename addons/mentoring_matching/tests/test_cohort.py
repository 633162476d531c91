from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import MatchingCase


@tagged("post_install", "-at_install")
class TestCohortMatching(MatchingCase):
    def test_match_review_drop_and_propose(self):
        self.profile.must_occupation = True
        software = self._ready_mentee("Cohort Ana", noc="21231")
        designer = self._ready_mentee("Cohort Ben", noc="21232")
        third = self._ready_mentee("Cohort Eve", noc="21231")
        french = self._ready_mentee(
            "Cohort Chloe", noc="21231", service_language="fr", languages=self.fr
        )
        finance = self._ready_mentee("Cohort Dev", noc="11100")
        self._ready_mentee("Not Ready Yet", noc="21231", state="orientation")
        mentor_one = self._available_mentor("Cohort Mentor One", noc="21231")
        mentor_two = self._available_mentor("Cohort Mentor Two", noc="21232")
        self._available_mentor("Cohort Mentor Paused", noc="21231", state="paused")

        action = self.program.with_user(self.coordinator).action_match_cohort()
        wizard = self.env[action["res_model"]].with_user(self.coordinator).browse(action["res_id"])
        self.assertEqual(wizard.state, "review")
        self.assertEqual((wizard.mentee_count, wizard.mentor_count, wizard.place_count), (5, 2, 2))
        self.assertEqual(wizard.exact_count, 2)
        self.assertGreaterEqual(wizard.exact_total, wizard.greedy_total)
        self.assertAlmostEqual(wizard.exact_total, sum(wizard.line_ids.mapped("score")), 1)
        pairs = {line.mentee_id: line.mentor_id for line in wizard.line_ids}
        self.assertEqual(pairs[designer], mentor_two)
        self.assertIn(pairs.get(software) or pairs.get(third), mentor_one)
        reasons = {line.mentee_id: line.reason for line in wizard.unmatched_ids}
        self.assertEqual(reasons[french], "No French-speaking mentor available")
        self.assertEqual(reasons[finance], "No mentor in their NOC major group 11")
        left_out = software if software in reasons else third
        self.assertTrue(reasons[left_out].startswith("No capacity left"))
        self.assertTrue(all(line.greedy_mentor_id for line in wizard.line_ids))

        # The coordinator drops the designer's pair and proposes the other.
        with Form(wizard) as form:
            index = wizard.line_ids.ids.index(
                wizard.line_ids.filtered(lambda line: line.mentee_id == designer).id
            )
            with form.line_ids.edit(index) as line:
                line.accepted = False
        self.assertEqual(wizard.accepted_count, 1)
        action = wizard.action_propose()
        relationships = self.env["mentoring.relationship"].search(action["domain"])
        self.assertEqual(len(relationships), 1)
        self.assertEqual(relationships.mentor_id, mentor_one)
        self.assertEqual(relationships.stage_type, "proposed")
        self.assertFalse(
            self.env["mentoring.relationship"].search([("mentee_id", "=", designer.id)]),
            "a dropped pair is not proposed",
        )
        self.assertEqual(
            self.env["mail.mail"].search_count(
                [("model", "=", "mentoring.relationship"), ("res_id", "=", relationships.id)]
            ),
            2,
        )
        with self.assertRaisesText(UserError, "Accept at least one pair"):
            wizard.action_propose()

        # Matching again leaves out the mentee just proposed.
        action = self.program.with_user(self.coordinator).action_match_cohort()
        again = self.env[action["res_model"]].browse(action["res_id"])
        self.assertEqual(again.mentee_count, 4)
        self.assertNotIn(relationships.mentee_id, again.line_ids.mapped("mentee_id"))

    def test_cohort_from_the_menu(self):
        self._ready_mentee("Menu Mentee")
        self._available_mentor("Menu Mentor")
        form = Form(self.env["mentoring.cohort.wizard"].with_user(self.coordinator))
        form.program_id = self.program
        self.assertEqual(form.profile_id, self.profile)
        form.min_score = 99.5
        wizard = form.save()
        wizard.action_compute()
        self.assertFalse(wizard.line_ids)
        self.assertEqual(
            wizard.unmatched_ids.mapped("reason"), ["No mentor reaches the minimum score"]
        )
