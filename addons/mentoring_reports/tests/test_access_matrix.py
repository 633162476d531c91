from odoo.addons.mentoring_base.tests.access_matrix import AccessMatrixCase
from odoo.tests import tagged

from .common import ReportsCase

WIZARD = "mentoring.funder.export.wizard"
EVALUATION = "mentoring.evaluation.report"


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccessMatrixCase, ReportsCase):
    """mentoring_reports' rows of the access matrix (tests/access_matrix.csv): the
    evaluation summary per agency, funder workbooks per author."""

    _matrix_module = "mentoring_reports"
    # The checks are the checker's methods: Odoo's loader runs inherited tests only so.
    allow_inherited_tests_method = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.wizards = {}

    def _wizard(self, user):
        if user not in self.wizards:
            wizard = self.env[WIZARD].with_user(user).create({"lang": "en_US"})
            wizard.action_export()
            self.wizards[user] = wizard.sudo()
        return self.wizards[user]

    def _matrix_records(self, model, role):
        if model == EVALUATION:
            Evaluation = self.env[EVALUATION]
            own, other = (
                Evaluation.search([("relationship_id", "=", relationship.id)])
                for relationship in (self.rel_fr, self.rel_en)
            )
            return own, other
        if model == WIZARD:
            user = self.role_users[role]
            return self._wizard(user), self._wizard(self.colleagues[user])
        return super()._matrix_records(model, role)
