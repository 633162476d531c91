from odoo import api, fields, models
from odoo.exceptions import AccessError

MANAGER_GROUP = "mentoring_base.group_mentoring_manager"
# Timings of the reminders: program managers set them, coordinators read them.
REMINDER_TIMING_FIELDS = ("nudge_after_days", "outcome_reminder_days")


class MentoringProgram(models.Model):
    _inherit = "mentoring.program"

    nudge_after_days = fields.Integer(
        string="Remind mentors after (days without a meeting)",
        default=14,
        required=True,
        tracking=True,
        help="A mentor whose relationship has had no meeting logged for this many days "
        "gets one reminder e-mail.",
    )
    outcome_reminder_days = fields.Integer(
        string="Remind mentees of outcome questions after (days)",
        default=7,
        required=True,
        tracking=True,
        help="A mentee who has not answered an employment outcome request this many days "
        "after it was sent gets one reminder e-mail.",
    )
    can_edit_reminder_timings = fields.Boolean(compute="_compute_can_edit_reminder_timings")

    _nudge_after_days_positive = models.Constraint(
        "CHECK(nudge_after_days > 0)",
        "The number of days before reminding a mentor must be positive.",
    )
    _outcome_reminder_days_positive = models.Constraint(
        "CHECK(outcome_reminder_days > 0)",
        "The number of days before reminding a mentee must be positive.",
    )

    @api.depends_context("uid")
    def _compute_can_edit_reminder_timings(self):
        allowed = self.env.su or self.env.user.has_group(MANAGER_GROUP)
        for program in self:
            program.can_edit_reminder_timings = allowed

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_reminder_timings_access(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_reminder_timings_access(vals)
        return super().write(vals)

    def _check_reminder_timings_access(self, vals):
        """Only program managers change the reminder timings.

        :raise AccessError: another user sets one of :data:`REMINDER_TIMING_FIELDS`
        """
        if self.env.su or self.env.user.has_group(MANAGER_GROUP):
            return
        if not set(vals).isdisjoint(REMINDER_TIMING_FIELDS):
            raise AccessError(
                self.env._("Only program managers can change the timings of reminders.")
            )
