from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.questionnaire import RATING_MAX, RATING_MIN

# Where the answer to a question goes: a field of the check-in (monthly check-in) or of the
# relationship (closing questionnaire), for the party who answers.
ANSWER_FIELDS = [
    ("rating", "Check-in: rating of the relationship (1–5)"),
    ("progress", "Check-in: progress towards the goals"),
    ("concerns", "Check-in: concerns"),
    ("at_risk", "Check-in: relationship at risk (yes/no)"),
    ("contact_request", "Asks to be contacted by the coordinator (yes/no)"),
    ("satisfaction", "Closing: satisfaction (1–5)"),
    ("feedback", "Closing: feedback"),
]
# Question types each destination accepts.
ANSWER_FIELD_TYPES = {
    "rating": ("scale",),
    "satisfaction": ("scale",),
    "progress": ("text_box", "char_box"),
    "concerns": ("text_box", "char_box"),
    "feedback": ("text_box", "char_box"),
    "at_risk": ("simple_choice",),
    "contact_request": ("simple_choice",),
}
# Destinations answered yes or no: the answers meaning "yes" are ticked (``mentoring_yes``).
YES_NO_FIELDS = ("at_risk", "contact_request")


class SurveyQuestion(models.Model):
    _inherit = "survey.question"

    mentoring_questionnaire = fields.Boolean(related="survey_id.mentoring_questionnaire")
    mentoring_answer_field = fields.Selection(
        ANSWER_FIELDS,
        string="Fills (mentoring)",
        help="The answer fills this field of the check-in (monthly check-in) or of the "
        "relationship (closing questionnaire), for the person who answers. Wording can "
        "change freely: this setting keeps the link. Leave empty for a question whose "
        "answer stays in the questionnaire only.",
    )

    @api.constrains("mentoring_answer_field", "question_type", "scale_min", "scale_max")
    def _check_mentoring_answer_field(self):
        """A question that fills a record is of a type the field can take; a rating is a
        scale within 1–5, so that no answer outside 1–5 reaches a check-in.

        :raise ValidationError: a mapped question of another type, or a wider scale
        """
        types = dict(self._fields["question_type"]._description_selection(self.env))
        for question in self.filtered("mentoring_answer_field"):
            allowed = ANSWER_FIELD_TYPES[question.mentoring_answer_field]
            if question.question_type not in allowed:
                raise ValidationError(
                    self.env._(
                        "The question “%(question)s” fills a mentoring field: it must be of "
                        "type %(types)s.",
                        question=question.title,
                        types=", ".join(types.get(allowed_type, "") for allowed_type in allowed),
                    )
                )
            if question.question_type == "scale" and (
                question.scale_min < RATING_MIN or question.scale_max > RATING_MAX
            ):
                raise ValidationError(
                    self.env._(
                        "The question “%(question)s” gives a rating: its scale goes from "
                        "%(low)s to %(high)s at most.",
                        question=question.title,
                        low=RATING_MIN,
                        high=RATING_MAX,
                    )
                )

    def _validate_scale(self, answer):
        """Survey checks only that a mandatory scale is answered; a value outside the
        scale (a page tampered with, an old form) is refused too, with a message in the
        person's language next to the question, so that it never reaches a record."""
        errors = super()._validate_scale(answer)
        if errors or answer in (None, False, ""):
            return errors
        try:
            value = int(answer)
        except (TypeError, ValueError):
            value = None
        if value is None or not self.scale_min <= value <= self.scale_max:
            return {
                self.id: self.env._(
                    "Choose a value from %(low)s to %(high)s.",
                    low=self.scale_min,
                    high=self.scale_max,
                )
            }
        return errors


class SurveyQuestionAnswer(models.Model):
    _inherit = "survey.question.answer"

    mentoring_yes = fields.Boolean(
        string="Means yes",
        help="Choosing this answer to a yes/no question of a mentoring questionnaire means "
        "yes: for “relationship at risk”, the check-in is flagged at risk and the "
        "coordinator alerted; for “asks to be contacted by the coordinator”, the coordinator "
        "gets a to-do to contact the person.",
    )
