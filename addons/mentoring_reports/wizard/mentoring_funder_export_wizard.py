import base64
import io

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Domain

LANGS = [("en_US", "English"), ("fr_CA", "French (Canada)")]


class MentoringFunderExportWizard(models.TransientModel):
    """Funder workbook: summary (counts, rates, totals as formulas) and detail sheets.

    Everything is read with the user's environment (never sudo), so record rules apply:
    an agency referrer gets only their agency's figures."""

    _name = "mentoring.funder.export.wizard"
    _description = "Funder XLSX export"

    program_ids = fields.Many2many(
        "mentoring.program",
        string="Programs",
        help="Leave empty for every program you may report on.",
    )
    date_from = fields.Date(string="From")
    date_to = fields.Date(string="To")
    lang = fields.Selection(
        LANGS, string="Language", required=True, default=lambda self: self._default_lang()
    )
    xlsx_file = fields.Binary(string="Workbook", readonly=True, attachment=False)
    xlsx_filename = fields.Char(readonly=True)

    @api.model
    def _default_lang(self):
        return "fr_CA" if (self.env.lang or "").startswith("fr") else "en_US"

    # -- scope -------------------------------------------------------------------------

    def _check_export_rights(self):
        user = self.env.user
        if user.has_group("mentoring_base.group_mentoring_manager"):
            return
        if user.has_group("mentoring_base.group_mentoring_coordinator"):
            foreign = self.program_ids.filtered(lambda program: user not in program.coordinator_ids)
            if foreign:
                raise AccessError(
                    self.env._(
                        "Only the coordinators of a program and managers may export its "
                        "figures: %(programs)s.",
                        programs=", ".join(foreign.mapped("name")),
                    )
                )
            return
        if user.has_group("mentoring_base.group_mentoring_agency_referrer"):
            return
        raise AccessError(
            self.env._(
                "The funder export contains personal data: only program coordinators, "
                "managers and agency referrers may produce it."
            )
        )

    def _programs(self):
        """Selected programs, or those the user may report on."""
        if self.program_ids:
            return self.program_ids
        Program = self.env["mentoring.program"]
        user = self.env.user
        if user.has_group("mentoring_base.group_mentoring_coordinator") and not user.has_group(
            "mentoring_base.group_mentoring_manager"
        ):
            return Program.search([("coordinator_ids", "in", user.ids)])
        return Program.search([("active", "=", True)])

    def _period(self, field):
        domain = Domain.TRUE
        if self.date_from:
            domain &= Domain(field, ">=", self.date_from)
        if self.date_to:
            domain &= Domain(field, "<=", self.date_to)
        return domain

    def _domain_relationships(self):
        """Relationships starting in the period (planned start, set to the agreement date)."""
        return Domain("program_id", "in", self._programs().ids) & self._period("planned_start")

    def _domain_referrals(self):
        return Domain("program_id", "in", self._programs().ids) & self._period("date_submitted")

    def _domain_outcomes(self):
        return Domain("program_id", "in", self._programs().ids) & self._period("due_date")

    def _domain_sessions(self):
        domain = Domain("program_id", "in", self._programs().ids)
        if self.date_from:
            domain &= Domain("date", ">=", fields.Datetime.to_datetime(self.date_from))
        if self.date_to:
            end = fields.Datetime.to_datetime(self.date_to).replace(hour=23, minute=59, second=59)
            domain &= Domain("date", "<=", end)
        return domain

    def _domain_attendances(self):
        domain = Domain("program_id", "in", self._programs().ids)
        if self.date_from:
            domain &= Domain("session_date", ">=", fields.Datetime.to_datetime(self.date_from))
        if self.date_to:
            end = fields.Datetime.to_datetime(self.date_to).replace(hour=23, minute=59, second=59)
            domain &= Domain("session_date", "<=", end)
        return domain

    # -- figures -----------------------------------------------------------------------

    def _by_program(self, model, domain, aggregates):
        Model = self.env[model]
        if not Model.has_access("read"):
            return {}
        return {
            program.id: values
            for program, *values in Model._read_group(domain, ["program_id"], aggregates)
        }

    def _summary_rows(self):
        """One row per program: the figures the analyses show for the same filters."""
        relationships = self._by_program(
            "mentoring.relationship",
            self._domain_relationships(),
            ["__count", "completed_count:sum", "hours_total:sum", "weeks_met:sum"],
        )
        referrals = self._by_program(
            "mentoring.referral",
            self._domain_referrals(),
            ["__count", "accepted_count:sum"],
        )
        decided = self._by_program(
            "mentoring.referral",
            self._domain_referrals() & Domain("decided", "=", True),
            ["__count"],
        )
        outcomes = self._by_program(
            "mentoring.outcome",
            self._domain_outcomes() & Domain("state", "=", "done"),
            ["__count", "employed_count:sum", "in_field_count:sum"],
        )
        attendances = self._by_program(
            "mentoring.session.attendance",
            self._domain_attendances(),
            ["registered_count:sum", "attended_count:sum"],
        )
        rows = []
        for program in self._programs().with_context(lang=self.lang).sorted("name"):
            rel = relationships.get(program.id, [0, 0, 0.0, 0])
            ref = referrals.get(program.id, [0, 0])
            out = outcomes.get(program.id, [0, 0, 0])
            att = attendances.get(program.id, [0, 0])
            rows.append(
                [
                    program.name,
                    rel[0],
                    rel[1],
                    round(rel[2] or 0.0, 2),
                    rel[3],
                    ref[0],
                    decided.get(program.id, [0])[0],
                    ref[1],
                    out[0],
                    out[1],
                    out[2],
                    att[0],
                    att[1],
                ]
            )
        return rows

    # -- workbook ----------------------------------------------------------------------

    def action_export(self):
        self.ensure_one()
        self._check_export_rights()
        wizard = self.with_context(lang=self.lang)
        content = wizard._build_workbook()
        self.write(
            {
                "xlsx_file": base64.b64encode(content),
                "xlsx_filename": wizard._filename(),
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def _filename(self):
        period = "-".join(str(date) for date in (self.date_from, self.date_to) if date)
        return "{}{}.xlsx".format(self.env._("funder-report"), f"-{period}" if period else "")

    def _build_workbook(self):
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise UserError(self.env._("The period ends before it starts."))
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        styles = {
            "header": workbook.add_format(
                {"bold": True, "bg_color": "#DCE6F1", "border": 1, "text_wrap": True}
            ),
            "total": workbook.add_format({"bold": True, "top": 1}),
            "percent": workbook.add_format({"num_format": "0.0%"}),
            "percent_total": workbook.add_format({"num_format": "0.0%", "bold": True, "top": 1}),
            "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
            "hours": workbook.add_format({"num_format": "0.00"}),
        }
        self._write_summary(workbook, styles)
        self._write_participants(workbook, styles)
        self._write_relationships(workbook, styles)
        self._write_outcomes(workbook, styles)
        if self.env["mentoring.session"].has_access("read"):
            self._write_sessions(workbook, styles)
        workbook.close()
        return output.getvalue()

    def _sheet(self, workbook, styles, name, headers, widths=None):
        sheet = workbook.add_worksheet(name)
        sheet.write_row(0, 0, headers, styles["header"])
        sheet.set_row(0, 30)
        sheet.freeze_panes(1, 0)
        for col, _header in enumerate(headers):
            sheet.set_column(col, col, (widths or {}).get(col, 16))
        return sheet

    def _write_summary(self, workbook, styles):
        headers = [
            self.env._("Program"),
            self.env._("Relationships started"),
            self.env._("Completed"),
            self.env._("Hours met"),
            self.env._("Weeks with a meeting"),
            self.env._("Referrals submitted"),
            self.env._("Referrals decided"),
            self.env._("Referrals accepted"),
            self.env._("Outcomes recorded"),
            self.env._("Employed"),
            self.env._("Employed in field"),
            self.env._("Session registrations"),
            self.env._("Session attendances"),
            self.env._("Completion rate"),
            self.env._("Acceptance rate"),
            self.env._("Employment rate"),
            self.env._("In-field rate"),
            self.env._("Attendance rate"),
        ]
        sheet = self._sheet(workbook, styles, self.env._("Summary"), headers, {0: 36})
        rows = self._summary_rows()
        # rate columns: (column, numerator column, denominator column)
        rates = [(13, 2, 1), (14, 7, 6), (15, 9, 8), (16, 10, 8), (17, 12, 11)]

        def rate_formula(row, num, den):
            num_cell = xl_rowcol_to_cell(row, num)
            den_cell = xl_rowcol_to_cell(row, den)
            return f"=IF({den_cell}>0,{num_cell}/{den_cell},0)"

        for index, values in enumerate(rows, start=1):
            sheet.write_row(index, 0, values)
            sheet.write_number(index, 3, values[3], styles["hours"])
            for col, num, den in rates:
                value = values[num] / values[den] if values[den] else 0
                sheet.write_formula(
                    index, col, rate_formula(index, num, den), styles["percent"], value
                )
        total_row = len(rows) + 1
        sheet.write(total_row, 0, self.env._("Total"), styles["total"])
        for col in range(1, 13):
            total = sum(values[col] for values in rows)
            column = xl_col_to_name(col)
            sheet.write_formula(
                total_row,
                col,
                f"=SUM({column}2:{column}{total_row})",
                styles["total"],
                round(total, 2) if col == 3 else total,
            )
        for col, num, den in rates:
            num_total = sum(values[num] for values in rows)
            den_total = sum(values[den] for values in rows)
            sheet.write_formula(
                total_row,
                col,
                rate_formula(total_row, num, den),
                styles["percent_total"],
                num_total / den_total if den_total else 0,
            )
        period = " – ".join(str(date) for date in (self.date_from, self.date_to) if date)
        period = period or self.env._("all dates")
        sheet.write(total_row + 2, 0, self.env._("Period: %(period)s", period=period))

    def _relationships(self):
        return self.env["mentoring.relationship"].search(
            self._domain_relationships(), order="planned_start, id"
        )

    def _write_participants(self, workbook, styles):
        headers = [
            self.env._("Participant"),
            self.env._("Name"),
            self.env._("E-mail"),
            self.env._("Phone"),
            self.env._("Program"),
            self.env._("Referring agency"),
            self.env._("Service language"),
            self.env._("Target occupation (NOC)"),
            self.env._("Status"),
            self.env._("Consent to share"),
        ]
        sheet = self._sheet(workbook, styles, self.env._("Participants"), headers, {1: 28, 2: 28})
        mentees = self._relationships().mentee_id.sorted("id")
        languages = dict(mentees._fields["service_language"]._description_selection(self.env))
        states = dict(mentees._fields["state"]._description_selection(self.env))
        for row, mentee in enumerate(mentees, start=1):
            shared = mentee.consent_share
            sheet.write_row(
                row,
                0,
                [
                    f"P-{mentee.id:06d}",
                    mentee.name if shared else "",
                    (mentee.email or "") if shared else "",
                    (mentee.phone or "") if shared else "",
                    mentee.program_id.name or "",
                    mentee.referring_agency_id.name or "",
                    languages.get(mentee.service_language, ""),
                    mentee.target_noc_id.display_name or "",
                    states.get(mentee.state, ""),
                    self.env._("Yes") if shared else self.env._("No"),
                ],
            )
        total_row = len(mentees) + 1
        sheet.write(total_row, 0, self.env._("Total"), styles["total"])
        sheet.write_formula(
            total_row, 1, f"=COUNTA(A2:A{total_row})", styles["total"], len(mentees)
        )

    def _write_relationships(self, workbook, styles):
        headers = [
            self.env._("Participant"),
            self.env._("Mentor"),
            self.env._("Program"),
            self.env._("Stage"),
            self.env._("NOC major group"),
            self.env._("NAICS sector"),
            self.env._("Start"),
            self.env._("Closed on"),
            self.env._("Hours met"),
            self.env._("Weeks with a meeting"),
            self.env._("Meetings"),
            self.env._("Mentee satisfaction (1–5)"),
            self.env._("Mentor satisfaction (1–5)"),
        ]
        sheet = self._sheet(workbook, styles, self.env._("Relationships"), headers)
        relationships = self._relationships()
        for row, rel in enumerate(relationships, start=1):
            sheet.write(row, 0, f"P-{rel.mentee_id.id:06d}")
            sheet.write(row, 1, f"M-{rel.mentor_id.id:06d}")
            sheet.write(row, 2, rel.program_id.name or "")
            sheet.write(row, 3, rel.stage_id.name or "")
            sheet.write(row, 4, rel.noc_major_group_id.display_name or "")
            sheet.write(row, 5, rel.naics_sector_id.display_name or "")
            start = rel.agreement_date or rel.planned_start
            if start:
                sheet.write_datetime(row, 6, start, styles["date"])
            if rel.closed_on:
                sheet.write_datetime(row, 7, rel.closed_on, styles["date"])
            sheet.write_number(row, 8, rel.hours_total, styles["hours"])
            sheet.write_number(row, 9, rel.weeks_met)
            sheet.write_number(row, 10, rel.meeting_count)
            if rel.mentee_satisfaction:
                sheet.write_number(row, 11, rel.mentee_satisfaction)
            if rel.mentor_satisfaction:
                sheet.write_number(row, 12, rel.mentor_satisfaction)
        total_row = len(relationships) + 1
        sheet.write(total_row, 0, self.env._("Total"), styles["total"])
        sheet.write_formula(
            total_row, 1, f"=COUNTA(A2:A{total_row})", styles["total"], len(relationships)
        )
        for col, values in (
            (8, relationships.mapped("hours_total")),
            (9, relationships.mapped("weeks_met")),
            (10, relationships.mapped("meeting_count")),
        ):
            column = xl_col_to_name(col)
            sheet.write_formula(
                total_row, col, f"=SUM({column}2:{column}{total_row})", styles["total"], sum(values)
            )

    def _write_outcomes(self, workbook, styles):
        Outcome = self.env["mentoring.outcome"]
        headers = [
            self.env._("Participant"),
            self.env._("Program"),
            self.env._("Checkpoint"),
            self.env._("Due date"),
            self.env._("Status"),
            self.env._("Employment status"),
            self.env._("Employed in field"),
            self.env._("Days to employment"),
        ]
        sheet = self._sheet(workbook, styles, self.env._("Outcomes"), headers)
        outcomes = Outcome.search(self._domain_outcomes(), order="due_date, id")
        selection = {
            name: dict(Outcome._fields[name]._description_selection(self.env))
            for name in ("checkpoint", "state", "employment_status")
        }
        for row, outcome in enumerate(outcomes, start=1):
            sheet.write(row, 0, f"P-{outcome.mentee_id.id:06d}")
            sheet.write(row, 1, outcome.program_id.name or "")
            sheet.write(row, 2, selection["checkpoint"].get(outcome.checkpoint, ""))
            sheet.write_datetime(row, 3, outcome.due_date, styles["date"])
            sheet.write(row, 4, selection["state"].get(outcome.state, ""))
            sheet.write(row, 5, selection["employment_status"].get(outcome.employment_status, ""))
            sheet.write_number(row, 6, outcome.in_field_count)
            sheet.write_number(row, 7, outcome.days_to_employment)
        total_row = len(outcomes) + 1
        sheet.write(total_row, 0, self.env._("Total"), styles["total"])
        sheet.write_formula(
            total_row, 1, f"=COUNTA(A2:A{total_row})", styles["total"], len(outcomes)
        )
        sheet.write_formula(
            total_row,
            6,
            f"=SUM(G2:G{total_row})",
            styles["total"],
            sum(outcomes.mapped("in_field_count")),
        )

    def _write_sessions(self, workbook, styles):
        Session = self.env["mentoring.session"]
        headers = [
            self.env._("Session"),
            self.env._("Type"),
            self.env._("Date"),
            self.env._("Program"),
            self.env._("Registered"),
            self.env._("Attended"),
        ]
        sheet = self._sheet(workbook, styles, self.env._("Sessions"), headers, {0: 32})
        sessions = Session.search(self._domain_sessions(), order="date, id")
        types = dict(Session._fields["session_type"]._description_selection(self.env))
        for row, session in enumerate(sessions, start=1):
            sheet.write(row, 0, session.name)
            sheet.write(row, 1, types.get(session.session_type, ""))
            sheet.write_datetime(row, 2, session.date.date(), styles["date"])
            sheet.write(row, 3, session.program_id.name or "")
            sheet.write_number(row, 4, session.mentee_count)
            sheet.write_number(row, 5, session.attended_count)
        total_row = len(sessions) + 1
        sheet.write(total_row, 0, self.env._("Total"), styles["total"])
        for col, values in (
            (4, sessions.mapped("mentee_count")),
            (5, sessions.mapped("attended_count")),
        ):
            column = xl_col_to_name(col)
            sheet.write_formula(
                total_row, col, f"=SUM({column}2:{column}{total_row})", styles["total"], sum(values)
            )
