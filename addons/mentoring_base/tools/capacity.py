"""A mentor's capacity: how many mentees they can still take (no ORM).

A place is taken by an open relationship (stages "Active" and "Closing") and held by a
pending proposal (stages "Proposed" and "Review"), so that two proposals cannot promise a
mentor's last place twice. Only mentors who are available or already mentoring take
mentees.
"""

MATCHABLE_STATES = ("available", "active")


def free_places(max_mentees, places_taken):
    """Places still free, 0 or more: ``max_mentees`` minus ``places_taken`` (open
    relationships plus pending proposals), both ints."""
    return max((max_mentees or 0) - (places_taken or 0), 0)


def can_take_mentees(state, places_free):
    """Whether a mentor in ``state`` (a mentoring.mentor state) with ``places_free`` free
    places may be proposed a mentee."""
    return state in MATCHABLE_STATES and places_free > 0
