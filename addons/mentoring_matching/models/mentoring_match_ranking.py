import time
from collections import Counter
from typing import NamedTuple

import numpy as np

from odoo import api, models
from odoo.addons.mentoring_base.tools.capacity import MATCHABLE_STATES
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools import cohort, scoring
from ..tools.table import rank_row, score_row
from ..tools.text import surface_words


class Candidate(NamedTuple):
    """A person listed for another: their record id, the score (0-100), the explained
    :class:`scoring.PairScore`."""

    id: int
    score: float
    pair: scoring.PairScore


class Stopwatch:
    """Seconds taken by each step, written into ``timings`` (a dict) as they end."""

    def __init__(self, timings):
        self.timings = {} if timings is None else timings
        self.clock = time.perf_counter()

    def lap(self, step):
        now = time.perf_counter()
        self.timings[step] = now - self.clock
        self.clock = now


class MentoringMatchRanking(models.AbstractModel):
    """Ranks mentors for a mentee, mentees for a mentor, assigns a whole cohort, and
    proposes the chosen pairs. Reading is ``mentoring.match.reader``'s, wording
    ``mentoring.match.explainer``'s, the arithmetic the pure functions' of ``tools``."""

    _name = "mentoring.match.ranking"
    _description = "Matching: ranking and proposals"

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
        """Best mentors for ``mentee``: (list of :class:`Candidate`, best first, {exclusion
        key: count of mentors left out}). With ``same_program``, only the mentors of the
        mentee's program (or of ``program``) are considered.

        :raise AccessError: for a user who may not read mentees, mentors and relationships
        """
        Reader = self.env["mentoring.match.reader"]
        mentees, objectives = Reader._mentee_profiles(SQL("e.id = %s", mentee.id))
        if not mentees:
            return [], {}
        subject = mentees[0]
        program = (program or mentee.program_id) if same_program else None
        table = Reader._available_mentors(program, french_only)
        declined, paired = Reader._blocked_pairs(mentee_ids=[mentee.id])
        scoring_profile = profile._scoring_profile()
        row = score_row(
            subject,
            table,
            scoring_profile,
            declined_mentor_ids={mentor for _mentee, mentor in declined},
            paired_mentor_ids={mentor for _mentee, mentor in paired},
        )
        surface = surface_words(objectives[subject.id])
        candidates = [
            Candidate(
                int(table.ids[index]),
                float(row.scores[index]),
                scoring.score_pair(subject, table.mentor(index), scoring_profile, surface=surface),
            )
            for index in rank_row(row, table, limit, min_score)
        ]
        excluded = Counter(scoring.EXCLUSION_KEYS[code - 1] for code in row.reasons if code)
        below = int(((row.reasons == 0) & (row.scores < min_score)).sum())
        if below:
            excluded[scoring.BELOW_MIN_SCORE] = below
        return candidates, excluded

    @api.model
    def _rank_mentees(
        self, mentor, profile, limit=10, min_score=0.0, same_program=True, french_only=False
    ):
        """Best mentees ready for matching for ``mentor``, same shape as _rank_mentors."""
        Reader = self.env["mentoring.match.reader"]
        mentors = Reader._mentor_table(SQL("m.id = %s", mentor.id))
        if not mentors.size:
            return [], {}
        subject = mentors.mentor(0)
        programs = mentor.program_ids if same_program else None
        mentees, objectives = Reader._ready_mentees(programs, french_only)
        declined, paired = Reader._blocked_pairs(mentor_ids=[mentor.id])
        scoring_profile = profile._scoring_profile()
        pairs, excluded = [], Counter()
        for mentee in mentees:
            pair = scoring.score_pair(
                mentee,
                subject,
                scoring_profile,
                declined,
                paired,
                surface=surface_words(objectives[mentee.id]),
            )
            if pair.excluded:
                excluded[pair.excluded[0]] += 1
            elif pair.score < min_score:
                excluded[scoring.BELOW_MIN_SCORE] += 1
            else:
                pairs.append(pair)
        ranked = scoring.rank_pairs(pairs, key="mentee_id")[:limit]
        return [Candidate(pair.mentee_id, pair.score, pair) for pair in ranked], excluded

    # -- cohort ------------------------------------------------------------------------

    @api.model
    def _match_cohort(self, program, profile, min_score=0.0, same_program=True, timings=None):
        """Exact and greedy assignments of the program's mentees ready for matching (and
        not already proposed) to the available mentors with free places.

        :return: dict with ``mentee_count``, ``mentor_count``, ``place_count``,
            ``exact_total``, ``greedy_total`` (sums of scores), ``greedy_count``, ``pairs``
            (dicts of the exact assignment: mentee_id, mentor_id, score, pair,
            greedy_mentor_id, greedy_score) and ``unmatched`` (dicts: mentee_id, reason)
        :param timings: dict that receives the seconds each step took
        """
        stopwatch = Stopwatch(timings)
        Reader = self.env["mentoring.match.reader"]
        mentees, objectives = Reader._ready_mentees(program, without_open=True)
        table = Reader._available_mentors(program if same_program else None, with_room=True)
        table.index_tokens()
        declined, paired = (
            Reader._by_mentee(pairs)
            for pairs in Reader._blocked_pairs(mentee_ids=[mentee.id for mentee in mentees])
        )
        stopwatch.lap("read")
        scoring_profile = profile._scoring_profile()
        scores, reasons = self._cohort_matrix(
            mentees, table, scoring_profile, declined, paired, min_score
        )
        stopwatch.lap("score")
        feasible = reasons == 0
        exact = cohort.solve_exact(scores, feasible, table.free)
        stopwatch.lap("exact")
        greedy = cohort.solve_greedy(
            scores, feasible, table.free, [mentee.id for mentee in mentees], table.ids
        )
        stopwatch.lap("greedy")
        result = {
            "mentee_count": len(mentees),
            "mentor_count": table.size,
            "place_count": int(table.free.sum()),
            "exact_total": cohort.total(scores, exact),
            "greedy_total": cohort.total(scores, greedy),
            "greedy_count": len(greedy),
            "pairs": self._cohort_pairs(
                mentees, objectives, table, scoring_profile, scores, exact, greedy
            ),
            "unmatched": self._cohort_unmatched(mentees, table, reasons, exact),
        }
        stopwatch.lap("explain")
        return result

    @api.model
    def _cohort_matrix(self, mentees, table, scoring_profile, declined, paired, min_score):
        """(scores, reasons): mentees × mentors arrays of scores (0-100) and of exclusion
        codes (0 when the pair may be proposed; pairs under ``min_score`` get
        ``scoring.BELOW_MIN_SCORE_CODE``)."""
        scores = np.zeros((len(mentees), table.size))
        reasons = np.zeros((len(mentees), table.size), dtype=np.int16)
        for index, mentee in enumerate(mentees):
            row = score_row(
                mentee, table, scoring_profile, declined.get(mentee.id), paired.get(mentee.id)
            )
            scores[index], reasons[index] = row.scores, row.reasons
        reasons[(reasons == 0) & (scores < min_score)] = scoring.BELOW_MIN_SCORE_CODE
        return scores, reasons

    @api.model
    def _cohort_pairs(self, mentees, objectives, table, scoring_profile, scores, exact, greedy):
        """The pairs of the exact assignment, explained, with the greedy choice beside."""
        greedy_by_mentee = dict(greedy)
        pairs = []
        for row, column in exact:
            mentee = mentees[row]
            greedy_column = greedy_by_mentee.get(row)
            pairs.append(
                {
                    "mentee_id": mentee.id,
                    "mentor_id": int(table.ids[column]),
                    "score": float(scores[row, column]),
                    "pair": scoring.score_pair(
                        mentee,
                        table.mentor(column),
                        scoring_profile,
                        surface=surface_words(objectives[mentee.id]),
                    ),
                    "greedy_mentor_id": (
                        int(table.ids[greedy_column]) if greedy_column is not None else False
                    ),
                    "greedy_score": (
                        float(scores[row, greedy_column]) if greedy_column is not None else 0.0
                    ),
                }
            )
        return pairs

    @api.model
    def _cohort_unmatched(self, mentees, table, reasons, exact):
        """Why each mentee left out of the exact assignment stays unmatched."""
        keys = {code: key for key, code in scoring.EXCLUSION_CODES.items()}
        keys[scoring.BELOW_MIN_SCORE_CODE] = scoring.BELOW_MIN_SCORE
        unmatched = cohort.unmatched_reasons(exact, reasons, table.free, keys)
        Explainer = self.env["mentoring.match.explainer"]
        return [
            {"mentee_id": mentees[row].id, "reason": Explainer._unmatched_text(mentees[row], *why)}
            for row, why in sorted(unmatched.items())
        ]

    # -- proposing ---------------------------------------------------------------------

    @api.model
    def _proposal_program(self, mentee, mentor, program=None):
        """The program of a proposed relationship: the mentee's, else the one the
        coordinator matched in, else the mentor's first, else the default program."""
        return (
            mentee.program_id
            or program
            or mentor.program_ids[:1]
            or self.env["mentoring.program"]._default_program()
        )

    @api.model
    def _check_mentors_can_take(self, proposals):
        """Refuse proposals to mentors who are not available or active, or who have fewer
        free places than the proposals made to them (a list shown earlier may be stale).
        The mentors' rows are locked first, so that two coordinators proposing at once
        are serialized.

        :raise UserError: naming the mentors who cannot take the proposed mentees
        """
        wanted = Counter(proposal["mentor"].id for proposal in proposals)
        mentors = self.env["mentoring.mentor"].browse(list(wanted))
        mentors.check_access("read")
        self.env.cr.execute(
            SQL("SELECT id FROM mentoring_mentor WHERE id IN %s FOR NO KEY UPDATE", mentors._ids)
        )
        refused = mentors.filtered(
            lambda mentor: (
                mentor.state not in MATCHABLE_STATES or mentor.free_places < wanted[mentor.id]
            )
        )
        if refused:
            raise UserError(
                self.env._(
                    "These mentors can no longer take the proposed mentees (not available, "
                    "or no free place left): %(mentors)s. Search the candidates again.",
                    mentors=", ".join(refused.mapped("display_name")),
                )
            )

    @api.model
    def _propose(self, proposals):
        """Create the relationships (stage "Proposed") of a list of dicts with mentee,
        mentor, program, score and explanation, and notify both people of each.

        :return: the new ``mentoring.relationship`` records, in the order of ``proposals``
        """
        if not proposals:
            return self.env["mentoring.relationship"]
        self._check_mentors_can_take(proposals)
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
