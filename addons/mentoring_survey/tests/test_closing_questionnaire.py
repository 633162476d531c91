from freezegun import freeze_time

from odoo.tests import Form, tagged

from .common import QuestionnaireCase


@tagged("post_install", "-at_install")
class TestClosingQuestionnaire(QuestionnaireCase):
    """Both people get the closing questionnaire once; answers fill the closing feedback."""

    def _by_party(self, relationship):
        return {a.mentoring_party: a for a in self._invitations(relationship, "closing")}

    def test_closing_stage_sends_it_and_answers_fill_the_relationship(self):
        relationship = self._agreed()
        with freeze_time("2026-05-25 09:00:00"):
            relationship.action_start_closing()
        answers = self._by_party(relationship)
        self.assertEqual(set(answers), {"mentee", "mentor"})
        self.assertEqual(answers["mentee"].survey_id, self.closing_survey)
        mails = self._mails(self._invitations(relationship, "closing"))
        self.assertEqual(
            sorted(mails.mapped("subject")),
            [
                "Votre relation de mentorat\u00a0: dites-nous comment elle s’est passée",
                "Your mentoring relationship: tell us how it went",
            ],
        )
        by_party = {mail.res_id: mail for mail in mails}
        mentee_mail = by_party[answers["mentee"].id]
        mentor_mail = by_party[answers["mentor"].id]
        self.assertIn("Your closing questionnaire", mentee_mail.body_html)
        self.assertIn("Kind regards,", mentee_mail.body_html)
        self.assertIn("Your answers to three questions will help us improve", mentee_mail.body_html)
        self.assertIn("Votre questionnaire de fin de relation", mentor_mail.body_html)
        self.assertIn("Cordialement,", mentor_mail.body_html)
        self.assertNotIn("vœux", mentor_mail.body_html)
        self.assertIn(
            "Vos réponses à trois questions nous aideront à améliorer le programme.",
            mentor_mail.body_html,
        )
        with freeze_time("2026-05-26 09:00:00"):
            self._answer_closing(answers["mentee"], satisfaction=5, feedback="Very helpful")
            self._answer_closing(answers["mentor"], satisfaction=4, feedback="Belle expérience")
        self.assertEqual(relationship.mentee_satisfaction, 5)
        self.assertEqual(relationship.mentor_satisfaction, 4)
        self.assertEqual(relationship.mentee_feedback, "Very helpful")
        self.assertEqual(relationship.mentor_feedback, "Belle expérience")
        # The close dialog shows the answers; closing keeps them and sends nothing again.
        with freeze_time("2026-05-28 09:00:00"):
            action = relationship.with_user(self.coordinator).action_open_close()
            with Form(
                self.env[action["res_model"]]
                .with_user(self.coordinator)
                .with_context(**action["context"])
            ) as wizard:
                self.assertEqual(wizard.mentee_feedback, "Very helpful")
                self.assertEqual(wizard.mentor_satisfaction, "4")
                wizard.closure_reason = "objectives_met"
            wizard.record.action_close()
        self.assertEqual(relationship.stage_type, "completed")
        self.assertEqual(relationship.mentee_feedback, "Very helpful")
        self.assertEqual(relationship.mentor_satisfaction, 4)
        self.assertEqual(len(self._invitations(relationship, "closing")), 2)

    def test_closing_answers_name_the_person_and_a_contact_request_reaches_the_coordinator(
        self,
    ):
        # A manager adds the contact question to the closing questionnaire.
        question = (
            self.env["survey.question"]
            .with_user(self.manager)
            .create(
                {
                    "survey_id": self.closing_survey.id,
                    "title": "Would you like your coordinator to contact you?",
                    "question_type": "simple_choice",
                    "mentoring_answer_field": "contact_request",
                    "suggested_answer_ids": [
                        (0, 0, {"value": "Yes", "mentoring_yes": True}),
                        (0, 0, {"value": "No"}),
                    ],
                }
            )
        )
        relationship = self._agreed()
        relationship.action_start_closing()
        answer = self._by_party(relationship)["mentor"]
        answer._save_lines(question, self._yes_no(question, True))
        self._answer_closing(answer, satisfaction=4, feedback="Bien")
        todo = self._todos(relationship, "contact:closing:mentor")
        self.assertEqual(todo.summary, "Jean Questionnaire asks to be contacted")
        self.assertTrue(
            relationship.message_ids.filtered(
                lambda m: (
                    "Jean Questionnaire (mentor) answered the closing questionnaire."
                    in (m.body or "")
                )
            )
        )

    def test_closed_without_closing_stage_sends_it(self):
        relationship = self._agreed()
        with freeze_time("2026-05-25 09:00:00"):
            relationship.action_close("mentee_employed")
        answers = self._by_party(relationship)
        self.assertEqual(set(answers), {"mentee", "mentor"})
        self._answer_closing(answers["mentor"], satisfaction=3, feedback="Court mais utile")
        self.assertEqual(relationship.mentor_satisfaction, 3)
        self.assertEqual(relationship.mentor_feedback, "Court mais utile")

    def test_staff_feedback_is_not_overwritten(self):
        relationship = self._agreed()
        relationship.action_start_closing()
        relationship.with_user(self.coordinator).write(
            {"mentee_feedback": "Told me on the phone: great", "mentee_satisfaction": 5}
        )
        self._answer_closing(self._by_party(relationship)["mentee"], 2, "Not so great")
        self.assertEqual(relationship.mentee_feedback, "Told me on the phone: great")
        self.assertEqual(relationship.mentee_satisfaction, 5)
        note = relationship.message_ids.filtered(lambda m: "Kept as entered" in (m.body or ""))
        self.assertTrue(note, "the chatter says the answer was not written")

    def test_pending_questionnaires_of_a_person(self):
        relationship = self._agreed()
        self._plan_checkins()
        mentee_partner = self.mentee.partner_id
        with freeze_time("2026-03-20 09:00:00"):
            pending = relationship._pending_questionnaires(mentee_partner)
        self.assertEqual(len(pending), 1)
        self.assertEqual(pending.mentoring_party, "mentee")
        self.assertTrue(pending.get_start_url().startswith("/survey/start/"))
        self.assertIn(pending.access_token, pending.get_start_url())
        with freeze_time("2026-03-20 09:00:00"):
            self.assertFalse(relationship._pending_questionnaires(self.employer))
            self.assertTrue(relationship._pending_questionnaires(self.mentor.partner_id))
            self._answer_checkin(pending, rating=4, progress="Ok")
            self.assertFalse(relationship._pending_questionnaires(mentee_partner), "answered")
        # The mentor's link expires at the end of the following month.
        with freeze_time("2026-05-01 09:00:00"):
            self.assertFalse(relationship._pending_questionnaires(self.mentor.partner_id))
