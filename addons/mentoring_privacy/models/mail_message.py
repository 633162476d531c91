from odoo import models

from .base import scrub


class MailMessage(models.Model):
    _inherit = "mail.message"

    def _mentoring_anonymize_messages(self, field_names, replacements):
        """Empty these messages (body, subject, attachments, e-mails sent from them), drop
        their tracked values of ``field_names`` and of free-text fields, and scrub
        ``replacements`` from the other tracked values.

        :param set field_names: fields of the messages' records that are cleared
        :param dict replacements: former value -> neutral label
        :return: True
        """
        messages = self.sudo()
        if not messages:
            return True
        messages.attachment_ids.unlink()
        # E-mails kept after sending, or still to send, hold the former text: deleted (with
        # their message when the message exists only for that e-mail).
        self.env["mail.mail"].sudo().search([("mail_message_id", "in", messages.ids)]).unlink()
        messages = messages.exists()
        for message in messages:
            message.write(
                {
                    "body": "",
                    "subject": False,
                    "email_from": scrub(message.email_from, replacements),
                    "reply_to": scrub(message.reply_to, replacements),
                }
            )
        # Tracked values of cleared fields and every tracked free text go (a related field
        # elsewhere may track a cleared one); names, e-mails and phones leave the others.
        trackings = messages.tracking_value_ids
        trackings.filtered(
            lambda tracking: (
                tracking.field_id.name in field_names
                or tracking.old_value_text
                or tracking.new_value_text
            )
        ).unlink()
        for tracking in trackings.exists():
            values = {
                name: scrub(tracking[name], replacements)
                for name in ("old_value_char", "new_value_char", "old_value_text", "new_value_text")
                if tracking[name]
            }
            if any(values[name] != tracking[name] for name in values):
                tracking.write(values)
        return True
