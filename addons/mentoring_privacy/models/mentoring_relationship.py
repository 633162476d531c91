from odoo import models

# Free-text field of mentoring_matching, cleared when it is installed (no dependency).
OPTIONAL_FIELDS = {"match_explanation"}


class MentoringRelationship(models.Model):
    _inherit = "mentoring.relationship"

    def _mentoring_anonymized_fields(self):
        """Reason of a decline and closing feedback (stage, dates, hours, weeks, satisfaction
        ratings and closure reason stay)."""
        return (
            super()._mentoring_anonymized_fields()
            | {"decline_reason", "mentee_feedback", "mentor_feedback"}
            | (OPTIONAL_FIELDS & set(self._fields))
        )
