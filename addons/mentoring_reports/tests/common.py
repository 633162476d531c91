import base64
import io
import zipfile
from datetime import date, timedelta
from xml.etree import ElementTree

import openpyxl

from odoo.addons.mentoring_base.tests.test_relationship import RelationshipCase

SHEET_NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}


class ReportsCase(RelationshipCase):
    """Two completed relationships (agencies A and B, French and English mentees) with
    14 hours met over 7 weeks, and one still active. Amina (agency A) and her mentor Jean
    consent to share their details; Bola (agency B) and his mentor Paul do not."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The styles of the certificate are inline; wkhtmltopdf need not fetch the asset
        # bundles from the test server, which on a fresh database waits for this test's
        # transaction and never answers. A closed port makes it skip them at once.
        cls.env["ir.config_parameter"].set_param("report.url", "http://127.0.0.1:9")
        cls.env["res.lang"]._activate_lang("fr_CA")
        cls.env["ir.module.module"]._load_module_terms(
            ["mentoring_base", "mentoring_reports"], ["fr_CA"]
        )
        cls.operator.image_1920 = (
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
            "+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
        )
        cls.mentee.write(
            {
                "email": "amina@example.com",
                "lang": "fr_CA",
                "consent_share": True,
                "consent_date": date.today(),
            }
        )
        cls.other_mentor.lang = "en_US"
        cls.mentor.write(
            {
                "email": "jean@example.com",
                "employer_id": cls.employer.id,
                "consent_share": True,
                "consent_date": date.today(),
            }
        )
        cls.other_mentor.email = "paul@example.com"
        cls.mentee_b = cls._ready_mentee(cls.env, "Bola English", cls.agency_b)
        cls.mentee_b.write({"email": "bola@example.com", "lang": "en_US", "consent_share": False})
        cls.mentee_c = cls._ready_mentee(cls.env, "Chen Active", cls.agency_a)
        cls.third_mentor = cls._available_mentor(cls.env, "Marie Third")
        cls.rel_fr = cls._completed(cls.mentee, cls.mentor, satisfaction=5)
        cls.rel_en = cls._completed(cls.mentee_b, cls.other_mentor, satisfaction=3)
        cls.rel_open = cls._agreed(cls.mentee_c, cls.third_mentor)

    @classmethod
    def _agreed(cls, mentee, mentor):
        return cls._agreed_relationship(mentee, mentor, meetings=7, duration=2.0)

    @classmethod
    def _completed(cls, mentee, mentor, satisfaction):
        relationship = cls._agreed(mentee, mentor)
        relationship.with_context(force_report_rendering=True).action_close(
            "objectives_met", mentee_feedback="Very useful."
        )
        relationship.write(
            {"mentee_satisfaction": satisfaction, "mentor_satisfaction": satisfaction}
        )
        return relationship

    @staticmethod
    def _year_start():
        return date.today().replace(month=1, day=1) - timedelta(days=366)

    # -- funder workbook ----------------------------------------------------------------

    def _export(self, user, **vals):
        """Produce the funder workbook as ``user``: (wizard, formulas, values, content).

        Over all dates unless ``vals`` give a period (the wizard proposes the last
        complete quarter)."""
        Wizard = self.env["mentoring.funder.export.wizard"].with_user(user)
        wizard = Wizard.create({"lang": "en_US", "date_from": False, "date_to": False, **vals})
        wizard.action_export()
        content = base64.b64decode(wizard.xlsx_file)
        formulas = openpyxl.load_workbook(io.BytesIO(content))
        values = openpyxl.load_workbook(io.BytesIO(content), data_only=True)
        return wizard, formulas, values, content

    @staticmethod
    def _total_row(sheet):
        for row in sheet.iter_rows(min_row=2):
            if row[0].value in ("Total", "Totaux", "Total général"):
                return row[0].row
        raise AssertionError("no total row")

    @staticmethod
    def _rows_by_ref(sheet):
        """Detail rows keyed by their first cell (``P-…``/``M-…``), total row aside."""
        return {
            row[0].value: row
            for row in sheet.iter_rows(min_row=2)
            if row[0].value and str(row[0].value)[:2] in ("P-", "M-")
        }

    @staticmethod
    def _all_text(workbook):
        return "\n".join(
            str(cell.value)
            for sheet in workbook.worksheets
            for row in sheet.rows
            for cell in row
            if cell.value is not None
        )

    @staticmethod
    def _cell_xml(content, sheet_name, ref):
        """The ``<c>`` element of cell ``ref`` (e.g. "B2") of a sheet, read from the file."""
        with zipfile.ZipFile(io.BytesIO(content)) as xlsx:
            workbook = ElementTree.fromstring(xlsx.read("xl/workbook.xml"))
            rels = ElementTree.fromstring(xlsx.read("xl/_rels/workbook.xml.rels"))
            targets = {rel.get("Id"): rel.get("Target") for rel in rels}
            sheet = workbook.find(f".//m:sheet[@name='{sheet_name}']", SHEET_NS)
            target = targets[sheet.get(f"{{{SHEET_NS['r']}}}id")]
            root = ElementTree.fromstring(xlsx.read("xl/" + target.removeprefix("/xl/")))
        return root.find(f".//m:c[@r='{ref}']", SHEET_NS)
