"""Pure computations of the questionnaires: invitation deadlines, answers merged into text."""

from datetime import date, datetime, time

from dateutil.relativedelta import relativedelta

# Ratings a questionnaire may give a check-in or a relationship (the base constraints agree).
RATING_MIN = 1
RATING_MAX = 5


def invitation_deadline(sent_on):
    """The last moment an invitation sent on ``sent_on`` can be answered: the end of the
    following month (an invitation of 16 March is open until 30 April, 23:59:59).

    :param date sent_on: the day the invitation is sent
    :return: naive ``datetime`` (stored as UTC, as survey compares it with ``now()``)
    """
    if not isinstance(sent_on, date):
        raise TypeError("sent_on must be a date")
    last_day = sent_on + relativedelta(months=1, day=31)
    return datetime.combine(last_day, time(23, 59, 59))


def is_rating(value):
    """Whether ``value`` is a rating a record accepts (a whole number from 1 to 5)."""
    return (
        isinstance(value, int) and not isinstance(value, bool) and RATING_MIN <= value <= RATING_MAX
    )


def append_paragraph(existing, paragraph):
    """``existing`` text with ``paragraph`` added after a blank line, unless already there.

    :param existing: the field's current text (``False`` or a string)
    :param str paragraph: the text to add (e.g. "Mentee: I found two leads"), stripped
    :return: the new text (``existing`` unchanged when ``paragraph`` is empty or already in it)
    """
    paragraph = (paragraph or "").strip()
    existing = existing or ""
    if not paragraph or paragraph in existing:
        return existing
    return f"{existing.rstrip()}\n\n{paragraph}" if existing.strip() else paragraph
