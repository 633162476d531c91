from odoo import models


class MentoringGoal(models.Model):
    _inherit = "mentoring.goal"

    def _mentoring_anonymized_fields(self):
        """The goal's wording and note (its status stays)."""
        return super()._mentoring_anonymized_fields() | {"name", "note"}
