from odoo import Command
from odoo.tests import tagged

from .access_matrix import AccessMatrixCase

# Models whose records belong to an agency: how to get the record of an agency's world.
AGENCY_RECORDS = {
    "mentoring.mentee": lambda world: world["mentee"],
    "mentoring.referral": lambda world: world["referral"],
    "mentoring.eligibility.result": lambda world: world["result"],
    "mentoring.relationship": lambda world: world["relationship"],
    "mentoring.goal": lambda world: world["goal"],
    "mentoring.outcome": lambda world: world["outcome"],
}


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccessMatrixCase):
    """mentoring_base's rows of the access matrix, checked on one world per agency."""

    _matrix_module = "mentoring_base"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rule = cls.env["mentoring.eligibility.rule"].search([], limit=1)
        cls.reason = cls.env["mentoring.referral.back.reason"].search([], limit=1)
        cls.session = cls.env["mentoring.session"].create(
            {"name": "Matrix group session", "program_id": cls.program.id}
        )
        cls.worlds = {
            cls.agency_a: cls._agency_world("Matrix Client A", cls.agency_a),
            cls.agency_b: cls._agency_world("Matrix Client B", cls.agency_b),
        }
        cls.wizards = {}

    @classmethod
    def _agency_world(cls, name, agency):
        """A client of ``agency`` with a referral, a relationship and its follow-up."""
        mentee = cls._mentee(name, agency)
        referral = cls.env["mentoring.referral"].create(
            {"mentee_id": mentee.id, "agency_id": agency.id, "program_id": cls.program.id}
        )
        mentor = cls._mentor(f"Mentor of {name}", state="available", max_mentees=1)
        relationship = cls.env["mentoring.relationship"].create(
            {"mentee_id": mentee.id, "mentor_id": mentor.id, "program_id": cls.program.id}
        )
        world = {
            "mentee": mentee,
            "referral": referral,
            "result": cls.env["mentoring.eligibility.result"].create(
                {"referral_id": referral.id, "rule_id": cls.rule.id, "passed": True}
            ),
            "relationship": relationship,
            "goal": cls.env["mentoring.goal"].create({"name": "CV", "mentee_id": mentee.id}),
            "outcome": cls.env["mentoring.outcome"].create(
                {
                    "relationship_id": relationship.id,
                    "checkpoint": "exit",
                    "due_date": "2026-06-01",
                }
            ),
        }
        cls.env["mentoring.meeting"].create({"relationship_id": relationship.id})
        cls.env["mentoring.checkin"].create({"relationship_id": relationship.id})
        cls.env["mentoring.session.attendance"].create(
            {"session_id": cls.session.id, "mentee_id": mentee.id}
        )
        return world

    def _wizard(self, model, user):
        """A wizard of ``model`` opened by ``user`` (one per model and user)."""
        if (model, user) not in self.wizards:
            world = self.worlds[self.agency_a]
            values = {
                "mentoring.referral.refer.back.wizard": {
                    "referral_ids": [Command.set(world["referral"].ids)],
                    "reason_ids": [Command.set(self.reason.ids)],
                },
                "mentoring.referral.override.wizard": {
                    "referral_id": world["referral"].id,
                    "reason": "Strong local experience",
                },
                "mentoring.relationship.decline.wizard": {
                    "relationship_id": world["relationship"].id,
                    "party": "mentee",
                    "reason": "Schedules do not fit",
                },
                "mentoring.relationship.close.wizard": {
                    "relationship_id": world["relationship"].id,
                    "closure_reason": "objectives_met",
                },
                "mentoring.relationship.extend.wizard": {
                    "relationship_id": world["relationship"].id,
                    "new_end": "2026-12-31",
                },
            }[model]
            self.wizards[model, user] = self.env[model].with_user(user).create(values).sudo()
        return self.wizards[model, user]

    def _matrix_records(self, model, role):
        if model in AGENCY_RECORDS:
            own, other = (AGENCY_RECORDS[model](self.worlds[agency]) for agency in self.worlds)
            return own, other
        user = self.role_users[role]
        return self._wizard(model, user), self._wizard(model, self.colleagues[user])
