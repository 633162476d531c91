from odoo.tests import tagged

from .common import PortalCase


@tagged("post_install", "-at_install")
class TestMentorTour(PortalCase):
    """In French, a mentor accepts a proposal from its link, logs a meeting in “My
    mentoring” and answers the monthly check-in questionnaire."""

    def test_mentor_accepts_logs_and_answers(self):
        self.mentor_user.lang = "fr_CA"
        self.env["ir.module.module"]._load_module_terms(
            ["mentoring_survey"], ["fr_CA"], overwrite=True
        )
        # Lucie Roy's mentee is proposed to Jean Tremblay, who mentors Amina already:
        # take Amina's relationship back to a proposal the mentee accepted.
        self.relationship.action_close("mismatch")
        proposal = self.env["mentoring.relationship"].create(
            {
                "mentee_id": self.mentee.id,
                "mentor_id": self.mentor.id,
                "program_id": self.program.id,
                "coordinator_id": self.coordinator.id,
            }
        )
        proposal.action_mentee_accept()
        checkin = self.env["mentoring.checkin"].create({"relationship_id": proposal.id})
        survey = self.env.ref("mentoring_survey.survey_monthly_checkin")
        proposal._invite_to_questionnaire(survey, checkin=checkin)
        url = f"{self.fr}{proposal._proposal_answer_url('mentor')}"
        self.start_tour(url, "mentoring_portal_mentor_tour", login=self.mentor_user.login)
        self.assertEqual(proposal.stage_type, "active")
        meeting = proposal.meeting_ids
        self.assertEqual(len(meeting), 1)
        self.assertEqual(meeting.topics, "Simulation d'entrevue")
        self.assertEqual(proposal.hours_total, meeting.duration)
        answer = self.env["survey.user_input"].search(
            [("mentoring_checkin_id", "=", checkin.id), ("mentoring_party", "=", "mentor")]
        )
        self.assertEqual(answer.state, "done")
        self.assertEqual(checkin.mentor_rating, 4)
