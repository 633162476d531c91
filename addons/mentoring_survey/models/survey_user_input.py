from odoo import SUPERUSER_ID, fields, models

from ..tools.questionnaire import is_rating
from .survey_question import YES_NO_FIELDS

PARTIES = [("mentee", "Mentee"), ("mentor", "Mentor")]
KINDS = [("checkin", "Monthly check-in"), ("closing", "Closing questionnaire")]


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    mentoring_relationship_id = fields.Many2one(
        "mentoring.relationship",
        string="Mentoring relationship",
        index="btree_not_null",
        ondelete="cascade",
        readonly=True,
    )
    mentoring_checkin_id = fields.Many2one(
        "mentoring.checkin",
        string="Check-in",
        index="btree_not_null",
        ondelete="set null",
        readonly=True,
    )
    mentoring_party = fields.Selection(PARTIES, string="Answers as", readonly=True)
    mentoring_kind = fields.Selection(KINDS, string="Questionnaire", readonly=True)

    def _mentoring_anonymized_fields(self):
        """Hook of ``mentoring_privacy`` (defined on every model when it is installed): an
        anonymized participant's answers lose the name and e-mail they were sent to."""
        parent = getattr(super(), "_mentoring_anonymized_fields", None)
        return (parent() if parent else set()) | {"nickname", "email"}

    def _save_lines(self, question, answer, comment=None, overwrite_existing=True):
        """Survey saves each valid answer of a submitted page, even when another answer of
        the page is refused, and refuses to overwrite a saved answer when the survey does
        not let people go back ("This answer cannot be overwritten"): the person could
        then never send the corrected page. A mentoring questionnaire not finished yet
        overwrites its saved answers, so a page corrected after a refusal goes through;
        a finished one is never submitted again (survey refuses it first).

        Done here rather than by letting people go back on the surveys: "users can go
        back" also switches off survey's check of mandatory answers on the server, and
        this applies to every mentoring questionnaire, shipped, copied or new."""
        if self.survey_id.mentoring_questionnaire and self.state != "done":
            overwrite_existing = True
        return super()._save_lines(
            question, answer, comment=comment, overwrite_existing=overwrite_existing
        )

    def _mark_done(self):
        """Survey's end of an answer; a mentoring questionnaire then fills its check-in
        (monthly) or its relationship (closing): see :meth:`_mentoring_fill`."""
        res = super()._mark_done()
        self._mentoring_fill()
        return res

    def _mentoring_fill(self):
        """Write the answers of the completed mentoring questionnaires in ``self`` on their
        check-in or relationship, as the system (the person answering has no access to
        them). Test entries and answers not done are left out."""
        answers = self.filtered(
            lambda answer: (
                answer.mentoring_relationship_id
                and answer.mentoring_party
                and answer.state == "done"
                and not answer.test_entry
            )
        ).with_user(SUPERUSER_ID)
        for answer in answers:
            if answer.mentoring_kind == "checkin":
                answer.mentoring_checkin_id._fill_from_questionnaire(answer)
            elif answer.mentoring_kind == "closing":
                answer.mentoring_relationship_id._fill_from_closing_questionnaire(answer)

    def _mentoring_values(self):
        """The answers of this questionnaire that fill a mentoring field, by destination
        (``survey.question.mentoring_answer_field``).

        :return: dict: ``rating``/``satisfaction`` an int from 1 to 5 (other values are
            left out), ``progress``/``concerns``/``feedback`` the person's text (several
            questions with one destination are joined), ``at_risk`` True when an answer
            flagging a risk was chosen, ``contact_request`` True when the person asks
            the coordinator to contact them
        """
        self.ensure_one()
        values = {}
        for line in self.user_input_line_ids.filtered(lambda line: not line.skipped):
            destination = line.question_id.mentoring_answer_field
            if not destination:
                continue
            if destination in ("rating", "satisfaction"):
                value = line.value_scale if line.answer_type == "scale" else None
                if is_rating(value):
                    values[destination] = value
            elif destination in YES_NO_FIELDS:
                if line.suggested_answer_id.mentoring_yes:
                    values[destination] = True
            else:
                text = (line.value_text_box or line.value_char_box or "").strip()
                if text:
                    values[destination] = (
                        f"{values[destination]}\n{text}" if destination in values else text
                    )
        return values


class SurveyUserInputLine(models.Model):
    _inherit = "survey.user_input.line"

    def _mentoring_anonymized_fields(self):
        """Hook of ``mentoring_privacy``: an anonymized participant's written answers are
        erased (numbers and choices stay, like a check-in's ratings)."""
        parent = getattr(super(), "_mentoring_anonymized_fields", None)
        return (parent() if parent else set()) | {"value_char_box", "value_text_box"}
