"""Schedule arithmetic of a mentoring relationship, without the ORM."""

from datetime import timedelta

from dateutil.relativedelta import relativedelta

from .classification import closeness

# Outcome checkpoints: at exit, then 3, 6 and 12 months after completion.
CHECKPOINT_MONTHS = (("exit", 0), ("month_3", 3), ("month_6", 6), ("month_12", 12))
NO_MEETING_ALERT_DAYS = 21
# A meeting logged lasts more than 0 and at most this many hours (issue #12: a longer
# entry is a typing mistake, e.g. minutes typed as hours).
MAX_MEETING_HOURS = 8


def planned_end(start, weeks):
    """Last day of a relationship of ``weeks`` weeks starting on ``start``."""
    return start + timedelta(weeks=weeks, days=-1) if start and weeks else False


def week_start(day):
    """Monday of the week of ``day``."""
    return day - timedelta(days=day.weekday())


def weeks_between(start, end):
    """Mondays of every week from the one holding ``start`` to the one holding ``end``."""
    if not start or not end or end < start:
        return []
    monday, last = week_start(start), week_start(end)
    weeks = []
    while monday <= last:
        weeks.append(monday)
        monday += timedelta(weeks=1)
    return weeks


def weeks_with_meeting(meeting_dates):
    return sorted({week_start(day) for day in meeting_dates if day})


def weeks_without_meeting(start, end, meeting_dates):
    """Mondays of the weeks between ``start`` and ``end`` that had no meeting."""
    met = set(weeks_with_meeting(meeting_dates))
    return [monday for monday in weeks_between(start, end) if monday not in met]


def days_without_meeting(start, meeting_dates, today):
    """Days since the last meeting, or since the start when none was logged yet."""
    dates = [day for day in meeting_dates if day and day <= today]
    reference = max(dates) if dates else start
    return (today - reference).days if reference and reference <= today else 0


def checkpoint_dates(closed_on):
    """Due date of every outcome checkpoint for a relationship closed on ``closed_on``."""
    return {name: closed_on + relativedelta(months=months) for name, months in CHECKPOINT_MONTHS}


def field_match(job_code, target_code):
    """How close a job's NOC code is to the occupation the mentee aimed at.

    "in_field": same minor group (4 digits) or closer; "related": same major group (2 digits,
    same broad category and TEER); "outside": anything else; False when a code is missing.
    """
    if not job_code or not target_code:
        return False
    shared = closeness("noc", job_code, target_code)
    if shared >= 4:
        return "in_field"
    if shared >= 2:
        return "related"
    return "outside"
