from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import capacity
from .mentoring_person_mixin import lifecycle_field
from .mentoring_relationship import PENDING_STAGE_TYPES

MENTOR_STATES = [
    ("applicant", "Applicant"),
    ("screening", "Screening"),
    ("orientation", "Orientation"),
    ("available", "Available"),
    ("active", "Active"),
    ("paused", "Paused"),
    ("retired", "Retired"),
]


class MentoringMentor(models.Model):
    _name = "mentoring.mentor"
    _description = "Mentor"
    _inherit = ["mentoring.person.mixin", "mentoring.eligibility.mixin"]
    _inherits = {"res.partner": "partner_id"}
    _order = "name"
    _rec_names_search = ["name", "email", "noc_id.code"]
    _state_transitions = {
        "applicant": ("screening", "retired"),
        "screening": ("orientation", "retired"),
        "orientation": ("available", "retired"),
        "available": ("active", "paused", "retired"),
        "active": ("available", "paused", "retired"),
        "paused": ("available", "retired"),
        "retired": ("screening",),
    }

    partner_id = fields.Many2one(
        "res.partner", string="Contact record", required=True, ondelete="restrict", index=True
    )
    # Mentors recruited by staff start at screening; website applicants at "applicant".
    state = lifecycle_field(MENTOR_STATES, "screening")
    date_applicant = fields.Date(string="Applied on", copy=False)
    date_screening = fields.Date(string="Screening started on", copy=False)
    date_orientation = fields.Date(string="Orientation started on", copy=False)
    date_available = fields.Date(string="Available since", copy=False)
    date_active = fields.Date(string="Active since", copy=False)
    date_paused = fields.Date(string="Paused on", copy=False)
    date_retired = fields.Date(string="Retired on", copy=False)

    program_ids = fields.Many2many(
        "mentoring.program",
        "mentoring_mentor_program_rel",
        "mentor_id",
        "program_id",
        string="Programs",
    )
    employer_id = fields.Many2one(
        "res.partner",
        string="Current employer",
        domain=[("is_company", "=", True)],
        tracking=True,
        index=True,
    )
    noc_id = fields.Many2one("mentoring.noc", string="Occupation (NOC)", tracking=True, index=True)
    naics_id = fields.Many2one(
        "mentoring.naics", string="Industry (NAICS)", tracking=True, index=True
    )
    years_experience_region = fields.Integer(
        string="Years of experience in the region", tracking=True
    )
    professional_networks = fields.Text(
        help="Professional associations and networks the mentor belongs to."
    )
    max_mentees = fields.Integer(
        string="Maximum concurrent mentees", default=1, required=True, tracking=True
    )
    motivation = fields.Text(help="Why the person wants to mentor a newcomer.")
    availability = fields.Text(
        help="Other details about when and where the mentor can meet, e.g. downtown or "
        "online; the days and times are ticked in the weekly availability."
    )
    commitment_months = fields.Integer(
        string="Commitment (months)", default=3, help="How long the mentor commits to mentor."
    )
    recruitment_source = fields.Selection(
        [
            ("individual", "Individual"),
            ("corporate_partner", "Corporate partner"),
            ("association", "Association"),
            ("mentor_referral", "Mentor referral"),
            ("advertisement", "Advertisement"),
            ("email_campaign", "E-mail campaign"),
        ],
        tracking=True,
    )
    staff_meeting_date = fields.Date(string="One-on-one meeting with staff on", tracking=True)
    orientation_training_date = fields.Date(string="Orientation training on", tracking=True)
    workshop_first_date = fields.Date(
        string="Workshop, first half-day", help="Optional mentoring skills workshop."
    )
    workshop_second_date = fields.Date(string="Workshop, second half-day")
    orientation_step = fields.Selection(
        [
            ("staff_meeting", "Meeting with staff"),
            ("training", "Orientation training"),
            ("done", "Done"),
        ],
        string="Next orientation step",
        compute="_compute_orientation_step",
        store=True,
    )
    eligibility_result_ids = fields.One2many(
        "mentoring.eligibility.result", "mentor_id", string="Screening", copy=False
    )
    relationship_ids = fields.One2many(
        "mentoring.relationship", "mentor_id", string="Relationships"
    )
    active_mentee_count = fields.Integer(
        string="Active mentees",
        default=0,
        readonly=True,
        copy=False,
        help="Open relationships, kept in the database so that two coordinators confirming "
        "at the same moment cannot exceed the mentor's capacity.",
    )
    pending_mentee_count = fields.Integer(
        string="Pending proposals",
        compute="_compute_free_places",
        store=True,
        help="Proposals awaiting the mentee's and mentor's answers: each holds a place.",
    )
    free_places = fields.Integer(
        string="Free places",
        compute="_compute_free_places",
        store=True,
        help="Mentees the mentor can still take: maximum concurrent mentees minus active "
        "mentees and pending proposals.",
    )
    can_take_mentees = fields.Boolean(
        string="Can take mentees",
        compute="_compute_free_places",
        store=True,
        index=True,
        help="Available or active, with a free place: the mentor may be proposed a mentee.",
    )
    speaks_french = fields.Boolean(compute="_compute_speaks_french", store=True)

    _partner_uniq = models.Constraint(
        "UNIQUE(partner_id)", "This contact already has a mentor record."
    )
    _capacity = models.Constraint(
        "CHECK(active_mentee_count <= max_mentees)",
        "A mentor cannot have more active relationships than their maximum of mentees.",
    )

    @api.depends("staff_meeting_date", "orientation_training_date", "date_orientation")
    def _compute_orientation_step(self):
        for mentor in self:
            mentor.orientation_step_since = max(
                filter(None, (mentor.date_orientation, mentor.staff_meeting_date)), default=False
            )
            if not mentor.staff_meeting_date:
                mentor.orientation_step = "staff_meeting"
            elif not mentor.orientation_training_date:
                mentor.orientation_step = "training"
            else:
                mentor.orientation_step = "done"

    @api.depends("state", "max_mentees", "active_mentee_count", "relationship_ids.stage_type")
    def _compute_free_places(self):
        for mentor in self:
            mentor.pending_mentee_count = len(
                mentor.relationship_ids.filtered(lambda rel: rel.stage_type in PENDING_STAGE_TYPES)
            )
            mentor.free_places = capacity.free_places(
                mentor.max_mentees, mentor.active_mentee_count + mentor.pending_mentee_count
            )
            mentor.can_take_mentees = capacity.can_take_mentees(mentor.state, mentor.free_places)

    def _refresh_active_mentees(self):
        """Recount open relationships and store the count on the mentor's row.

        Writing the row serializes concurrent agreements for the same mentor, and the
        CHECK constraint refuses a count above ``max_mentees``."""
        counts = dict(
            self.env["mentoring.relationship"]._read_group(
                [("mentor_id", "in", self.ids), ("is_open", "=", True)], ["mentor_id"], ["__count"]
            )
        )
        for mentor in self:
            count = counts.get(mentor, 0)
            if count > mentor.max_mentees:
                raise ValidationError(
                    self.env._(
                        "%(person)s already has as many mentees as their maximum (%(count)s).",
                        person=mentor.display_name,
                        count=mentor.max_mentees,
                    )
                )
            vals = {"active_mentee_count": count}
            if count and mentor.state == "available":
                vals.update(state="active", date_active=fields.Date.context_today(self))
            elif not count and mentor.state == "active":
                vals.update(state="available", date_available=fields.Date.context_today(self))
            mentor.write(vals)
        self.flush_recordset(["active_mentee_count"])

    @api.model
    def get_import_templates(self):
        """The spreadsheet *Import records* offers: one column per field staff usually
        fill, occupation and industry as codes (``21231``, ``541514``)."""
        return [
            {
                "label": self.env._("Import Template for Mentors"),
                "template": "/mentoring_base/static/xls/mentoring_mentor_import_template.xlsx",
            }
        ]

    @api.model_create_multi
    def create(self, vals_list):
        mentors = super().create(vals_list)
        mentors.filtered(lambda mentor: mentor.state == "screening").action_check_eligibility()
        return mentors

    def write(self, vals):
        """Keep the screening up to date: a mentor in screening is checked against their
        programs' criteria when screening starts and whenever a value a criterion looks at
        (or their programs) changes, so staff see at once which criterion fails."""
        result = super().write(vals)
        screening = self.filtered(lambda mentor: mentor.state == "screening")
        if screening and not set(vals).isdisjoint(screening._screening_fields()):
            screening.action_check_eligibility()
        return result

    def _screening_fields(self):
        """Fields whose change makes a mentor in screening be checked again: the state
        (screening starts), the programs, and every field a mentor criterion looks at."""
        rules = self.env["mentoring.eligibility.rule"].sudo().search([("role", "=", "mentor")])
        return {"state", "program_ids", *rules.mapped("field_name")}

    def _eligibility_subject(self):
        programs = self.program_ids or self.env["mentoring.program"]._default_program()
        return self, programs, "mentor"

    @api.onchange("availability")
    def _onchange_availability(self):
        self._prefill_availability_slots()

    @api.depends("spoken_language_ids.code")
    def _compute_speaks_french(self):
        for mentor in self:
            mentor.speaks_french = "fr" in mentor.spoken_language_ids.mapped("code")

    @api.constrains("years_experience_region")
    def _check_years_experience(self):
        for mentor in self:
            if mentor.years_experience_region < 0:
                raise ValidationError(
                    self.env._(
                        "Years of experience in the region cannot be negative "
                        "(%(value)s was entered for %(person)s).",
                        value=mentor.years_experience_region,
                        person=mentor.display_name,
                    )
                )

    @api.constrains("max_mentees")
    def _check_max_mentees(self):
        for mentor in self:
            if mentor.max_mentees < 1:
                raise ValidationError(
                    self.env._(
                        "A mentor takes at least one mentee at a time "
                        "(%(value)s was entered for %(person)s).",
                        value=mentor.max_mentees,
                        person=mentor.display_name,
                    )
                )

    @api.constrains("commitment_months")
    def _check_commitment_months(self):
        for mentor in self:
            if mentor.commitment_months < 0:
                raise ValidationError(self.env._("The commitment cannot be negative."))

    def action_start_screening(self):
        """Start screening: the mentor is checked against their programs' criteria at
        once (see :meth:`write`), the result shown on the form."""
        return self._change_state("screening")

    def action_start_orientation(self):
        """Screening passed: the mentor meets every mandatory criterion of their programs
        (checked again now; the form already shows the last check)."""
        self.action_check_eligibility()
        for mentor in self:
            failed = mentor._failed_mandatory_criteria()
            if failed:
                raise UserError(
                    self.env._(
                        "%(person)s does not meet these mandatory criteria: %(criteria)s.",
                        person=mentor.display_name,
                        criteria=failed,
                    )
                )
        return self._change_state("orientation")

    def action_mark_available(self):
        self._check_orientation_done()
        return self._change_state("available")

    def action_mark_active(self):
        return self._change_state("active")

    def action_pause(self):
        return self._change_state("paused")

    def action_retire(self):
        return self._change_state("retired")
