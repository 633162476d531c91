"""Isolation between users and agencies over the HTTP channels a browser uses:
``/web/content`` (a produced workbook), JSON-RPC (the wizard record) and ``/report/pdf``
(certificates)."""

from odoo.addons.mentoring_reports.models.mentoring_reports_xlsx_mixin import OWNER_RULE_DOMAIN
from odoo.tests import HttpCase, JsonRpcException, new_test_user, tagged
from odoo.tools import mute_logger

from .common import ReportsCase

WIZARD = "mentoring.funder.export.wizard"
MIXIN = "mentoring.reports.xlsx.mixin"
MUTED = (
    "odoo.addons.base.models.ir_model",
    "odoo.addons.base.models.ir_rule",
    "odoo.http",
    "odoo.addons.web.controllers.binary",
)


@tagged("post_install", "-at_install")
class TestWorkbookOnlyForItsAuthor(ReportsCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.colleague = new_test_user(
            cls.env,
            login="colleague_coordinator",
            groups="mentoring_base.group_mentoring_coordinator",
        )
        cls.program.coordinator_ids |= cls.colleague
        cls.referrer_a2 = cls._agency_user("referrer_a_colleague", cls.agency_a)

    def _content_url(self, wizard):
        # as the form's download button asks for it
        return (
            f"/web/content/{WIZARD}/{wizard.id}/xlsx_file"
            "?download=true&filename_field=xlsx_filename"
        )

    def _call_kw(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def _login(self, user):
        self.authenticate(user.login, user.login)

    def _assert_no_download(self, wizard, content):
        response = self.url_open(self._content_url(wizard))
        self.assertIn(response.status_code, (403, 404))
        self.assertNotIn(content[:100], response.content)
        self.assertNotIn(b"Amina Ready", response.content)

    @mute_logger(*MUTED)
    def test_only_the_author_downloads_or_reads_the_workbook(self):
        for author, others in (
            (self.coordinator, (self.colleague, self.manager, self.referrer_a)),
            (self.referrer_a, (self.referrer_a2, self.coordinator, self.manager)),
        ):
            wizard, _formulas, _values, content = self._export(author)
            self.assertTrue(content.startswith(b"PK"))
            for other in others:
                with self.subTest(author=author.login, other=other.login):
                    self._login(other)
                    self._assert_no_download(wizard, content)
                    with self.assertRaises(JsonRpcException) as caught:
                        self._call_kw(WIZARD, "read", [wizard.ids, ["xlsx_file", "xlsx_filename"]])
                    self.assertIn("AccessError", str(caught.exception))
                    found = self._call_kw(WIZARD, "search_read", [[]], {"fields": ["id"]})
                    self.assertNotIn(wizard.id, [record["id"] for record in found or []])
                    with self.assertRaises(JsonRpcException):
                        self._call_kw(WIZARD, "write", [wizard.ids, {"lang": "fr_CA"}])
                    with self.assertRaises(JsonRpcException):
                        self._call_kw(WIZARD, "action_export", [wizard.ids])
            self._login(author)
            response = self.url_open(self._content_url(wizard))
            self.assertEqual(response.status_code, 200)
            self.assertEqual(response.content, content)
            self.assertIn("funder-report", response.headers.get("Content-Disposition", ""))
            [record] = self._call_kw(WIZARD, "read", [wizard.ids, ["xlsx_filename"]])
            self.assertEqual(record["xlsx_filename"], wizard.xlsx_filename)

    def test_every_produced_file_has_the_owner_rule(self):
        """Any wizard of this addon that keeps a file inherits the mixin, and every model
        inheriting the mixin carries the global owner-only rule for all operations."""
        ours = self.env["ir.model.data"].search(
            [("module", "=", "mentoring_reports"), ("model", "=", "ir.model")]
        )
        for ir_model in self.env["ir.model"].browse(ours.mapped("res_id")):
            Model = self.env[ir_model.model]
            if Model._transient and any(field.type == "binary" for field in Model._fields.values()):
                self.assertIn(ir_model.model, self.env.registry.descendants([MIXIN], "_inherit"))
        outputs = [
            name
            for name in self.env.registry.descendants([MIXIN], "_inherit")
            if not self.env[name]._abstract
        ]
        self.assertIn(WIZARD, outputs)
        for name in outputs:
            with self.subTest(model=name):
                rules = self.env["ir.rule"].search(
                    [("model_id.model", "=", name), ("global", "=", True)]
                )
                owner = rules.filtered(lambda rule: rule.domain_force == OWNER_RULE_DOMAIN)
                self.assertTrue(owner, "a global [('create_uid', '=', user.id)] rule")
                self.assertTrue(
                    all(owner[f"perm_{op}"] for op in ("read", "write", "create", "unlink"))
                )


@tagged("post_install", "-at_install")
class TestCertificateChannel(ReportsCase, HttpCase):
    def _certificate(self, relationship):
        return self.url_open(f"/report/pdf/mentoring_reports.report_certificate/{relationship.id}")

    @mute_logger(*MUTED)
    def test_referrer_cannot_print_another_agencys_certificate(self):
        self.authenticate(self.referrer_a.login, self.referrer_a.login)
        for relationship, name in ((self.rel_en, b"Bola English"), (self.rel_fr, b"Amina Ready")):
            with self.subTest(relationship=relationship.name):
                response = self._certificate(relationship)
                self.assertNotEqual(response.status_code, 200)
                self.assertNotIn(name, response.content)
        self.authenticate(self.coordinator.login, self.coordinator.login)
        response = self._certificate(self.rel_en)
        self.assertEqual(response.status_code, 200)
        self.assertIn(b"Bola English", response.content)
