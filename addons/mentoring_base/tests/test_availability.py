import importlib.util
from pathlib import Path

from odoo.exceptions import ValidationError
from odoo.modules.module import get_module_path
from odoo.tests import Form, tagged
from odoo.tools.sql import column_exists

from ..tools.availability import FULL_WEEK, parse_availability, slot_bit
from .common import MentoringCase

TUESDAY_EVENING = slot_bit(1, 3)
SATURDAY_MORNING = slot_bit(5, 0)
WEEKDAY_EVENINGS = sum(slot_bit(day, 3) for day in range(5))


def load_post_migration(version):
    """The ``migrate`` function of mentoring_base's post-migration to ``version``."""
    path = Path(get_module_path("mentoring_base"), "migrations", version, "post-migrate.py")
    spec = importlib.util.spec_from_file_location(f"mentoring_base_post_migrate_{version}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.migrate


@tagged("post_install", "-at_install")
class TestAvailabilityGrid(MentoringCase):
    """The weekly availability grid: ticked by people, only pre-filled from the text."""

    def test_grid_stored_as_ticked(self):
        mentor = self._mentor(
            "Grid Person", availability="Tuesday evenings", availability_slots=SATURDAY_MORNING
        )
        self.assertEqual(mentor.availability_slots, SATURDAY_MORNING)
        # Editing the text never recomputes the grid, nor does emptying the grid.
        mentor.availability = "Weekday evenings"
        self.env.flush_all()
        mentor.invalidate_recordset()
        self.assertEqual(mentor.availability_slots, SATURDAY_MORNING)
        mentor.availability_slots = 0
        self.env.flush_all()
        mentor.invalidate_recordset()
        self.assertEqual(mentor.availability_slots, 0)
        self.assertEqual(mentor.availability, "Weekday evenings")
        mentor.availability_slots = FULL_WEEK
        self.assertEqual(mentor.availability_slots, FULL_WEEK)
        mentee = self._mentee("Grid Mentee", availability_slots=TUESDAY_EVENING)
        self.assertEqual(mentee.availability_slots, TUESDAY_EVENING)

    def test_grid_outside_the_week_refused(self):
        mentor = self._mentor("Bad Grid", availability_slots=TUESDAY_EVENING)
        for bits in (-1, FULL_WEEK + 1, 1 << 28, 2**31 - 1):
            with self.subTest(bits=bits), self.assertRaisesText(ValidationError, "outside"):
                mentor.availability_slots = bits
                self.env.flush_all()
        self.assertEqual(mentor.availability_slots, TUESDAY_EVENING)

    def test_onchange_prefills_an_empty_grid_only(self):
        with Form(self.env["mentoring.mentor"]) as form:
            form.name = "Onchange Person"
            form.email = "onchange@example.com"
            self.assertEqual(form.availability_slots, 0)
            form.availability = "Tuesday evenings, downtown"
            self.assertEqual(form.availability_slots, TUESDAY_EVENING)
            # The grid is ticked: other text leaves it alone.
            form.availability = "Weekday evenings"
            self.assertEqual(form.availability_slots, TUESDAY_EVENING)
            # Emptied by hand, the grid is pre-filled again from the next text.
            form.availability_slots = 0
            form.availability = "Saturday mornings"
            self.assertEqual(form.availability_slots, SATURDAY_MORNING)
            # Text the parser does not understand ticks nothing.
            form.availability_slots = 0
            form.availability = "By video call"
            self.assertEqual(form.availability_slots, 0)
        mentor = form.record
        mentor.availability_slots = WEEKDAY_EVENINGS
        with Form(mentor) as form:
            form.availability = "Saturday mornings"
            self.assertEqual(form.availability_slots, WEEKDAY_EVENINGS)
        self.assertEqual(mentor.availability_slots, WEEKDAY_EVENINGS)

    def test_fill_empty_grids_from_text(self):
        Mentor = self.env["mentoring.mentor"]
        Mentor._fill_empty_availability_slots()  # whatever the database already holds
        empty = self._mentor("Empty Grid", availability="Weekday evenings and Saturday mornings")
        archived = self._mentor("Archived Grid", availability="mardi soir", active=False)
        ticked = self._mentor(
            "Ticked Grid", availability="Weekday evenings", availability_slots=SATURDAY_MORNING
        )
        unreadable = self._mentor("Unreadable Grid", availability="By video call")
        no_text = self._mentor("No Text Grid")
        self.assertEqual(Mentor._fill_empty_availability_slots(), 2)
        self.assertEqual(empty.availability_slots, WEEKDAY_EVENINGS | SATURDAY_MORNING)
        self.assertEqual(archived.availability_slots, TUESDAY_EVENING)
        self.assertEqual(ticked.availability_slots, SATURDAY_MORNING)
        self.assertEqual(unreadable.availability_slots, 0)
        self.assertEqual(no_text.availability_slots, 0)
        # Run again, nothing is left to fill.
        self.assertEqual(Mentor._fill_empty_availability_slots(), 0)

    def test_fill_empty_grids_without_the_text_column(self):
        """Mentees get their text from mentoring_matching, maybe not installed: nothing to
        fill then, and no error."""
        cr = self.env.cr
        Mentee = self.env["mentoring.mentee"]
        if not column_exists(cr, Mentee._table, "availability"):
            self.assertEqual(Mentee._fill_empty_availability_slots(), 0)
            return
        self.env.flush_all()
        cr.execute("ALTER TABLE mentoring_mentee RENAME COLUMN availability TO availability_moved")
        try:
            self.assertEqual(Mentee._fill_empty_availability_slots(), 0)
        finally:
            cr.execute(
                "ALTER TABLE mentoring_mentee RENAME COLUMN availability_moved TO availability"
            )

    def test_post_migration(self):
        """The 19.0.1.2.0 post-migration fills the empty grids of mentors, and of mentees
        when their text exists."""
        empty = self._mentor("Migrated Mentor", availability="Saturday mornings")
        ticked = self._mentor(
            "Kept Mentor", availability="Saturday mornings", availability_slots=TUESDAY_EVENING
        )
        self.env.flush_all()
        load_post_migration("19.0.1.2.0")(self.env.cr, "19.0.1.1.0")
        self.assertEqual(empty.availability_slots, SATURDAY_MORNING)
        self.assertEqual(ticked.availability_slots, TUESDAY_EVENING)
        self.assertEqual(parse_availability("Saturday mornings"), SATURDAY_MORNING)
