from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.translate import LazyTranslate

from ..tools.rating import RATING_MAX, RATING_MIN

_lt = LazyTranslate(__name__)


class MentoringCheckin(models.Model):
    _name = "mentoring.checkin"
    _description = "Monthly check-in"
    _inherit = ["mentoring.staff.language.mixin", "mail.thread"]
    _order = "date desc, id desc"

    relationship_id = fields.Many2one(
        "mentoring.relationship", required=True, ondelete="cascade", index=True
    )
    program_id = fields.Many2one(related="relationship_id.program_id", store=True)
    coordinator_id = fields.Many2one(related="relationship_id.coordinator_id", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    period = fields.Char(
        compute="_compute_period", store=True, readonly=False, help="Month of the check-in."
    )
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done")],
        string="Status",
        default="planned",
        required=True,
    )
    mentee_rating = fields.Integer(string="Mentee rating (1–5)", aggregator="avg")
    mentor_rating = fields.Integer(string="Mentor rating (1–5)", aggregator="avg")
    progress = fields.Text()
    concerns = fields.Text()
    at_risk = fields.Boolean(tracking=True)

    _period_uniq = models.Constraint(
        "UNIQUE(relationship_id, period)", "A relationship has one check-in a month."
    )

    @api.depends("date")
    def _compute_period(self):
        for checkin in self:
            checkin.period = checkin.date.strftime("%Y-%m") if checkin.date else False

    @api.constrains("mentee_rating", "mentor_rating")
    def _check_ratings(self):
        for checkin in self:
            for rating in (checkin.mentee_rating, checkin.mentor_rating):
                if rating and not RATING_MIN <= rating <= RATING_MAX:
                    raise ValidationError(self.env._("Ratings go from 1 to 5."))

    def _staff_readers(self):
        return self.relationship_id._staff_readers()

    def _schedule_todo(self):
        """The coordinator's to-do for this month's check-in, in their language."""
        for checkin in self:
            checkin.relationship_id._schedule_coordinator_todo(
                f"checkin:{checkin.period}",
                _lt("Monthly check-in %s", checkin.period),
                checkin.date,
            )

    def action_done(self):
        self.write({"state": "done"})
        return True

    def _alert_if_at_risk(self):
        for checkin in self.filtered("at_risk"):
            checkin.relationship_id._schedule_coordinator_todo(
                "at_risk", _lt("Check-in flagged the relationship at risk")
            )

    @api.model_create_multi
    def create(self, vals_list):
        checkins = super().create(vals_list)
        checkins._alert_if_at_risk()
        return checkins

    def write(self, vals):
        res = super().write(vals)
        if vals.get("at_risk"):
            self._alert_if_at_risk()
        return res
