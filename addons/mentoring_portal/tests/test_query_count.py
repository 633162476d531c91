import logging
from datetime import timedelta

from odoo.fields import Datetime
from odoo.tests import tagged

from .common import MY_MENTORING, PortalCase

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestQueryCount(PortalCase):
    """“My mentoring” reads a person's history in a constant number of queries: the same
    with 2 meetings, goals and planned meetings as with 20."""

    def _queries(self, url):
        """Queries of one GET of ``url``, once the caches are warm."""
        for _warm in range(2):
            self.assertEqual(self.url_open(url).status_code, 200)
        before = self.cr.sql_log_count
        self.assertEqual(self.url_open(url).status_code, 200)
        return self.cr.sql_log_count - before

    def _grow(self, relationship, count):
        """Bring the relationship to ``count`` meetings, goals and planned meetings."""
        env = self.env
        start = relationship.agreement_date
        missing = count - len(relationship.meeting_ids)
        env["mentoring.meeting"].create(
            [
                {
                    "relationship_id": relationship.id,
                    "date": start + timedelta(days=index % 10),
                    "duration": 1.0,
                    "topics": f"Topic {index}",
                }
                for index in range(missing)
            ]
        )
        goals = relationship.mentee_id.goal_ids
        env["mentoring.goal"].create(
            [
                {"name": f"Goal {index}", "mentee_id": relationship.mentee_id.id}
                for index in range(count - len(goals))
            ]
        )
        events = relationship.calendar_event_ids
        partners = relationship.mentee_id.partner_id | relationship.mentor_id.partner_id
        env["calendar.event"].create(
            [
                {
                    "name": f"Meeting {index}",
                    "start": Datetime.now() + timedelta(days=index + 1),
                    "stop": Datetime.now() + timedelta(days=index + 1, hours=1),
                    "mentoring_relationship_id": relationship.id,
                    "mentoring_kind": "meeting",
                    "partner_ids": [(6, 0, partners.ids)],
                }
                for index in range(count - len(events))
            ]
        )
        env.flush_all()
        env.invalidate_all()

    def _assert_constant(self, user):
        self.login(user)
        urls = (MY_MENTORING, self.detail_url())
        self._grow(self.relationship, 2)
        small = {url: self._queries(url) for url in urls}
        self._grow(self.relationship, 20)
        self.assertEqual(len(self.relationship.meeting_ids), 20)
        self.assertEqual(len(self.relationship._planned_calendar_events()), 20)
        large = {url: self._queries(url) for url in urls}
        _logger.info(
            "Queries per page for %s, with 2 / 20 of each: %s / %s", user.login, small, large
        )
        self.assertEqual(large, small)

    def test_mentor_pages_constant(self):
        self._assert_constant(self.mentor_user)

    def test_mentee_pages_constant(self):
        self._assert_constant(self.mentee_user)
