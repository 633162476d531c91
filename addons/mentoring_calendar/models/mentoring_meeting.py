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

    @api.model_create_multi
    def create(self, vals_list):
        """A meeting logged by hand (no calendar event given) on the day a meeting of its
        relationship was planned is that meeting: it is linked to the earliest event of
        that day not logged yet (the day in the event's time zone) and the event's
        activities are done, so the event is not left to confirm (and counted twice)."""
        meetings = super().create(vals_list)
        for meeting in meetings.filtered(lambda meeting: not meeting.calendar_event_id):
            event = meeting._planned_event_of_the_day()
            if event:
                # The person logging may not write meetings (portal); the event is
                # their relationship's.
                meeting.sudo().calendar_event_id = event
                event._mentoring_close_activities()
        return meetings

    def _planned_event_of_the_day(self):
        """The earliest calendar event of this meeting's relationship not logged as held
        that starts on the meeting's date (in the event's time zone), if any."""
        self.ensure_one()
        events = self.relationship_id.sudo()._planned_calendar_events()
        return events.filtered(lambda event: event._mentoring_local_start_date() == self.date)[:1]

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
