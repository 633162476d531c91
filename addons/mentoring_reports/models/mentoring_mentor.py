from odoo import api, fields, models


class MentoringMentor(models.Model):
    _inherit = "mentoring.mentor"

    hours_given = fields.Float(
        compute="_compute_hours_given",
        store=True,
        digits=(16, 2),
        help="Hours met with mentees over all relationships.",
    )

    @api.depends("relationship_ids.hours_total")
    def _compute_hours_given(self):
        for mentor in self:
            mentor.hours_given = sum(mentor.relationship_ids.mapped("hours_total"))
