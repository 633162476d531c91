from odoo import models


class MentoringReferral(models.Model):
    _inherit = "mentoring.referral"

    def _mentoring_anonymized_fields(self):
        """Referral notes, what to fix after a referral back and the reason of an override (the
        reference, agency, program, states, dates and reasons for referring back stay)."""
        return super()._mentoring_anonymized_fields() | {"notes", "back_note", "override_reason"}
