from odoo import models


class MentoringOutcome(models.Model):
    _inherit = "mentoring.outcome"

    def _mentoring_anonymized_fields(self):
        """Employer's name and job title (situation, job NOC code, dates, hours, wage band and
        interviews stay)."""
        return super()._mentoring_anonymized_fields() | {"employer_name", "job_title"}
