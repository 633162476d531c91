from odoo import fields, models
from odoo.tools.sql import SQL, drop_view_if_exists


class MentoringEvaluationReport(models.Model):
    """Satisfaction from the monthly check-ins and the closing feedback, side by side.

    A SQL view: it joins two sources that no single stored model holds."""

    _name = "mentoring.evaluation.report"
    _description = "Mentoring evaluation summary"
    _auto = False
    _order = "date desc"

    source = fields.Selection(
        [("checkin", "Monthly check-in"), ("closing", "Closing feedback")], readonly=True
    )
    relationship_id = fields.Many2one("mentoring.relationship", readonly=True)
    program_id = fields.Many2one("mentoring.program", readonly=True)
    referring_agency_id = fields.Many2one("res.partner", readonly=True)
    date = fields.Date(readonly=True)
    mentee_rating = fields.Float(
        string="Mentee satisfaction (1–5)", readonly=True, aggregator="avg"
    )
    mentor_rating = fields.Float(
        string="Mentor satisfaction (1–5)", readonly=True, aggregator="avg"
    )

    def init(self):
        drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %s AS (
                    SELECT checkin.id * 2 AS id,
                           'checkin' AS source,
                           checkin.relationship_id,
                           rel.program_id,
                           rel.referring_agency_id,
                           checkin.date,
                           NULLIF(checkin.mentee_rating, 0)::float AS mentee_rating,
                           NULLIF(checkin.mentor_rating, 0)::float AS mentor_rating
                      FROM mentoring_checkin checkin
                      JOIN mentoring_relationship rel ON rel.id = checkin.relationship_id
                     WHERE COALESCE(checkin.mentee_rating, 0) > 0
                        OR COALESCE(checkin.mentor_rating, 0) > 0
                    UNION ALL
                    SELECT rel.id * 2 + 1 AS id,
                           'closing' AS source,
                           rel.id AS relationship_id,
                           rel.program_id,
                           rel.referring_agency_id,
                           rel.closed_on AS date,
                           NULLIF(rel.mentee_satisfaction, 0)::float AS mentee_rating,
                           NULLIF(rel.mentor_satisfaction, 0)::float AS mentor_rating
                      FROM mentoring_relationship rel
                     WHERE rel.closed_on IS NOT NULL
                       AND (COALESCE(rel.mentee_satisfaction, 0) > 0
                            OR COALESCE(rel.mentor_satisfaction, 0) > 0)
                )
                """,
                SQL.identifier(self._table),
            )
        )
