from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .mentoring_person_mixin import lifecycle_field

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
    _inherit = ["mentoring.person.mixin"]
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
    state = lifecycle_field(MENTOR_STATES, "applicant")
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
    availability = fields.Text(help="When the mentor can meet, e.g. weekday evenings.")
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
    speaks_french = fields.Boolean(compute="_compute_speaks_french", store=True)

    _partner_uniq = models.Constraint(
        "UNIQUE(partner_id)", "This contact already has a mentor record."
    )

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
        return self._change_state("screening")

    def action_start_orientation(self):
        return self._change_state("orientation")

    def action_mark_available(self):
        return self._change_state("available")

    def action_mark_active(self):
        return self._change_state("active")

    def action_pause(self):
        return self._change_state("paused")

    def action_retire(self):
        return self._change_state("retired")
