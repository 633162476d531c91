from odoo import fields, models


class MentoringReferralBackReason(models.Model):
    _name = "mentoring.referral.back.reason"
    _description = "Reason for referring a client back"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    description = fields.Text(
        translate=True, help="What the agency can do about it, shown with the reason."
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
