from odoo import fields, models


class MentoringEligibilityResult(models.Model):
    _name = "mentoring.eligibility.result"
    _description = "Eligibility check result"
    _order = "passed, sequence, id"

    referral_id = fields.Many2one("mentoring.referral", ondelete="cascade", index=True)
    mentor_id = fields.Many2one("mentoring.mentor", ondelete="cascade", index=True)
    rule_id = fields.Many2one("mentoring.eligibility.rule", required=True, ondelete="cascade")
    sequence = fields.Integer(related="rule_id.sequence")
    explanation = fields.Char(related="rule_id.explanation", string="Criterion")
    mandatory = fields.Boolean(related="rule_id.mandatory")
    passed = fields.Boolean()
    value_seen = fields.Char(string="Value seen")
