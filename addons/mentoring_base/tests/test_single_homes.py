from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import MentoringCase


@tagged("post_install", "-at_install")
class TestClassificationAncestors(MentoringCase):
    """One definition of the NOC and NAICS hierarchies, stored where reports group."""

    def test_noc_ancestors_at_each_level(self):
        Noc = self.env["mentoring.noc"]
        unit = self.noc_software
        for level, code in enumerate(("2", "21", "212", "2123", "21231"), start=1):
            self.assertEqual(Noc.browse(unit.id)._ancestors_at_level(level)[unit].code, code)
        self.assertEqual(unit.broad_category_id.code, "2")
        self.assertEqual(unit.major_group_id.code, "21")
        major = unit.major_group_id
        self.assertEqual(major.major_group_id, major, "a major group is its own major group")
        broad = unit.broad_category_id
        self.assertFalse(broad.major_group_id, "a broad category has no major group")
        # Every unit group's stored major group is its grand-grand-parent.
        units = Noc.search([("level", "=", 5)])
        self.assertEqual(
            units.filtered(
                lambda entry: entry.major_group_id != entry.parent_id.parent_id.parent_id
            ),
            Noc,
        )

    def test_naics_sector_of_ranges(self):
        Naics = self.env["mentoring.naics"]
        manufacturing = Naics.search([("code", "=", "332999")])
        self.assertEqual(manufacturing.sector_id.code, "31-33")
        self.assertEqual(self.naics_design.sector_id.code, "54")
        sectors = Naics.search([("level", "=", 1)])
        self.assertEqual(sectors.sector_id, sectors)
        self.assertEqual(Naics.search_count([("sector_id", "=", False)]), 0)


@tagged("post_install", "-at_install")
class TestMentorCapacity(MentoringCase):
    """Free places: maximum minus active mentees minus pending proposals, in one field."""

    def _propose(self, mentee, mentor):
        return self.env["mentoring.relationship"].create(
            {
                "mentee_id": mentee.id,
                "mentor_id": mentor.id,
                "program_id": self.program.id,
                "coordinator_id": self.coordinator.id,
            }
        )

    def test_pending_proposals_hold_places(self):
        mentor = self._mentor("Capacity Mentor", state="available", max_mentees=2)
        self.assertEqual((mentor.free_places, mentor.can_take_mentees), (2, True))
        first = self._propose(self._mentee("Capacity Mentee One"), mentor)
        self.assertEqual(first.stage_type, "proposed")
        self.assertEqual((mentor.pending_mentee_count, mentor.free_places), (1, 1))
        second = self._propose(self._mentee("Capacity Mentee Two"), mentor)
        self.assertEqual((mentor.free_places, mentor.can_take_mentees), (0, False))
        second.action_mentee_decline("not now")
        self.assertEqual(second.stage_type, "cancelled")
        self.assertEqual((mentor.free_places, mentor.can_take_mentees), (1, True))
        first.action_mentee_accept()
        first.action_mentor_accept()
        self.assertEqual(first.stage_type, "active")
        self.assertEqual(
            (mentor.active_mentee_count, mentor.pending_mentee_count, mentor.free_places),
            (1, 0, 1),
        )
        self.assertTrue(mentor.can_take_mentees)
        mentor.action_pause()
        self.assertEqual((mentor.free_places, mentor.can_take_mentees), (1, False))

    def test_capacity_filter_finds_the_same_mentors(self):
        free = self._mentor("Free Mentor", state="available", max_mentees=1)
        held = self._mentor("Held Mentor", state="available", max_mentees=1)
        self._propose(self._mentee("Held Mentee"), held)
        found = self.env["mentoring.mentor"].search([("can_take_mentees", "=", True)])
        self.assertIn(free, found)
        self.assertNotIn(held, found)


@tagged("post_install", "-at_install")
class TestDefaultProgram(MentoringCase):
    def test_open_access_program_then_first_open_access(self):
        Program = self.env["mentoring.program"]
        open_access = self.env.ref("mentoring_base.program_open_access")
        self.assertEqual(Program._default_program(), open_access)
        referral = self.env["mentoring.referral"].new({})
        self.assertEqual(referral.program_id, open_access)
        # The fallback is the first by sequence, then creation: not by the translated name.
        zeta = Program.create(
            {"name": "Zeta program", "program_type": "open_access", "sequence": -100}
        )
        Program.create({"name": "Alpha program", "program_type": "open_access", "sequence": -100})
        open_access.active = False
        self.assertEqual(Program._default_program(), zeta)
        self.assertEqual(Program.with_context(lang="fr_CA")._default_program(), zeta)
        mentor = self._mentor("Programless Mentor")
        self.assertEqual(mentor._eligibility_subject()[1], Program._default_program())


@tagged("post_install", "-at_install")
class TestCapacityRefusesOverbooking(MentoringCase):
    def test_a_proposal_cannot_take_a_place_already_held(self):
        mentor = self._mentor("Single Place Mentor", state="available", max_mentees=1)
        relationships = self.env["mentoring.relationship"]
        values = {"mentor_id": mentor.id, "program_id": self.program.id}
        first = relationships.create({**values, "mentee_id": self._mentee("First Asker").id})
        with self.assertRaisesText(ValidationError, "has no free place"):
            relationships.create({**values, "mentee_id": self._mentee("Second Asker").id})
        first.action_mentor_decline("travelling")
        second = relationships.create({**values, "mentee_id": self._mentee("Third Asker").id})
        self.assertEqual((second.stage_type, mentor.free_places), ("proposed", 0))


@tagged("post_install", "-at_install")
class TestAncestorsOfEntriesAddedByHand(MentoringCase):
    def test_an_ancestor_created_after_its_descendant_is_found(self):
        Noc = self.env["mentoring.noc"]
        unit = Noc.create({"code": "99999", "name": "Test unit group", "level": 5})
        self.assertFalse(unit.major_group_id)
        major = Noc.create({"code": "99", "name": "Test major group", "level": 2})
        self.assertEqual(unit.major_group_id, major)
        broad = Noc.search([("code", "=", "9")])
        self.assertEqual(unit.broad_category_id, broad)
