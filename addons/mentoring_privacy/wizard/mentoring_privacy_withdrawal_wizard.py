from odoo import fields, models


class MentoringPrivacyWithdrawalWizard(models.TransientModel):
    """The date a participant withdrew their consent to share information, recorded by
    program staff."""

    _name = "mentoring.privacy.withdrawal.wizard"
    _inherit = ["mentoring.privacy.participant.wizard"]
    _description = "Record consent withdrawal"

    withdrawal_date = fields.Date(
        string="Withdrawn on",
        required=True,
        default=fields.Date.context_today,
        help="The day the person told the agency they withdraw their consent.",
    )

    def action_record(self):
        """Record the withdrawal (see
        ``mentoring.person.mixin.action_record_consent_withdrawal``).

        :return: action closing the dialog
        :raise AccessError: the user is not program staff
        :raise UserError: no participant, no consent to withdraw, or a wrong date
        """
        self.ensure_one()
        self._check_participants().action_record_consent_withdrawal(self.withdrawal_date)
        return {"type": "ir.actions.act_window_close"}
