from odoo.tests import new_test_user, tagged

from .common import PrivacyCase


@tagged("post_install", "-at_install")
class TestPrivacyLookup(PrivacyCase):
    """Settings › Technical › Privacy lookup (or Mentoring › Privacy › Privacy lookup) finds
    every mentoring record of the person searched, once, and none of anybody else."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = new_test_user(
            cls.env,
            login="privacy_admin",
            groups="base.group_system,mentoring_base.group_mentoring_manager",
        )

    def _lookup(self, person):
        wizard = (
            self.env["privacy.lookup.wizard"]
            .with_user(self.admin)
            .create({"name": person.name, "email": person.email})
        )
        wizard.action_lookup()
        return wizard.line_ids

    @staticmethod
    def _found(lines):
        return {(line.res_model, line.res_id) for line in lines}

    @staticmethod
    def _refs(*recordsets):
        return {(record._name, record.id) for records in recordsets for record in records}

    def test_lookup_lists_every_record_of_the_mentee(self):
        lines = self._lookup(self.mentee)
        found = self._found(lines)
        relationship = self.relationship
        expected = self._refs(
            self.mentee.partner_id,
            self.mentee,
            self.referral,
            relationship,
            relationship.meeting_ids,
            relationship.checkin_ids,
            relationship.outcome_ids,
            self.goal,
            self.attendance,
        )
        self.assertEqual(len(relationship.meeting_ids), 3)
        self.assertEqual(len(relationship.outcome_ids), 4)
        self.assertLessEqual(expected, found, f"missing: {expected - found}")
        others = self._refs(
            self.other.partner_id,
            self.other,
            self.other_referral,
            self.other_relationship,
            self.other_relationship.meeting_ids,
            self.other_relationship.checkin_ids,
            self.other_relationship.outcome_ids,
            self.other_goal,
        )
        self.assertFalse(found & others, "another person's records are not listed")
        self.assertEqual(len(lines), len(found), "each record is listed once")
        # The lines open the records and name them.
        meeting_line = lines.filtered(
            lambda line: (
                line.res_model == "mentoring.meeting"
                and line.res_id == relationship.meeting_ids[0].id
            )
        )
        self.assertEqual(meeting_line.resource_ref, relationship.meeting_ids[0])
        self.assertTrue(meeting_line.res_name)

    def test_lookup_lists_the_mentor_relationships(self):
        found = self._found(self._lookup(self.mentor))
        relationship = self.relationship
        expected = self._refs(
            self.mentor.partner_id,
            self.mentor,
            relationship,
            relationship.meeting_ids,
            relationship.checkin_ids,
        )
        self.assertLessEqual(expected, found, f"missing: {expected - found}")
        self.assertFalse(found & self._refs(self.other_relationship, self.mentee, self.referral))

    def test_lookup_of_a_namesake_lists_each_record_once(self):
        # The agency contact of Amina's referral has her name: the referral points to that
        # contact (Odoo's own lookup) and belongs to Amina (this addon): listed once.
        namesake = self.env["res.partner"].create(
            {"name": self.mentee.name, "parent_id": self.agency_a.id}
        )
        self.referral.agency_contact_id = namesake
        lines = self._lookup(self.mentee)
        self.assertIn(("mentoring.referral", self.referral.id), self._found(lines))
        self.assertEqual(len(lines), len(self._found(lines)))
