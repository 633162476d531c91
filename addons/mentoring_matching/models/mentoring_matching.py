import time
from collections import Counter, defaultdict

import numpy as np
from markupsafe import Markup

from odoo import api, models
from odoo.tools import SQL
from odoo.tools.translate import LazyTranslate

from ..tools import cohort, scoring

_lt = LazyTranslate(__name__)

# What each credit means, for the coordinator (keys of tools/scoring.py).
EXPLANATIONS = {
    "noc_level_5": _lt("same NOC unit group %(code)s"),
    "noc_level_4": _lt("same NOC minor group %(code)s"),
    "noc_level_3": _lt("same NOC sub-major group %(code)s"),
    "noc_level_2": _lt("same NOC major group %(code)s"),
    "noc_level_1": _lt("same NOC broad category %(code)s"),
    "noc_different": _lt("no NOC group in common (%(mentee)s and %(mentor)s)"),
    "noc_mentor_unknown": _lt("the mentor's occupation (NOC) is not recorded"),
    "naics_level_5": _lt("same Canadian industry %(code)s (NAICS)"),
    "naics_level_4": _lt("same NAICS industry %(code)s"),
    "naics_level_3": _lt("same NAICS industry group %(code)s"),
    "naics_level_2": _lt("same NAICS subsector %(code)s"),
    "naics_level_1": _lt("same NAICS sector %(code)s"),
    "naics_different": _lt("no NAICS class in common (%(mentee)s and %(mentor)s)"),
    "naics_mentor_unknown": _lt("the mentor's industry (NAICS) is not recorded"),
    "speaks_service_language": _lt("speaks %(language)s, the language of service"),
    "lacks_service_language": _lt("does not speak %(language)s, the language of service"),
    "mentor_languages_unknown": _lt("the mentor's languages are not recorded"),
    "shares_languages": _lt("also speaks %(languages)s"),
    "no_shared_language": _lt("does not speak %(languages)s"),
    "same_location": _lt("same service location (%(location)s)"),
    "distance": _lt("%(km)s km apart"),
    "same_city": _lt("same city (%(city)s)"),
    "same_province": _lt("same province (%(province)s)"),
    "far": _lt("different city and province"),
    "mentor_place_unknown": _lt("the mentor's address is not recorded"),
    "goal_words": _lt("words shared with the career objective (%(words)s)"),
    "goal_no_words": _lt("no word in common with the career objective"),
    "goal_mentor_unknown": _lt("the mentor's work is not described"),
    "same_background": _lt("same background (%(country)s)"),
    "other_background": _lt("background other than %(country)s"),
    "background_unknown": _lt("the mentor's cultural background is not recorded"),
    "experience": _lt("years of experience in the region (%(years)s)"),
    "capacity": _lt("free places (%(free)s of %(max)s)"),
    "availability_overlap": _lt("free at %(shared)s of the mentee's %(wanted)s time slots"),
    "availability_none": _lt("not free at the mentee's times"),
    "availability_unknown": _lt("the mentor's availability is not recorded"),
}
# Why a pair is not proposed.
EXCLUSIONS = {
    "mentor_unavailable": _lt("mentor not available"),
    "mentor_full": _lt("mentor full"),
    "declined_before": _lt("proposed before and declined"),
    "already_paired": _lt("already proposed or matched together"),
    "no_french": _lt("service in French, mentor does not speak French"),
    "below_min_score": _lt("below the minimum score"),
}
# Why a mentee of a cohort stays unmatched (tools/cohort.py).
UNMATCHED = {
    cohort.NO_MENTOR: _lt("No available mentor in the program"),
    cohort.NO_CAPACITY_LEFT: _lt("No capacity left: the suitable mentors went to other mentees"),
    "no_capacity": _lt("No mentor with a free place"),
    "no_french_mentor": _lt("No French-speaking mentor available"),
    "no_noc_major_group": _lt("No mentor in their NOC major group %(code)s"),
    "declined_before": _lt("Every suitable mentor was proposed before and declined"),
    "below_min_score": _lt("No mentor reaches the minimum score"),
    cohort.HARD_RULE: _lt("Every mentor is excluded by a hard rule (%(rule)s)"),
}
MUST_NOT_MET = _lt("required criterion not met (%(criterion)s)")
LINE = _lt("%(explanation)s: %(credit)s × weight %(weight)s")
TOTAL = _lt("Score %(score)s = 100 × %(points)s points ÷ %(weights)s of weight")
NOT_LISTED = _lt("Not listed: %(reasons)s.")
BELOW_MIN_SCORE = "below_min_score"
OPEN_STAGE_TYPES = ("proposed", "review", "active", "closing")
PENDING_STAGE_TYPES = ("proposed", "review")


class MentoringMatching(models.AbstractModel):
    """Loads mentees and mentors for the scoring functions, ranks, explains and proposes.

    Participants are read with a few plain SQL queries (the scoring needs a handful of
    columns of thousands of mentors), after checking that the user may read them."""

    _name = "mentoring.matching"
    _description = "Mentor matching"

    # -- reading participants ----------------------------------------------------------

    @api.model
    def _check_matching_access(self):
        """Matching reads mentees, mentors and relationships: only staff may run it."""
        for model in ("mentoring.mentee", "mentoring.mentor", "mentoring.relationship"):
            self.env[model].check_access("read")

    @api.model
    def _mentor_table(self, condition, with_room=False):
        """scoring.MentorTable of the active mentors meeting an SQL ``condition`` on ``m``,
        by id; ``with_room``: only those with a free place.

        The places already promised count open relationships and pending proposals. The
        mentors' words, languages and backgrounds are stored on them (match_* fields), so
        that one plain query reads thousands of mentors."""
        self._check_matching_access()
        self.env.flush_all()
        cr = self.env.cr
        cr.execute(
            SQL(
                """
                SELECT m.id, noc.code, naics.code, m.match_language_codes, m.match_tokens,
                       m.match_background_codes, m.service_location_id, p.city, p.state_id,
                       p.partner_latitude, p.partner_longitude, m.years_experience_region,
                       COALESCE(m.max_mentees, 0), COALESCE(m.active_mentee_count, 0),
                       m.state, m.availability_slots
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
        rows = cr.fetchall()
        cr.execute(
            SQL(
                "SELECT r.mentor_id, count(*) FROM mentoring_relationship r "
                "JOIN mentoring_mentor m ON m.id = r.mentor_id "
                "WHERE r.stage_type IN %s AND m.active AND %s GROUP BY r.mentor_id",
                PENDING_STAGE_TYPES,
                condition,
            )
        )
        pending = dict(cr.fetchall())
        if pending:
            rows = [(*row[:13], row[13] + pending.get(row[0], 0), *row[14:]) for row in rows]
        if with_room:
            rows = [row for row in rows if row[13] < row[12]]
        columns = dict(
            zip(
                scoring.MENTOR_COLUMNS,
                zip(*rows, strict=True) if rows else [()] * len(scoring.MENTOR_COLUMNS),
                strict=True,
            )
        )
        columns["goal_tokens"] = [words or "" for words in columns["goal_tokens"]]
        for name in ("languages", "backgrounds"):
            columns[name] = [(codes or "").split() for codes in columns[name]]
        return scoring.MentorTable.from_columns(columns)

    @api.model
    def _available_mentors(self, program=None, french_only=False, with_room=False):
        """Table of the mentors who are available or active (full ones included unless
        ``with_room``: a hard rule excludes them and says so)."""
        conditions = [SQL("m.state IN %s", scoring.AVAILABLE_STATES)]
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
        """(scoring.Mentee list, {mentee id: career objective}) of the active mentees
        meeting an SQL ``condition`` on ``e``, by id."""
        self._check_matching_access()
        self.env.flush_all()
        languages = self.env["mentoring.mentee"]._fields["spoken_language_ids"]
        self.env.cr.execute(
            SQL(
                """
                SELECT e.id, noc.code, naics.code, e.service_language, e.match_tokens,
                       COALESCE(origin.code, education.code), e.match_background,
                       e.service_location_id, p.city, p.state_id, p.partner_latitude,
                       p.partner_longitude, e.match_proximity, e.availability_slots,
                       e.match_availability, e.program_id, e.career_objective,
                       ARRAY(SELECT l.code FROM %(language_rel)s lr
                               JOIN mentoring_language l ON l.id = lr.%(language_col)s
                              WHERE lr.%(mentee_col)s = e.id)
                  FROM mentoring_mentee e
                  JOIN res_partner p ON p.id = e.partner_id
                  LEFT JOIN mentoring_noc noc ON noc.id = e.target_noc_id
                  LEFT JOIN mentoring_naics naics ON naics.id = e.target_naics_id
                  LEFT JOIN res_country origin ON origin.id = e.origin_country_id
                  LEFT JOIN res_country education ON education.id = e.education_country_id
                 WHERE e.active AND %(condition)s
                 ORDER BY e.id
                """,
                language_rel=SQL.identifier(languages.relation),
                language_col=SQL.identifier(languages.column2),
                mentee_col=SQL.identifier(languages.column1),
                condition=condition,
            )
        )
        mentees, objectives = [], {}
        for row in self.env.cr.fetchall():
            mentees.append(
                scoring.Mentee(
                    id=row[0],
                    noc=row[1] or "",
                    naics=row[2] or "",
                    service_language=row[3] or "",
                    goal_tokens=frozenset((row[4] or "").split()),
                    origin=row[5] or "",
                    background=row[6] or "none",
                    place=scoring.Place(
                        row[7] or 0, row[8] or "", row[9] or 0, row[10] or 0.0, row[11] or 0.0
                    ),
                    proximity=row[12] or "preferred",
                    slots=row[13] or 0,
                    availability=row[14] or "preferred",
                    program_id=row[15] or 0,
                    languages=frozenset(row[17]),
                )
            )
            objectives[row[0]] = row[16] or ""
        return mentees, objectives

    @api.model
    def _ready_mentees(self, programs=None, french_only=False, without_open=False):
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
                    OPEN_STAGE_TYPES,
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
        self.env["mentoring.relationship"].flush_model()
        self.env.cr.execute(
            SQL(
                """
                SELECT mentee_id, mentor_id,
                       bool_or(mentee_decision = 'declined' OR mentor_decision = 'declined'),
                       bool_or(stage_type IN %(open)s)
                  FROM mentoring_relationship
                 WHERE %(condition)s
                 GROUP BY mentee_id, mentor_id
                """,
                open=OPEN_STAGE_TYPES,
                condition=SQL(" AND ").join(conditions),
            )
        )
        declined, paired = set(), set()
        for mentee_id, mentor_id, was_declined, is_open in self.env.cr.fetchall():
            if was_declined:
                declined.add((mentee_id, mentor_id))
            if is_open:
                paired.add((mentee_id, mentor_id))
        return declined, paired

    @staticmethod
    def _by_mentee(pairs):
        found = defaultdict(set)
        for mentee_id, mentor_id in pairs:
            found[mentee_id].add(mentor_id)
        return found

    # -- ranking -----------------------------------------------------------------------

    @api.model
    def _rank_mentors(
        self,
        mentee,
        profile,
        limit=10,
        min_score=0.0,
        same_program=True,
        french_only=False,
        program=None,
    ):
        """Best mentors for ``mentee``: (list of (mentor id, score, scoring.PairScore),
        {exclusion key: count}). With ``same_program``, only the mentors of the mentee's
        program (or of ``program``) are considered."""
        mentees, objectives = self._mentee_profiles(SQL("e.id = %s", mentee.id))
        if not mentees:
            return [], {}
        subject = mentees[0]
        program = (program or mentee.program_id) if same_program else None
        table = self._available_mentors(program, french_only)
        declined, paired = self._blocked_pairs(mentee_ids=[mentee.id])
        scoring_profile = profile._scoring_profile()
        row = scoring.score_row(
            subject,
            table,
            scoring_profile,
            declined_mentor_ids={mentor for _mentee, mentor in declined},
            paired_mentor_ids={mentor for _mentee, mentor in paired},
        )
        surface = scoring.surface_words(objectives[subject.id])
        candidates = []
        for index in scoring.rank_row(row, table, limit, min_score):
            pair = scoring.score_pair(
                subject, table.mentor(index), scoring_profile, surface=surface
            )
            candidates.append((int(table.ids[index]), float(row.scores[index]), pair))
        excluded = Counter(scoring.EXCLUSION_KEYS[code - 1] for code in row.reasons if code)
        below = int(((row.reasons == 0) & (row.scores < min_score)).sum())
        if below:
            excluded[BELOW_MIN_SCORE] = below
        return candidates, excluded

    @api.model
    def _rank_mentees(
        self, mentor, profile, limit=10, min_score=0.0, same_program=True, french_only=False
    ):
        """Best mentees ready for matching for ``mentor``, same shape as _rank_mentors."""
        mentors = self._mentor_table(SQL("m.id = %s", mentor.id))
        if not mentors.size:
            return [], {}
        subject = mentors.mentor(0)
        programs = mentor.program_ids if same_program else None
        mentees, objectives = self._ready_mentees(programs, french_only)
        declined, paired = self._blocked_pairs(mentor_ids=[mentor.id])
        scoring_profile = profile._scoring_profile()
        pairs, excluded = [], Counter()
        for mentee in mentees:
            pair = scoring.score_pair(
                mentee,
                subject,
                scoring_profile,
                declined,
                paired,
                surface=scoring.surface_words(objectives[mentee.id]),
            )
            if pair.excluded:
                excluded[pair.excluded[0]] += 1
            elif pair.score < min_score:
                excluded[BELOW_MIN_SCORE] += 1
            else:
                pairs.append(pair)
        ranked = scoring.rank_pairs(pairs, key="mentee_id")[:limit]
        return [(pair.mentee_id, pair.score, pair) for pair in ranked], excluded

    # -- cohort ------------------------------------------------------------------------

    @api.model
    def _match_cohort(self, program, profile, min_score=0.0, same_program=True, timings=None):
        """Exact and greedy assignments of the program's mentees ready for matching (and
        not already proposed) to the available mentors with free places.

        ``timings``, a dict, receives the seconds each step took."""
        timings = {} if timings is None else timings
        clock = time.perf_counter()

        def lap(step):
            nonlocal clock
            now = time.perf_counter()
            timings[step] = now - clock
            clock = now

        mentees, objectives = self._ready_mentees(program, without_open=True)
        table = self._available_mentors(program if same_program else None, with_room=True)
        table.index_tokens()
        declined, paired = self._blocked_pairs(mentee_ids=[mentee.id for mentee in mentees])
        declined, paired = self._by_mentee(declined), self._by_mentee(paired)
        lap("read")
        scoring_profile = profile._scoring_profile()
        scores = np.zeros((len(mentees), table.size))
        reasons = np.zeros((len(mentees), table.size), dtype=np.int16)
        for index, mentee in enumerate(mentees):
            row = scoring.score_row(
                mentee, table, scoring_profile, declined.get(mentee.id), paired.get(mentee.id)
            )
            scores[index], reasons[index] = row.scores, row.reasons
        below_code = len(scoring.EXCLUSION_KEYS) + 1
        reasons[(reasons == 0) & (scores < min_score)] = below_code
        feasible = reasons == 0
        capacities = table.free
        lap("score")
        exact = cohort.solve_exact(scores, feasible, capacities)
        lap("exact")
        greedy = cohort.solve_greedy(
            scores, feasible, capacities, [mentee.id for mentee in mentees], table.ids
        )
        lap("greedy")
        keys = {code: key for key, code in scoring.EXCLUSION_CODES.items()}
        keys[below_code] = BELOW_MIN_SCORE
        unmatched = cohort.unmatched_reasons(exact, reasons, capacities, keys)
        greedy_by_mentee = dict(greedy)

        def pair_of(row, column):
            return scoring.score_pair(
                mentees[row],
                table.mentor(column),
                scoring_profile,
                surface=scoring.surface_words(objectives[mentees[row].id]),
            )

        result = {
            "mentee_count": len(mentees),
            "mentor_count": table.size,
            "place_count": int(capacities.sum()),
            "exact_total": cohort.total(scores, exact),
            "greedy_total": cohort.total(scores, greedy),
            "greedy_count": len(greedy),
            "pairs": [
                {
                    "mentee_id": mentees[row].id,
                    "mentor_id": int(table.ids[column]),
                    "score": float(scores[row, column]),
                    "pair": pair_of(row, column),
                    "greedy_mentor_id": (
                        int(table.ids[greedy_by_mentee[row]]) if row in greedy_by_mentee else False
                    ),
                    "greedy_score": (
                        float(scores[row, greedy_by_mentee[row]])
                        if row in greedy_by_mentee
                        else 0.0
                    ),
                }
                for row, column in exact
            ],
            "unmatched": [
                {
                    "mentee_id": mentees[row].id,
                    "reason": self._unmatched_text(mentees[row], reason, key),
                }
                for row, (reason, key) in sorted(unmatched.items())
            ],
        }
        lap("explain")
        return result

    # -- explaining --------------------------------------------------------------------

    def _number(self, value, digits=2):
        """A short number in the user's language: 0.75, 0,75, 1."""
        text = f"{round(value, digits):.{digits}f}".rstrip("0").rstrip(".")
        key = ("mentoring_matching.decimal_point", self.env.lang)
        point = self.env.cr.cache.get(key)
        if point is None:
            lang = self.env["res.lang"]._get_data(code=self.env.lang or "en_US")
            point = self.env.cr.cache[key] = (lang.decimal_point if lang else "") or "."
        return text.replace(".", point)

    def _render_params(self, params):
        rendered = {}
        for name, value in params.items():
            if name == "language":
                value = self._language_names([value])
            elif name == "languages":
                value = self._language_names(value)
            elif name == "country":
                value = self._names_by_code("res.country").get(value, value)
            elif name == "location":
                value = self.env["res.partner"].browse(value).display_name
            elif name == "province":
                value = self.env["res.country.state"].browse(value).name
            elif name == "criterion":
                value = self.env["mentoring.match.profile"]._criterion_label(value)
            elif name == "km":
                value = self._number(value, 1)
            rendered[name] = value
        return rendered

    def _names_by_code(self, model):
        """{code: name} of languages or countries in the user's language, read once per
        transaction (explaining a cohort renders thousands of them)."""
        key = ("mentoring_matching.names", model, self.env.lang)
        names = self.env.cr.cache.get(key)
        if names is None:
            records = (
                self.env[model].with_context(active_test=False).search([("code", "!=", False)])
            )
            names = self.env.cr.cache[key] = {record.code: record.name for record in records}
        return names

    def _language_names(self, codes):
        names = self._names_by_code("mentoring.language")
        french = (self.env.lang or "").startswith("fr")
        found = []
        for code in codes:
            name = names.get(code, code)
            # French writes language names in lower case: "parle français".
            found.append(name[:1].lower() + name[1:] if french else name)
        return ", ".join(found)

    def _translated(self, term, params=None):
        """A module-level ``_lt`` term in the user's language, then filled in (translated
        first, formatted after)."""
        template = self.env._(term)
        return template % params if params else template

    def _explanation(self, key, params):
        return self._translated(EXPLANATIONS[key], self._render_params(params))

    def _exclusion_text(self, key):
        if key.startswith("must_"):
            return self._translated(
                MUST_NOT_MET, self._render_params({"criterion": key.removeprefix("must_")})
            )
        return self._translated(EXCLUSIONS[key])

    def _excluded_summary(self, excluded):
        if not excluded:
            return False
        reasons = ", ".join(
            f"{self._exclusion_text(key)} ({count})"
            for key, count in sorted(excluded.items(), key=lambda item: (-item[1], item[0]))
        )
        return self._translated(NOT_LISTED, {"reasons": reasons})

    def _unmatched_text(self, mentee, reason, key):
        params = {}
        if reason == "no_noc_major_group":
            params["code"] = mentee.noc[:2]
        elif reason == cohort.HARD_RULE:
            params["rule"] = self._exclusion_text(key)
        return self._translated(UNMATCHED[reason], params)

    def _explain(self, pair):
        """(short summary, HTML breakdown) of a scoring.PairScore."""
        profile = self.env["mentoring.match.profile"]
        items, points, weights = [], 0.0, 0
        for line in pair.lines:
            text = self._translated(
                LINE,
                {
                    "explanation": self._explanation(line.key, line.params),
                    "credit": self._number(line.credit),
                    "weight": line.weight,
                },
            )
            items.append(
                (line.weight * line.credit, profile._criterion_label(line.criterion), text)
            )
            points += line.weight * line.credit
            weights += line.weight
        total = self._translated(
            TOTAL,
            {
                "score": self._number(pair.score, 1),
                "points": self._number(points, 2),
                "weights": weights,
            },
        )
        html = Markup("<ul class='mb-0'>%s</ul><p class='mb-0 text-muted'>%s</p>") % (
            Markup().join(
                Markup("<li><strong>%s</strong> – %s</li>") % (label, text)
                for _points, label, text in items
            ),
            total,
        )
        best = sorted(items, key=lambda item: -item[0])[:3]
        summary = "; ".join(text for points, _label, text in best if points > 0)
        return summary, html

    # -- proposing ---------------------------------------------------------------------

    @api.model
    def _proposal_program(self, mentee, mentor, program=None):
        return (
            mentee.program_id
            or program
            or mentor.program_ids[:1]
            or self.env.ref("mentoring_base.program_open_access", raise_if_not_found=False)
        )

    @api.model
    def _propose(self, proposals):
        """Create the relationships (stage "Proposed") of a list of dicts with mentee,
        mentor, program, score and explanation, and notify both people of each."""
        if not proposals:
            return self.env["mentoring.relationship"]
        relationships = self.env["mentoring.relationship"].create(
            [
                {
                    "mentee_id": proposal["mentee"].id,
                    "mentor_id": proposal["mentor"].id,
                    "program_id": self._proposal_program(
                        proposal["mentee"], proposal["mentor"], proposal.get("program")
                    ).id,
                    "match_score": proposal.get("score", 0.0),
                    "match_explanation": proposal.get("explanation") or False,
                }
                for proposal in proposals
            ]
        )
        relationships._notify_match_proposal()
        return relationships
