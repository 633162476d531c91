from odoo import models


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _get_translation_frontend_modules_name(cls):
        """Send this module's JavaScript translations to website visitors too (only modules
        named ``website*`` are sent by default)."""
        return [*super()._get_translation_frontend_modules_name(), "mentoring_website"]
