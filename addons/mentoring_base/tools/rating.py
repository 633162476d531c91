"""Ratings given by mentees and mentors (monthly check-ins, satisfaction at closure)."""

# A rating goes from 1 (very dissatisfied) to 5 (very satisfied); no rating stays empty.
RATING_MIN = 1
RATING_MAX = 5


def is_rating(value):
    """Whether ``value`` is a rating: an int from :data:`RATING_MIN` to :data:`RATING_MAX`
    (not a bool)."""
    return (
        isinstance(value, int) and not isinstance(value, bool) and RATING_MIN <= value <= RATING_MAX
    )
