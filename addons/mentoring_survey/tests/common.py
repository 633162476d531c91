from freezegun import freeze_time

from odoo.addons.mentoring_base.tests.common import MentoringCase

CHECKIN_SURVEY = "mentoring_survey.survey_monthly_checkin"
CLOSING_SURVEY = "mentoring_survey.survey_closing"


class QuestionnaireCase(MentoringCase):
    """An English mentee, a French (Canada) mentor, an English coordinator, the shipped
    questionnaires in both languages, and helpers to answer them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_CA")
        cls.env["ir.module.module"]._load_module_terms(
            ["mail", "mentoring_base", "survey", "mentoring_survey"], ["fr_CA"], overwrite=True
        )
        # French of mail's e-mail layout, as a standard Odoo ships it ("Your" → "Votre").
        cls.env.ref("mail.mail_notification_light").update_field_translations(
            "arch_db", {"fr_CA": {"Your": "Votre"}}
        )
        cls.coordinator.lang = "en_US"
        cls.program._set_default_surveys()
        cls.checkin_survey = cls.env.ref(CHECKIN_SURVEY)
        cls.closing_survey = cls.env.ref(CLOSING_SURVEY)
        cls.mentee = cls._mentee("Amina Questionnaire", cls.agency_a, state="ready", lang="en_US")
        cls.mentor = cls._mentor("Jean Questionnaire", state="available", lang="fr_CA")
        # Scheduled actions run with an empty context.
        cls.cron_env = cls.env(context={})

    def _agreed(self, day="2026-03-02"):
        with freeze_time(day):
            return self._agreed_relationship(self.mentee, self.mentor)

    def _plan_checkins(self, day="2026-03-16 09:00:00"):
        with freeze_time(day):
            self.cron_env["mentoring.relationship"]._cron_plan_monthly_checkins()

    def _invitations(self, relationship, kind="checkin"):
        return (
            self.env["survey.user_input"]
            .sudo()
            .search(
                [("mentoring_relationship_id", "=", relationship.id), ("mentoring_kind", "=", kind)]
            )
        )

    def _mails(self, answers):
        return (
            self.env["mail.mail"]
            .sudo()
            .search([("model", "=", "survey.user_input"), ("res_id", "in", answers.ids)])
        )

    def _question(self, survey, destination=None, question_type=None):
        questions = survey.question_ids
        if destination:
            return questions.filtered(lambda q: q.mentoring_answer_field == destination)
        return questions.filtered(
            lambda q: not q.mentoring_answer_field and q.question_type == question_type
        )

    def _todos(self, record, key):
        return record.sudo().activity_ids.filtered(lambda activity: activity.mentoring_key == key)

    def _yes_no(self, question, yes):
        """The id of ``question``'s answer meaning yes (``yes``) or no."""
        return question.suggested_answer_ids.filtered(lambda a: a.mentoring_yes == yes)[:1].id

    def _answer_checkin(
        self, answer, rating=4, progress="", concerns="", at_risk=False, contact=False
    ):
        """Answer a check-in questionnaire as survey's form saves it, then finish it."""
        survey = answer.survey_id
        answer._save_lines(self._question(survey, "rating"), rating)
        answer._save_lines(self._question(survey, "progress"), progress)
        answer._save_lines(self._question(survey, "concerns"), concerns)
        risk = self._question(survey, "at_risk")
        answer._save_lines(risk, self._yes_no(risk, at_risk))
        contact_question = self._question(survey, "contact_request")
        answer._save_lines(contact_question, self._yes_no(contact_question, contact))
        answer._mark_done()

    def _answer_closing(self, answer, satisfaction=5, feedback=""):
        survey = answer.survey_id
        answer._save_lines(self._question(survey, "satisfaction"), satisfaction)
        answer._save_lines(self._question(survey, "feedback"), feedback)
        again = self._question(survey, question_type="simple_choice")
        answer._save_lines(again, again.suggested_answer_ids[:1].id)
        answer._mark_done()
