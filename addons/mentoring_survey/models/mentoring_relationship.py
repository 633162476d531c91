import logging

from odoo import api, fields, models
from odoo.tools.translate import LazyTranslate

from ..tools.questionnaire import invitation_deadline
from .mentoring_checkin import PARTY_IN_TEXT

_logger = logging.getLogger(__name__)
_lt = LazyTranslate(__name__)

INVITATION_TEMPLATES = {
    "checkin": "mentoring_survey.mail_template_checkin_questionnaire",
    "closing": "mentoring_survey.mail_template_closing_questionnaire",
}
FEEDBACK_FIELDS = ("mentee_feedback", "mentor_feedback")
# What the e-mail layout's header calls the questionnaire: "Your check-in questionnaire".
QUESTIONNAIRE_DESCRIPTIONS = {
    "checkin": _lt("check-in questionnaire"),
    "closing": _lt("closing questionnaire"),
}


class MentoringRelationship(models.Model):
    _inherit = "mentoring.relationship"

    mentoring_user_input_ids = fields.One2many(
        "survey.user_input",
        "mentoring_relationship_id",
        string="Questionnaires",
        groups="mentoring_base.group_mentoring_user",
        readonly=True,
    )
    closing_user_input_ids = fields.One2many(
        "survey.user_input",
        "mentoring_relationship_id",
        string="Closing questionnaires",
        domain=[("mentoring_kind", "=", "closing")],
        groups="mentoring_base.group_mentoring_user",
        readonly=True,
    )

    # -- invitations -------------------------------------------------------------------

    def _invite_to_questionnaire(self, survey, checkin=None):
        """Invite the mentee and the mentor of this relationship to answer ``survey``:
        one answer (``survey.user_input``) each, for their contact, in their language,
        open until the end of the following month (then survey shows its own "expired"
        page), and an e-mail in their language with their personal link (no login). A
        person without e-mail address gets the answer (shown in their portal) but no
        e-mail.

        :param survey: ``survey.survey`` to answer; nothing is sent without one, or when
            it is archived (logged)
        :param checkin: the ``mentoring.checkin`` the answers fill (monthly check-in);
            without it, the answers are the closing questionnaire
        :return: the ``survey.user_input`` created (sudo), empty when nothing was sent
        """
        self.ensure_one()
        answers = self.env["survey.user_input"].sudo()
        survey = survey.sudo()
        if not survey:
            return answers
        if not survey.active:
            _logger.warning(
                "Questionnaire %s is archived: relationship %s gets no invitation.",
                survey.id,
                self.id,
            )
            return answers
        kind = "checkin" if checkin else "closing"
        template = self.env.ref(INVITATION_TEMPLATES[kind]).sudo()
        deadline = invitation_deadline(fields.Date.context_today(self))
        for party in ("mentee", "mentor"):
            partner = self[f"{party}_id"].partner_id
            if not partner:
                continue
            lang = self.env["res.lang"]._lang_get(partner.lang) if partner.lang else False
            answer = survey._create_answer(
                partner=partner,
                check_attempts=False,
                deadline=deadline,
                lang_id=lang.id if lang else False,
                mentoring_relationship_id=self.id,
                mentoring_checkin_id=checkin.id if checkin else False,
                mentoring_party=party,
                mentoring_kind=kind,
            )
            answers |= answer
            if partner.email:
                self._send_questionnaire_mail(template, answer, kind)
        return answers

    def _send_questionnaire_mail(self, template, answer, kind):
        """E-mail ``answer``'s invitation with ``template`` (in the person's language, as
        the template says), in Odoo's light layout headed "Your check-in questionnaire"
        or "Your closing questionnaire" in that language.

        ``send_mail`` heads its layout with the model's name ("Your Survey User Input")
        and takes no other: the mail is created without layout, then wrapped with the same
        layout call ``send_mail`` makes, given the questionnaire's description.

        :param template: ``mail.template`` of ``survey.user_input`` (sudo)
        :param answer: the ``survey.user_input`` invited (sudo)
        :param str kind: ``"checkin"`` or ``"closing"``
        :return: the ``mail.mail`` created (sudo)
        """
        mail = template.send_mail_batch(answer.ids)
        lang = template._render_lang(answer.ids)[answer.id] or self.env.lang
        company = answer._mail_get_companies(default=self.env.company)[answer.id]
        mail.body_html = template.with_context(lang=lang)._render_encapsulate(
            "mail.mail_notification_light",
            mail.body_html,
            add_context={
                "company": company,
                "model_description": self.with_context(lang=lang).env._(
                    QUESTIONNAIRE_DESCRIPTIONS[kind]
                ),
            },
            context_record=answer.with_context(lang=lang),
        )
        return mail

    def _send_closing_questionnaires(self):
        """Send the closing questionnaire of their program to both people of each
        relationship that never sent it.

        :return: the ``survey.user_input`` created (sudo)
        """
        answers = self.env["survey.user_input"].sudo()
        sent = set(
            answers.search(
                [("mentoring_relationship_id", "in", self.ids), ("mentoring_kind", "=", "closing")]
            )
            .mapped("mentoring_relationship_id")
            .ids
        )
        for relationship in self:
            if relationship.id in sent:
                continue
            survey = relationship.program_id.sudo().closing_survey_id
            answers |= relationship._invite_to_questionnaire(survey)
        return answers

    def _pending_questionnaires(self, partner):
        """The questionnaires ``partner`` still has to answer for these relationships:
        monthly check-ins and closing questionnaires not done, whose deadline has not
        passed, newest first.

        The result is sudo (participants cannot read survey answers): the caller must pass
        the partner of the person it serves (e.g. ``request.env.user.partner_id``) on
        relationships that person may see. Each answer's ``get_start_url()`` is the path
        of its personal link; ``mentoring_kind``, ``mentoring_checkin_id`` and
        ``deadline`` say what it is and until when.

        :param partner: ``res.partner`` of the mentee or mentor
        :return: ``survey.user_input`` (sudo), possibly empty
        """
        if not partner or not self:
            return self.env["survey.user_input"].sudo()
        return (
            self.env["survey.user_input"]
            .sudo()
            .search(
                [
                    ("mentoring_relationship_id", "in", self.ids),
                    ("partner_id", "=", partner.id),
                    ("state", "!=", "done"),
                    ("test_entry", "=", False),
                    "|",
                    ("deadline", "=", False),
                    ("deadline", ">", fields.Datetime.now()),
                ],
                order="create_date desc, id desc",
            )
        )

    # -- answers -----------------------------------------------------------------------

    def _fill_from_closing_questionnaire(self, answer):
        """Write a completed closing questionnaire on this relationship (called as the
        system): the party's satisfaction and feedback, each only when still empty;
        what staff entered is kept, and a note says so with the person's answer. A
        person asking to be contacted gives the coordinator a to-do.

        :param answer: the ``survey.user_input`` (done) of the closing questionnaire
        """
        self.ensure_one()
        party = answer.mentoring_party
        values = answer._mentoring_values()
        staff_env = self._staff_env()
        vals = {}
        kept = []
        for key, field in (
            ("satisfaction", f"{party}_satisfaction"),
            ("feedback", f"{party}_feedback"),
        ):
            if key not in values:
                continue
            if not self[field]:
                vals[field] = values[key]
            elif self[field] != values[key]:
                kept.append(self._fields[field].get_description(staff_env)["string"])
        if vals:
            self.write(vals)
        body = staff_env._(
            "%(person)s (%(party)s) answered the closing questionnaire.",
            person=self[f"{party}_id"].name or "",
            party=staff_env._(PARTY_IN_TEXT[party]),
        )
        if kept:
            body = " ".join(
                [
                    body,
                    staff_env._(
                        "Kept as entered by staff: %(fields)s (the answer is in the "
                        "questionnaire).",
                        fields=", ".join(kept),
                    ),
                ]
            )
        self.message_post(body=body, subtype_xmlid="mail.mt_note")
        if values.get("contact_request"):
            self._questionnaire_contact_request(party, f"contact:closing:{party}")

    def _questionnaire_contact_request(self, party, key):
        """The ``party`` (mentee or mentor) of this relationship asked in a questionnaire
        to be contacted: a to-do for the coordinator, "<person> asks to be contacted", in
        the coordinator's language, due today; nothing when one about ``key`` is still
        open.

        :param str party: ``"mentee"`` or ``"mentor"``
        :param str key: what the request is about, e.g. ``"contact:<check-in id>:mentee"``
        :return: the new ``mail.activity``, or an empty recordset
        """
        self.ensure_one()
        person = self[f"{party}_id"].name or ""
        return self._schedule_coordinator_todo(
            key, _lt("%(person)s asks to be contacted", person=person)
        )

    # -- stages and scheduled actions ---------------------------------------------------

    def action_start_closing(self):
        res = super().action_start_closing()
        self._send_closing_questionnaires()
        return res

    def action_close(self, reason, mentee_feedback=False, mentor_feedback=False):
        """Close (see ``mentoring_base``); feedback already received from the closing
        questionnaire stays when no other feedback is given, and both people get the
        closing questionnaire if it was never sent (closed without the closing stage)."""
        kept = {
            relationship: {field: relationship[field] for field in FEEDBACK_FIELDS}
            for relationship in self
        }
        res = super().action_close(
            reason, mentee_feedback=mentee_feedback, mentor_feedback=mentor_feedback
        )
        for relationship, values in kept.items():
            restore = {
                field: value for field, value in values.items() if value and not relationship[field]
            }
            if restore:
                relationship.write(restore)
        self._send_closing_questionnaires()
        return res

    @api.model
    def _cron_plan_monthly_checkins(self):
        """Also send each new check-in's questionnaire to mentee and mentor (check-ins
        planned before this run, or entered by hand, send nothing)."""
        Checkin = self.env["mentoring.checkin"]
        period = fields.Date.context_today(self).strftime("%Y-%m")
        before = Checkin.search([("period", "=", period)])
        res = super()._cron_plan_monthly_checkins()
        (Checkin.search([("period", "=", period)]) - before)._send_questionnaires()
        return res
