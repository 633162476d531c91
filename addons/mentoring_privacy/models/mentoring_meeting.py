from odoo import models


class MentoringMeeting(models.Model):
    _inherit = "mentoring.meeting"

    def _mentoring_anonymized_fields(self):
        """Topics and next steps (date, duration and mode stay)."""
        return super()._mentoring_anonymized_fields() | {"topics", "next_steps"}
