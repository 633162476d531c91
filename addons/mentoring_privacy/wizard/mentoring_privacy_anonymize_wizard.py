from odoo import models


class MentoringPrivacyAnonymizeWizard(models.TransientModel):
    """Confirmation, by a mentoring manager, of the anonymization of participants."""

    _name = "mentoring.privacy.anonymize.wizard"
    _inherit = ["mentoring.privacy.participant.wizard"]
    _description = "Anonymize participants"

    def action_anonymize(self):
        """Anonymize the participants chosen (see ``mentoring.person.mixin.action_anonymize``).

        :return: a notification that closes the dialog
        :raise AccessError: the user is not a mentoring manager
        :raise UserError: no participant, or one cannot be anonymized (already done, open
            relationship, internal user account)
        """
        self.ensure_one()
        people = self._check_participants()
        people.action_anonymize()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("%s participant(s) anonymized.", len(people)),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
