from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import QuestionnaireCase


@tagged("post_install", "-at_install")
class TestCheckinQuestionnaire(QuestionnaireCase):
    """The monthly check-in cron sends each person their questionnaire; answers fill the
    check-in."""

    def test_cron_sends_each_person_their_questionnaire_in_their_language(self):
        relationship = self._agreed()
        self._plan_checkins()
        checkin = relationship.checkin_ids
        self.assertEqual(len(checkin), 1)
        answers = self._invitations(relationship)
        self.assertEqual(sorted(answers.mapped("mentoring_party")), ["mentee", "mentor"])
        self.assertEqual(answers.mentoring_checkin_id, checkin)
        self.assertEqual(answers.survey_id, self.checkin_survey)
        by_party = {answer.mentoring_party: answer for answer in answers}
        self.assertEqual(by_party["mentee"].partner_id, self.mentee.partner_id)
        self.assertEqual(by_party["mentor"].partner_id, self.mentor.partner_id)
        self.assertEqual(by_party["mentor"].lang_id.code, "fr_CA")
        # Open until the end of the following month.
        self.assertEqual(set(answers.mapped("deadline")), {datetime(2026, 4, 30, 23, 59, 59)})
        # Each person gets their own link, in their language.
        mails = self._mails(answers)
        self.assertEqual(len(mails), 2)
        mentee_mail = mails.filtered(lambda m: m.res_id == by_party["mentee"].id)
        mentor_mail = mails.filtered(lambda m: m.res_id == by_party["mentor"].id)
        self.assertEqual(mentee_mail.recipient_ids, self.mentee.partner_id)
        self.assertEqual(mentor_mail.recipient_ids, self.mentor.partner_id)
        self.assertEqual(mentee_mail.subject, "Your monthly mentoring check-in")
        self.assertEqual(mentor_mail.subject, "Votre point de suivi mensuel de mentorat")
        self.assertIn("Answer the check-in", mentee_mail.body_html)
        self.assertIn("Répondre au point de suivi", mentor_mail.body_html)
        # The layout's header says what the e-mail is about, in the person's language.
        self.assertIn("Your check-in questionnaire", mentee_mail.body_html)
        self.assertIn("Votre questionnaire du point de suivi", mentor_mail.body_html)
        for mail in mentee_mail | mentor_mail:
            self.assertNotIn("Survey User Input", mail.body_html)
            self.assertNotIn("Réponse au sondage", mail.body_html)
        self.assertIn(by_party["mentee"].access_token, mentee_mail.body_html)
        self.assertIn(by_party["mentor"].access_token, mentor_mail.body_html)
        self.assertNotIn(by_party["mentee"].access_token, mentor_mail.body_html)
        # The questionnaire itself reads in French for the French mentor.
        french = self.checkin_survey.with_context(lang="fr_CA")
        self.assertEqual(french.title, "Point de suivi mensuel")
        self.assertIn(
            "Comment se passe votre relation de mentorat ce mois-ci\u00a0?",
            french.question_ids.mapped("title"),
        )

    def test_cron_twice_sends_nothing_new(self):
        relationship = self._agreed()
        self._plan_checkins()
        answers = self._invitations(relationship)
        mails = self._mails(answers)
        self._plan_checkins("2026-03-20 09:00:00")
        self.assertEqual(self._invitations(relationship), answers)
        self.assertEqual(self._mails(self._invitations(relationship)), mails)
        # Next month: a new check-in, new invitations.
        self._plan_checkins("2026-04-02 09:00:00")
        self.assertEqual(len(self._invitations(relationship)), 4)

    def test_answers_fill_the_checkin_and_close_the_todo(self):
        relationship = self._agreed()
        self._plan_checkins()
        checkin = relationship.checkin_ids
        self.assertTrue(self._todos(relationship, "checkin:2026-03"))
        answers = {a.mentoring_party: a for a in self._invitations(relationship)}
        with freeze_time("2026-03-18 10:00:00"):
            self._answer_checkin(answers["mentee"], rating=4, progress="Two interviews booked")
        self.assertEqual(checkin.mentee_rating, 4)
        self.assertFalse(checkin.mentor_rating)
        self.assertEqual(checkin.progress, "Mentee: Two interviews booked")
        self.assertFalse(checkin.concerns)
        self.assertEqual(checkin.state, "planned", "the mentor has not answered yet")
        self.assertTrue(self._todos(relationship, "checkin:2026-03"))
        with freeze_time("2026-03-19 10:00:00"):
            self._answer_checkin(
                answers["mentor"], rating=5, progress="Résumé revu", concerns="Peu de temps"
            )
        self.assertEqual(checkin.mentor_rating, 5)
        self.assertEqual(checkin.progress, "Mentee: Two interviews booked\n\nMentor: Résumé revu")
        self.assertEqual(checkin.concerns, "Mentor: Peu de temps")
        self.assertFalse(checkin.at_risk)
        self.assertEqual(checkin.state, "done")
        self.assertFalse(self._todos(relationship, "checkin:2026-03"), "to-do marked done")
        self.assertFalse(self._todos(relationship, "at_risk"))

    def test_at_risk_answer_alerts_the_coordinator(self):
        relationship = self._agreed()
        self._plan_checkins()
        checkin = relationship.checkin_ids
        mentor_answer = self._invitations(relationship).filtered(
            lambda a: a.mentoring_party == "mentor"
        )
        self._answer_checkin(mentor_answer, rating=2, progress="Peu", at_risk=True)
        self.assertTrue(checkin.at_risk)
        self.assertTrue(relationship.at_risk)
        alert = self._todos(relationship, "at_risk")
        self.assertEqual(alert.user_id, self.coordinator)
        self.assertEqual(alert.summary, "Check-in flagged the relationship at risk")
        self.assertFalse(
            self._todos(relationship, f"contact:{checkin.id}:mentor"), "no call asked for"
        )

    def test_contact_request_gives_the_coordinator_a_todo_in_their_language(self):
        relationship = self._agreed()
        self._plan_checkins()
        checkin = relationship.checkin_ids
        answers = {a.mentoring_party: a for a in self._invitations(relationship)}
        self._answer_checkin(answers["mentee"], progress="Going well", contact=True)
        todo = self._todos(relationship, f"contact:{checkin.id}:mentee")
        self.assertEqual(todo.user_id, self.coordinator)
        self.assertEqual(todo.summary, "Amina Questionnaire asks to be contacted")
        # Asking for a call says nothing about the relationship going badly.
        self.assertFalse(checkin.at_risk)
        self.assertFalse(self._todos(relationship, "at_risk"))
        # A French coordinator reads the mentor's request in French.
        self.coordinator.lang = "fr_CA"
        self._answer_checkin(answers["mentor"], progress="Bien", contact=True)
        todo = self._todos(relationship, f"contact:{checkin.id}:mentor")
        self.assertEqual(todo.summary, "Jean Questionnaire demande à être contacté(e)")
        self.assertFalse(checkin.at_risk)

    def test_chatter_names_the_person_who_answered(self):
        relationship = self._agreed()
        self._plan_checkins()
        checkin = relationship.checkin_ids
        answers = {a.mentoring_party: a for a in self._invitations(relationship)}
        self._answer_checkin(answers["mentee"], progress="Ok")
        self.assertTrue(
            checkin.message_ids.filtered(
                lambda m: (
                    "Amina Questionnaire (mentee) answered the check-in questionnaire."
                    in (m.body or "")
                )
            )
        )
        self.coordinator.lang = "fr_CA"
        self._answer_checkin(answers["mentor"], progress="Bien")
        self.assertTrue(
            checkin.message_ids.filtered(
                lambda m: (
                    "Jean Questionnaire (mentor) a répondu au questionnaire du point de "
                    "suivi." in (m.body or "")
                )
            )
        )

    def test_every_checkin_question_fills_something(self):
        questions = self.checkin_survey.question_ids
        self.assertEqual(len(questions), 5)
        self.assertEqual(
            sorted(questions.mapped("mentoring_answer_field")),
            ["at_risk", "concerns", "contact_request", "progress", "rating"],
        )
        french = self.checkin_survey.with_context(lang="fr_CA").question_ids
        self.assertIn(
            "La relation de mentorat risque-t-elle de prendre fin\u00a0?", french.mapped("title")
        )
        self.assertIn(
            "Souhaitez-vous que votre coordonnateur communique avec vous\u00a0?",
            french.mapped("title"),
        )

    def test_hand_entered_values_are_kept(self):
        relationship = self._agreed()
        self._plan_checkins()
        checkin = relationship.checkin_ids
        checkin.with_user(self.coordinator).write(
            {"mentee_rating": 3, "progress": "Phone call: mentee is confident", "at_risk": True}
        )
        mentee_answer = self._invitations(relationship).filtered(
            lambda a: a.mentoring_party == "mentee"
        )
        self._answer_checkin(mentee_answer, rating=5, progress="Found a lead")
        self.assertEqual(checkin.mentee_rating, 3, "the rating entered by hand is kept")
        self.assertEqual(
            checkin.progress, "Phone call: mentee is confident\n\nMentee: Found a lead"
        )
        self.assertTrue(checkin.at_risk, "an answer without risk never clears the flag")
        note = checkin.message_ids.filtered(lambda m: "was kept" in (m.body or ""))
        self.assertIn("Rating given in the questionnaire: 5", note.body)

    def test_rating_questions_stay_within_one_to_five(self):
        rating = self._question(self.checkin_survey, "rating")
        with self.assertRaises(ValidationError):
            rating.scale_max = 10
        with self.assertRaises(ValidationError):
            self._question(self.checkin_survey, "progress").question_type = "numerical_box"
        with self.assertRaises(ValidationError):
            self._question(self.checkin_survey, "contact_request").question_type = "text_box"

    def test_staff_send_the_questionnaire_of_a_checkin_entered_by_hand(self):
        relationship = self._agreed()
        checkin = (
            self.env["mentoring.checkin"]
            .with_user(self.coordinator)
            .create({"relationship_id": relationship.id})
        )
        self.assertFalse(self._invitations(relationship), "entered by hand: nothing sent")
        checkin.action_send_questionnaires()
        self.assertEqual(len(self._invitations(relationship)), 2)
        checkin.action_send_questionnaires()
        self.assertEqual(len(self._invitations(relationship)), 2, "not twice")

    def test_program_without_questionnaire_sends_none(self):
        self.program.checkin_survey_id = False
        relationship = self._agreed()
        self._plan_checkins()
        self.assertTrue(relationship.checkin_ids, "the check-in is still planned")
        self.assertFalse(self._invitations(relationship))

    def test_program_form_offers_the_questionnaires(self):
        with Form(self.env["mentoring.program"].with_user(self.manager)) as form:
            form.name = "New program"
        self.assertEqual(form.record.checkin_survey_id, self.checkin_survey)
        self.assertEqual(form.record.closing_survey_id, self.closing_survey)
