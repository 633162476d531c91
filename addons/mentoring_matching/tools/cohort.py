"""Matching a whole cohort of mentees with mentors of limited capacity (no Odoo).

Inputs are a score matrix ``scores`` (mentees × mentors, 0-100), a boolean matrix
``feasible`` (False where a hard rule forbids the pair) and each mentor's free capacity.

- :func:`solve_exact`: the assignment with the greatest total score, each mentee with at
  most one mentor and each mentor with at most their free capacity. SciPy's
  ``linear_sum_assignment`` solves it on a matrix where each mentor is repeated as many
  times as they have free places, forbidden pairs cost a prohibitive amount, and one
  "unmatched" column per mentee (cost 0) lets a mentee stay unmatched rather than take a
  forbidden pair. Forbidden pairs never reach the result.
- :func:`solve_greedy`: best pair first, for comparison.
- :func:`solve_brute_force`: every assignment, for small cases (tests).
- :func:`unmatched_reasons`: why each mentee left without a mentor is unmatched.

Pairs are returned as sorted ``(mentee index, mentor index)`` tuples.
"""

import numpy as np
from scipy.optimize import linear_sum_assignment

FORBIDDEN_COST = 1e9

# Reasons a mentee stays unmatched.
NO_MENTOR = "no_mentor"
NO_CAPACITY_LEFT = "no_capacity_left"
# Which exclusion (tools/scoring.py EXCLUSION_KEYS) explains an unmatched mentee best,
# when every mentor is excluded for them: the most frequent one, ties in this order.
REASON_BY_EXCLUSION = {
    "no_french": "no_french_mentor",
    "must_occupation": "no_noc_major_group",
    "mentor_full": "no_capacity",
    "mentor_unavailable": "no_capacity",
    "declined_before": "declined_before",
    "below_min_score": "below_min_score",
}
HARD_RULE = "hard_rule"


def total(scores, pairs):
    return float(sum(scores[mentee, mentor] for mentee, mentor in pairs))


def _capacities(feasible, capacities):
    """Free places worth offering: never more than the mentees who may take them."""
    capacities = np.asarray(capacities, dtype=np.int64)
    usable = feasible.sum(axis=0)
    return np.minimum(np.maximum(capacities, 0), usable)


def solve_exact(scores, feasible, capacities):
    """Maximum total score under mentor capacities and hard rules."""
    scores = np.asarray(scores, dtype=float)
    feasible = np.asarray(feasible, dtype=bool)
    mentees, _mentors = scores.shape
    slots = np.repeat(np.arange(scores.shape[1]), _capacities(feasible, capacities))
    if not mentees or not slots.size:
        return []
    # Keep only mentees who have at least one feasible pair.
    rows = np.flatnonzero(feasible[:, slots].any(axis=1))
    if not rows.size:
        return []
    cost = np.where(feasible[np.ix_(rows, slots)], -scores[np.ix_(rows, slots)], FORBIDDEN_COST)
    cost = np.hstack([cost, np.zeros((rows.size, rows.size))])
    chosen_rows, chosen_columns = linear_sum_assignment(cost)
    pairs = []
    for row, column in zip(chosen_rows, chosen_columns, strict=True):
        if column >= slots.size:
            continue  # the mentee's "unmatched" column
        mentee, mentor = int(rows[row]), int(slots[column])
        if feasible[mentee, mentor]:
            pairs.append((mentee, mentor))
    return sorted(pairs)


def solve_greedy(scores, feasible, capacities, mentee_ids=None, mentor_ids=None):
    """Best remaining pair first; ties by mentee id, then mentor id."""
    scores = np.asarray(scores, dtype=float)
    feasible = np.asarray(feasible, dtype=bool)
    mentees, mentors = scores.shape
    mentee_ids = np.arange(mentees) if mentee_ids is None else np.asarray(mentee_ids)
    mentor_ids = np.arange(mentors) if mentor_ids is None else np.asarray(mentor_ids)
    left = np.array(capacities, dtype=np.int64)
    rows, columns = np.nonzero(feasible)
    order = np.lexsort((mentor_ids[columns], mentee_ids[rows], -scores[rows, columns]))
    matched = [False] * mentees
    left = left.tolist()
    places, pairs = sum(left), []
    for row, column in zip(rows[order].tolist(), columns[order].tolist(), strict=True):
        if matched[row] or left[column] <= 0:
            continue
        matched[row] = True
        left[column] -= 1
        pairs.append((row, column))
        if len(pairs) == mentees or len(pairs) == places:
            break
    return sorted(pairs)


def solve_brute_force(scores, feasible, capacities):
    """Every assignment (each mentee unmatched or with any mentor who has room): only for
    a handful of mentees."""
    scores = np.asarray(scores, dtype=float)
    feasible = np.asarray(feasible, dtype=bool)
    mentees, mentors = scores.shape
    left = list(capacities)
    best = [0.0, []]

    def explore(mentee, current, value):
        if mentee == mentees:
            if value > best[0] + 1e-9:
                best[0], best[1] = value, list(current)
            return
        explore(mentee + 1, current, value)
        for mentor in range(mentors):
            if feasible[mentee, mentor] and left[mentor] > 0:
                left[mentor] -= 1
                current.append((mentee, mentor))
                explore(mentee + 1, current, value + scores[mentee, mentor])
                current.pop()
                left[mentor] += 1

    explore(0, [], 0.0)
    return sorted(best[1])


def unmatched_reasons(pairs, reasons, capacities, exclusion_keys):
    """{mentee index: (reason, exclusion key)} for the mentees left without a mentor.

    ``reasons`` holds per mentee and mentor the code of the hard rule that excludes the
    pair, 0 when the pair is feasible; ``exclusion_keys`` maps each code to its key
    (scoring.EXCLUSION_KEYS, or "below_min_score"). A mentee whose feasible mentors all
    went to others gets "no_capacity_left"; a mentee for whom every mentor is excluded gets
    the most frequent exclusion (ties in the order of REASON_BY_EXCLUSION), named by
    REASON_BY_EXCLUSION or else "hard_rule"."""
    reasons = np.asarray(reasons)
    mentees, mentors = reasons.shape
    matched = {mentee for mentee, _mentor in pairs}
    has_room = np.asarray(capacities, dtype=np.int64) > 0
    priority = {key: rank for rank, key in enumerate(REASON_BY_EXCLUSION)}
    found = {}
    for mentee in range(mentees):
        if mentee in matched:
            continue
        if not mentors:
            found[mentee] = (NO_MENTOR, "")
            continue
        row = reasons[mentee]
        if ((row == 0) & has_room).any():
            found[mentee] = (NO_CAPACITY_LEFT, "")
            continue
        counts = np.bincount(row[row > 0].astype(np.int64))
        codes = np.flatnonzero(counts)
        if not codes.size:  # feasible pairs, but no mentor with room at all
            found[mentee] = (REASON_BY_EXCLUSION["mentor_full"], "mentor_full")
            continue
        _count, _rank, code = min(
            (-int(counts[code]), priority.get(exclusion_keys[int(code)], len(priority)), int(code))
            for code in codes
        )
        key = exclusion_keys[code]
        found[mentee] = (REASON_BY_EXCLUSION.get(key, HARD_RULE), key)
    return found
