from odoo import fields, models


class SurveySurvey(models.Model):
    _inherit = "survey.survey"

    mentoring_questionnaire = fields.Boolean(
        string="Mentoring questionnaire",
        index=True,
        help="Sent to mentees and mentors (monthly check-in, closing). Mentoring staff read "
        "these questionnaires and their answers; mentoring managers edit them.",
    )
