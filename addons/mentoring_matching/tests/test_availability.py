from odoo.addons.mentoring_base.tools.availability import slot_bit
from odoo.tests import Form, tagged

from .common import MatchingCase

TUESDAY_EVENING = slot_bit(1, 3)
SATURDAY_MORNING = slot_bit(5, 0)


@tagged("post_install", "-at_install")
class TestAvailabilityGrid(MatchingCase):
    """Mentees' weekly grid: pre-filled from their text, then what the matching reads."""

    def test_mentee_onchange_prefills_an_empty_grid_only(self):
        mentee = self._ready_mentee("Grid Mentee")
        with Form(mentee) as form:
            form.availability = "Mardi soir, en ligne"
            self.assertEqual(form.availability_slots, TUESDAY_EVENING)
            form.availability = "Saturday mornings"
            self.assertEqual(form.availability_slots, TUESDAY_EVENING)
        self.assertEqual(mentee.availability_slots, TUESDAY_EVENING)
        self.assertEqual(mentee.availability, "Saturday mornings")

    def test_fill_empty_mentee_grids_from_text(self):
        Mentee = self.env["mentoring.mentee"]
        Mentee._fill_empty_availability_slots()  # whatever the database already holds
        empty = self._ready_mentee("Empty Mentee", availability="samedi matin")
        ticked = self._ready_mentee(
            "Ticked Mentee", availability="samedi matin", availability_slots=TUESDAY_EVENING
        )
        self.assertEqual(Mentee._fill_empty_availability_slots(), 1)
        self.assertEqual(empty.availability_slots, SATURDAY_MORNING)
        self.assertEqual(ticked.availability_slots, TUESDAY_EVENING)

    def test_scoring_reads_the_grid_not_the_text(self):
        mentee = self._ready_mentee(
            "Grid Reader",
            availability="Monday mornings",
            availability_slots=TUESDAY_EVENING,
            match_availability="preferred",
        )
        same_grid = self._available_mentor(
            "Mentor Same Grid", availability="lundi matin", availability_slots=TUESDAY_EVENING
        )
        text_only = self._available_mentor("Mentor Text Only", availability="Tuesday evenings")
        other_grid = self._available_mentor(
            "Mentor Other Grid", availability="Tuesday evenings", availability_slots=slot_bit(0, 0)
        )
        lines = self._lines(mentee, same_grid)["availability"]
        self.assertEqual((lines.credit, lines.key), (1.0, "availability_overlap"))
        lines = self._lines(mentee, text_only)["availability"]
        self.assertEqual((lines.credit, lines.key), (0.5, "availability_unknown"))
        lines = self._lines(mentee, other_grid)["availability"]
        self.assertEqual((lines.credit, lines.key), (0.0, "availability_none"))
