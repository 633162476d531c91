from odoo import fields, models


class MentoringMentor(models.Model):
    _inherit = "mentoring.mentor"

    portal_invitation_opt_out = fields.Boolean(
        string="No portal invitation",
        tracking=True,
        groups="mentoring_base.group_mentoring_coordinator",
        help="Program staff tick this when this mentor must not be invited to the portal "
        "when they become available.",
    )

    def write(self, vals):
        newly_available = (
            self.filtered(lambda mentor: mentor.state not in ("available", "active"))
            if vals.get("state") == "available"
            else self.browse()
        )
        result = super().write(vals)
        newly_available._invite_to_portal()
        return result
