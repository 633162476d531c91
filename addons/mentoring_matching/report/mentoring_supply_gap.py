from odoo import fields, models
from odoo.addons.mentoring_base.models.mentoring_relationship import UNFINISHED_STAGE_TYPES
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
                        SELECT COALESCE(noc.major_group_id, 0) AS major, count(*) AS mentees
                          FROM mentoring_mentee mentee
                          LEFT JOIN mentoring_noc noc ON noc.id = mentee.target_noc_id
                         WHERE mentee.state = 'ready' AND mentee.active
                           AND NOT EXISTS (
                                SELECT 1 FROM mentoring_relationship r
                                 WHERE r.mentee_id = mentee.id
                                   AND r.stage_type IN %(unfinished)s)
                         GROUP BY 1
                    ), supply AS (
                        SELECT COALESCE(noc.major_group_id, 0) AS major, count(*) AS mentors,
                               sum(mentor.free_places) AS places
                          FROM mentoring_mentor mentor
                          LEFT JOIN mentoring_noc noc ON noc.id = mentor.noc_id
                         WHERE mentor.can_take_mentees AND mentor.active
                         GROUP BY 1
                    )
                    SELECT row_number() OVER (ORDER BY major_noc.code NULLS LAST) AS id,
                           major_noc.id AS noc_major_id,
                           major_noc.broad_category_id AS noc_broad_id,
                           COALESCE(waiting.mentees, 0)::integer AS waiting_mentee_count,
                           COALESCE(supply.mentors, 0)::integer AS mentor_count,
                           COALESCE(supply.places, 0)::integer AS free_places,
                           (COALESCE(waiting.mentees, 0) - COALESCE(supply.places, 0))::integer
                               AS gap
                      FROM waiting
                      FULL JOIN supply USING (major)
                      LEFT JOIN mentoring_noc major_noc ON major_noc.id = NULLIF(major, 0)
                )
                """,
                view=SQL.identifier(self._table),
                unfinished=UNFINISHED_STAGE_TYPES,
            )
        )
