from odoo import fields, models
from odoo.exceptions import UserError


class MentoringRelationshipExtendWizard(models.TransientModel):
    _name = "mentoring.relationship.extend.wizard"
    _description = "Extend a mentoring relationship"

    relationship_id = fields.Many2one("mentoring.relationship", required=True, ondelete="cascade")
    new_end = fields.Date(string="New end date", required=True)
    mutual_agreement = fields.Boolean(string="The mentee and the mentor both agree")

    def action_extend(self):
        self.ensure_one()
        if not self.mutual_agreement:
            raise UserError(self.env._("An extension needs the agreement of both people."))
        self.relationship_id.action_extend(self.new_end)
        return {"type": "ir.actions.act_window_close"}
