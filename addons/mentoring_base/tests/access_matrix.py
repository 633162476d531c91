"""The access matrix: model × role × operation, kept as data and checked against Odoo.

Each addon keeps ``tests/access_matrix.csv`` with the header
``model,role,read,create,write,unlink,sees``: one row for every model the addon defines
(abstract models aside) and every role of :data:`ROLES`, plus rows for core models whose
access the addon changes (``res.partner`` for agency referrers). ``read`` … ``unlink`` are
0/1 (the access rights); ``sees`` says which records the role reads:

- ``all``: every record;
- ``none``: no record;
- ``agency``: only the records of the user's own agency;
- ``own``: only the records the user created (wizard outputs);
- ``participant``: only the records of the user's own mentoring relationships, as their
  mentee or mentor (portal users, ``mentoring_portal``);
- ``mentoring``: only the mentoring records of a core model other apps use too (the
  mentoring questionnaires among Odoo's surveys, ``mentoring_survey``).

A row describes the addon's models as that addon leaves them. An installed addon that
depends on it and changes the access to one of its models lists the model's rows again
in its own matrix; those rows are then the truth, and this addon's rows for the same model
and role are checked by that addon's test instead (see :func:`overridden_cells`).

An addon's test subclasses :class:`AccessMatrixCase`, sets ``_matrix_module`` and, for rows
seen by ``agency``, ``own`` or ``participant``, returns from
:meth:`AccessMatrixCase._matrix_records` one record the role must see and one it must not.
Any drift between the file and the database (a model without rows, a right or rule that
changed) fails the test.
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
SCOPES = ("all", "none", "agency", "own", "participant", "mentoring")
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


def overridden_cells(env, module):
    """The (model, role) cells of ``module``'s matrix that an installed addon depending on
    it lists again in its own matrix (it changed that access).

    :param env: an environment
    :param str module: technical name of the addon
    :return: set of ``(model, role)``
    """
    addon = env["ir.module.module"].search([("name", "=", module)])
    cells = set()
    for dependent in addon.downstream_dependencies(
        exclude_states=("uninstalled", "uninstallable", "to install", "to remove")
    ):
        path = get_module_path(dependent.name, display_warning=False)
        if path and (Path(path) / "tests" / "access_matrix.csv").exists():
            cells |= {(row["model"], row["role"]) for row in read_access_matrix(dependent.name)}
    return cells


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
        """One record ``role`` must read and one it must not, for a row seen by ``agency``,
        ``own`` or ``participant``.

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

    def _checked_rows(self):
        """The rows of this addon's matrix, less those an installed dependent addon lists
        again (its own test checks them)."""
        overridden = overridden_cells(self.env, self._matrix_module)
        return [
            row
            for row in read_access_matrix(self._matrix_module)
            if (row["model"], row["role"]) not in overridden
        ]

    @mute_logger(*MUTED)
    def test_matrix_rights(self):
        for row in self._checked_rows():
            user = self.role_users[row["role"]]
            records = self.env[row["model"]].with_user(user)
            for operation in OPERATIONS:
                with self.subTest(model=row["model"], role=row["role"], operation=operation):
                    self.assertEqual(records.has_access(operation), row[operation])

    @mute_logger(*MUTED)
    def test_matrix_records_seen(self):
        for row in self._checked_rows():
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
