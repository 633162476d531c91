from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from .res_partner import read_signed_token, sign_token

_lt = LazyTranslate(__name__)

# An outcome link opens the form of one checkpoint for its mentee. It lasts 30 days: the
# reminder, a week after the request, carries a fresh link, so a mentee who answers late
# still has three weeks or more; staff enter later answers themselves.
OUTCOME_SCOPE = "mentoring_portal.outcome"
OUTCOME_TOKEN_DAYS = 30
TODO_CONFIRM_OUTCOME = _lt("Confirm the employment outcome")
FEEDBACK_ANSWERED = _lt("The mentee answered the outcome form.")
FEEDBACK_RECORDED = _lt("Outcome recorded.")
# Fields the mentee's form fills.
PORTAL_FIELDS = (
    "situation",
    "employer_name",
    "job_title",
    "job_noc_id",
    "start_date",
    "hours_per_week",
    "wage_band",
    "interviews_count",
)


class MentoringOutcome(models.Model):
    _inherit = "mentoring.outcome"

    state = fields.Selection(
        selection_add=[("answered", "Answered, to confirm"), ("done",)],
        ondelete={"answered": lambda outcomes: outcomes.write({"state": "requested"})},
    )
    answered_on = fields.Date(
        string="Answered by the mentee on", readonly=True, copy=False, tracking=True
    )
    reminder_sent_on = fields.Date(
        string="Reminder sent on",
        readonly=True,
        copy=False,
        help="The mentee was reminded once of the outcome form they had not answered.",
    )

    # -- token --------------------------------------------------------------------------

    def _mentee_partner(self):
        self.ensure_one()
        return self.sudo().relationship_id.mentee_id.partner_id

    def _portal_form_url(self):
        """Path of the form where the mentee answers this checkpoint without logging in.

        :return: str, ``/mentoring/outcome/<token>``; the token is signed, names this
            outcome and the mentee's contact, and expires after 30 days
        """
        self.ensure_one()
        token = sign_token(
            self.env, OUTCOME_SCOPE, [self.id, self._mentee_partner().id], OUTCOME_TOKEN_DAYS
        )
        return f"/mentoring/outcome/{token}"

    def _portal_form_link(self):
        """Absolute URL of :meth:`_portal_form_url` in the mentee's language (e-mails)."""
        self.ensure_one()
        return self._mentee_partner()._mentoring_public_url(self._portal_form_url())

    def _reminders_opt_out_link(self):
        partner = self._mentee_partner()
        return self.relationship_id._reminders_opt_out_link(partner)

    @api.model
    def _from_portal_token(self, token):
        """The outcome an outcome token was made for, with the superuser's identity
        (``SUPERUSER_ID``: what the answer changes is not authored "Public user"), in
        the current language; or an empty recordset. The token must be intact,
        unexpired, and its contact still the mentee's."""
        empty = self.with_user(SUPERUSER_ID).browse()
        values = read_signed_token(self.env, OUTCOME_SCOPE, token, 2)
        if not values or not all(isinstance(value, int) for value in values):
            return empty
        outcome = empty.browse(values[0]).exists()
        if not outcome or outcome._mentee_partner().id != values[1]:
            return empty
        return outcome

    # -- answers ------------------------------------------------------------------------

    def _submit_from_portal(self, values):
        """Save the mentee's answers (already checked by the form) and ask the
        coordinator to confirm them. Written in the staff's language (tracked values,
        notes, to-dos), the tracked changes authored by the mentee.

        :param dict values: values of :data:`PORTAL_FIELDS` only
        :raise UserError: the checkpoint is not awaiting an answer
        :raise ValidationError: from the model's constraints
        """
        self.ensure_one()
        if self.state != "requested":
            raise UserError(self.env._("This outcome is not awaiting an answer."))
        values = {key: value for key, value in values.items() if key in PORTAL_FIELDS}
        today = fields.Date.context_today(self)
        env = self._staff_env()
        outcome = self.with_env(env)
        partner = outcome._mentee_partner()
        outcome._track_set_author(partner)
        outcome.write({**values, "state": "answered", "answered_on": today})
        outcome.message_post(
            body=env._("%(person)s answered the outcome form.", person=partner.name),
            author_id=partner.id,
            subtype_xmlid="mail.mt_note",
        )
        outcome._close_staff_todos("record_outcome", FEEDBACK_ANSWERED)
        outcome._schedule_staff_todo(
            outcome.relationship_id.coordinator_id or self.env.ref("base.user_admin"),
            "confirm_outcome",
            TODO_CONFIRM_OUTCOME,
        )
        return True

    def action_record(self):
        result = super().action_record()
        self._close_staff_todos("confirm_outcome", FEEDBACK_RECORDED)
        return result

    # -- e-mails ------------------------------------------------------------------------

    @api.model
    def _outcome_request_template(self):
        return self.env.ref("mentoring_portal.mail_template_outcome_request")

    @api.model
    def _cron_remind_outcomes(self):
        """Remind once each mentee who has not answered an outcome request after their
        program's ``outcome_reminder_days`` (7 by default), with a fresh link; nobody who
        opted out of reminders or is blacklisted.

        :return: the outcomes whose mentee was reminded
        """
        template = self.env.ref("mentoring_portal.mail_template_outcome_reminder")
        today = fields.Date.context_today(self)
        due = self.search([("state", "=", "requested"), ("reminder_sent_on", "=", False)]).filtered(
            lambda outcome: (
                outcome.requested_on
                and outcome.requested_on
                + timedelta(days=outcome.relationship_id.program_id.outcome_reminder_days or 7)
                <= today
            )
        )
        accepting = due.sudo().relationship_id.mentee_id.partner_id._mentoring_accepting_reminders()
        reminded = self.browse()
        for outcome in due:
            if outcome._mentee_partner() not in accepting:
                continue
            template.send_mail(outcome.id, email_layout_xmlid="mail.mail_notification_light")
            outcome.reminder_sent_on = today
            reminded |= outcome
        return reminded
