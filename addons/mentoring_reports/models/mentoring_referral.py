from odoo import api, fields, models

DECIDED_STATES = ("accepted", "referred_back")


class MentoringReferral(models.Model):
    _inherit = "mentoring.referral"

    decided = fields.Boolean(
        compute="_compute_acceptance", store=True, index=True, help="Accepted or referred back."
    )
    accepted_count = fields.Integer(
        string="Accepted referrals", compute="_compute_acceptance", store=True
    )
    acceptance_rate = fields.Float(
        string="Acceptance rate (%)",
        compute="_compute_acceptance",
        store=True,
        aggregator="avg",
        digits=(16, 1),
        help="100 for an accepted referral, 0 otherwise: its average over decided referrals "
        "is the acceptance rate.",
    )
    submitted_month = fields.Date(
        string="Month submitted",
        compute="_compute_submitted_month",
        store=True,
        index=True,
    )

    @api.depends("state")
    def _compute_acceptance(self):
        for referral in self:
            referral.decided = referral.state in DECIDED_STATES
            referral.accepted_count = int(referral.state == "accepted")
            referral.acceptance_rate = 100.0 if referral.state == "accepted" else 0.0

    @api.depends("date_submitted")
    def _compute_submitted_month(self):
        for referral in self:
            date = referral.date_submitted
            referral.submitted_month = date.replace(day=1) if date else False
