from odoo import fields, models


class MentoringRelationshipStage(models.Model):
    _name = "mentoring.relationship.stage"
    _description = "Mentoring relationship stage"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    fold = fields.Boolean(string="Folded in kanban")
    stage_type = fields.Selection(
        [
            ("proposed", "Proposed"),
            ("review", "Under review"),
            ("active", "Active"),
            ("closing", "Closing"),
            ("completed", "Completed"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="proposed",
        help="What the stage means to the workflow: the agreement makes a relationship "
        "active, completion earns a certificate.",
    )
    description = fields.Text(translate=True)
