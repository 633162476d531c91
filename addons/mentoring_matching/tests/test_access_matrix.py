from odoo.addons.mentoring_base.tests.access_matrix import AccessMatrixCase
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccessMatrixCase):
    """mentoring_matching's rows of the access matrix: profiles and the supply gap for all
    staff, each matching wizard (and its lines) for the coordinator who opened it only."""

    _matrix_module = "mentoring_matching"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        noc = cls.env["mentoring.noc"].search([("code", "=", "21231")])
        cls.mentee = cls._mentee("Matrix Ready Mentee", state="ready", target_noc_id=noc.id)
        cls.mentor = cls._mentor(
            "Matrix Available Mentor", state="available", max_mentees=2, noc_id=noc.id
        )
        cls.opened = {}

    def _open_wizards(self, user):
        """Every matching wizard and line, opened by ``user`` (as superuser recordsets)."""
        if user not in self.opened:
            env = self.env(user=user)
            match = env["mentoring.match.wizard"].create({"mentee_id": self.mentee.id})
            cohort = env["mentoring.cohort.wizard"].create({"program_id": self.program.id})
            pair = {"wizard_id": cohort.id, "mentee_id": self.mentee.id}
            self.opened[user] = {
                "mentoring.match.wizard": match,
                "mentoring.match.wizard.line": env["mentoring.match.wizard.line"].create(
                    {
                        "wizard_id": match.id,
                        "mentee_id": self.mentee.id,
                        "mentor_id": self.mentor.id,
                    }
                ),
                "mentoring.cohort.wizard": cohort,
                "mentoring.cohort.wizard.line": env["mentoring.cohort.wizard.line"].create(
                    {**pair, "mentor_id": self.mentor.id}
                ),
                "mentoring.cohort.wizard.unmatched": env[
                    "mentoring.cohort.wizard.unmatched"
                ].create({**pair, "reason": "No mentor free"}),
            }
        return {model: records.sudo() for model, records in self.opened[user].items()}

    def _matrix_records(self, model, role):
        user = self.role_users[role]
        return self._open_wizards(user)[model], self._open_wizards(self.colleagues[user])[model]
