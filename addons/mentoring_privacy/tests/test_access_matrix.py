from odoo.addons.mentoring_base.tests.access_matrix import AccessMatrixCase
from odoo.tests import tagged

from .common import PrivacyCase

ANONYMIZE = "mentoring.privacy.anonymize.wizard"
WITHDRAWAL = "mentoring.privacy.withdrawal.wizard"


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccessMatrixCase, PrivacyCase):
    """mentoring_privacy's rows of the access matrix (tests/access_matrix.csv): the two
    dialogs, each seen by its author only."""

    _matrix_module = "mentoring_privacy"
    # The checks are the checker's methods: Odoo's loader runs inherited tests only so.
    allow_inherited_tests_method = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dialogs = {}

    def _dialog(self, model, user):
        if (model, user) not in self.dialogs:
            self.dialogs[model, user] = (
                self.env[model]
                .with_user(user)
                .create({"res_model": "mentoring.mentee", "res_ids": self.mentee.ids})
                .sudo()
            )
        return self.dialogs[model, user]

    def _matrix_records(self, model, role):
        if model in (ANONYMIZE, WITHDRAWAL):
            user = self.role_users[role]
            return self._dialog(model, user), self._dialog(model, self.colleagues[user])
        return super()._matrix_records(model, role)
