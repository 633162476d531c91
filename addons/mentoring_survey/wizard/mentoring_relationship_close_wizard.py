from odoo import api, models

from ..models.mentoring_relationship import FEEDBACK_FIELDS


class MentoringRelationshipCloseWizard(models.TransientModel):
    _inherit = "mentoring.relationship.close.wizard"

    @api.model
    def default_get(self, fields):
        """Open with what the closing questionnaire already brought (feedback and
        satisfaction of each person), for staff to read and complete."""
        values = super().default_get(fields)
        relationship = self.env["mentoring.relationship"].browse(
            values.get("relationship_id") or self.env.context.get("default_relationship_id")
        )
        if not relationship.exists():
            return values
        for field in FEEDBACK_FIELDS:
            if field in fields and not values.get(field) and relationship[field]:
                values[field] = relationship[field]
        for field in ("mentee_satisfaction", "mentor_satisfaction"):
            if field in fields and not values.get(field) and relationship[field]:
                values[field] = str(relationship[field])
        return values
