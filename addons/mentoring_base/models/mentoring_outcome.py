from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.translate import LazyTranslate

from ..tools import schedule

_lt = LazyTranslate(__name__)

CHECKPOINTS = [
    ("exit", "At exit"),
    ("month_3", "3 months after"),
    ("month_6", "6 months after"),
    ("month_12", "12 months after"),
]


class MentoringOutcome(models.Model):
    _name = "mentoring.outcome"
    _description = "Employment outcome at a checkpoint"
    _inherit = ["mentoring.staff.language.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "due_date, id"

    relationship_id = fields.Many2one(
        "mentoring.relationship", required=True, ondelete="cascade", index=True
    )
    mentee_id = fields.Many2one(related="relationship_id.mentee_id", store=True, index=True)
    program_id = fields.Many2one(related="relationship_id.program_id", store=True, index=True)
    referring_agency_id = fields.Many2one(
        related="relationship_id.mentee_id.referring_agency_id", store=True, index=True
    )
    checkpoint = fields.Selection(CHECKPOINTS, required=True)
    due_date = fields.Date(required=True, index=True)
    state = fields.Selection(
        [("planned", "Planned"), ("requested", "Requested"), ("done", "Recorded")],
        string="Status",
        default="planned",
        required=True,
        tracking=True,
    )
    requested_on = fields.Date(copy=False)
    situation = fields.Selection(
        [
            ("employed", "Employed"),
            ("self_employed", "Self-employed"),
            ("in_school", "In school or training"),
            ("unemployed", "Unemployed"),
            ("unknown", "Unknown"),
        ],
        default="unknown",
        tracking=True,
    )
    employment_status = fields.Selection(
        [
            ("employed_in_field", "Employed in field"),
            ("employed_related", "Employed in a related field"),
            ("employed_outside", "Employed outside field"),
            ("in_school", "In school or training"),
            ("self_employed", "Self-employed"),
            ("unemployed", "Unemployed"),
            ("unknown", "Unknown"),
        ],
        compute="_compute_employment_status",
        store=True,
        index=True,
    )
    employer_name = fields.Char(string="Employer")
    job_title = fields.Char()
    job_noc_id = fields.Many2one("mentoring.noc", string="Job occupation (NOC)")
    start_date = fields.Date(string="Job start date")
    hours_per_week = fields.Float()
    wage_band = fields.Selection(
        [
            ("under_20", "Under $20 an hour"),
            ("20_30", "$20 to $30 an hour"),
            ("30_40", "$30 to $40 an hour"),
            ("over_40", "Over $40 an hour"),
        ]
    )
    interviews_count = fields.Integer(string="Interviews since the last checkpoint")
    in_field = fields.Boolean(compute="_compute_employment_status", store=True)
    days_to_employment = fields.Integer(
        compute="_compute_days_to_employment",
        store=True,
        aggregator="avg",
        help="From the day the mentee was ready for matching to the job's start date.",
    )

    _checkpoint_uniq = models.Constraint(
        "UNIQUE(relationship_id, checkpoint)", "Each checkpoint is recorded once."
    )

    @api.depends("situation", "job_noc_id.code", "mentee_id.target_noc_id.code")
    def _compute_employment_status(self):
        for outcome in self:
            if outcome.situation == "employed":
                match = schedule.field_match(
                    outcome.job_noc_id.code, outcome.mentee_id.target_noc_id.code
                )
                outcome.employment_status = {
                    "in_field": "employed_in_field",
                    "related": "employed_related",
                }.get(match, "employed_outside")
            else:
                outcome.employment_status = outcome.situation or "unknown"
            outcome.in_field = outcome.employment_status == "employed_in_field"

    @api.depends("start_date", "mentee_id.date_ready")
    def _compute_days_to_employment(self):
        for outcome in self:
            ready = outcome.mentee_id.date_ready
            outcome.days_to_employment = (
                (outcome.start_date - ready).days
                if outcome.start_date and ready and outcome.start_date >= ready
                else 0
            )

    def _staff_readers(self):
        return self.relationship_id._staff_readers()

    @api.depends("relationship_id", "checkpoint")
    @api.depends_context("lang")
    def _compute_display_name(self):
        labels = dict(self._fields["checkpoint"]._description_selection(self.env))
        for outcome in self:
            outcome.display_name = (
                f"{outcome.mentee_id.name} – {labels.get(outcome.checkpoint, '')}"
            )

    @api.constrains("hours_per_week", "interviews_count")
    def _check_numbers(self):
        for outcome in self:
            if outcome.hours_per_week < 0 or outcome.interviews_count < 0:
                raise ValidationError(
                    self.env._("Hours per week and interviews cannot be negative.")
                )

    def action_record(self):
        self.write({"state": "done"})
        return True

    @api.model
    def _outcome_request_template(self):
        """The ``mail.template`` asking the mentee about a due checkpoint (addons replace
        it, e.g. with a link to a form)."""
        return self.env.ref("mentoring_base.mail_template_outcome_request")

    @api.model
    def _cron_request_due_outcomes(self):
        """E-mail each mentee whose checkpoint is due, in their language, and give the
        coordinator a to-do, in the coordinator's language. A checkpoint is requested once:
        running it again sends nothing."""
        today = fields.Date.context_today(self)
        template = self._outcome_request_template()
        due = self.search([("state", "=", "planned"), ("due_date", "<=", today)])
        for outcome in due:
            template.send_mail(outcome.id, email_layout_xmlid="mail.mail_notification_light")
            outcome.write({"state": "requested", "requested_on": today})
            outcome._schedule_staff_todo(
                outcome.relationship_id.coordinator_id or self.env.user,
                "record_outcome",
                _lt("Record the employment outcome"),
            )
        return len(due)
