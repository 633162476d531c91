import logging
from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.addons.mentoring_base.models.mentoring_relationship import PENDING_STAGE_TYPES
from odoo.tools.mail import plaintext2html
from odoo.tools.translate import LazyTranslate

from .res_partner import read_signed_token, sign_token

_lt = LazyTranslate(__name__)
_logger = logging.getLogger(__name__)

# A proposal link answers for one person on one relationship. It expires after 30 days:
# long enough for a volunteer away for a couple of weeks, short enough that a forgotten
# e-mail cannot decide a proposal months later (the coordinator follows up by then, and
# can still record the answer in the back office).
PROPOSAL_SCOPE = "mentoring_portal.proposal"
PROPOSAL_TOKEN_DAYS = 30
PARTIES = ("mentee", "mentor")


class MentoringRelationship(models.Model):
    _name = "mentoring.relationship"
    _inherit = ["mentoring.relationship", "portal.mixin"]

    mentor_nudged_silence_from = fields.Date(
        string="Mentor reminded of the silence since",
        readonly=True,
        copy=False,
        help="The mentor was e-mailed a reminder about the silence that started on this "
        "day (last meeting, else the start). A new meeting starts a new silence.",
    )

    def _compute_access_url(self):
        for relationship in self:
            relationship.access_url = f"/my/mentoring/{relationship.id}"

    # -- no access token: "My mentoring" is for the signed-in mentee and mentor only ----

    def _portal_ensure_token(self):
        """Never mint an access token: a relationship page is for its signed-in mentee
        and mentor only, and a bearer token would also open the chatter's token routes
        (``/mail/message/post``...). E-mail links answer one action with their own
        signed token (:meth:`_proposal_answer_url`).

        :return: ``False``; nothing is written
        """
        return False

    def get_portal_url(
        self, suffix=None, report_type=None, download=None, query_string=None, anchor=None
    ):
        """The relationship's "My mentoring" page (:attr:`access_url`), with no access
        token (the person signs in); same parameters as ``portal.mixin``'s.

        :return: str, e.g. ``/my/mentoring/7``
        """
        self.ensure_one()
        params = []
        if report_type:
            params.append(f"report_type={report_type}")
        if download:
            params.append("download=true")
        if query_string:
            params.append(query_string.lstrip("?&"))
        url = self.access_url + (suffix or "")
        if params:
            url += "?" + "&".join(params)
        if anchor:
            url += f"#{anchor}"
        return url

    def _get_share_url(self, redirect=False, signup_partner=False, pid=None, share_token=True):
        """Shared links carry no access token either (see :meth:`_portal_ensure_token`)."""
        return super()._get_share_url(
            redirect=redirect, signup_partner=signup_partner, pid=pid, share_token=False
        )

    @api.model
    def _get_thread_with_access(self, thread_id, *, hash=None, pid=None, token=None, **kwargs):
        """The chatter of a relationship opens with the reader's access rights only: no
        access token, nor the signed ``hash``/``pid`` of portal e-mails (``portal``'s
        ``mail.thread`` would accept them for a visitor who is not signed in)."""
        return super()._get_thread_with_access(thread_id, **kwargs)

    # -- proposal answered from the e-mail ------------------------------------------

    def _party_partner(self, party):
        """The contact (``res.partner``) of ``party`` ("mentee" or "mentor")."""
        self.ensure_one()
        person = self.mentee_id if party == "mentee" else self.mentor_id
        return person.sudo().partner_id

    def _proposal_token(self, party):
        """Signed token letting ``party`` answer this proposal, for 30 days."""
        self.ensure_one()
        if party not in PARTIES:
            raise ValueError(party)
        partner = self._party_partner(party)
        return sign_token(
            self.env, PROPOSAL_SCOPE, [self.id, party, partner.id], PROPOSAL_TOKEN_DAYS
        )

    def _proposal_answer_url(self, party):
        """Path of the page where ``party`` answers this proposal without logging in.

        :param str party: "mentee" or "mentor"
        :return: str, ``/mentoring/proposal/<token>``; the token is signed, names this
            relationship, the party and their contact, and expires after 30 days
        :raise ValueError: unknown party
        """
        return f"/mentoring/proposal/{self._proposal_token(party)}"

    def _proposal_answer_link(self, party):
        """Absolute URL of :meth:`_proposal_answer_url`, in the person's language (for
        the e-mails)."""
        self.ensure_one()
        return self._party_partner(party)._mentoring_public_url(self._proposal_answer_url(party))

    @api.model
    def _from_proposal_token(self, token):
        """The relationship and party a proposal token was made for, with the
        superuser's identity (``SUPERUSER_ID``, not the visitor's: what the answer
        changes is not authored "Public user"), in the current language.

        The token must be intact, unexpired, of this scope, name an existing
        relationship, and its contact must still be that party's contact.

        :return: (``mentoring.relationship`` record or empty, party or ``False``)
        """
        empty = (self.with_user(SUPERUSER_ID).browse(), False)
        values = read_signed_token(self.env, PROPOSAL_SCOPE, token, 3)
        if not values:
            return empty
        relationship_id, party, partner_id = values
        if (
            not isinstance(relationship_id, int)
            or not isinstance(partner_id, int)
            or party not in PARTIES
        ):
            return empty
        relationship = self.with_user(SUPERUSER_ID).browse(relationship_id).exists()
        if not relationship or relationship._party_partner(party).id != partner_id:
            return empty
        return relationship, party

    def _proposal_pending_for(self, party):
        """Whether ``party`` may still answer: the proposal awaits answers and theirs."""
        self.ensure_one()
        return self.stage_type in PENDING_STAGE_TYPES and self[f"{party}_decision"] == "pending"

    def _answer_proposal(self, party, decision, reason=False):
        """Record ``party``'s answer given from the proposal link, with a chatter note
        written as that person. Everything is written in the staff's language (tracked
        values, notes, to-dos): the person's click does not choose the language the
        coordinator reads. A decline gives the coordinator a to-do to propose another
        pair, the reason in its note.

        Call it on a relationship checked with :meth:`_from_proposal_token` (superuser).

        :param str party: "mentee" or "mentor"
        :param str decision: "accepted" or "declined"
        :param str reason: why, required to decline
        :raise UserError: the proposal is no longer awaiting answers, or no reason
        :raise ValidationError: agreeing would exceed the mentor's places or give the
            mentee a second relationship (from ``_sign_agreement``)
        """
        self.ensure_one()
        env = self._staff_env()
        staff_self = self.with_env(env)
        partner = self._party_partner(party)
        # Changes tracked on the relationship name the person who answered.
        staff_self._track_set_author(partner)
        if decision == "accepted":
            getattr(staff_self, f"action_{party}_accept")()
            body = env._(
                "%(person)s accepted the proposal from the e-mail link.", person=partner.name
            )
        else:
            getattr(staff_self, f"action_{party}_decline")(reason)
            body = env._(
                "%(person)s declined the proposal from the e-mail link: %(reason)s",
                person=partner.name,
                reason=(reason or "").strip(),
            )
        staff_self.message_post(body=body, author_id=partner.id, subtype_xmlid="mail.mt_note")
        if decision == "declined":
            staff_self._schedule_decline_todo(partner, reason)
        return True

    def _schedule_decline_todo(self, partner, reason):
        """The coordinator's to-do "<person> declined the proposal: propose another
        pair", in their language, the reason in its note (once per relationship).

        :param partner: ``res.partner`` of the person who declined
        :param str reason: why they declined (plain text)
        :return: the new ``mail.activity``, or an empty recordset
        """
        self.ensure_one()
        user = (
            self.coordinator_id
            or self.program_id.coordinator_ids[:1]
            or self.env.ref("base.user_admin")
        )
        env = self._staff_env(user)
        note = plaintext2html(env._("Reason given: %(reason)s", reason=(reason or "").strip()))
        return self._schedule_staff_todo(
            user,
            "declined",
            _lt("%(person)s declined the proposal: propose another pair", person=partner.name),
            note=note,
        )

    def _sign_agreement(self):
        """Both accepted: also give both people portal access ("My mentoring"), as when
        they became available or ready (``_invite_to_portal``: staff's opt-out, e-mail
        checks). People already active before this addon was installed never got it.
        Nobody who already has a user account (even archived) is invited again."""
        result = super()._sign_agreement()
        self._invite_parties_to_portal()
        return result

    def _invite_parties_to_portal(self, parties=PARTIES):
        """Invite to the portal those of ``parties`` ("mentee", "mentor") who have no
        user account yet (``mentoring.person.mixin._invite_to_portal``).

        :return: the people invited (mentees and mentors are different models: a list)
        """
        self.ensure_one()
        invited = []
        for party in parties:
            person = self.sudo()[f"{party}_id"]
            if person and not person.partner_id.with_context(active_test=False).user_ids:
                invited.extend(person._invite_to_portal())
        return invited

    def _match_proposal_templates(self):
        """The proposal e-mails with Accept and Decline buttons (mentee's, mentor's)."""
        return (
            self.env.ref("mentoring_portal.mail_template_proposal_mentee"),
            self.env.ref("mentoring_portal.mail_template_proposal_mentor"),
        )

    # -- nudges -------------------------------------------------------------------------

    def _my_mentoring_link(self, partner):
        """Absolute URL of this relationship's "My mentoring" page, in ``partner``'s
        language."""
        self.ensure_one()
        return partner._mentoring_public_url(self.access_url)

    def _reminders_opt_out_link(self, partner):
        """Absolute URL of the page where ``partner`` stops their reminders."""
        return partner._mentoring_public_url(
            f"/mentoring/reminders/stop/{partner._mentoring_opt_out_token()}"
        )

    @api.model
    def _cron_nudge_mentors(self):
        """E-mail the mentor of each open relationship without a meeting logged for the
        program's ``nudge_after_days`` (counted as ``days_without_meeting``), once per
        silence: the day the silence started is remembered, and a new meeting starts a
        new silence. Nobody who opted out of reminders or is blacklisted is e-mailed. A
        mentor without a user account is first invited to the portal (the reminder
        links to "My mentoring").

        :return: the relationships whose mentor was reminded
        """
        template = self.env.ref("mentoring_portal.mail_template_nudge_mentor")
        today = fields.Date.context_today(self)
        due = {}
        for relationship in self.search([("is_open", "=", True)]):
            days = relationship.days_without_meeting
            if days < (relationship.program_id.nudge_after_days or 1):
                continue
            silence_from = today - timedelta(days=days)
            if relationship.mentor_nudged_silence_from != silence_from:
                due[relationship] = silence_from
        mentors = self.browse([relationship.id for relationship in due]).sudo().mentor_id
        accepting = mentors.partner_id._mentoring_accepting_reminders()
        nudged = self.browse()
        for relationship, silence_from in due.items():
            if relationship._party_partner("mentor") not in accepting:
                continue
            # The reminder links to "My mentoring": a mentor without an account gets the
            # portal invitation first (nothing when staff opted them out).
            relationship._invite_parties_to_portal(("mentor",))
            template.send_mail(relationship.id, email_layout_xmlid="mail.mail_notification_light")
            relationship.mentor_nudged_silence_from = silence_from
            nudged |= relationship
        _logger.info("Mentoring nudges: %s mentor(s) reminded to log a meeting.", len(nudged))
        return nudged
