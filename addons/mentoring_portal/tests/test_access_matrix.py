from odoo.addons.mentoring_base.tests import test_access_matrix as base_matrix
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestAccessMatrix(base_matrix.TestAccessMatrix):
    """mentoring_portal's rows of the access matrix (tests/access_matrix.csv): once the
    portal is installed, a portal user reads the meetings of the relationships they take
    part in and the goals of their own or their mentee's action plan (``participant``)
    and writes none of them. Relationships themselves stay as base leaves them: no access
    for portal users ("My mentoring" finds theirs as superuser). The calendar events they
    attend are in mentoring_calendar's matrix. The other roles' rows of meetings and
    goals are base's, checked here again on base's two agency worlds (base's test leaves
    them to this one)."""

    _matrix_module = "mentoring_portal"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The portal user mentors the client of agency A; agency B's pair is someone else's.
        world = cls.worlds[cls.agency_a]
        relationship = world["relationship"]
        relationship.mentor_id.partner_id = cls.portal_user.partner_id
        relationship.action_mentee_accept()
        relationship.action_mentor_accept()
        other = cls.worlds[cls.agency_b]["relationship"]
        other.action_mentee_accept()
        other.action_mentor_accept()

    def _matrix_records(self, model, role):
        if role == "portal":
            own, other = (self.worlds[agency]["relationship"] for agency in self.worlds)
            if model == "mentoring.meeting":
                return own.meeting_ids, other.meeting_ids
            if model == "mentoring.goal":
                return own.mentee_id.goal_ids, other.mentee_id.goal_ids
        return super()._matrix_records(model, role)
