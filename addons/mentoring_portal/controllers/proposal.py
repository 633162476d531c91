"""Proposal answered from the e-mail, without logging in.

Each person's e-mail carries a link with a signed token naming the relationship, the
person (mentee or mentor) and their contact (``mentoring.relationship._proposal_answer_url``).
A GET only shows the proposal (mail scanners open links); answers are POST forms with a
CSRF token. The record is read as superuser only once the token named it.
"""

import logging

from odoo import http
from odoo.addons.mentoring_base.models.mentoring_relationship import PENDING_STAGE_TYPES
from odoo.addons.mentoring_website.controllers.form_reader import FormReader
from odoo.exceptions import UserError, ValidationError
from odoo.http import request
from odoo.tools.translate import LazyTranslate

from ..models.res_partner import lock_for_answer

_lt = LazyTranslate(__name__)
_logger = logging.getLogger(__name__)

REASON_MAX_LENGTH = 2000
TITLE_INVALID = _lt("This link does not work")
MSG_INVALID = _lt(
    "This link is not valid or has expired. Nothing was changed. Your coordinator can "
    "record your answer or send you a new link."
)
TITLE_ALREADY = _lt("Your answer was already recorded")
MSG_ALREADY_ACCEPTED = _lt("You already accepted this proposal. Nothing was changed.")
MSG_ALREADY_DECLINED = _lt("You already declined this proposal. Nothing was changed.")
TITLE_CLOSED = _lt("This proposal is closed")
MSG_CLOSED = _lt(
    "This proposal no longer awaits an answer: it was withdrawn or declined, or the "
    "mentoring relationship has started. Nothing was changed. Your coordinator can tell "
    "you more."
)
TITLE_ACCEPTED = _lt("Thank you, your answer is recorded")
MSG_ACCEPTED_BOTH = _lt(
    "You both accepted. Your coordinator will now plan an introduction meeting of the "
    "three of you; you will receive a calendar invitation by e-mail."
)
MSG_ACCEPTED_WAITING = _lt(
    "We are waiting for the other person’s answer. Once you have both accepted, your "
    "coordinator will plan an introduction meeting of the three of you and you will "
    "receive a calendar invitation by e-mail."
)
TITLE_DECLINED = _lt("Your answer is recorded")
MSG_DECLINED = _lt(
    "You declined this proposal. Thank you for telling us why; your coordinator will "
    "contact you about what comes next."
)
TITLE_NOT_RECORDED = _lt("Your answer could not be recorded")
MSG_NOT_RECORDED = _lt(
    "We could not record your acceptance: the places of this mentoring relationship are "
    "no longer free. Nothing was changed. Your coordinator has been told and will contact "
    "you."
)
MSG_MY_MENTORING = _lt("Follow your mentoring (meetings, goals, questionnaires) in “My mentoring”.")
LINK_MY_MENTORING = _lt("Go to “My mentoring”")
MSG_INVITATION_BOTH = _lt(
    "You will also receive an e-mail inviting you to “My mentoring”, your personal page "
    "where you follow your mentoring: choose your password from that e-mail."
)
MSG_INVITATION_WAITING = _lt(
    "Once you have both accepted, you will also receive an e-mail inviting you to “My "
    "mentoring”, your personal page where you follow your mentoring."
)
MSG_REASON_REQUIRED = _lt("Tell us in a few words why you decline.")
MSG_FIX_ERRORS = _lt("Your answer was not sent yet: correct the field marked below.")


class MentoringProposal(http.Controller):
    @http.route(
        "/mentoring/proposal/<string:token>",
        type="http",
        auth="public",
        website=True,
        methods=["GET"],
        sitemap=False,
    )
    def proposal(self, token, **kwargs):
        """The proposal and its answer forms; never changes anything."""
        relationship, party = request.env["mentoring.relationship"]._from_proposal_token(token)
        if not relationship:
            return render_message(TITLE_INVALID, MSG_INVALID, status=404)
        redirect = redirect_to_language(relationship._party_partner(party))
        if redirect:
            return redirect
        blocked = self._blocked(relationship, party)
        if blocked:
            return blocked
        return self._render_proposal(relationship, party, token)

    @http.route(
        "/mentoring/proposal/<string:token>/accept",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        sitemap=False,
    )
    def proposal_accept(self, token, **post):
        relationship, party, refusal = self._answerable(token)
        if refusal:
            return refusal
        partner = relationship._party_partner(party)
        had_account = bool(partner.user_ids)
        try:
            with request.env.cr.savepoint():
                relationship._answer_proposal(party, "accepted")
                request.env.flush_all()
        except (UserError, ValidationError) as error:
            _logger.info("Proposal %s: %s could not accept (%s).", relationship.id, party, error)
            env = relationship._staff_env()
            relationship.message_post(
                body=env._(
                    "%(person)s tried to accept the proposal from the e-mail link: %(error)s",
                    person=partner.name,
                    error=str(error),
                ),
                subtype_xmlid="mail.mt_note",
            )
            return render_message(TITLE_NOT_RECORDED, MSG_NOT_RECORDED, alert="warning")
        both = relationship.mentee_decision == relationship.mentor_decision == "accepted"
        return render_message(
            TITLE_ACCEPTED,
            MSG_ACCEPTED_BOTH if both else MSG_ACCEPTED_WAITING,
            alert="success",
            **self._my_mentoring_values(relationship, party, had_account, both),
        )

    @http.route(
        "/mentoring/proposal/<string:token>/decline",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        sitemap=False,
    )
    def proposal_decline(self, token, **post):
        relationship, party, refusal = self._answerable(token)
        if refusal:
            return refusal
        partner = relationship._party_partner(party)
        reader = FormReader(request.env, request.httprequest.form, request.httprequest.files)
        reason = reader.text("reason", max_length=REASON_MAX_LENGTH, multiline=True)
        if not reason:
            reader.error("reason", MSG_REASON_REQUIRED)
        if reader.errors:
            return self._render_proposal(
                relationship, party, token, values=reader.values, errors=reader.errors
            )
        try:
            with request.env.cr.savepoint():
                relationship._answer_proposal(party, "declined", reason)
                request.env.flush_all()
        except (UserError, ValidationError) as error:
            _logger.info("Proposal %s: %s could not decline (%s).", relationship.id, party, error)
            return render_message(TITLE_CLOSED, MSG_CLOSED, alert="warning")
        return render_message(
            TITLE_DECLINED,
            MSG_DECLINED,
            alert="info",
            **self._my_mentoring_values(relationship, party, bool(partner.user_ids), False),
        )

    # -- helpers ------------------------------------------------------------------------

    def _answerable(self, token):
        """The proposal ``token`` names, locked, if its person may still answer it.

        :return: ``(relationship, party, None)``; or ``(None, None, page)``, the page
            saying why not (wrong or expired link, already answered, closed)
        """
        relationship, party = request.env["mentoring.relationship"]._from_proposal_token(token)
        if not relationship:
            return None, None, render_message(TITLE_INVALID, MSG_INVALID, status=404)
        blocked = self._blocked(lock_for_answer(relationship), party)
        if blocked:
            return None, None, blocked
        return relationship, party, None

    def _blocked(self, relationship, party):
        """The page to show instead of the forms when ``party`` may no longer answer."""
        decision = relationship[f"{party}_decision"]
        if decision == "accepted":
            return render_message(TITLE_ALREADY, MSG_ALREADY_ACCEPTED)
        if decision == "declined":
            return render_message(TITLE_ALREADY, MSG_ALREADY_DECLINED)
        if not relationship._proposal_pending_for(party):
            return render_message(TITLE_CLOSED, MSG_CLOSED)
        return None

    def _render_proposal(self, relationship, party, token, values=None, errors=None):
        env = request.env
        form_error = env._(MSG_FIX_ERRORS) if errors else False
        person = relationship.mentee_id if party == "mentee" else relationship.mentor_id
        other = relationship.mentor_id if party == "mentee" else relationship.mentee_id
        # "the Career Mentoring Program", "the program “Emploi Ottawa”" (in the page's
        # language: "du Programme...", "du programme « Emploi Ottawa »").
        program = relationship.program_id._name_in_text()
        if party == "mentee":
            proposal_text = env._(
                "Good news: we propose %(mentor)s as your mentor in the %(program)s.",
                mentor=other.name,
                program=program,
            )
        else:
            proposal_text = env._(
                "Thank you for volunteering as a mentor. We propose that you mentor "
                "%(mentee)s in the %(program)s.",
                mentee=other.name,
                program=program,
            )
        return request.render(
            "mentoring_portal.proposal_page",
            {
                "relationship": relationship,
                "party": party,
                "person": person,
                "other": other,
                "greeting": env._("Hello %(name)s,", name=person.name),
                "proposal_text": proposal_text,
                "rhythm_text": env._(
                    "You will then meet about %(minutes)s minutes a week for %(weeks)s weeks.",
                    minutes=relationship.weekly_minutes,
                    weeks=relationship.program_id.default_length_weeks,
                ),
                "accept_url": localized(f"/mentoring/proposal/{token}/accept"),
                "decline_url": localized(f"/mentoring/proposal/{token}/decline"),
                "values": values or {},
                "errors": errors or {},
                "form_error": form_error,
            },
        )

    def _my_mentoring_values(self, relationship, party, had_account, both):
        """What the thank-you page says about "My mentoring": a link for a person who
        had an account before answering; else, after an acceptance, that the
        invitation comes by e-mail (sent once both accepted: ``_sign_agreement``),
        unless staff opted them out or they have no e-mail address."""
        if had_account:
            return {
                "link_url": localized("/my/mentoring"),
                "link_label": LINK_MY_MENTORING,
                "note": MSG_MY_MENTORING,
            }
        person = relationship.sudo()[f"{party}_id"]
        if person.portal_invitation_opt_out or not person.partner_id.email_normalized:
            return {}
        if both:
            # Invited as the agreement was signed, unless the invitation failed.
            if not person.partner_id.user_ids:
                return {}
            return {"note": MSG_INVITATION_BOTH}
        if relationship.stage_type not in PENDING_STAGE_TYPES:
            return {}
        return {"note": MSG_INVITATION_WAITING}


def localized(path):
    """``path`` in the current page's language (``/fr/...``)."""
    return request.env["ir.http"]._url_for(path)


def render_message(
    title, message, alert="secondary", status=200, note=None, link_url=None, link_label=None
):
    """A page with one translated message (lazy translations), in the page's language;
    optionally a second paragraph ``note`` and a button ``link_label`` to ``link_url``."""
    env = request.env
    return request.render(
        "mentoring_portal.token_message_page",
        {
            "title": env._(title),
            "message": env._(message),
            "alert": alert,
            "note": env._(note) if note else False,
            "link_url": link_url,
            "link_label": env._(link_label) if link_label else False,
        },
        status=status,
    )


def redirect_to_language(partner):
    """A redirection of this GET to the same page in ``partner``'s language when it is
    one of the website's languages and not the page's; else ``None``."""
    lang = partner.sudo().lang
    if not lang or lang == request.lang.code:
        return None
    frontend = {info.code for info in request.env["res.lang"]._get_frontend().values()}
    if lang not in frontend:
        return None
    path = request.env["ir.http"]._url_for(request.httprequest.path, lang_code=lang)
    return request.redirect(path, code=303)
