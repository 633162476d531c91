from odoo import api, fields, models

EMPLOYED = ("employed_in_field", "employed_related", "employed_outside", "self_employed")


class MentoringOutcome(models.Model):
    _inherit = "mentoring.outcome"

    noc_major_group_id = fields.Many2one(
        related="relationship_id.noc_major_group_id", store=True, index=True
    )
    employed_rate = fields.Float(
        string="Employed (%)",
        compute="_compute_rates",
        store=True,
        aggregator="avg",
        digits=(16, 1),
        help="100 when the mentee is employed or self-employed: its average is the rate.",
    )
    in_field_rate = fields.Float(
        string="Employed in field (%)",
        compute="_compute_rates",
        store=True,
        aggregator="avg",
        digits=(16, 1),
    )
    employed_count = fields.Integer(string="Employed", compute="_compute_rates", store=True)
    in_field_count = fields.Integer(
        string="Employed in field", compute="_compute_rates", store=True
    )

    @api.depends("employment_status", "in_field")
    def _compute_rates(self):
        for outcome in self:
            employed = outcome.employment_status in EMPLOYED
            outcome.employed_count = int(employed)
            outcome.in_field_count = int(outcome.in_field)
            outcome.employed_rate = 100.0 if employed else 0.0
            outcome.in_field_rate = 100.0 if outcome.in_field else 0.0
