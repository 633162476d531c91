from odoo import fields, models
from odoo.tools import SQL, drop_view_if_exists


class MentoringSupplyGap(models.Model):
    """Mentees waiting for a match against the places available mentors still have, per
    NOC major group, so that mentor recruitment can target the gaps."""

    _name = "mentoring.supply.gap"
    _description = "Mentor supply gap"
    _auto = False
    _order = "gap desc, noc_major_id"
    _rec_name = "noc_major_id"

    noc_major_id = fields.Many2one(
        "mentoring.noc",
        string="NOC major group",
        readonly=True,
        help="Empty for mentees without a target occupation and mentors without an occupation.",
    )
    noc_broad_id = fields.Many2one("mentoring.noc", string="NOC broad category", readonly=True)
    waiting_mentee_count = fields.Integer(
        string="Mentees waiting",
        readonly=True,
        help="Mentees ready for matching who have not been proposed a mentor yet.",
    )
    mentor_count = fields.Integer(string="Mentors with free places", readonly=True)
    free_places = fields.Integer(
        string="Free places",
        readonly=True,
        help="Places of the available mentors not taken by an active relationship or a "
        "pending proposal.",
    )
    gap = fields.Integer(
        string="Missing places",
        readonly=True,
        help="Mentees waiting minus free places: above 0, mentors to recruit.",
    )

    def init(self):
        drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %(view)s AS (
                    WITH waiting AS (
                        SELECT COALESCE(substr(noc.code, 1, 2), '') AS major, count(*) AS mentees
                          FROM mentoring_mentee mentee
                          LEFT JOIN mentoring_noc noc ON noc.id = mentee.target_noc_id
                         WHERE mentee.state = 'ready' AND mentee.active
                           AND NOT EXISTS (
                                SELECT 1 FROM mentoring_relationship r
                                 WHERE r.mentee_id = mentee.id
                                   AND r.stage_type IN ('proposed', 'review', 'active', 'closing'))
                         GROUP BY 1
                    ), pending AS (
                        SELECT mentor_id, count(*) AS proposals FROM mentoring_relationship
                         WHERE stage_type IN ('proposed', 'review')
                         GROUP BY mentor_id
                    ), room AS (
                        SELECT mentor.noc_id,
                               mentor.max_mentees - COALESCE(mentor.active_mentee_count, 0)
                                   - COALESCE(pending.proposals, 0) AS places
                          FROM mentoring_mentor mentor
                          LEFT JOIN pending ON pending.mentor_id = mentor.id
                         WHERE mentor.state IN ('available', 'active') AND mentor.active
                    ), supply AS (
                        SELECT COALESCE(substr(noc.code, 1, 2), '') AS major, count(*) AS mentors,
                               sum(room.places) AS places
                          FROM room
                          LEFT JOIN mentoring_noc noc ON noc.id = room.noc_id
                         WHERE room.places > 0
                         GROUP BY 1
                    )
                    SELECT row_number() OVER (ORDER BY NULLIF(major, '') NULLS LAST) AS id,
                           major_noc.id AS noc_major_id,
                           broad_noc.id AS noc_broad_id,
                           COALESCE(waiting.mentees, 0)::integer AS waiting_mentee_count,
                           COALESCE(supply.mentors, 0)::integer AS mentor_count,
                           COALESCE(supply.places, 0)::integer AS free_places,
                           (COALESCE(waiting.mentees, 0) - COALESCE(supply.places, 0))::integer
                               AS gap
                      FROM waiting
                      FULL JOIN supply USING (major)
                      LEFT JOIN mentoring_noc major_noc ON major_noc.code = NULLIF(major, '')
                      LEFT JOIN mentoring_noc broad_noc
                             ON broad_noc.code = NULLIF(substr(major, 1, 1), '')
                )
                """,
                view=SQL.identifier(self._table),
            )
        )
