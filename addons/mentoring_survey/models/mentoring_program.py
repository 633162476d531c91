from odoo import fields, models

CHECKIN_SURVEY = "mentoring_survey.survey_monthly_checkin"
CLOSING_SURVEY = "mentoring_survey.survey_closing"


class MentoringProgram(models.Model):
    _inherit = "mentoring.program"

    checkin_survey_id = fields.Many2one(
        "survey.survey",
        string="Check-in questionnaire",
        domain=[("mentoring_questionnaire", "=", True)],
        default=lambda self: self._default_survey(CHECKIN_SURVEY),
        ondelete="restrict",
        groups="mentoring_base.group_mentoring_user",
        tracking=True,
        help="Sent each month to mentee and mentor with the check-in. Empty: none is sent.",
    )
    closing_survey_id = fields.Many2one(
        "survey.survey",
        string="Closing questionnaire",
        domain=[("mentoring_questionnaire", "=", True)],
        default=lambda self: self._default_survey(CLOSING_SURVEY),
        ondelete="restrict",
        groups="mentoring_base.group_mentoring_user",
        tracking=True,
        help="Sent to mentee and mentor when the relationship closes. Empty: none is sent.",
    )

    def _default_survey(self, xmlid):
        survey = self.env.ref(xmlid, raise_if_not_found=False)
        return survey.id if survey and survey._name == "survey.survey" else False

    def _set_default_surveys(self):
        """Give programs without questionnaires the shipped ones."""
        for field, xmlid in (
            ("checkin_survey_id", CHECKIN_SURVEY),
            ("closing_survey_id", CLOSING_SURVEY),
        ):
            survey_id = self._default_survey(xmlid)
            if survey_id:
                self.sudo().filtered(lambda program, field=field: not program[field]).write(
                    {field: survey_id}
                )
