from odoo import models


class MentoringEligibilityResult(models.Model):
    _inherit = "mentoring.eligibility.result"

    def _mentoring_anonymized_fields(self):
        """The value seen when checking the criterion (a profile field may be free text); whether
        the criterion passed stays."""
        return super()._mentoring_anonymized_fields() | {"value_seen"}
