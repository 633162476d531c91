from odoo import api, fields, models


class MentoringMentor(models.Model):
    _inherit = "mentoring.mentor"

    available_capacity = fields.Integer(
        compute="_compute_available_capacity",
        store=True,
        help="Mentees the mentor can still take: capacity minus open relationships.",
    )
    hours_given = fields.Float(
        compute="_compute_hours_given",
        store=True,
        digits=(16, 2),
        help="Hours met with mentees over all relationships.",
    )

    @api.depends("max_mentees", "active_mentee_count")
    def _compute_available_capacity(self):
        for mentor in self:
            mentor.available_capacity = max(
                (mentor.max_mentees or 0) - mentor.active_mentee_count, 0
            )

    @api.depends("relationship_ids.hours_total")
    def _compute_hours_given(self):
        for mentor in self:
            mentor.hours_given = sum(mentor.relationship_ids.mapped("hours_total"))
