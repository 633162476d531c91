from odoo.tests import tagged

from .common import MatchingCase


@tagged("post_install", "-at_install")
class TestSupplyGap(MatchingCase):
    def test_waiting_mentees_against_free_places_per_major_group(self):
        # Only this test's people count.
        self.env["mentoring.mentee"].search([("state", "=", "ready")]).active = False
        self.env["mentoring.mentor"].search([]).active = False
        self._ready_mentee("Gap Software", noc="21231")
        civil = self._ready_mentee("Gap Civil", noc="21300")
        self._ready_mentee("Gap Finance", noc="11100")
        self._ready_mentee("Gap Unknown", noc=None)
        engineer = self._available_mentor("Gap Mentor Engineering", noc="21310", max_mentees=3)
        self._available_mentor("Gap Mentor Paused", noc="11100", state="paused")
        self.assertEqual(self._gaps()["21"], (2, 1, 3, -1))
        # A proposal: the mentee no longer waits, and it takes one of the mentor's places.
        self.env["mentoring.match.ranking"]._propose([{"mentee": civil, "mentor": engineer}])
        rows = self._gaps()
        self.assertEqual(set(rows), {"21", "11", False})
        self.assertEqual(rows["21"], (1, 1, 2, -1))
        self.assertEqual(rows["11"], (1, 0, 0, 1), "the paused mentor offers no place")
        self.assertEqual(rows[False], (1, 0, 0, 1))
        broad = self.env["mentoring.supply.gap"].search([("noc_major_id.code", "=", "11")])
        self.assertEqual(broad.noc_broad_id.code, "1")

    def _gaps(self):
        self.env.flush_all()
        self.env.invalidate_all()  # the view's rows are recomputed by the database
        return {
            row.noc_major_id.code: (
                row.waiting_mentee_count,
                row.mentor_count,
                row.free_places,
                row.gap,
            )
            for row in self.env["mentoring.supply.gap"].with_user(self.mentoring_user).search([])
        }
