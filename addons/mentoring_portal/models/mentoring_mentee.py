import logging

from odoo import fields, models
from odoo.addons.mentoring_base.models.mentoring_mentee import MentoringMentee as BaseMentee
from odoo.exceptions import UserError
from odoo.tools import single_email_re

_logger = logging.getLogger(__name__)


class MentoringPersonMixin(models.AbstractModel):
    _inherit = "mentoring.person.mixin"

    def _invite_to_portal(self):
        """Give each person portal access with Odoo's portal wizard, which e-mails them
        Odoo's invitation in their language; a chatter note (in the staff's language)
        says what happened. Nobody whose ``portal_invitation_opt_out`` staff ticked;
        nobody who already has a user account or has no e-mail address (the note says
        why). A problem never stops the caller: it is noted and logged.

        :return: the people invited
        """
        invited = self.browse()
        for person in self.sudo():
            if person.portal_invitation_opt_out:
                continue
            partner = person.partner_id
            env = person._staff_env()
            if partner.with_context(active_test=False).user_ids:
                body = env._(
                    "No portal invitation sent: %(person)s already has a user account.",
                    person=partner.name,
                )
            elif not single_email_re.match((partner.email or "").strip()):
                # Odoo's wizard would write its normalized guess over an address that is
                # not one plain address: staff correct it first.
                body = env._(
                    "No portal invitation sent: %(person)s has no valid e-mail address.",
                    person=partner.name,
                )
            else:
                try:
                    with self.env.cr.savepoint():
                        wizard = (
                            self.env["portal.wizard"]
                            .sudo()
                            .create(
                                {
                                    "partner_ids": [fields.Command.set(partner.ids)],
                                    "welcome_message": person._portal_welcome_message(),
                                }
                            )
                        )
                        wizard.user_ids.filtered(
                            lambda line, partner=partner: line.partner_id == partner
                        ).action_grant_access()
                except UserError as error:
                    _logger.info("Portal invitation of %s not sent: %s", partner.id, error)
                    body = env._(
                        "No portal invitation sent to %(person)s: %(reason)s",
                        person=partner.name,
                        reason=str(error),
                    )
                else:
                    invited |= person
                    body = env._(
                        "Portal invitation e-mailed to %(person)s (%(email)s).",
                        person=partner.name,
                        email=partner.email,
                    )
            person.message_post(body=body, subtype_xmlid="mail.mt_note")
        return invited

    def _portal_welcome_message(self):
        """What Odoo's portal invitation says of the mentoring, in the person's language
        (the wizard's invitation message).

        :return: str, plain text
        """
        self.ensure_one()
        env = self.with_context(lang=self.partner_id.lang or self.env.lang).env
        return env._(
            "Your mentoring program opens “My mentoring” to you: once your account is "
            "active, you answer proposals, log and schedule your meetings, follow your "
            "action plan and answer your check-ins there, in English or in French."
        )


class MentoringMentee(models.Model):
    _inherit = "mentoring.mentee"
    _staff_only_fields = (*BaseMentee._staff_only_fields, "portal_invitation_opt_out")

    portal_invitation_opt_out = fields.Boolean(
        string="No portal invitation",
        tracking=True,
        help="Program staff tick this when this mentee must not be invited to the portal "
        "when they become ready for matching.",
    )

    def write(self, vals):
        newly_ready = (
            self.filtered(lambda mentee: mentee.state not in ("ready", "matched"))
            if vals.get("state") == "ready"
            else self.browse()
        )
        result = super().write(vals)
        newly_ready._invite_to_portal()
        return result
