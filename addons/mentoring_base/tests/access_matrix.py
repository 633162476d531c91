"""The access matrix: model × role × operation, kept as data and checked against Odoo.

Each addon keeps ``tests/access_matrix.csv`` with the header
``model,role,read,create,write,unlink,sees``: one row for every model the addon defines
(abstract models aside) and every role of :data:`ROLES`, plus rows for core models whose
access the addon changes (``res.partner`` for agency referrers). ``read`` … ``unlink`` are
0/1 (the access rights); ``sees`` says which records the role reads:

- ``all``: every record;
- ``none``: no record;
- ``agency``: only the records of the user's own agency;
- ``own``: only the records the user created (wizard outputs).

An addon's test subclasses :class:`AccessMatrixCase`, sets ``_matrix_module`` and, for rows
seen by ``agency`` or ``own``, returns from :meth:`AccessMatrixCase._matrix_records` one
record the role must see and one it must not. Any drift between the file and the database
(a model without rows, a right or rule that changed) fails the test.
"""

import csv
from pathlib import Path

from odoo.exceptions import AccessError
from odoo.modules.module import get_module_path
from odoo.tests import new_test_user
from odoo.tools import mute_logger

from .common import MentoringCase

ROLES = ("public", "portal", "employee", "referrer", "user", "coordinator", "manager")
OPERATIONS = ("read", "create", "write", "unlink")
SCOPES = ("all", "none", "agency", "own")
STAFF_GROUPS = {
    "coordinator": "mentoring_base.group_mentoring_coordinator",
    "manager": "mentoring_base.group_mentoring_manager",
}
MUTED = ("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")


def read_access_matrix(module):
    """The rows of ``<module>/tests/access_matrix.csv``.

    :param str module: technical name of the addon
    :return: list of dicts with ``model``, ``role``, ``sees`` (str) and one bool per
        operation of :data:`OPERATIONS`
    :raise ValueError: an unknown role, scope or operation value
    """
    path = Path(get_module_path(module)) / "tests" / "access_matrix.csv"
    rows = []
    with path.open(newline="", encoding="utf-8") as matrix:
        for line, row in enumerate(csv.DictReader(matrix), start=2):
            if row["role"] not in ROLES or row["sees"] not in SCOPES:
                raise ValueError(f"{path}:{line}: unknown role or scope in {row}")
            if any(row[operation] not in ("0", "1") for operation in OPERATIONS):
                raise ValueError(f"{path}:{line}: operations are 0 or 1 in {row}")
            rows.append(
                {
                    "model": row["model"],
                    "role": row["role"],
                    "sees": row["sees"],
                    **{operation: row[operation] == "1" for operation in OPERATIONS},
                }
            )
    return rows


class AccessMatrixCase(MentoringCase):
    """Checks an addon's access matrix: completeness, rights, and the records each sees."""

    _matrix_module = None
    # Odoo's test loader runs inherited test methods only when asked to.
    allow_inherited_tests_method = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.role_users = {
            "public": cls.env.ref("base.public_user"),
            "portal": cls.portal_user,
            "employee": cls.employee,
            "referrer": cls.referrer_a,
            "user": cls.mentoring_user,
            "coordinator": cls.coordinator,
            "manager": cls.manager,
        }
        # Records seen by their author only ("own") are checked against a colleague of the
        # same role (and agency).
        cls.colleagues = {
            cls.referrer_a: cls._agency_user("matrix_referrer_a", cls.agency_a),
            cls.coordinator: new_test_user(
                cls.env, login="matrix_coordinator", groups=STAFF_GROUPS["coordinator"]
            ),
            cls.manager: new_test_user(
                cls.env, login="matrix_manager", groups=STAFF_GROUPS["manager"]
            ),
        }

    def _matrix_records(self, model, role):
        """One record ``role`` must read and one it must not, for a row seen by ``agency``
        or ``own``.

        :param str model: model name of the row
        :param str role: role of the row (a key of ``self.role_users``)
        :return: ``(visible, hidden)``, two non-empty recordsets (as superuser)
        """
        raise NotImplementedError(f"No records to check {model} for {role}")

    def _defined_models(self):
        """Non-abstract models the addon defines (not those it only extends)."""
        return {
            name
            for name, model in self.env.registry.items()
            if model._original_module == self._matrix_module and not model._abstract
        }

    def test_matrix_covers_every_model_and_role(self):
        rows = read_access_matrix(self._matrix_module)
        cells = [(row["model"], row["role"]) for row in rows]
        self.assertEqual(len(cells), len(set(cells)), "a model and role appear twice")
        listed = {row["model"] for row in rows}
        for model in sorted(self._defined_models() | listed):
            with self.subTest(model=model):
                self.assertIn(model, self.env, "the matrix names a model that does not exist")
                self.assertEqual(
                    {role for name, role in cells if name == model},
                    set(ROLES),
                    "every role needs a row",
                )

    @mute_logger(*MUTED)
    def test_matrix_rights(self):
        for row in read_access_matrix(self._matrix_module):
            user = self.role_users[row["role"]]
            records = self.env[row["model"]].with_user(user)
            for operation in OPERATIONS:
                with self.subTest(model=row["model"], role=row["role"], operation=operation):
                    self.assertEqual(records.has_access(operation), row[operation])

    @mute_logger(*MUTED)
    def test_matrix_records_seen(self):
        for row in read_access_matrix(self._matrix_module):
            with self.subTest(model=row["model"], role=row["role"], sees=row["sees"]):
                self._check_records_seen(row)

    def _check_records_seen(self, row):
        user = self.role_users[row["role"]]
        model = self.env[row["model"]].with_context(active_test=False)
        everything = model.sudo().search([])
        if row["sees"] == "none":
            seen = model.with_user(user).search([]) if row["read"] else model.browse()
            self.assertFalse(seen)
            self._assert_unreadable(everything[:1], user)
            return
        self.assertTrue(row["read"], "a role without read access sees nothing")
        if row["sees"] == "all":
            self.assertTrue(everything, "no record to check: create one in the fixtures")
            self.assertEqual(model.with_user(user).search([]), everything.with_user(user))
            return
        visible, hidden = self._matrix_records(row["model"], row["role"])
        self.assertTrue(visible and hidden, "the fixtures must give both records")
        seen = model.with_user(user).search([("id", "in", (visible | hidden).ids)])
        self.assertEqual(seen.ids, visible.ids)
        visible.with_user(user).read(["display_name"])
        self._assert_unreadable(hidden, user)

    def _assert_unreadable(self, records, user):
        if records:
            with self.assertRaises(AccessError):
                records.with_user(user).read(["display_name"])
