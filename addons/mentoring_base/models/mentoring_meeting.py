from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date
from odoo.tools.translate import LazyTranslate

from ..tools import schedule

_lt = LazyTranslate(__name__)


class MentoringMeeting(models.Model):
    _name = "mentoring.meeting"
    _description = "Mentoring meeting"
    _order = "date desc, id desc"

    relationship_id = fields.Many2one(
        "mentoring.relationship", required=True, ondelete="cascade", index=True
    )
    mentee_id = fields.Many2one(related="relationship_id.mentee_id", store=True, index=True)
    mentor_id = fields.Many2one(related="relationship_id.mentor_id", store=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    duration = fields.Float(string="Duration (hours)", default=1.0, required=True)
    mode = fields.Selection(
        [("in_person", "In person"), ("phone", "Phone"), ("video", "Video")],
        default="in_person",
        required=True,
    )
    topics = fields.Text()
    next_steps = fields.Text()
    goal_ids = fields.Many2many("mentoring.goal", string="Goals reviewed")

    @api.model_create_multi
    def create(self, vals_list):
        """Log the meetings; the coordinator's "no meeting logged" to-dos on their
        relationships are done (the silence is over)."""
        meetings = super().create(vals_list)
        meetings.relationship_id._close_staff_todos("no_meeting", _lt("Meeting logged"))
        return meetings

    @api.constrains("duration")
    def _check_duration(self):
        for meeting in self:
            if not 0 < meeting.duration <= schedule.MAX_MEETING_HOURS:
                raise ValidationError(
                    self.env._(
                        "A meeting lasts more than 0 and at most %(hours)s hours.",
                        hours=schedule.MAX_MEETING_HOURS,
                    )
                )

    @api.constrains("date")
    def _check_date_not_future(self):
        """A meeting is logged once it has taken place: its date is today or earlier, in
        the user's time zone (meetings to come are planned in the calendar)."""
        today = fields.Date.context_today(self)
        for meeting in self:
            if meeting.date and meeting.date > today:
                raise ValidationError(
                    self.env._(
                        "The meeting of %(date)s has not taken place yet: log a meeting once "
                        "it is over.",
                        date=format_date(self.env, meeting.date),
                    )
                )

    @api.depends("relationship_id", "date")
    def _compute_display_name(self):
        # The relationship's name as superuser: whoever reads the meeting may name it
        # (portal users read their meetings, not their relationships).
        for meeting in self:
            relationship = meeting.relationship_id.sudo()
            meeting.display_name = f"{relationship.name} – {meeting.date or ''}"
