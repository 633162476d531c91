from datetime import datetime

from freezegun import freeze_time

from odoo.addons.mentoring_base.tests.common import MentoringCase


class CalendarCase(MentoringCase):
    """A ready mentee and an available mentor, both with an e-mail address; the
    coordinator works in Toronto time."""

    # Frozen "now" of the tests (naive UTC): Monday 2 March 2026, 10:00 in Toronto.
    NOW = datetime(2026, 3, 2, 15, 0)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.coordinator.write({"tz": "America/Toronto", "email": "coordinator@example.com"})
        cls.program.coordinator_ids = cls.coordinator
        cls.mentee = cls.env["mentoring.mentee"].create(
            {
                "name": "Amina Haddad",
                "email": "amina@example.com",
                "program_id": cls.program.id,
                "state": "ready",
                "target_noc_id": cls.noc_software.id,
            }
        )
        cls.mentor = cls.env["mentoring.mentor"].create(
            {
                "name": "Jean Tremblay",
                "email": "jean@example.com",
                "state": "available",
                "max_mentees": 2,
            }
        )
        cls.Event = cls.env["calendar.event"]

    def _agreed(self, coordinator=None):
        """A relationship both accepted, signed at :attr:`NOW`."""
        with freeze_time(self.NOW):
            relationship = self.env["mentoring.relationship"].create(
                {
                    "mentee_id": self.mentee.id,
                    "mentor_id": self.mentor.id,
                    "program_id": self.program.id,
                    "coordinator_id": (coordinator or self.coordinator).id,
                }
            )
            relationship.action_mentee_accept()
            relationship.action_mentor_accept()
        return relationship
