import importlib.util

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools.misc import file_path

from .common import MatchingCase


@tagged("post_install", "-at_install")
class TestPropose(MatchingCase):
    """Proposals hold the mentor's places: a list shown earlier cannot overbook them."""

    def test_a_stale_candidate_list_cannot_propose_a_full_mentor(self):
        mentor = self._available_mentor("Last Place Mentor")
        first, second = self._ready_mentee("First Candidate"), self._ready_mentee("Late Candidate")
        wizard = self.env["mentoring.match.wizard"].create({"mentee_id": second.id})
        self.assertIn(mentor, wizard.line_ids.mentor_id, "listed while the place is free")
        Ranking = self.env["mentoring.match.ranking"]
        Ranking._propose([{"mentee": first, "mentor": mentor}])
        self.assertEqual((mentor.free_places, mentor.can_take_mentees), (0, False))
        line = wizard.line_ids.filtered(lambda line: line.mentor_id == mentor)
        with self.assertRaisesText(UserError, "Last Place Mentor"):
            line.action_propose()
        self.assertEqual(mentor.pending_mentee_count, 1)
        fresh = self.env["mentoring.match.wizard"].create({"mentee_id": second.id})
        self.assertNotIn(mentor, fresh.line_ids.mentor_id)

    def test_two_proposals_in_one_batch_count_against_the_places(self):
        mentor = self._available_mentor("Two Place Mentor", max_mentees=2)
        mentees = [self._ready_mentee(f"Batch Candidate {index}") for index in range(3)]
        Ranking = self.env["mentoring.match.ranking"]
        with self.assertRaisesText(UserError, "Two Place Mentor"):
            Ranking._propose([{"mentee": mentee, "mentor": mentor} for mentee in mentees])
        self.assertEqual(mentor.pending_mentee_count, 0, "nothing proposed")
        Ranking._propose([{"mentee": mentee, "mentor": mentor} for mentee in mentees[:2]])
        self.assertEqual(mentor.free_places, 0)

    def test_no_proposal_to_a_paused_mentor(self):
        mentor = self._available_mentor("Paused Proposal Mentor")
        mentor.action_pause()
        with self.assertRaisesText(UserError, "Paused Proposal Mentor"):
            self.env["mentoring.match.ranking"]._propose(
                [{"mentee": self._ready_mentee("Hopeful Candidate"), "mentor": mentor}]
            )


@tagged("post_install", "-at_install")
class TestUpgradeFrom1900(MatchingCase):
    def test_obsolete_views_naming_free_capacity_are_removed(self):
        """The pre-migration of 19.0.1.1.0 deletes the two inherited views of 19.0.1.0.0,
        whatever they hold, with their external ids."""
        View = self.env["ir.ui.view"]
        names = ("mentoring_mentor_view_list_matching", "mentoring_mentor_view_search_matching")
        for name, parent in zip(
            names,
            (
                "mentoring_base.mentoring_mentor_view_list",
                "mentoring_base.mentoring_mentor_view_search",
            ),
            strict=True,
        ):
            view = View.create(
                {
                    "name": name,
                    "model": "mentoring.mentor",
                    "inherit_id": self.env.ref(parent).id,
                    "arch": "<field name='name' position='after'/>",
                }
            )
            self.env["ir.model.data"].create(
                {
                    "module": "mentoring_matching",
                    "name": name,
                    "model": "ir.ui.view",
                    "res_id": view.id,
                }
            )
        path = file_path("mentoring_matching/migrations/19.0.1.1.0/pre-migrate.py")
        spec = importlib.util.spec_from_file_location("pre_migrate_19_0_1_1_0", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(self.env.cr, "19.0.1.0.0")
        self.env.invalidate_all()
        for name in names:
            self.assertFalse(self.env.ref(f"mentoring_matching.{name}", raise_if_not_found=False))
        self.assertTrue(self.env.ref("mentoring_matching.mentoring_mentor_view_form_matching"))
