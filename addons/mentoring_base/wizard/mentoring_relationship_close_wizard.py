from odoo import fields, models

from ..models.mentoring_relationship import CLOSURE_REASONS, SATISFACTION_LEVELS


class MentoringRelationshipCloseWizard(models.TransientModel):
    _name = "mentoring.relationship.close.wizard"
    _description = "Close a mentoring relationship"

    relationship_id = fields.Many2one("mentoring.relationship", required=True, ondelete="cascade")
    closure_reason = fields.Selection(CLOSURE_REASONS, string="Reason", required=True)
    mentee_feedback = fields.Text(string="Mentee's feedback")
    mentor_feedback = fields.Text(string="Mentor's feedback")
    # Optional: a person who gave no rating is left out of the averages, not rated 0.
    mentee_satisfaction = fields.Selection(SATISFACTION_LEVELS, string="Mentee satisfaction (1–5)")
    mentor_satisfaction = fields.Selection(SATISFACTION_LEVELS, string="Mentor satisfaction (1–5)")

    def action_close(self):
        """Close the relationship; only the ratings given are written on it (a rating left
        empty stays empty on the relationship)."""
        self.ensure_one()
        relationship = self.relationship_id
        ratings = {
            name: int(self[name])
            for name in ("mentee_satisfaction", "mentor_satisfaction")
            if self[name]
        }
        if ratings:
            relationship.write(ratings)
        relationship.action_close(self.closure_reason, self.mentee_feedback, self.mentor_feedback)
        return {"type": "ir.actions.act_window_close"}
