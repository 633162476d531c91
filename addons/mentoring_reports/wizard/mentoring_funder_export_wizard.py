from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Domain

from ..tools import period

LANGS = [("en_US", "English"), ("fr_CA", "French (Canada)")]
STAFF_GROUP = "mentoring_base.group_mentoring_coordinator"


# Summary sheet: the hours column, and each rate as (column, numerator, denominator).
SUMMARY_HOURS_COLUMN = 3
SUMMARY_RATES = [(13, 2, 1), (14, 7, 6), (15, 9, 8), (16, 10, 8), (17, 12, 11)]


def _rate_formula(row, num, den):
    """An Excel formula dividing two cells of ``row`` (0-based), 0 when the divisor is 0."""
    num_cell = xl_rowcol_to_cell(row, num)
    den_cell = xl_rowcol_to_cell(row, den)
    return f"=IF({den_cell}>0,{num_cell}/{den_cell},0)"


class MentoringFunderExportWizard(models.TransientModel):
    """Funder workbook: summary (counts, rates, totals as formulas) and detail sheets.

    Who sees what:

    - everything is read with the user's environment (never sudo), so record rules apply:
      an agency referrer's workbook holds only their own agency's people and figures;
    - the sheets that are not about one agency's people (mentors, sessions with their
      attendance counts over every agency) are for program staff only;
    - personal details (names, e-mails, phones, career objective, employer) of a mentee or
      a mentor appear only if that person consents to share them
      (:meth:`_consents_to_share`, the one check every sheet goes through); without
      consent the person is still counted, under an anonymous number;
    - the workbook is kept on the wizard, which only its author can read (see
      ``mentoring.reports.xlsx.mixin``); all text is written as text, never as a formula.
    """

    _name = "mentoring.funder.export.wizard"
    _inherit = ["mentoring.reports.xlsx.mixin"]
    _description = "Funder XLSX export"

    program_ids = fields.Many2many(
        "mentoring.program",
        string="Programs",
        help="Leave empty for every program you may report on.",
    )
    # The last complete quarter by default: what funders usually ask for.
    date_from = fields.Date(string="From", default=lambda self: self._default_period()[0])
    date_to = fields.Date(string="To", default=lambda self: self._default_period()[1])
    lang = fields.Selection(
        LANGS, string="Language", required=True, default=lambda self: self._default_lang()
    )

    @api.model
    def _default_lang(self):
        return "fr_CA" if (self.env.lang or "").startswith("fr") else "en_US"

    @api.model
    def _default_period(self):
        """``(first, last)`` days of the last complete calendar quarter, as of the user's
        today."""
        return period.last_complete_quarter(fields.Date.context_today(self))

    def _tz(self):
        """The time zone the user reads dates in (as ``fields.Datetime.context_timestamp``
        does): the context's, else the user's; UTC when neither is set."""
        return self.env.context.get("tz") or self.env.user.tz or "UTC"

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
        """Relationships started in the period: both people signed the agreement, and the
        planned start (set to the agreement date, or later) falls in the period. A proposal
        never agreed is not a relationship started."""
        return (
            Domain("program_id", "in", self._programs().ids)
            & Domain("agreement_date", "!=", False)
            & self._period("planned_start")
        )

    def _domain_referrals(self):
        return Domain("program_id", "in", self._programs().ids) & self._period("date_submitted")

    def _domain_outcomes(self):
        return Domain("program_id", "in", self._programs().ids) & self._period("due_date")

    def _period_datetime(self, field):
        """The period on a datetime ``field``: the user's local days from ``date_from`` to
        ``date_to`` (a session on 31 March at 8:30 p.m. in Toronto is in March, although
        stored as 1 April in UTC)."""
        start, end = period.utc_bounds(self.date_from, self.date_to, self._tz())
        domain = Domain.TRUE
        if start:
            domain &= Domain(field, ">=", start)
        if end:
            domain &= Domain(field, "<", end)
        return domain

    def _domain_sessions(self):
        return Domain("program_id", "in", self._programs().ids) & self._period_datetime("date")

    def _domain_attendances(self):
        return Domain("program_id", "in", self._programs().ids) & self._period_datetime(
            "session_date"
        )

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
            ["__count", "attended_count:sum"],
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

    # -- people ------------------------------------------------------------------------

    def _is_program_staff(self):
        """Coordinators and managers: they report on whole programs, not one agency."""
        return self.env.user.has_group(STAFF_GROUP)

    def _consents_to_share(self, person):
        """Whether the workbook may show who ``person`` (a mentee or a mentor) is.

        The one consent check of the export: every sheet that shows personal details goes
        through :meth:`_personal_details`, which asks this. A person who did not consent,
        or withdrew their consent, is still counted in every figure, under an anonymous
        number (``P-…`` for mentees, ``M-…`` for mentors).
        """
        return bool(person.consent_share)

    def _personal_details(self, person, field_names):
        """Values of ``field_names`` of ``person`` (a mentee or a mentor) for the workbook,
        or blanks when the person does not consent to share them."""
        if not self._consents_to_share(person):
            return [""] * len(field_names)
        values = []
        for name in field_names:
            value = person[name]
            if isinstance(value, models.BaseModel):
                value = value.display_name
            values.append(value or "")
        return values

    @staticmethod
    def _mentee_ref(mentee):
        return f"P-{mentee.id:06d}"

    @staticmethod
    def _mentor_ref(mentor):
        return f"M-{mentor.id:06d}"

    # -- workbook ----------------------------------------------------------------------

    def action_export(self):
        """Produce the workbook in the chosen language and show it for download."""
        self.ensure_one()
        self._check_export_rights()
        wizard = self.with_context(lang=self.lang)
        return self._store_workbook(wizard._build_workbook(), wizard._filename())

    def _filename(self):
        period = "-".join(str(date) for date in (self.date_from, self.date_to) if date)
        return "{}{}.xlsx".format(self.env._("funder-report"), f"-{period}" if period else "")

    def _build_workbook(self):
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise UserError(self.env._("The period ends before it starts."))
        book = self._new_workbook()
        styles = {
            "header": book.add_format(
                {"bold": True, "bg_color": "#DCE6F1", "border": 1, "text_wrap": True}
            ),
            "total": book.add_format({"bold": True, "top": 1}),
            "percent": book.add_format({"num_format": "0.0%"}),
            "percent_total": book.add_format({"num_format": "0.0%", "bold": True, "top": 1}),
            "date": book.add_format({"num_format": "yyyy-mm-dd"}),
            "hours": book.add_format({"num_format": "0.00"}),
        }
        self._write_summary(book, styles)
        self._write_participants(book, styles)
        self._write_relationships(book, styles)
        self._write_outcomes(book, styles)
        if self._is_program_staff():
            if self.env["mentoring.mentor"].has_access("read"):
                self._write_mentors(book, styles)
            if self.env["mentoring.session"].has_access("read"):
                self._write_sessions(book, styles)
        return book.close()

    def _sheet(self, book, styles, name, headers, widths=None):
        sheet = book.add_worksheet(name)
        book.text_row(sheet, 0, 0, headers, styles["header"])
        sheet.set_row(0, 30)
        sheet.freeze_panes(1, 0)
        for col, _header in enumerate(headers):
            sheet.set_column(col, col, (widths or {}).get(col, 16))
        return sheet

    def _write_count_total(self, book, styles, sheet, count):
        """The "Total" row under a detail sheet: the number of rows, as a formula."""
        total_row = count + 1
        book.text(sheet, total_row, 0, self.env._("Total"), styles["total"])
        sheet.write_formula(total_row, 1, f"=COUNTA(A2:A{total_row})", styles["total"], count)
        return total_row

    def _summary_headers(self):
        return [
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

    def _write_summary(self, book, styles):
        """The Summary sheet: one row of counts and rates per program, then the totals."""
        sheet = self._sheet(book, styles, self.env._("Summary"), self._summary_headers(), {0: 36})
        rows = self._summary_rows()
        for index, values in enumerate(rows, start=1):
            book.text(sheet, index, 0, values[0])
            for col in range(1, SUMMARY_RATES[0][0]):
                style = styles["hours"] if col == SUMMARY_HOURS_COLUMN else None
                sheet.write_number(index, col, values[col] or 0, style)
            for col, num, den in SUMMARY_RATES:
                value = values[num] / values[den] if values[den] else 0
                sheet.write_formula(
                    index, col, _rate_formula(index, num, den), styles["percent"], value
                )
        total_row = len(rows) + 1
        self._write_summary_totals(book, sheet, styles, rows, total_row)
        period = " – ".join(str(date) for date in (self.date_from, self.date_to) if date)
        period = period or self.env._("all dates")
        book.text(sheet, total_row + 2, 0, self.env._("Period: %(period)s", period=period))

    def _write_summary_totals(self, book, sheet, styles, rows, total_row):
        """Sums of the counts and rates of the totals, as formulas with their values."""
        book.text(sheet, total_row, 0, self.env._("Total"), styles["total"])
        for col in range(1, SUMMARY_RATES[0][0]):
            total = sum(values[col] for values in rows)
            column = xl_col_to_name(col)
            sheet.write_formula(
                total_row,
                col,
                f"=SUM({column}2:{column}{total_row})",
                styles["total"],
                round(total, 2) if col == SUMMARY_HOURS_COLUMN else total,
            )
        for col, num, den in SUMMARY_RATES:
            num_total = sum(values[num] for values in rows)
            den_total = sum(values[den] for values in rows)
            sheet.write_formula(
                total_row,
                col,
                _rate_formula(total_row, num, den),
                styles["percent_total"],
                num_total / den_total if den_total else 0,
            )

    def _relationships(self):
        return self.env["mentoring.relationship"].search(
            self._domain_relationships(), order="planned_start, id"
        )

    def _write_participants(self, book, styles):
        headers = [
            self.env._("Participant"),
            self.env._("Name"),
            self.env._("E-mail"),
            self.env._("Phone"),
            self.env._("Career objective"),
            self.env._("Program"),
            self.env._("Referring agency"),
            self.env._("Service language"),
            self.env._("Target occupation (NOC)"),
            self.env._("Status"),
            self.env._("Consent to share"),
        ]
        sheet = self._sheet(
            book, styles, self.env._("Participants"), headers, {1: 28, 2: 28, 4: 40}
        )
        mentees = self._relationships().mentee_id.sorted("id")
        languages = dict(mentees._fields["service_language"]._description_selection(self.env))
        states = dict(mentees._fields["state"]._description_selection(self.env))
        for row, mentee in enumerate(mentees, start=1):
            book.text_row(
                sheet,
                row,
                0,
                [
                    self._mentee_ref(mentee),
                    *self._personal_details(mentee, ["name", "email", "phone", "career_objective"]),
                    mentee.program_id.name,
                    mentee.referring_agency_id.name,
                    languages.get(mentee.service_language),
                    mentee.target_noc_id.display_name,
                    states.get(mentee.state),
                    self.env._("Yes") if self._consents_to_share(mentee) else self.env._("No"),
                ],
            )
        self._write_count_total(book, styles, sheet, len(mentees))

    def _write_relationships(self, book, styles):
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
        sheet = self._sheet(book, styles, self.env._("Relationships"), headers)
        relationships = self._relationships()
        for row, rel in enumerate(relationships, start=1):
            book.text_row(
                sheet,
                row,
                0,
                [
                    self._mentee_ref(rel.mentee_id),
                    self._mentor_ref(rel.mentor_id),
                    rel.program_id.name,
                    rel.stage_id.name,
                    rel.noc_major_group_id.display_name,
                    rel.naics_sector_id.display_name,
                ],
            )
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
        total_row = self._write_count_total(book, styles, sheet, len(relationships))
        for col, values in (
            (8, relationships.mapped("hours_total")),
            (9, relationships.mapped("weeks_met")),
            (10, relationships.mapped("meeting_count")),
        ):
            column = xl_col_to_name(col)
            sheet.write_formula(
                total_row, col, f"=SUM({column}2:{column}{total_row})", styles["total"], sum(values)
            )

    def _write_mentors(self, book, styles):
        """Mentors of the relationships reported on, with the hours of those relationships
        only (not the mentor's hours in other programs or periods)."""
        Mentor = self.env["mentoring.mentor"]
        headers = [
            self.env._("Mentor"),
            self.env._("Name"),
            self.env._("E-mail"),
            self.env._("Phone"),
            self.env._("Employer"),
            self.env._("Recruitment source"),
            self.env._("Relationships"),
            self.env._("Hours met"),
            self.env._("Consent to share"),
        ]
        sheet = self._sheet(book, styles, self.env._("Mentors"), headers, {1: 28, 2: 28, 4: 28})
        relationships = self._relationships()
        mentors = relationships.mentor_id.sorted("id")
        sources = dict(Mentor._fields["recruitment_source"]._description_selection(self.env))
        counts = dict.fromkeys(mentors.ids, 0)
        hours = dict.fromkeys(mentors.ids, 0.0)
        for rel in relationships:
            counts[rel.mentor_id.id] += 1
            hours[rel.mentor_id.id] += rel.hours_total
        for row, mentor in enumerate(mentors, start=1):
            book.text_row(
                sheet,
                row,
                0,
                [
                    self._mentor_ref(mentor),
                    *self._personal_details(mentor, ["name", "email", "phone", "employer_id"]),
                    sources.get(mentor.recruitment_source),
                ],
            )
            sheet.write_number(row, 6, counts[mentor.id])
            sheet.write_number(row, 7, round(hours[mentor.id], 2), styles["hours"])
            book.text(
                sheet,
                row,
                8,
                self.env._("Yes") if self._consents_to_share(mentor) else self.env._("No"),
            )
        total_row = self._write_count_total(book, styles, sheet, len(mentors))
        for col, value in ((6, len(relationships)), (7, sum(relationships.mapped("hours_total")))):
            column = xl_col_to_name(col)
            sheet.write_formula(
                total_row, col, f"=SUM({column}2:{column}{total_row})", styles["total"], value
            )

    def _write_outcomes(self, book, styles):
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
        sheet = self._sheet(book, styles, self.env._("Outcomes"), headers)
        outcomes = Outcome.search(self._domain_outcomes(), order="due_date, id")
        selection = {
            name: dict(Outcome._fields[name]._description_selection(self.env))
            for name in ("checkpoint", "state", "employment_status")
        }
        for row, outcome in enumerate(outcomes, start=1):
            book.text_row(
                sheet,
                row,
                0,
                [
                    self._mentee_ref(outcome.mentee_id),
                    outcome.program_id.name,
                    selection["checkpoint"].get(outcome.checkpoint),
                ],
            )
            sheet.write_datetime(row, 3, outcome.due_date, styles["date"])
            book.text(sheet, row, 4, selection["state"].get(outcome.state))
            book.text(sheet, row, 5, selection["employment_status"].get(outcome.employment_status))
            sheet.write_number(row, 6, outcome.in_field_count)
            sheet.write_number(row, 7, outcome.days_to_employment)
        total_row = self._write_count_total(book, styles, sheet, len(outcomes))
        sheet.write_formula(
            total_row,
            6,
            f"=SUM(G2:G{total_row})",
            styles["total"],
            sum(outcomes.mapped("in_field_count")),
        )

    def _write_sessions(self, book, styles):
        """Sessions of the programs: program staff only (their attendance counts cover
        every agency's participants)."""
        Session = self.env["mentoring.session"]
        headers = [
            self.env._("Session"),
            self.env._("Type"),
            self.env._("Date"),
            self.env._("Program"),
            self.env._("Registered"),
            self.env._("Attended"),
        ]
        sheet = self._sheet(book, styles, self.env._("Sessions"), headers, {0: 32})
        sessions = Session.search(self._domain_sessions(), order="date, id")
        types = dict(Session._fields["session_type"]._description_selection(self.env))
        for row, session in enumerate(sessions, start=1):
            book.text_row(sheet, row, 0, [session.name, types.get(session.session_type)])
            local_date = period.local_date(session.date, self._tz())
            sheet.write_datetime(row, 2, local_date, styles["date"])
            book.text(sheet, row, 3, session.program_id.name)
            sheet.write_number(row, 4, session.mentee_count)
            sheet.write_number(row, 5, session.attended_count)
        total_row = len(sessions) + 1
        book.text(sheet, total_row, 0, self.env._("Total"), styles["total"])
        for col, values in (
            (4, sessions.mapped("mentee_count")),
            (5, sessions.mapped("attended_count")),
        ):
            column = xl_col_to_name(col)
            sheet.write_formula(
                total_row, col, f"=SUM({column}2:{column}{total_row})", styles["total"], sum(values)
            )
