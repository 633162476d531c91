import re
from datetime import timedelta
from urllib.parse import urlsplit

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from .common import QuestionnaireCase

FRENCH_RATING_QUESTION = "Comment se passe votre relation de mentorat ce mois-ci"
ENGLISH_RATING_QUESTION = "How is your mentoring relationship going this month?"


@tagged("post_install", "-at_install")
class TestQuestionnaireHttp(HttpCase, QuestionnaireCase):
    """A participant answers from the e-mail link, without login, through survey's own
    pages; a wrong, used or expired link opens nothing and changes nothing."""

    def setUp(self):
        super().setUp()
        self.relationship = self._agreed()
        # The cron runs today: links are open until the end of next month.
        self.cron_env["mentoring.relationship"]._cron_plan_monthly_checkins()
        self.checkin = self.relationship.checkin_ids
        self.mentor_answer = self._invitations(self.relationship).filtered(
            lambda a: a.mentoring_party == "mentor"
        )

    def _link_in_mail(self, answer):
        body = self._mails(answer).body_html
        links = [url for url in re.findall(r'href="([^"]+)"', body) if "/survey/start/" in url]
        self.assertEqual(len(links), 1)
        url = urlsplit(links[0].replace("&amp;", "&"))
        return f"{url.path}?{url.query}"

    def _submit(self, answer, values):
        survey = answer.survey_id
        url = f"/survey/submit/{survey.access_token}/{answer.access_token}"
        response = self.url_open(url, json={"params": values})
        self.assertEqual(response.status_code, 200)
        return response.json().get("result")

    def _french_answers(self, answer):
        survey = answer.survey_id
        risk = self._question(survey, "at_risk")
        contact = self._question(survey, "contact_request")
        return {
            str(self._question(survey, "rating").id): "2",
            str(self._question(survey, "progress").id): "On a revu mon CV",
            str(self._question(survey, "concerns").id): "Horaires difficiles",
            str(risk.id): str(self._yes_no(risk, True)),
            str(contact.id): str(self._yes_no(contact, False)),
        }

    def test_french_mentor_answers_from_the_email_link(self):
        link = self._link_in_mail(self.mentor_answer)
        response = self.url_open(link)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Point de suivi mensuel", response.text)
        self.assertNotIn("Monthly check-in", response.text)
        survey = self.mentor_answer.survey_id
        begin = self.url_open(
            f"/survey/begin/{survey.access_token}/{self.mentor_answer.access_token}",
            json={"params": {}},
        )
        self.assertEqual(begin.status_code, 200)
        questions_html = begin.json()["result"][1]
        self.assertIn(FRENCH_RATING_QUESTION, str(questions_html))
        self.assertNotIn(ENGLISH_RATING_QUESTION, str(questions_html))
        result = self._submit(self.mentor_answer, self._french_answers(self.mentor_answer))
        self.assertNotIn("error", result[1] if isinstance(result, list) else {})
        self.assertEqual(self.mentor_answer.state, "done")
        self.assertEqual(self.checkin.mentor_rating, 2)
        self.assertEqual(self.checkin.progress, "Mentor: On a revu mon CV")
        self.assertEqual(self.checkin.concerns, "Mentor: Horaires difficiles")
        self.assertTrue(self.checkin.at_risk)
        self.assertTrue(self._todos(self.relationship, "at_risk"))
        self.assertEqual(self.checkin.state, "planned", "the mentee has not answered")
        # A second submit (double click, or the link used again) changes nothing.
        again = self._answer_values_changed(self.mentor_answer, "5")
        self.assertEqual(again[1], {"error": "unauthorized"})
        self.assertEqual(self.checkin.mentor_rating, 2)

    def _answer_values_changed(self, answer, rating):
        values = self._french_answers(answer)
        values[str(self._question(answer.survey_id, "rating").id)] = rating
        return self._submit(answer, values)

    def test_rating_out_of_bounds_is_refused(self):
        survey = self.mentor_answer.survey_id
        self.url_open(self._link_in_mail(self.mentor_answer))
        self.url_open(
            f"/survey/begin/{survey.access_token}/{self.mentor_answer.access_token}",
            json={"params": {}},
        )
        result = self._answer_values_changed(self.mentor_answer, "9")
        self.assertEqual(result[1].get("error"), "validation")
        rating = self._question(survey, "rating")
        self.assertEqual(result[1]["fields"], {str(rating.id): "Choisissez une valeur de 1 à 5."})
        self.assertNotEqual(self.mentor_answer.state, "done")
        self.assertFalse(self.checkin.mentor_rating)

    def _refused_then_corrected(self, answer):
        """Submit a rating of 9 (refused), then the same answers with a rating of 4."""
        survey = answer.survey_id
        self.url_open(self._link_in_mail(answer))
        self.url_open(
            f"/survey/begin/{survey.access_token}/{answer.access_token}", json={"params": {}}
        )
        refused = self._answer_values_changed(answer, "9")
        self.assertEqual(refused[1].get("error"), "validation")
        self.assertEqual(answer.state, "in_progress", "the other answers wait for the rating")
        self.assertFalse(self.checkin.mentor_rating)
        accepted = self._answer_values_changed(answer, "4")
        self.assertNotIn("error", accepted[1] if isinstance(accepted, list) else {})
        self.assertEqual(answer.state, "done")

    def test_corrected_answer_is_accepted_after_a_refusal(self):
        self._refused_then_corrected(self.mentor_answer)
        # The check-in is filled once, with the corrected rating.
        self.assertEqual(self.checkin.mentor_rating, 4)
        self.assertEqual(self.checkin.progress, "Mentor: On a revu mon CV")
        self.assertEqual(self.checkin.concerns, "Mentor: Horaires difficiles")
        answered = self.checkin.message_ids.filtered(
            lambda message: "Jean Questionnaire (mentor)" in (message.body or "")
        )
        self.assertEqual(len(answered), 1)
        lines = self.mentor_answer.user_input_line_ids
        self.assertEqual(len(lines), len(lines.question_id), "one line per question")

    def test_corrected_answer_is_accepted_on_a_copied_questionnaire(self):
        copy = self.checkin_survey.with_user(self.manager).copy()
        self.program.checkin_survey_id = copy
        self.checkin.unlink()
        self.cron_env["mentoring.relationship"]._cron_plan_monthly_checkins()
        self.checkin = self.relationship.checkin_ids
        answer = self._invitations(self.relationship).filtered(
            lambda a: a.mentoring_party == "mentor" and a.survey_id == copy
        )
        self._refused_then_corrected(answer)
        self.assertEqual(self.checkin.mentor_rating, 4)

    def test_wrong_token_opens_nothing(self):
        survey = self.mentor_answer.survey_id
        count = self.env["survey.user_input"].search_count([])
        response = self.url_open(f"/survey/start/{survey.access_token}?answer_token=wrong-token")
        self.assertNotIn(FRENCH_RATING_QUESTION, response.text)
        self.assertNotIn(ENGLISH_RATING_QUESTION, response.text)
        # Without a token (invited people only), nobody gets an answer of their own.
        response = self.url_open(f"/survey/start/{survey.access_token}")
        self.assertNotIn(ENGLISH_RATING_QUESTION, response.text)
        result = self.url_open(
            f"/survey/submit/{survey.access_token}/wrong-token",
            json={"params": self._french_answers(self.mentor_answer)},
        ).json()["result"]
        self.assertEqual(result[1], {"error": "token_wrong"})
        self.assertEqual(self.env["survey.user_input"].search_count([]), count)
        self.assertFalse(self.checkin.mentor_rating)

    def test_expired_link_shows_the_expired_page(self):
        link = self._link_in_mail(self.mentor_answer)
        with freeze_time(self.mentor_answer.deadline + timedelta(days=1)):
            response = self.url_open(link)
            self.assertIn("survey expired", response.text)
            self.assertNotIn(FRENCH_RATING_QUESTION, response.text)
            result = self._submit(self.mentor_answer, self._french_answers(self.mentor_answer))
        self.assertEqual(result[1], {"error": "answer_deadline"})
        self.assertFalse(self.checkin.mentor_rating)
