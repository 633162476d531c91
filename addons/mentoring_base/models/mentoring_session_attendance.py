from odoo import fields, models


class MentoringSessionAttendance(models.Model):
    _name = "mentoring.session.attendance"
    _description = "Session attendance"
    _order = "session_id, id"

    session_id = fields.Many2one("mentoring.session", required=True, ondelete="cascade", index=True)
    mentee_id = fields.Many2one("mentoring.mentee", required=True, index=True, ondelete="cascade")
    attended = fields.Boolean(default=True)
    session_type = fields.Selection(related="session_id.session_type", store=True)
    session_date = fields.Datetime(related="session_id.date", store=True)

    _mentee_uniq = models.Constraint(
        "UNIQUE(session_id, mentee_id)", "This mentee is already on the session's list."
    )
