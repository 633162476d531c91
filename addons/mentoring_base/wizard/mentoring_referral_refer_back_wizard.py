from odoo import fields, models


class MentoringReferralReferBackWizard(models.TransientModel):
    _name = "mentoring.referral.refer.back.wizard"
    _description = "Refer a client back to the agency"

    referral_ids = fields.Many2many(
        "mentoring.referral",
        "mentoring_refer_back_wizard_referral_rel",
        string="Referrals",
        required=True,
    )
    reason_ids = fields.Many2many(
        "mentoring.referral.back.reason",
        "mentoring_refer_back_wizard_reason_rel",
        string="Reasons",
        required=True,
    )
    note = fields.Text(string="What to fix", help="Sent to the agency with the reasons.")

    def action_refer_back(self):
        self.ensure_one()
        self.referral_ids.action_refer_back(self.reason_ids, self.note)
        return {"type": "ir.actions.act_window_close"}
