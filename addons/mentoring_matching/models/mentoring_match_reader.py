from collections import defaultdict

from odoo import api, models
from odoo.addons.mentoring_base.models.mentoring_relationship import UNFINISHED_STAGE_TYPES
from odoo.addons.mentoring_base.tools.capacity import MATCHABLE_STATES
from odoo.tools import SQL

from ..tools import scoring
from ..tools.table import MENTOR_COLUMNS, MentorTable


class MentoringMatchReader(models.AbstractModel):
    """Reads mentees and mentors into the plain values the scoring functions take.

    Participants are read with a few plain SQL queries (the scoring needs a handful of
    columns of thousands of mentors), after checking that the user may read them. Every
    query names its columns: rows are read by name."""

    _name = "mentoring.match.reader"
    _description = "Matching: participants read for scoring"

    @api.model
    def _check_matching_access(self):
        """Matching reads mentees, mentors and relationships: only staff may run it.

        :raise AccessError: for any other user"""
        for model in ("mentoring.mentee", "mentoring.mentor", "mentoring.relationship"):
            self.env[model].check_access("read")

    def _fetch(self, query):
        """The rows of ``query`` (an SQL object) as dicts, after flushing the ORM."""
        self._check_matching_access()
        self.env.flush_all()
        self.env.cr.execute(query)
        return self.env.cr.dictfetchall()

    @api.model
    def _mentor_table(self, condition, with_room=False):
        """A :class:`MentorTable` of the active mentors meeting an SQL ``condition`` on
        ``m``, by id; ``with_room``: only those with a free place.

        Free places count open relationships and pending proposals
        (``mentoring.mentor.free_places``). The mentors' words, languages and backgrounds
        are stored on them (match_* fields), so that one plain query reads thousands."""
        if with_room:
            condition = SQL("%s AND m.free_places > 0", condition)
        rows = self._fetch(
            SQL(
                """
                SELECT m.id AS id, noc.code AS noc, naics.code AS naics,
                       m.match_language_codes AS languages, m.match_tokens AS goal_tokens,
                       m.match_background_codes AS backgrounds,
                       m.service_location_id AS location_id, p.city AS city,
                       p.state_id AS province_id, p.partner_latitude AS latitude,
                       p.partner_longitude AS longitude, m.years_experience_region AS years,
                       COALESCE(m.max_mentees, 0) AS max_mentees,
                       COALESCE(m.free_places, 0) AS free_places, m.state AS state,
                       m.availability_slots AS slots
                  FROM mentoring_mentor m
                  JOIN res_partner p ON p.id = m.partner_id
                  LEFT JOIN mentoring_noc noc ON noc.id = m.noc_id
                  LEFT JOIN mentoring_naics naics ON naics.id = m.naics_id
                 WHERE m.active AND %(condition)s
                 ORDER BY m.id
                """,
                condition=condition,
            )
        )
        columns = {name: [row[name] for row in rows] for name in MENTOR_COLUMNS}
        columns["goal_tokens"] = [words or "" for words in columns["goal_tokens"]]
        for name in ("languages", "backgrounds"):
            columns[name] = [(codes or "").split() for codes in columns[name]]
        return MentorTable.from_columns(columns)

    @api.model
    def _available_mentors(self, program=None, french_only=False, with_room=False):
        """Table of the mentors who are available or active (full ones included unless
        ``with_room``: a hard rule excludes them and says so)."""
        conditions = [SQL("m.state IN %s", MATCHABLE_STATES)]
        if program:
            conditions.append(
                SQL(
                    "m.id IN (SELECT r.mentor_id FROM mentoring_mentor_program_rel r "
                    "WHERE r.program_id = %s)",
                    program.id,
                )
            )
        if french_only:
            conditions.append(SQL("m.speaks_french"))
        return self._mentor_table(SQL(" AND ").join(conditions), with_room=with_room)

    @api.model
    def _mentee_profiles(self, condition):
        """(list of :class:`scoring.Mentee`, {mentee id: career objective}) of the active
        mentees meeting an SQL ``condition`` on ``e``, by id."""
        language_rel, language_col, mentee_col = self._mentee_language_columns()
        rows = self._fetch(
            SQL(
                """
                SELECT e.id AS id, noc.code AS noc, naics.code AS naics,
                       e.service_language AS service_language, e.match_tokens AS tokens,
                       COALESCE(origin.code, education.code) AS origin,
                       e.match_background AS background,
                       e.service_location_id AS location_id, p.city AS city,
                       p.state_id AS province_id, p.partner_latitude AS latitude,
                       p.partner_longitude AS longitude, e.match_proximity AS proximity,
                       e.availability_slots AS slots, e.match_availability AS availability,
                       e.program_id AS program_id, e.career_objective AS objective,
                       ARRAY(SELECT l.code FROM %(language_rel)s lr
                               JOIN mentoring_language l ON l.id = lr.%(language_col)s
                              WHERE lr.%(mentee_col)s = e.id) AS languages
                  FROM mentoring_mentee e
                  JOIN res_partner p ON p.id = e.partner_id
                  LEFT JOIN mentoring_noc noc ON noc.id = e.target_noc_id
                  LEFT JOIN mentoring_naics naics ON naics.id = e.target_naics_id
                  LEFT JOIN res_country origin ON origin.id = e.origin_country_id
                  LEFT JOIN res_country education ON education.id = e.education_country_id
                 WHERE e.active AND %(condition)s
                 ORDER BY e.id
                """,
                language_rel=language_rel,
                language_col=language_col,
                mentee_col=mentee_col,
                condition=condition,
            )
        )
        mentees = [self._mentee_of_row(row) for row in rows]
        return mentees, {row["id"]: row["objective"] or "" for row in rows}

    @staticmethod
    def _mentee_of_row(row):
        """The :class:`scoring.Mentee` of a row of :meth:`_mentee_profiles`."""
        return scoring.Mentee(
            id=row["id"],
            noc=row["noc"] or "",
            naics=row["naics"] or "",
            service_language=row["service_language"] or "",
            goal_tokens=frozenset((row["tokens"] or "").split()),
            origin=row["origin"] or "",
            background=row["background"] or "none",
            place=scoring.Place(
                row["location_id"] or 0,
                row["city"] or "",
                row["province_id"] or 0,
                row["latitude"] or 0.0,
                row["longitude"] or 0.0,
            ),
            proximity=row["proximity"] or "preferred",
            slots=row["slots"] or 0,
            availability=row["availability"] or "preferred",
            program_id=row["program_id"] or 0,
            languages=frozenset(row["languages"]),
        )

    @api.model
    def _ready_mentees(self, programs=None, french_only=False, without_open=False):
        """Profiles (as :meth:`_mentee_profiles`) of the mentees ready for matching, of
        ``programs`` when given, speaking or served in French with ``french_only``, and
        without a proposal or relationship under way with ``without_open``."""
        conditions = [SQL("e.state = 'ready'")]
        if programs is not None:
            conditions.append(SQL("e.program_id IN %s", tuple(programs.ids) or (0,)))
        if french_only:
            conditions.append(
                SQL(
                    "(e.service_language = 'fr' OR EXISTS (SELECT 1 FROM %s lr "
                    "JOIN mentoring_language l ON l.id = lr.%s WHERE lr.%s = e.id "
                    "AND l.code = 'fr'))",
                    *self._mentee_language_columns(),
                )
            )
        if without_open:
            conditions.append(
                SQL(
                    "NOT EXISTS (SELECT 1 FROM mentoring_relationship r "
                    "WHERE r.mentee_id = e.id AND r.stage_type IN %s)",
                    UNFINISHED_STAGE_TYPES,
                )
            )
        return self._mentee_profiles(SQL(" AND ").join(conditions))

    def _mentee_language_columns(self):
        field = self.env["mentoring.mentee"]._fields["spoken_language_ids"]
        return (
            SQL.identifier(field.relation),
            SQL.identifier(field.column2),
            SQL.identifier(field.column1),
        )

    @api.model
    def _blocked_pairs(self, mentee_ids=None, mentor_ids=None):
        """(pairs declined before, pairs already proposed or matched together), both sets
        of (mentee id, mentor id), for the given mentees or mentors."""
        conditions = [SQL("TRUE")]
        if mentee_ids is not None:
            conditions.append(SQL("mentee_id IN %s", tuple(mentee_ids) or (0,)))
        if mentor_ids is not None:
            conditions.append(SQL("mentor_id IN %s", tuple(mentor_ids) or (0,)))
        rows = self._fetch(
            SQL(
                """
                SELECT mentee_id, mentor_id,
                       bool_or(mentee_decision = 'declined' OR mentor_decision = 'declined')
                           AS declined,
                       bool_or(stage_type IN %(unfinished)s) AS unfinished
                  FROM mentoring_relationship
                 WHERE %(condition)s
                 GROUP BY mentee_id, mentor_id
                """,
                unfinished=UNFINISHED_STAGE_TYPES,
                condition=SQL(" AND ").join(conditions),
            )
        )
        declined = {(row["mentee_id"], row["mentor_id"]) for row in rows if row["declined"]}
        paired = {(row["mentee_id"], row["mentor_id"]) for row in rows if row["unfinished"]}
        return declined, paired

    @staticmethod
    def _by_mentee(pairs):
        """{mentee id: set of mentor ids} of a set of (mentee id, mentor id) pairs."""
        found = defaultdict(set)
        for mentee_id, mentor_id in pairs:
            found[mentee_id].add(mentor_id)
        return found
