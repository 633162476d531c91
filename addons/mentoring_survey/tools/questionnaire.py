"""Pure computations of the questionnaires: invitation deadlines, answers merged into text."""

from datetime import date, datetime, time

from dateutil.relativedelta import relativedelta

# Ratings a questionnaire may give a check-in or a relationship: base's, one home.
from odoo.addons.mentoring_base.tools.rating import RATING_MAX, RATING_MIN, is_rating

__all__ = ["RATING_MAX", "RATING_MIN", "append_paragraph", "invitation_deadline", "is_rating"]


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
