from odoo import api, fields, models
from odoo.exceptions import ValidationError


class MentoringMeeting(models.Model):
    _inherit = "mentoring.meeting"

    calendar_event_id = fields.Many2one(
        "calendar.event",
        string="Calendar event",
        index="btree_not_null",
        ondelete="set null",
        copy=False,
        domain="[('mentoring_relationship_id', '=', relationship_id)]",
        help="The planned calendar meeting this meeting was logged from.",
    )

    _calendar_event_uniq = models.Constraint(
        "UNIQUE(calendar_event_id)",
        "This calendar event was already logged as a meeting.",
    )

    @api.constrains("calendar_event_id", "relationship_id")
    def _check_calendar_event_relationship(self):
        for meeting in self.filtered("calendar_event_id"):
            if meeting.calendar_event_id.mentoring_relationship_id != meeting.relationship_id:
                raise ValidationError(
                    self.env._(
                        "The calendar event “%(event)s” is not a meeting of %(relationship)s.",
                        event=meeting.calendar_event_id.sudo().name,
                        relationship=meeting.relationship_id.name,
                    )
                )
