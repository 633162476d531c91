from odoo import models


class MailComposeMessage(models.TransientModel):
    _inherit = "mail.compose.message"

    def _action_send_mail_mass_mail(self, res_ids, auto_commit=False):
        """Mass mailing renders templates as superuser: check first that the sender may read
        every record mailed about, so nobody gets another agency's data e-mailed to them.

        :raise AccessError: a record of ``res_ids`` the user may not read
        """
        if self.model and not self.env.su:
            self.env[self.model].browse(res_ids).check_access("read")
        return super()._action_send_mail_mass_mail(res_ids, auto_commit=auto_commit)
