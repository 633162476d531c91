from datetime import timedelta

from odoo.addons.mentoring_base.tests.access_matrix import AccessMatrixCase
from odoo.fields import Datetime


class TestAccessMatrix(AccessMatrixCase):
    """mentoring_calendar's rows (tests/access_matrix.csv): a mentoring event (it names a
    mentee and a mentor) is read by mentoring staff and by its attendees and organizer
    (``participant``), whatever core calendar shows employees; so are its attendees (their
    invitation token answers the invitation without login). Portal users read no attendee
    (core calendar)."""

    _matrix_module = "mentoring_calendar"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        start = Datetime.now() + timedelta(days=2)
        mentee = cls.env["mentoring.mentee"].create({"name": "Matrix mentee"})
        mentor = cls.env["mentoring.mentor"].create({"name": "Matrix mentor"})
        cls.relationship = cls.env["mentoring.relationship"].create(
            {"mentee_id": mentee.id, "mentor_id": mentor.id, "program_id": cls.program.id}
        )
        attendees = (cls.portal_user | cls.employee | cls.referrer_a).partner_id
        cls.attended, cls.unattended = cls.env["calendar.event"].create(
            [
                {
                    "name": name,
                    "start": start,
                    "stop": start + timedelta(hours=1),
                    "mentoring_relationship_id": cls.relationship.id,
                    "mentoring_kind": "meeting",
                    "partner_ids": [(6, 0, partners.ids)],
                }
                for name, partners in (
                    ("Attended", attendees),
                    ("Not attended", mentor.partner_id),
                )
            ]
        )

    def _matrix_records(self, model, role):
        if model == "calendar.event":
            return self.attended, self.unattended
        if model == "calendar.attendee":
            return self.attended.attendee_ids, self.unattended.attendee_ids
        return super()._matrix_records(model, role)
