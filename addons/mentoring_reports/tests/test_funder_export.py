import base64
import io

import openpyxl

from odoo.exceptions import AccessError
from odoo.fields import Domain
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import ReportsCase

SUMMARY_COLUMNS = {
    "relationships": 2,
    "completed": 3,
    "hours": 4,
    "weeks": 5,
    "referrals": 6,
}


@tagged("post_install", "-at_install")
class TestFunderExport(ReportsCase):
    def _export(self, user, **vals):
        Wizard = self.env["mentoring.funder.export.wizard"].with_user(user)
        wizard = Wizard.create({"lang": "en_US", **vals})
        wizard.action_export()
        content = base64.b64decode(wizard.xlsx_file)
        formulas = openpyxl.load_workbook(io.BytesIO(content))
        values = openpyxl.load_workbook(io.BytesIO(content), data_only=True)
        return wizard, formulas, values

    @staticmethod
    def _total_row(sheet):
        for row in sheet.iter_rows(min_row=2):
            if row[0].value in ("Total", "Totaux", "Total général"):
                return row[0].row
        raise AssertionError("no total row")

    def test_summary_totals_equal_orm(self):
        wizard, formulas, values = self._export(
            self.coordinator, program_ids=[(6, 0, self.program.ids)]
        )
        self.assertEqual(
            formulas.sheetnames,
            ["Summary", "Participants", "Relationships", "Outcomes", "Sessions"],
        )
        summary, summary_values = formulas["Summary"], values["Summary"]
        self.assertEqual(summary.freeze_panes, "A2")
        self.assertTrue(summary["A1"].font.b, "bold headers")
        total = self._total_row(summary)
        self.assertTrue(str(summary.cell(total, 2).value).startswith("=SUM("))
        self.assertTrue(str(summary.cell(total, 14).value).startswith("=IF("))

        Relationship = self.env["mentoring.relationship"]
        domain = wizard._domain_relationships()
        self.assertEqual(
            summary_values.cell(total, SUMMARY_COLUMNS["relationships"]).value,
            Relationship.search_count(domain),
        )
        self.assertIn(self.rel_open, Relationship.search(domain))
        self.assertEqual(
            summary_values.cell(total, SUMMARY_COLUMNS["completed"]).value,
            Relationship.search_count(domain & Domain("stage_type", "=", "completed")),
        )
        # the pivot's figures: _read_group on the same filters
        [(hours, weeks, completed, satisfaction)] = Relationship._read_group(
            domain,
            [],
            ["hours_total:sum", "weeks_met:sum", "completed_count:sum", "mentee_satisfaction:avg"],
        )
        self.assertEqual(summary_values.cell(total, SUMMARY_COLUMNS["hours"]).value, hours)
        self.assertEqual(summary_values.cell(total, SUMMARY_COLUMNS["weeks"]).value, weeks)
        records = Relationship.search(domain)
        self.assertEqual(completed, len(records.filtered("certificate_earned")))
        self.assertEqual(hours, sum(records.mapped("hours_total")))
        rated = records.filtered("mentee_satisfaction").mapped("mentee_satisfaction")
        self.assertEqual(satisfaction, sum(rated) / len(rated), "average over rated ones")
        self.assertEqual(
            summary_values.cell(total, SUMMARY_COLUMNS["referrals"]).value,
            self.env["mentoring.referral"].search_count(wizard._domain_referrals()),
        )
        self.assertAlmostEqual(summary_values.cell(total, 14).value, 2 / 3)

        relationships = values["Relationships"]
        rel_total = self._total_row(relationships)
        self.assertEqual(rel_total - 2, Relationship.search_count(domain))
        self.assertEqual(relationships.cell(rel_total, 9).value, hours)
        outcomes = values["Outcomes"]
        self.assertEqual(
            self._total_row(outcomes) - 2,
            self.env["mentoring.outcome"].search_count(wizard._domain_outcomes()),
        )

    def test_participants_without_consent_are_anonymous(self):
        _wizard, _formulas, values = self._export(self.manager)
        sheet = values["Participants"]
        rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
        shared = rows[f"P-{self.mentee.id:06d}"]
        self.assertEqual(shared[1].value, "Amina Ready")
        self.assertEqual(shared[2].value, "amina@example.com")
        hidden = rows[f"P-{self.mentee_b.id:06d}"]
        self.assertFalse(hidden[1].value)
        self.assertFalse(hidden[2].value)
        all_text = " ".join(
            str(cell.value) for sheet in values.worksheets for row in sheet.rows for cell in row
        )
        self.assertNotIn("Bola English", all_text)
        self.assertNotIn("bola@example.com", all_text)

    def test_period_filter(self):
        wizard, _formulas, values = self._export(
            self.manager, date_from="2001-01-01", date_to="2001-12-31"
        )
        summary = values["Summary"]
        total = self._total_row(summary)
        self.assertEqual(summary.cell(total, SUMMARY_COLUMNS["relationships"]).value, 0)
        self.assertEqual(
            self.env["mentoring.relationship"].search_count(wizard._domain_relationships()), 0
        )

    def test_french_workbook(self):
        _wizard, formulas, _values = self._export(self.manager, lang="fr_CA")
        self.assertEqual(formulas.sheetnames[0], "Sommaire")

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
    def test_access_per_role(self):
        with self.assertRaises(AccessError):
            self._export(self.mentoring_user)
        other_program = self.env["mentoring.program"].create({"name": "Other program"})
        with self.assertRaises(AccessError):
            self._export(self.coordinator, program_ids=[(6, 0, other_program.ids)])
        other_coordinator = new_test_user(
            self.env, login="other_coordinator", groups="mentoring_base.group_mentoring_coordinator"
        )
        _wizard, _formulas, values = self._export(other_coordinator)
        summary = values["Summary"]
        self.assertEqual(
            summary.cell(self._total_row(summary), SUMMARY_COLUMNS["relationships"]).value,
            0,
            "a coordinator without programs reports on nothing",
        )

    def test_agency_referrer_sees_own_agency(self):
        wizard, _formulas, values = self._export(self.referrer_a)
        summary = values["Summary"]
        total = self._total_row(summary)
        own = self.env["mentoring.relationship"].search_count(
            wizard._domain_relationships() & Domain("referring_agency_id", "=", self.agency_a.id)
        )
        self.assertEqual(own, 2)
        self.assertEqual(summary.cell(total, SUMMARY_COLUMNS["relationships"]).value, own)
        self.assertNotIn("Sessions", values.sheetnames)
        participants = values["Participants"]
        ids = {row[0].value for row in participants.iter_rows(min_row=2)}
        self.assertNotIn(f"P-{self.mentee_b.id:06d}", ids)
        # the pivot as the referrer
        groups = (
            self.env["mentoring.relationship"]
            .with_user(self.referrer_a)
            ._read_group([], ["referring_agency_id"], ["__count"])
        )
        self.assertEqual([(agency, count) for agency, count in groups], [(self.agency_a, 2)])
        evaluation = (
            self.env["mentoring.evaluation.report"]
            .with_user(self.referrer_b)
            ._read_group([], ["source"], ["mentee_rating:avg", "__count"])
        )
        self.assertEqual(evaluation, [("closing", 3.0, 1)])

    def test_evaluation_summary(self):
        checkin = self.env["mentoring.checkin"].create(
            {
                "relationship_id": self.rel_open.id,
                "mentee_rating": 4,
                "mentor_rating": 2,
                "period": "2026-01",
            }
        )
        self.env.flush_all()
        Evaluation = self.env["mentoring.evaluation.report"]
        groups = {
            source: (rating, count)
            for source, rating, count in Evaluation._read_group(
                [("program_id", "=", self.program.id)],
                ["source"],
                ["mentee_rating:avg", "__count"],
            )
        }
        self.assertEqual(groups["closing"], (4.0, 2))
        self.assertEqual(groups["checkin"], (4.0, 1))
        self.assertTrue(checkin)

    def test_all_programs_rows_equal_pivot(self):
        """Every program's row equals the relationship pivot grouped by program (demo data
        included when the database has it)."""
        wizard, _formulas, values = self._export(self.manager)
        summary = values["Summary"]
        total = self._total_row(summary)
        rows = {
            summary.cell(row, 1).value: (
                summary.cell(row, SUMMARY_COLUMNS["relationships"]).value,
                summary.cell(row, SUMMARY_COLUMNS["hours"]).value,
            )
            for row in range(2, total)
        }
        Relationship = self.env["mentoring.relationship"]
        pivot = Relationship._read_group(
            wizard._domain_relationships(), ["program_id"], ["__count", "hours_total:sum"]
        )
        self.assertTrue(pivot)
        for program, count, hours in pivot:
            self.assertEqual(rows[program.name], (count, round(hours, 2)))
        self.assertEqual(
            summary.cell(total, SUMMARY_COLUMNS["relationships"]).value,
            Relationship.search_count(wizard._domain_relationships()),
        )
