from odoo import fields, models
from odoo.tools.translate import LazyTranslate

from ..tools.questionnaire import append_paragraph

_lt = LazyTranslate(__name__)

TODO_DONE_FEEDBACK = _lt("Mentee and mentor answered the check-in questionnaire.")
# A party named in a sentence, after the person's name: "Wei Zhang (mentee) answered...".
PARTY_IN_TEXT = {"mentee": _lt("mentee"), "mentor": _lt("mentor")}


class MentoringCheckin(models.Model):
    _inherit = "mentoring.checkin"

    mentoring_user_input_ids = fields.One2many(
        "survey.user_input",
        "mentoring_checkin_id",
        string="Questionnaires",
        groups="mentoring_base.group_mentoring_user",
        readonly=True,
    )
    questionnaire_count = fields.Integer(
        compute="_compute_questionnaire_counts", groups="mentoring_base.group_mentoring_user"
    )
    questionnaire_done_count = fields.Integer(
        compute="_compute_questionnaire_counts", groups="mentoring_base.group_mentoring_user"
    )

    def _compute_questionnaire_counts(self):
        answers = self.env["survey.user_input"].sudo()
        counts = {
            (checkin, state): count
            for checkin, state, count in answers._read_group(
                [("mentoring_checkin_id", "in", self.ids)],
                ["mentoring_checkin_id", "state"],
                ["__count"],
            )
        }
        for checkin in self:
            per_state = {
                state: counts.get((checkin._origin, state), 0)
                for state in ("new", "in_progress", "done")
            }
            checkin.questionnaire_count = sum(per_state.values())
            checkin.questionnaire_done_count = per_state["done"]

    def action_send_questionnaires(self):
        """Button: send this check-in's questionnaire to mentee and mentor now (a check-in
        staff created by hand); nothing for a check-in that already sent it."""
        sent = self._send_questionnaires()
        if not sent:
            return True
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("Questionnaire sent to %(count)s people.", count=len(sent)),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _send_questionnaires(self):
        """Invite mentee and mentor of each check-in to answer its program's check-in
        questionnaire (``mentoring.program.checkin_survey_id``), each by e-mail in their
        language; check-ins that already invited them, or whose program has no
        questionnaire, send nothing.

        :return: the ``survey.user_input`` created (sudo)
        """
        answers = self.env["survey.user_input"].sudo()
        invited = set(
            answers.search([("mentoring_checkin_id", "in", self.ids)])
            .mapped("mentoring_checkin_id")
            .ids
        )
        for checkin in self:
            if checkin.id in invited or not checkin.relationship_id.is_open:
                continue
            survey = checkin.relationship_id.program_id.sudo().checkin_survey_id
            answers |= checkin.relationship_id._invite_to_questionnaire(survey, checkin=checkin)
        return answers

    def _fill_from_questionnaire(self, answer):
        """Write a completed check-in questionnaire on this check-in (called as the system).

        Rule for what staff entered by hand: a rating fills the party's rating only when
        it is empty (a different rating entered by hand is kept, and a note says so);
        progress and concerns get the person's words added as their own paragraph,
        labelled with the party, after what is there; an answer flagging a risk sets
        "at risk" (which alerts the coordinator), an answer without one never clears it;
        a person asking to be contacted gives the coordinator a to-do (not "at risk").
        Once every invited person answered, the check-in is done and the coordinator's
        to-do for that month is marked done.

        :param answer: the ``survey.user_input`` (done) of this check-in
        """
        self.ensure_one()
        party = answer.mentoring_party
        values = answer._mentoring_values()
        staff_env = self._staff_env()
        vals = {}
        notes = []
        rating_field = f"{party}_rating"
        if "rating" in values:
            if not self[rating_field]:
                vals[rating_field] = values["rating"]
            elif self[rating_field] != values["rating"]:
                notes.append(
                    staff_env._(
                        "Rating given in the questionnaire: %(answer)s. The rating entered "
                        "by hand (%(kept)s) was kept.",
                        answer=values["rating"],
                        kept=self[rating_field],
                    )
                )
        for field in ("progress", "concerns"):
            if values.get(field):
                # The person's words, labelled with their party in the staff's language.
                if party == "mentee":
                    paragraph = staff_env._("Mentee: %(text)s", text=values[field])
                else:
                    paragraph = staff_env._("Mentor: %(text)s", text=values[field])
                text = append_paragraph(self[field], paragraph)
                if text != (self[field] or ""):
                    vals[field] = text
        if values.get("at_risk") and not self.at_risk:
            vals["at_risk"] = True
        if vals:
            self.write(vals)
        self.message_post(
            body=" ".join(
                [
                    staff_env._(
                        "%(person)s (%(party)s) answered the check-in questionnaire.",
                        person=self.relationship_id[f"{party}_id"].name or "",
                        party=staff_env._(PARTY_IN_TEXT[party]),
                    ),
                    *notes,
                ]
            ),
            subtype_xmlid="mail.mt_note",
        )
        if values.get("contact_request"):
            self.relationship_id._questionnaire_contact_request(party, f"contact:{self.id}:{party}")
        self._done_when_all_answered()

    def _done_when_all_answered(self):
        """Check-ins whose every questionnaire is answered become done, and the
        coordinator's to-do for their month is marked done."""
        invitations = (
            self.env["survey.user_input"]
            .sudo()
            .search([("mentoring_checkin_id", "in", self.ids)])
            .grouped("mentoring_checkin_id")
        )
        for checkin in self:
            states = invitations.get(checkin, self.env["survey.user_input"]).mapped("state")
            if not states or any(state != "done" for state in states):
                continue
            if checkin.state != "done":
                checkin.action_done()
            checkin.relationship_id._close_staff_todos(
                f"checkin:{checkin.period}", TODO_DONE_FEEDBACK
            )
