from odoo import fields, models

from ..models.mentoring_relationship import CLOSURE_REASONS


class MentoringRelationshipCloseWizard(models.TransientModel):
    _name = "mentoring.relationship.close.wizard"
    _description = "Close a mentoring relationship"

    relationship_id = fields.Many2one("mentoring.relationship", required=True, ondelete="cascade")
    closure_reason = fields.Selection(CLOSURE_REASONS, string="Reason", required=True)
    mentee_feedback = fields.Text(string="Mentee's feedback")
    mentor_feedback = fields.Text(string="Mentor's feedback")
    mentee_satisfaction = fields.Integer(string="Mentee satisfaction (1–5)")
    mentor_satisfaction = fields.Integer(string="Mentor satisfaction (1–5)")

    def action_close(self):
        self.ensure_one()
        relationship = self.relationship_id
        relationship.write(
            {
                "mentee_satisfaction": self.mentee_satisfaction,
                "mentor_satisfaction": self.mentor_satisfaction,
            }
        )
        relationship.action_close(self.closure_reason, self.mentee_feedback, self.mentor_feedback)
        return {"type": "ir.actions.act_window_close"}
