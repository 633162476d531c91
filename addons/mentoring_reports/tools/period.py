"""Reporting periods, without the ORM.

Funders ask for figures by calendar quarter, and people think in their own local days:
a group session held on 31 March at 8:30 p.m. in Toronto belongs to March, although Odoo
stores it as 1 April, 00:30 UTC. Datetimes here are naive and in UTC, as Odoo stores
them; dates are the local calendar days of the person who reports.
"""

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def quarter_start(day):
    """First day of the calendar quarter holding ``day`` (1 January, 1 April, 1 July or
    1 October)."""
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def last_complete_quarter(day):
    """``(first, last)`` days of the last calendar quarter that ended before ``day``:
    on 15 May 2026 (and on 1 April 2026), 1 January to 31 March 2026."""
    last = quarter_start(day) - timedelta(days=1)
    return quarter_start(last), last


def zone(tz_name):
    """The time zone named ``tz_name`` (e.g. "America/Toronto"); UTC when it is empty or
    unknown."""
    try:
        return ZoneInfo(tz_name) if tz_name else timezone.utc
    except (ZoneInfoNotFoundError, ValueError):
        return timezone.utc


def local_day_start(day, tz_name):
    """The UTC instant (naive) at which the local day ``day`` starts in ``tz_name``."""
    local = datetime.combine(day, time.min, tzinfo=zone(tz_name))
    return local.astimezone(timezone.utc).replace(tzinfo=None)


def utc_bounds(date_from, date_to, tz_name):
    """``(start, end)``: the UTC instants (naive) between which a stored datetime falls on
    one of the local days from ``date_from`` to ``date_to`` (both included) in
    ``tz_name``. ``start`` is included and ``end`` excluded (the start of the day after
    ``date_to``); either is ``None`` when its date is empty (an open period)."""
    start = local_day_start(date_from, tz_name) if date_from else None
    end = local_day_start(date_to + timedelta(days=1), tz_name) if date_to else None
    return start, end


def local_date(value, tz_name):
    """The local calendar day, in ``tz_name``, of ``value`` (a naive UTC datetime as Odoo
    stores it); ``None`` when ``value`` is empty."""
    if not value:
        return None
    return value.replace(tzinfo=timezone.utc).astimezone(zone(tz_name)).date()
