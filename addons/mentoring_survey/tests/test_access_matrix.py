from odoo.addons.mentoring_base.tests.access_matrix import AccessMatrixCase
from odoo.exceptions import AccessError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import QuestionnaireCase

MUTED = ("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccessMatrixCase, QuestionnaireCase):
    """mentoring_survey's rows (tests/access_matrix.csv): mentoring staff read the mentoring
    questionnaires and their answers, managers edit the questionnaires; nobody else reads
    any survey or answer, and staff never reach Odoo's other surveys."""

    _matrix_module = "mentoring_survey"
    allow_inherited_tests_method = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_survey = cls.env["survey.survey"].create(
            {"title": "Staff satisfaction", "access_mode": "token", "lang_ids": False}
        )
        other_question = cls.env["survey.question"].create(
            {
                "survey_id": cls.other_survey.id,
                "title": "Happy?",
                "question_type": "simple_choice",
                "suggested_answer_ids": [(0, 0, {"value": "Yes"}), (0, 0, {"value": "No"})],
            }
        )
        cls.other_answer = cls.other_survey._create_answer(partner=cls.employer)
        cls.other_answer._save_lines(other_question, other_question.suggested_answer_ids[0].id)
        relationship = cls._agreed_relationship(cls.mentee, cls.mentor)
        checkin = cls.env["mentoring.checkin"].create({"relationship_id": relationship.id})
        cls.mentoring_answer = checkin._send_questionnaires()[:1]
        question = cls.checkin_survey.question_ids.filtered(
            lambda q: q.mentoring_answer_field == "at_risk"
        )
        cls.mentoring_answer._save_lines(question, question.suggested_answer_ids[0].id)

    def _matrix_records(self, model, role):
        records = {
            "survey.survey": (self.checkin_survey, self.other_survey),
            "survey.question": (
                self.checkin_survey.question_ids[:1],
                self.other_survey.question_ids[:1],
            ),
            "survey.question.answer": (
                self.checkin_survey.question_ids.suggested_answer_ids[:1],
                self.other_survey.question_ids.suggested_answer_ids[:1],
            ),
            "survey.user_input": (self.mentoring_answer, self.other_answer),
            "survey.user_input.line": (
                self.mentoring_answer.user_input_line_ids[:1],
                self.other_answer.user_input_line_ids[:1],
            ),
        }
        if model in records:
            return records[model]
        return super()._matrix_records(model, role)

    def test_manager_rewords_a_question_and_the_answer_still_fills_the_checkin(self):
        question = self._question(self.checkin_survey, "rating").with_user(self.manager)
        question.title = "Overall, how was this month with your mentoring partner?"
        new_question = (
            self.env["survey.question"]
            .with_user(self.manager)
            .create(
                {
                    "survey_id": self.checkin_survey.id,
                    "title": "Anything to tell the coordinator?",
                    "question_type": "char_box",
                    "mentoring_answer_field": "concerns",
                }
            )
        )
        answer = self.mentoring_answer
        survey = self.checkin_survey
        answer._save_lines(question, 2)
        answer._save_lines(self._question(survey, "progress"), "Slow month")
        answer._save_lines(new_question, "Visa paperwork")
        contact = self._question(survey, "contact_request")
        answer._save_lines(contact, self._yes_no(contact, False))
        answer._mark_done()
        checkin = answer.mentoring_checkin_id
        self.assertEqual(checkin.mentee_rating, 2)
        self.assertEqual(checkin.concerns, "Mentee: Visa paperwork")

    def test_manager_edits_the_questionnaire_in_its_form(self):
        with Form(self.checkin_survey.with_user(self.manager)) as form:
            form.title = "Monthly check-in (2026)"
        self.assertEqual(self.checkin_survey.title, "Monthly check-in (2026)")

    def test_staff_open_the_checkin_with_its_questionnaires(self):
        checkin = self.mentoring_answer.mentoring_checkin_id
        for user in (self.mentoring_user, self.coordinator):
            with self.subTest(user=user.login):
                form = Form(checkin.with_user(user))
                self.assertEqual(len(form.mentoring_user_input_ids), 2)

    @mute_logger(*MUTED)
    def test_only_managers_edit_the_questionnaires(self):
        question = self._question(self.checkin_survey, "rating")
        for user in (self.coordinator, self.mentoring_user, self.referrer_a, self.portal_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                question.with_user(user).write({"title": "Changed"})
        with self.assertRaises(AccessError):
            self.other_survey.with_user(self.manager).write({"title": "Not mentoring"})

    @mute_logger(*MUTED)
    def test_referrer_and_portal_never_read_answers(self):
        for user in (self.referrer_a, self.portal_user, self.employee):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.mentoring_answer.with_user(user).read(["partner_id"])
        self.assertEqual(
            self.mentoring_answer.with_user(self.coordinator).partner_id, self.mentee.partner_id
        )
