from odoo import fields, models


class MentoringGoal(models.Model):
    _name = "mentoring.goal"
    _description = "Action plan goal"
    _inherit = ["mentoring.tenancy.mixin"]
    # Agencies add goals to their own clients' action plans, and never move one.
    _staff_only_fields = ("mentee_id",)
    _tenant_link_fields = ("mentee_id",)
    _order = "sequence, id"

    name = fields.Char(string="Goal", required=True)
    sequence = fields.Integer(default=10)
    mentee_id = fields.Many2one("mentoring.mentee", required=True, ondelete="cascade", index=True)
    status = fields.Selection(
        [
            ("todo", "To do"),
            ("in_progress", "In progress"),
            ("done", "Done"),
            ("dropped", "Dropped"),
        ],
        default="todo",
        required=True,
    )
    # Program staff's note (mentors and mentees in the portal do not read it).
    note = fields.Text(groups="base.group_user")
