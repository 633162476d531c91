from odoo.addons.mentoring_base.tools.availability import slot_bit
from odoo.tests import tagged

from .common import MENTOR_URL, MentoringWebsiteCase


@tagged("post_install", "-at_install")
class TestMentorTour(MentoringWebsiteCase):
    def test_become_mentor_tour(self):
        self.start_tour(self.fr + MENTOR_URL, "mentoring_become_mentor_tour")
        mentor = self.env["mentoring.mentor"].search(
            [("email", "=", "genevieve.lapointe@example.com")]
        )
        self.assertEqual(len(mentor), 1)
        self.assertEqual(mentor.noc_id.code, "21231")
        self.assertEqual(mentor.partner_id.lang, "fr_CA")
        self.assertEqual(mentor.state, "applicant")
        self.assertEqual(mentor.naics_id, self.naics_professional)
        self.assertEqual(mentor.spoken_language_ids, self.english | self.french)
        self.assertEqual(mentor.commitment_months, 6)
        self.assertEqual(mentor.recruitment_source, "mentor_referral")
        # Tuesday evening and Saturday morning ticked in the grid, the rest typed.
        self.assertEqual(mentor.availability_slots, slot_bit(1, 3) | slot_bit(5, 0))
        self.assertEqual(mentor.availability, "À Gatineau ou en ligne")
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", "mentoring.mentor"), ("res_id", "=", mentor.id)]
        )
        self.assertEqual(attachment.name, "cv-genevieve.pdf")
