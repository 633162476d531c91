import base64

from odoo import fields, models

from ..tools.workbook import SafeWorkbook

OWNER_RULE_DOMAIN = "[('create_uid', '=', user.id)]"


class MentoringReportsXlsxMixin(models.AbstractModel):
    """A wizard that produces an XLSX workbook for the user who asked for it.

    The workbook is kept in ``xlsx_file`` on the wizard record, and
    ``/web/content/<model>/<id>/xlsx_file`` serves it to whoever may read that record.
    Transient records are readable by every user of the model unless a rule says otherwise,
    so **each model inheriting this mixin declares the global record rule**
    ``[('create_uid', '=', user.id)]`` (no group: it binds managers and administrators too;
    only the superuser, e.g. the vacuum of old wizards, is above it). See
    ``security/mentoring_reports_rules.xml``; the test ``test_output_isolation`` fails for
    a model without it.

    Workbooks are written through :class:`~..tools.workbook.SafeWorkbook`: user text is
    always a string cell, never a formula.
    """

    _name = "mentoring.reports.xlsx.mixin"
    _description = "Workbook produced for its author"

    xlsx_file = fields.Binary(string="Workbook", readonly=True, attachment=False)
    xlsx_filename = fields.Char(string="File name", readonly=True)

    def _new_workbook(self):
        """An empty workbook whose text cells are always strings (see ``SafeWorkbook``)."""
        return SafeWorkbook()

    def _store_workbook(self, content, filename):
        """Keep the produced workbook on this wizard and show the wizard again to download
        it (only its author can: see the class docstring)."""
        self.ensure_one()
        self.write({"xlsx_file": base64.b64encode(content), "xlsx_filename": filename})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }
