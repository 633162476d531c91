from odoo import fields, models


class MentoringRelationshipDeclineWizard(models.TransientModel):
    _name = "mentoring.relationship.decline.wizard"
    _description = "Record that the mentee or the mentor declines a proposal"

    relationship_id = fields.Many2one("mentoring.relationship", required=True, ondelete="cascade")
    party = fields.Selection([("mentee", "Mentee"), ("mentor", "Mentor")], required=True)
    reason = fields.Text(required=True)

    def action_decline(self):
        self.ensure_one()
        self.relationship_id._decide(self.party, "declined", self.reason)
        return {"type": "ir.actions.act_window_close"}
