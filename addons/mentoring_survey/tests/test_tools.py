from datetime import date, datetime

from odoo.tests import BaseCase, tagged

from ..tools.questionnaire import append_paragraph, invitation_deadline, is_rating


@tagged("at_install")
class TestQuestionnaireTools(BaseCase):
    def test_invitation_deadline_is_the_end_of_the_following_month(self):
        self.assertEqual(invitation_deadline(date(2026, 3, 16)), datetime(2026, 4, 30, 23, 59, 59))
        self.assertEqual(invitation_deadline(date(2026, 1, 31)), datetime(2026, 2, 28, 23, 59, 59))
        self.assertEqual(invitation_deadline(date(2026, 12, 1)), datetime(2027, 1, 31, 23, 59, 59))
        with self.assertRaises(TypeError):
            invitation_deadline("2026-03-16")

    def test_is_rating(self):
        self.assertTrue(is_rating(1))
        self.assertTrue(is_rating(5))
        for value in (0, 6, None, True, "3", 3.0):
            self.assertFalse(is_rating(value), value)

    def test_append_paragraph(self):
        self.assertEqual(append_paragraph(False, " Mentee: ok "), "Mentee: ok")
        self.assertEqual(append_paragraph("Staff", "Mentee: ok"), "Staff\n\nMentee: ok")
        self.assertEqual(
            append_paragraph("Staff\n\nMentee: ok", "Mentee: ok"), "Staff\n\nMentee: ok"
        )
        self.assertEqual(append_paragraph("Staff", ""), "Staff")
