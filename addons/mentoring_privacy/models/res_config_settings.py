from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .mentoring_person_mixin import (
    DEFAULT_RETENTION_YEARS,
    OFFICER_PARAMETER,
    RETENTION_PARAMETER,
)


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    mentoring_retention_years = fields.Integer(
        string="Retention period (years)",
        config_parameter=RETENTION_PARAMETER,
        default=DEFAULT_RETENTION_YEARS,
        help="Years after a participant's last activity before they are listed for "
        "anonymization. Nothing is anonymized without a manager.",
    )
    mentoring_privacy_officer_id = fields.Many2one(
        "res.users",
        string="Privacy officer",
        config_parameter=OFFICER_PARAMETER,
        domain=[("share", "=", False)],
        help="Receives a to-do for each participant due for anonymization. When empty, the "
        "first mentoring manager does.",
    )

    @api.constrains("mentoring_retention_years")
    def _check_mentoring_retention_years(self):
        for settings in self:
            if not 1 <= settings.mentoring_retention_years <= 100:
                raise ValidationError(
                    self.env._("The retention period is a number of years from 1 to 100.")
                )
