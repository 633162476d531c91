from odoo import api, fields, models


class MentoringSessionAttendance(models.Model):
    _inherit = "mentoring.session.attendance"

    program_id = fields.Many2one(related="session_id.program_id", store=True, index=True)
    session_type = fields.Selection(index=True)
    attended_count = fields.Integer(
        string="Attendances", compute="_compute_attended_count", store=True
    )

    @api.depends("attended")
    def _compute_attended_count(self):
        for attendance in self:
            attendance.attended_count = int(attendance.attended)
