from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.fields import Domain
from odoo.tests import Form, new_test_user, tagged
from odoo.tools import mute_logger

from .common import SHEET_NS, ReportsCase

SUMMARY_COLUMNS = {
    "relationships": 2,
    "completed": 3,
    "hours": 4,
    "weeks": 5,
    "referrals": 6,
}


@tagged("post_install", "-at_install")
class TestFunderExport(ReportsCase):
    def test_summary_totals_equal_orm(self):
        wizard, formulas, values, _content = self._export(
            self.coordinator, program_ids=[(6, 0, self.program.ids)]
        )
        self.assertEqual(
            formulas.sheetnames,
            ["Summary", "Participants", "Relationships", "Outcomes", "Mentors", "Sessions"],
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

    def test_people_without_consent_are_anonymous_but_counted(self):
        self.mentee_b.career_objective = "Bola's private objective"
        _wizard, _formulas, values, _content = self._export(
            self.manager, program_ids=[(6, 0, self.program.ids)]
        )
        participants = self._rows_by_ref(values["Participants"])
        shared = participants[f"P-{self.mentee.id:06d}"]
        self.assertEqual(shared[1].value, "Amina Ready")
        self.assertEqual(shared[2].value, "amina@example.com")
        self.assertEqual(shared[10].value, "Yes")
        hidden = participants[f"P-{self.mentee_b.id:06d}"]
        self.assertEqual([cell.value for cell in hidden[1:5]], [None] * 4)
        self.assertEqual(hidden[6].value, self.agency_b.name, "still counted per agency")
        self.assertEqual(hidden[10].value, "No")
        mentors = self._rows_by_ref(values["Mentors"])
        jean = mentors[f"M-{self.mentor.id:06d}"]
        self.assertEqual(
            [cell.value for cell in jean[1:5]],
            ["Jean Available", "jean@example.com", None, self.employer.name],
        )
        paul = mentors[f"M-{self.other_mentor.id:06d}"]
        self.assertEqual([cell.value for cell in paul[1:5]], [None] * 4)
        self.assertEqual((paul[6].value, paul[7].value), (1, 14), "his figures stay")
        text = self._all_text(values)
        for secret in ("Bola English", "bola@example.com", "Bola's private objective"):
            self.assertNotIn(secret, text)
        for secret in ("Paul Available", "paul@example.com"):
            self.assertNotIn(secret, text)
        # Everybody counts: 3 participants, 3 mentors, 3 relationships in the totals.
        for sheet in ("Participants", "Mentors", "Relationships"):
            sheet_values = values[sheet]
            self.assertEqual(sheet_values.cell(self._total_row(sheet_values), 2).value, 3)
        summary = values["Summary"]
        self.assertEqual(
            summary.cell(self._total_row(summary), SUMMARY_COLUMNS["relationships"]).value, 3
        )

    def test_withdrawn_consent_hides_details_at_once(self):
        """mentoring_privacy withdraws consent by clearing consent_share: the next
        workbook no longer shows the person, on any sheet."""
        self.mentee.consent_share = False
        self.mentor.consent_share = False
        _wizard, _formulas, values, _content = self._export(self.manager)
        text = self._all_text(values)
        for secret in ("Amina Ready", "amina@example.com", "Jean Available", "jean@example.com"):
            self.assertNotIn(secret, text)
        self.assertIn(f"P-{self.mentee.id:06d}", self._rows_by_ref(values["Participants"]))
        self.assertIn(f"M-{self.mentor.id:06d}", self._rows_by_ref(values["Mentors"]))

    def test_user_text_is_never_a_formula(self):
        program = self.env["mentoring.program"].create(
            {"name": "-2+3 program", "operator_id": self.operator.id}
        )
        program.coordinator_ids = self.coordinator
        mentee = self._ready_mentee(
            self.env, '=HYPERLINK("http://x","y")', self.agency_a, program=program
        )
        mentee.write(
            {
                "career_objective": "+1+1",
                "email": "@SUM(1,1)@example.com",
                "phone": "\t=1+1",
                "consent_share": True,
                "consent_date": date.today(),
            }
        )
        mentor = self._available_mentor(self.env, "@SUM(A1:A9)")
        mentor.write({"consent_share": True, "consent_date": date.today()})
        relationship = self._agree(
            self.env["mentoring.relationship"].create(
                {"mentee_id": mentee.id, "mentor_id": mentor.id, "program_id": program.id}
            )
        )
        _wizard, formulas, _values, content = self._export(
            self.coordinator, program_ids=[(6, 0, program.ids)]
        )
        participants = formulas["Participants"]
        row = next(iter(self._rows_by_ref(participants).values()))
        expected = {
            1: '=HYPERLINK("http://x","y")',
            2: "@SUM(1,1)@example.com",
            3: "\t=1+1",
            4: "+1+1",
            5: "-2+3 program",
        }
        for col, text in expected.items():
            cell = row[col]
            with self.subTest(cell=cell.coordinate):
                self.assertEqual(cell.value, text)
                self.assertEqual(cell.data_type, "s", "a string cell, not a formula")
                xml = self._cell_xml(content, "Participants", cell.coordinate)
                self.assertEqual(xml.get("t"), "s")
                self.assertIsNone(xml.find("m:f", SHEET_NS), "no formula in the file")
        mentor_row = next(iter(self._rows_by_ref(formulas["Mentors"]).values()))
        self.assertEqual((mentor_row[1].value, mentor_row[1].data_type), ("@SUM(A1:A9)", "s"))
        summary = formulas["Summary"]
        self.assertEqual((summary["A2"].value, summary["A2"].data_type), ("-2+3 program", "s"))
        # The workbook's own totals and rates are still formulas.
        total = self._total_row(summary)
        self.assertEqual(summary.cell(total, 2).data_type, "f")
        self.assertEqual(summary.cell(2, 14).data_type, "f")
        xml = self._cell_xml(content, "Summary", summary.cell(total, 2).coordinate)
        self.assertEqual(xml.find("m:f", SHEET_NS).text, f"SUM(B2:B{total - 1})")
        self.assertTrue(relationship)

    def test_period_filter(self):
        wizard, _formulas, values, _content = self._export(
            self.manager, date_from="2001-01-01", date_to="2001-12-31"
        )
        summary = values["Summary"]
        total = self._total_row(summary)
        self.assertEqual(summary.cell(total, SUMMARY_COLUMNS["relationships"]).value, 0)
        self.assertEqual(
            self.env["mentoring.relationship"].search_count(wizard._domain_relationships()), 0
        )

    def test_french_workbook(self):
        _wizard, formulas, _values, _content = self._export(self.manager, lang="fr_CA")
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
        _wizard, _formulas, values, _content = self._export(other_coordinator)
        summary = values["Summary"]
        self.assertEqual(
            summary.cell(self._total_row(summary), SUMMARY_COLUMNS["relationships"]).value,
            0,
            "a coordinator without programs reports on nothing",
        )

    def test_agency_referrer_sees_own_agency(self):
        """Every sheet of a referrer's workbook holds only their own agency's people."""
        wizard, _formulas, values, _content = self._export(self.referrer_a)
        self.assertEqual(
            values.sheetnames,
            ["Summary", "Participants", "Relationships", "Outcomes"],
            "mentors and sessions are program-wide: staff only",
        )
        summary = values["Summary"]
        total = self._total_row(summary)
        own = self.env["mentoring.relationship"].search_count(
            wizard._domain_relationships() & Domain("referring_agency_id", "=", self.agency_a.id)
        )
        self.assertEqual(own, 2)
        self.assertEqual(summary.cell(total, SUMMARY_COLUMNS["relationships"]).value, own)
        own_refs = {f"P-{mentee.id:06d}" for mentee in (self.mentee, self.mentee_c)}
        for sheet in ("Participants", "Relationships", "Outcomes"):
            with self.subTest(sheet=sheet):
                refs = {
                    row[0].value
                    for row in values[sheet].iter_rows(min_row=2)
                    if str(row[0].value or "").startswith("P-")
                }
                self.assertLessEqual(refs, own_refs)
        self.assertEqual(set(self._rows_by_ref(values["Participants"])), own_refs)
        text = self._all_text(values)
        for foreign in (
            f"P-{self.mentee_b.id:06d}",
            f"M-{self.other_mentor.id:06d}",
            "Bola English",
            "bola@example.com",
            self.agency_b.name,
        ):
            self.assertNotIn(foreign, text)
        self.assertIn("Amina Ready", text, "own client who consented")
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

    def test_referrer_without_agency_exports_nothing(self):
        nobody = new_test_user(
            self.env,
            login="referrer_no_agency",
            groups="mentoring_base.group_mentoring_agency_referrer",
        )
        nobody.partner_id.parent_id = self.agency_a  # the contact's company does not count
        _wizard, _formulas, values, _content = self._export(nobody)
        summary = values["Summary"]
        total = self._total_row(summary)
        for column in SUMMARY_COLUMNS.values():
            self.assertEqual(summary.cell(total, column).value, 0)
        self.assertFalse(self._rows_by_ref(values["Participants"]))
        self.assertNotIn("Amina Ready", self._all_text(values))
        self.assertFalse(self.env["mentoring.evaluation.report"].with_user(nobody).search_count([]))

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

    def test_evaluation_summary_respects_consent_withdrawal(self):
        """The referring agency reads its clients' evaluations until consent is withdrawn."""
        self.env["mentoring.checkin"].create(
            {"relationship_id": self.rel_open.id, "mentee_rating": 3, "period": "2026-02"}
        )
        self.env.flush_all()
        mentee = self.rel_open.mentee_id
        referrer = self._agency_user("evaluation_referrer", mentee.referring_agency_id)
        domain = [("relationship_id.mentee_id", "=", mentee.id)]
        Evaluation = self.env["mentoring.evaluation.report"].with_user(referrer)
        self.assertTrue(Evaluation.search_count(domain))
        mentee.sudo().consent_withdrawn_date = "2026-03-01"
        self.assertFalse(Evaluation.search_count(domain))
        self.assertTrue(self.env["mentoring.evaluation.report"].search_count(domain))

    def test_all_programs_rows_equal_pivot(self):
        """Every program's row equals the relationship pivot grouped by program (demo data
        included when the database has it)."""
        wizard, _formulas, values, _content = self._export(self.manager)
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

    def test_default_period_is_the_last_complete_quarter(self):
        Wizard = self.env["mentoring.funder.export.wizard"].with_user(self.manager)
        with freeze_time("2026-05-15"):
            form = Form(Wizard)
            self.assertEqual((form.date_from, form.date_to), (date(2026, 1, 1), date(2026, 3, 31)))
        with freeze_time("2026-01-10"):
            wizard = Wizard.create({"lang": "en_US"})
            self.assertEqual(
                (wizard.date_from, wizard.date_to), (date(2025, 10, 1), date(2025, 12, 31))
            )

    def test_relationships_started_are_agreements(self):
        """A proposal nobody agreed to yet (or ever) is not a relationship started: not in
        the summary, nor on the detail sheets."""
        proposal = self.env["mentoring.relationship"].create(
            {
                "mentee_id": self._ready_mentee(self.env, "Dana Proposed", self.agency_a).id,
                "mentor_id": self._available_mentor(self.env, "Fourth Mentor").id,
                "program_id": self.program.id,
            }
        )
        wizard, _formulas, values, _content = self._export(
            self.manager, program_ids=[(6, 0, self.program.ids)]
        )
        summary = values["Summary"]
        total = self._total_row(summary)
        self.assertEqual(summary.cell(total, SUMMARY_COLUMNS["relationships"]).value, 3)
        self.assertNotIn(proposal, wizard._relationships())
        self.assertEqual(
            wizard._relationships(), self.rel_fr | self.rel_en | self.rel_open, "the agreements"
        )
        self.assertNotIn(
            f"P-{proposal.mentee_id.id:06d}", self._rows_by_ref(values["Participants"])
        )
        relationships = values["Relationships"]
        self.assertEqual(relationships.cell(self._total_row(relationships), 2).value, 3)

    def test_self_referral_is_counted(self):
        """A self-referral (no agency) counts in the program's referrals, for program
        staff; an agency referrer's workbook leaves it out."""

        def referrals_submitted(user):
            _wizard, _formulas, values, _content = self._export(user)
            summary = values["Summary"]
            return summary.cell(self._total_row(summary), SUMMARY_COLUMNS["referrals"]).value

        before = {user: referrals_submitted(user) for user in (self.manager, self.referrer_a)}
        Referral = self.env["mentoring.referral"]
        mentee = self.env["mentoring.mentee"].create(
            {
                "name": "Sam Self-Referred",
                "self_referred": True,
                "program_id": self.program.id,
                "referral_ids": [Command.create(Referral._self_referral_values(self.program))],
            }
        )
        self.assertRecordValues(mentee.referral_ids, [{"agency_id": False, "state": "submitted"}])
        self.assertEqual(referrals_submitted(self.manager), before[self.manager] + 1)
        self.assertEqual(referrals_submitted(self.referrer_a), before[self.referrer_a])

    def test_evening_session_belongs_to_the_local_day(self):
        """A group session on 31 March at 8:30 p.m. in Toronto (1 April, 00:30 UTC) is a
        March session, dated 31 March (it was dated 1 April and left out of March)."""
        self.manager.tz = "America/Toronto"
        self.env["mentoring.session"].create(
            {
                "name": "Evening group session",
                "program_id": self.program.id,
                "date": "2026-04-01 00:30:00",
                "attendance_ids": [Command.create({"mentee_id": self.mentee_c.id})],
            }
        )
        program = [(6, 0, self.program.ids)]

        def sessions(**dates):
            _wizard, _formulas, values, _content = self._export(
                self.manager, program_ids=program, **dates
            )
            rows = {
                row[0].value: row[2].value
                for row in values["Sessions"].iter_rows(min_row=2)
                if row[0].value not in (None, "Total")
            }
            summary = values["Summary"]
            registrations = summary.cell(self._total_row(summary), 12).value
            return rows, registrations

        march, march_registrations = sessions(date_from="2026-03-01", date_to="2026-03-31")
        self.assertEqual(march, {"Evening group session": datetime(2026, 3, 31)})
        self.assertEqual(march_registrations, 1)
        april, april_registrations = sessions(date_from="2026-04-01", date_to="2026-04-30")
        self.assertEqual((april, april_registrations), ({}, 0))
