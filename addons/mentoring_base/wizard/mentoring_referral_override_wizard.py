from odoo import fields, models


class MentoringReferralOverrideWizard(models.TransientModel):
    _name = "mentoring.referral.override.wizard"
    _description = "Accept a referral despite a failed mandatory criterion"

    referral_id = fields.Many2one("mentoring.referral", required=True, ondelete="cascade")
    failed_criteria = fields.Text(compute="_compute_failed_criteria")
    reason = fields.Text(required=True)

    def _compute_failed_criteria(self):
        for wizard in self:
            failed = wizard.referral_id.eligibility_result_ids.filtered(
                lambda result: result.mandatory and not result.passed
            )
            wizard.failed_criteria = "\n".join(
                f"• {result.explanation} ({result.value_seen or '—'})" for result in failed
            )

    def action_override(self):
        self.ensure_one()
        self.referral_id.action_override_eligibility(self.reason)
        return {"type": "ir.actions.act_window_close"}
