from odoo import models


class MentoringCheckin(models.Model):
    _inherit = "mentoring.checkin"

    def _mentoring_anonymized_fields(self):
        """Progress and concerns (date, ratings and the at-risk flag stay)."""
        return super()._mentoring_anonymized_fields() | {"progress", "concerns"}
