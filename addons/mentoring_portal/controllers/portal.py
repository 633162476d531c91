"""“My mentoring”: mentors and mentees follow and log their relationships in the portal.

Portal users have no access to ``mentoring.relationship`` (its staff-only fields would
leak over RPC): the pages find the signed-in person's relationships as superuser with
:func:`participant_domain`, the one definition of "their relationships". They read their
meetings and goals through record rules (security/mentoring_portal_rules.xml) and write
nothing over RPC. A relationship's page is for its signed-in mentee or mentor only (no
access token). Every form here reads an explicit list of fields with the website's
``FormReader``, checks that what it names (relationship, calendar event, goal) belongs
to the signed-in person, and only then writes with ``sudo()``. On a mistake the page
comes back with the message next to the field and what was typed; nothing is saved.
After a save, the browser is redirected (a reload does not post again) with a
confirmation message chosen from a fixed list.
"""

import re
from datetime import datetime, time, timedelta

import pytz

from odoo import fields, http
from odoo.addons.mentoring_base.models.mentoring_relationship import (
    ONGOING_STAGE_TYPES,
    PENDING_STAGE_TYPES,
)
from odoo.addons.mentoring_base.tools import schedule
from odoo.addons.mentoring_calendar.models.mentoring_relationship import MAX_DAYS_AHEAD
from odoo.addons.mentoring_website.controllers.form_reader import MSG_REQUIRED, FormReader
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager
from odoo.exceptions import UserError, ValidationError
from odoo.http import request
from odoo.tools import format_date, formatLang, get_lang
from odoo.tools.misc import babel_locale_parse, format_datetime, posix_to_ldml
from odoo.tools.translate import LazyTranslate

from ..models.mentoring_goal import MAX_COMMENT_LENGTH
from ..models.res_partner import lock_for_answer

_lt = LazyTranslate(__name__)

MY_MENTORING_URL = "/my/mentoring"
MAX_TEXT_LENGTH = 2000
# A repeat of the same meeting by the same person within this time is a double submit.
DOUBLE_SUBMIT_WINDOW = timedelta(minutes=10)
TIME_PATTERN = re.compile(r"([0-9]{1,2}):([0-9]{2})")
HOURS_PATTERN = re.compile(r"[0-9]{1,2}(?:[.,][0-9]{1,2})?")
# "1 h 30", "1h30", "2 h", "0h45": hours and minutes.
HOURS_MINUTES_PATTERN = re.compile(r"([0-9]{1,2}) ?h ?(?:([0-9]{1,2}) ?(?:min)?)?", re.IGNORECASE)

MSG_FIX_ERRORS = _lt("Nothing was saved yet: correct the fields marked below.")
MSG_TIME = _lt("Enter a time, for example 18:30.")
MSG_HOURS = _lt("Enter a duration of more than 0 and at most %(maximum)s hours, for example 1.5.")
MSG_FUTURE_MEETING = _lt(
    "This date is still to come: log a meeting once it has taken place, or schedule it below."
)
MSG_BEFORE_AGREEMENT = _lt(
    "Your mentoring relationship started on %(date)s: the meeting cannot have taken place before."
)
MSG_PAST_SCHEDULE = _lt("Choose a date and time to come.")
MSG_TOO_FAR_AHEAD = _lt(
    "Choose a date within the next %(days)s days: meetings are planned at most that far ahead."
)
MSG_NOT_UNDER_WAY = _lt(
    "This relationship is not under way: meetings and goals can no longer be changed here."
)
MSG_EVENT = _lt("This planned meeting is not one of this relationship's: reload the page.")
MSG_EVENT_NOT_STARTED = _lt("This meeting has not started yet: confirm it once it is over.")
MSG_GOAL = _lt("This goal is not in this mentee's action plan: reload the page.")
LABEL_CHECKIN = _lt("Monthly check-in of %(month)s")
LABEL_CHECKIN_UNDATED = _lt("Monthly check-in")
LABEL_CLOSING = _lt("Closing questionnaire")
MESSAGES = {
    "meeting_logged": _lt("The meeting is logged. Thank you!"),
    "held_logged": _lt("The planned meeting is confirmed as held. Thank you!"),
    "already_logged": _lt("This meeting was already logged: it is counted once."),
    "scheduled": _lt("The meeting is scheduled: both of you receive an invitation by e-mail."),
    "already_scheduled": _lt("This meeting was already scheduled."),
    "goal_saved": _lt("The progress of the goal is saved."),
    "comment_saved": _lt("Your comment on the goal is saved."),
}


def participant_domain(partner):
    """The relationships (``mentoring.relationship``) ``partner`` takes part in, as its
    mentee or its mentor: the one definition of a person's relationships in "My
    mentoring" (home counter, list, relationship page and its forms). A proposal
    cancelled before any agreement (someone declined it) is left out.

    Portal users have no access to relationships: search with this domain as superuser.

    :param partner: ``res.partner`` of the signed-in person (empty: no relationship)
    :return: a domain (list) on ``mentoring.relationship``
    """
    if not partner:
        return [("id", "=", False)]
    return [
        "|",
        ("mentee_id.partner_id", "=", partner.id),
        ("mentor_id.partner_id", "=", partner.id),
        "|",
        ("stage_type", "!=", "cancelled"),
        ("agreement_date", "!=", False),
    ]


def parse_hours(raw):
    """Hours typed in a form: ``1.5``, ``1,5``, ``1 h 30``, ``1h30`` or ``2 h``.

    :param str raw: the stripped text typed
    :return: float hours, or ``None`` when the text is not a duration
    """
    if HOURS_PATTERN.fullmatch(raw):
        return float(raw.replace(",", "."))
    match = HOURS_MINUTES_PATTERN.fullmatch(raw)
    if match and int(match[2] or 0) < 60:
        return int(match[1]) + int(match[2] or 0) / 60.0
    return None


class PortalFormReader(FormReader):
    """The website's form reader, with the times and durations of meetings."""

    def clock(self, key, required=True):
        """A time of day as a time input sends it (``HH:MM``); ``None`` when empty or wrong."""
        raw = self._raw(key)
        self.values[key] = raw
        if not raw:
            if required:
                self.error(key, MSG_REQUIRED)
            return None
        match = TIME_PATTERN.fullmatch(raw)
        if not match or int(match[1]) > 23 or int(match[2]) > 59:
            self.error(key, MSG_TIME)
            return None
        return time(int(match[1]), int(match[2]))

    def hours(self, key, required=True):
        """A duration in hours, more than 0 and at most ``schedule.MAX_MEETING_HOURS``
        (see :func:`parse_hours`); ``None`` when empty or wrong."""
        raw = self._raw(key)
        self.values[key] = raw
        if not raw and not required:
            return None
        value = parse_hours(raw) or 0.0
        if not 0 < value <= schedule.MAX_MEETING_HOURS:
            self.error(key, MSG_HOURS, maximum=schedule.MAX_MEETING_HOURS)
            return None
        return value


class MentoringCustomerPortal(CustomerPortal):
    """“My mentoring” pages and forms of mentors and mentees."""

    # -- home card ------------------------------------------------------------------

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "mentoring_count" in counters:
            values["mentoring_count"] = (
                request.env["mentoring.relationship"]
                .sudo()
                .search_count(participant_domain(request.env.user.partner_id))
            )
        return values

    # -- pages ----------------------------------------------------------------------

    @http.route(
        [MY_MENTORING_URL, f"{MY_MENTORING_URL}/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
        sitemap=False,
    )
    def portal_my_mentoring(self, page=1, **kwargs):
        """The signed-in person's relationships: proposals, under way, past."""
        Relationship = request.env["mentoring.relationship"].sudo()
        domain = participant_domain(request.env.user.partner_id)
        total = Relationship.search_count(domain)
        pager = portal_pager(
            url=MY_MENTORING_URL, total=total, page=page, step=self._items_per_page
        )
        relationships = Relationship.browse()
        if total:
            relationships = Relationship.search(
                domain,
                order="is_open desc, planned_start desc, id desc",
                limit=self._items_per_page,
                offset=pager["offset"],
            )
        rows = [self._list_row(relationship) for relationship in relationships]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "mentoring",
                "pager": pager,
                "proposals": [row for row in rows if row["section"] == "proposal"],
                "current": [row for row in rows if row["section"] == "current"],
                "past": [row for row in rows if row["section"] == "past"],
                "default_url": MY_MENTORING_URL,
                "format_hours": self._format_hours,
            }
        )
        return request.render("mentoring_portal.portal_my_mentoring", values)

    @http.route(
        f"{MY_MENTORING_URL}/<int:relationship_id>",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
        sitemap=False,
    )
    def portal_my_mentoring_relationship(self, relationship_id, message=None, **kwargs):
        """One relationship, for its signed-in mentee or mentor; the "not found" page for
        anyone else (other participants, staff and agency referrers: they use the back
        office). No access token opens it."""
        relationship = self._own_relationship(relationship_id)
        return self._render_relationship(relationship, message=message)

    # -- forms ----------------------------------------------------------------------

    @http.route(
        f"{MY_MENTORING_URL}/<int:relationship_id>/meeting",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
        sitemap=False,
    )
    def portal_log_meeting(self, relationship_id, **post):
        """Log a meeting that took place: date (not in the future, not before the
        agreement), duration, mode, topics, next steps."""
        relationship = self._own_relationship(relationship_id)
        reader = self._reader()
        tz = self._tz(relationship)
        meeting_date = reader.date("date")
        duration = reader.hours("duration")
        notes = self._read_meeting_notes(reader)
        if meeting_date and "date" not in reader.errors:
            self._check_meeting_date(reader, relationship, meeting_date, tz)
        if error := self._form_problem(reader, relationship):
            return error("meeting")
        values = {
            "relationship_id": relationship.id,
            "date": meeting_date,
            "duration": duration,
            **notes,
        }
        # Serialize the forms of one relationship (double clicks, two tabs).
        lock_for_answer(relationship)
        if self._recent_identical_meeting(values):
            return self._redirect(relationship, "already_logged")
        return self._save(
            relationship,
            "meeting",
            reader,
            lambda: request.env["mentoring.meeting"].sudo().with_context(tz=tz).create(values),
            "meeting_logged",
        )

    @http.route(
        f"{MY_MENTORING_URL}/<int:relationship_id>/held",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
        sitemap=False,
    )
    def portal_confirm_held(self, relationship_id, **post):
        """Confirm a planned calendar meeting of this relationship as held (it becomes a
        logged meeting, with the duration and notes given)."""
        relationship = self._own_relationship(relationship_id)
        reader = self._reader()
        event = reader.record(
            "event_id",
            "calendar.event",
            [("mentoring_relationship_id", "=", relationship.id), ("active", "=", True)],
            message=MSG_EVENT,
        )
        form = f"held_{event.id}" if event else "held"
        duration = reader.hours("duration", required=False)
        notes = self._read_meeting_notes(reader)
        if event and event.start > fields.Datetime.now():
            reader.error("event_id", MSG_EVENT_NOT_STARTED)
        if error := self._form_problem(reader, relationship):
            return error(form)
        # Serialize the forms of one relationship (double clicks, two tabs).
        lock_for_answer(relationship)
        if event.mentoring_meeting_id:
            return self._redirect(relationship, "already_logged")
        values = {**notes, "duration": duration} if duration else notes
        return self._save(
            relationship,
            form,
            reader,
            lambda: event.with_context(tz=self._tz(relationship))._mentoring_log_held(values),
            "held_logged",
        )

    @http.route(
        f"{MY_MENTORING_URL}/<int:relationship_id>/schedule",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
        sitemap=False,
    )
    def portal_schedule_meeting(self, relationship_id, **post):
        """Schedule the next meeting in the calendar: date and time in the person's time
        zone, duration in hours; both people are invited."""
        relationship = self._own_relationship(relationship_id)
        reader = self._reader()
        day = reader.date("start_date")
        at = reader.clock("start_time")
        duration = reader.hours("duration")
        tz = self._tz(relationship)
        start = False
        if day:
            today = fields.Date.context_today(relationship.with_context(tz=tz))
            if day > today + timedelta(days=MAX_DAYS_AHEAD):
                reader.error("start_date", MSG_TOO_FAR_AHEAD, days=MAX_DAYS_AHEAD)
            elif day < today:
                reader.error("start_date", MSG_PAST_SCHEDULE)
            elif at:
                local = pytz.timezone(tz).localize(datetime.combine(day, at))
                start = local.astimezone(pytz.utc).replace(tzinfo=None)
                now = fields.Datetime.now()
                if start <= now:
                    reader.error("start_date", MSG_PAST_SCHEDULE)
                elif start > now + timedelta(days=MAX_DAYS_AHEAD):
                    reader.error("start_date", MSG_TOO_FAR_AHEAD, days=MAX_DAYS_AHEAD)
        if error := self._form_problem(reader, relationship):
            return error("schedule")
        # Serialize the forms of one relationship (double clicks, two tabs).
        lock_for_answer(relationship)
        already = (
            request.env["calendar.event"]
            .sudo()
            .search_count(
                [("mentoring_relationship_id", "=", relationship.id), ("start", "=", start)],
                limit=1,
            )
        )
        if already:
            return self._redirect(relationship, "already_scheduled")
        return self._save(
            relationship,
            "schedule",
            reader,
            lambda: relationship.with_context(tz=tz)._schedule_calendar_meeting(
                start, duration, scheduled_by=request.env.user.partner_id
            ),
            "scheduled",
        )

    @http.route(
        f"{MY_MENTORING_URL}/<int:relationship_id>/goal",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
        sitemap=False,
    )
    def portal_update_goal(self, relationship_id, **post):
        """The mentee marks a goal's progress; the mentor comments on it."""
        relationship = self._own_relationship(relationship_id)
        party = self._party(relationship)
        reader = self._reader()
        goal = reader.record(
            "goal_id",
            "mentoring.goal",
            [("mentee_id", "=", relationship.mentee_id.id)],
            message=MSG_GOAL,
        )
        form = f"goal_{goal.id}" if goal else "goal"
        if party == "mentee":
            status = reader.selection("status", self._choices("mentoring.goal", "status"))
        else:
            comment = reader.text("mentor_comment", max_length=MAX_COMMENT_LENGTH, multiline=True)
        if error := self._form_problem(reader, relationship):
            return error(form)
        if party == "mentee":
            goal._portal_set_status(status)
            return self._redirect(relationship, "goal_saved")
        goal._portal_set_mentor_comment(comment)
        return self._redirect(relationship, "comment_saved")

    # -- checks -----------------------------------------------------------------------

    def _party(self, relationship):
        """'mentee' or 'mentor': the signed-in person's side of ``relationship``; False
        for anyone else."""
        partner = request.env.user.partner_id
        if relationship.mentee_id.partner_id == partner:
            return "mentee"
        if relationship.mentor_id.partner_id == partner:
            return "mentor"
        return False

    def _own_relationship(self, relationship_id):
        """The relationship (as superuser) if it is one of the signed-in person's
        (:func:`participant_domain`); otherwise the "not found" page."""
        domain = participant_domain(request.env.user.partner_id)
        relationship = (
            request.env["mentoring.relationship"]
            .sudo()
            .search([("id", "=", int(relationship_id)), *domain], limit=1)
        )
        if not relationship:
            raise request.not_found()
        return relationship

    def _form_problem(self, reader, relationship):
        """None when the form can be saved; else a function rendering the page again with
        the problems next to the fields of the form it is given the name of."""
        if not reader.errors and relationship.stage_type in ONGOING_STAGE_TYPES:
            return None
        form_error = request.env._(MSG_FIX_ERRORS)
        # A planned meeting or goal that cannot be used: said above the page, as its form
        # may not be shown (not this relationship's, not started yet).
        for key in ("event_id", "goal_id"):
            form_error = reader.errors.get(key, form_error)
        if relationship.stage_type not in ONGOING_STAGE_TYPES:
            form_error = request.env._(MSG_NOT_UNDER_WAY)

        def render(form):
            return self._render_relationship(
                relationship,
                form=form,
                values=reader.values,
                errors=reader.errors,
                form_error=form_error,
            )

        return render

    def _read_meeting_notes(self, reader):
        """Mode, topics and next steps of a meeting form, read by ``reader``.

        :return: dict of ``mentoring.meeting`` values
        """
        return {
            "mode": reader.selection("mode", self._choices("mentoring.meeting", "mode")),
            "topics": reader.text("topics", max_length=MAX_TEXT_LENGTH, multiline=True),
            "next_steps": reader.text("next_steps", max_length=MAX_TEXT_LENGTH, multiline=True),
        }

    def _save(self, relationship, form, reader, action, message):
        """Run ``action`` (what the form saves); on a refusal of the models, nothing is
        kept and the page comes back with the message above ``form``.

        :param str form: name of the form on the page
        :param action: function without arguments that saves
        :param str message: key of :data:`MESSAGES` shown after the save
        :return: the redirection, or the page with the error
        """
        try:
            with request.env.cr.savepoint():
                action()
        except (UserError, ValidationError) as problem:
            return self._render_form_error(relationship, form, reader, problem)
        return self._redirect(relationship, message)

    def _render_form_error(self, relationship, form, reader, problem):
        """The page again after the model refused the values (its translated message)."""
        return self._render_relationship(
            relationship,
            form=form,
            values=reader.values,
            errors=reader.errors,
            form_error=problem.args[0] if problem.args else str(problem),
        )

    def _check_meeting_date(self, reader, relationship, meeting_date, tz):
        today = fields.Date.context_today(relationship.with_context(tz=tz))
        if meeting_date > today:
            reader.error("date", MSG_FUTURE_MEETING)
        elif relationship.agreement_date and meeting_date < relationship.agreement_date:
            reader.error(
                "date",
                MSG_BEFORE_AGREEMENT,
                date=format_date(request.env, relationship.agreement_date),
            )

    def _recent_identical_meeting(self, values):
        """The same meeting logged by the same person in the last minutes: a double
        submit (the relationship's row is locked first, so a concurrent second submit
        waits, retries and finds the first)."""
        domain = [
            ("create_uid", "=", request.env.uid),
            ("create_date", ">=", fields.Datetime.now() - DOUBLE_SUBMIT_WINDOW),
        ] + [(name, "=", value) for name, value in values.items()]
        return request.env["mentoring.meeting"].sudo().search_count(domain, limit=1)

    # -- rendering --------------------------------------------------------------------

    def _reader(self):
        httprequest = request.httprequest
        return PortalFormReader(request.env, httprequest.form, httprequest.files)

    def _tz(self, relationship):
        """The time zone the person's dates and times are read and shown in: their
        user's, else their contact's, else the relationship's coordinator's, else the
        company's, else UTC (portal users usually have none of their own).

        :param relationship: the relationship of the page (superuser)
        :return: str, a time zone name of ``pytz``
        """
        user = request.env.user
        for name in (
            user.tz,
            user.partner_id.tz,
            relationship.coordinator_id.tz,
            request.env.company.sudo().partner_id.tz,
        ):
            if name and name in pytz.all_timezones_set:
                return name
        return "UTC"

    def _format_hours(self, hours, digits=2):
        """Hours as text in the page's language (``2.50``, « 2,50 »)."""
        return formatLang(request.env, hours or 0.0, digits=digits)

    def _hours_input(self, hours):
        """Hours as typed in a duration field, shortest form, in the page's language's
        decimal separator (``1.5``, « 1,5 », ``2``)."""
        text = f"{round(hours or 0.0, 2):g}"
        return text.replace(".", get_lang(request.env).decimal_point or ".")

    def _format_start(self, value, tz):
        """A calendar event's start (naive UTC) in ``tz``, in the page's language's date
        and time formats, without seconds (as the back office shows it)."""
        lang = get_lang(request.env)
        locale = babel_locale_parse(lang.code)
        time_format = re.sub(r"[:.]?%S", "", lang.time_format)
        date_pattern = posix_to_ldml(lang.date_format, locale=locale)
        pattern = f"{date_pattern} {posix_to_ldml(time_format, locale=locale)}"
        return format_datetime(request.env, value, tz=tz, dt_format=pattern)

    def _questionnaire_label(self, answer):
        """What a questionnaire to answer is: the monthly check-in of which month, or the
        closing questionnaire; in the page's language."""
        if answer.mentoring_kind == "closing":
            return request.env._(LABEL_CLOSING)
        checkin = answer.mentoring_checkin_id
        if not checkin.date:
            return request.env._(LABEL_CHECKIN_UNDATED)
        month = format_date(request.env, checkin.date, date_format="MMMM y")
        label = request.env._(LABEL_CHECKIN)
        return label % {"month": month}

    def _choices(self, model, field):
        return dict(request.env[model]._fields[field]._description_selection(request.env))

    def _redirect(self, relationship, message):
        url = f"{MY_MENTORING_URL}/{relationship.id}?message={message}"
        return request.redirect(request.env["ir.http"]._url_for(url))

    def _list_row(self, relationship):
        party = self._party(relationship)
        if relationship.stage_type in PENDING_STAGE_TYPES:
            section = "proposal"
        elif relationship.stage_type in ONGOING_STAGE_TYPES:
            section = "current"
        else:
            section = "past"
        answer_url = False
        if section == "proposal" and party and relationship[f"{party}_decision"] == "pending":
            answer_url = request.env["ir.http"]._url_for(relationship._proposal_answer_url(party))
        return {
            "relationship": relationship,
            "party": party,
            "other": relationship.mentor_id if party == "mentee" else relationship.mentee_id,
            "section": section,
            "answer_url": answer_url,
            "url": request.env["ir.http"]._url_for(f"{MY_MENTORING_URL}/{relationship.id}"),
        }

    def _mentee_profile(self, relationship):
        """What the mentor reads of the mentee: the professional profile the match rests
        on; education and credentials only while the mentee consents to share their
        information (never immigration status, language levels, résumé or agency)."""
        mentee = relationship.mentee_id
        fields_shown = ["target_noc_id", "target_naics_id", "career_objective"]
        if mentee.consent_share and not mentee.consent_withdrawn_date:
            fields_shown += ["education_level", "education_country_id", "credentials"]
        return self._profile(mentee, fields_shown)

    def _mentor_profile(self, relationship):
        """What the mentee reads of the mentor: their professional profile."""
        return self._profile(
            relationship.mentor_id,
            ["function", "employer_id", "noc_id", "naics_id", "years_experience_region"],
        )

    def _profile(self, person, names):
        """(label, text) of each field of ``names`` that has a value, in the page's
        language, then the languages the person speaks."""
        rows = []
        for name in names:
            field = person._fields[name]
            value = person[name]
            if not value:
                continue
            if field.type == "many2one":
                text = value.display_name
            elif field.type == "selection":
                text = dict(field._description_selection(request.env)).get(value, "")
            else:
                text = str(value)
            rows.append((field._description_string(request.env), text))
        if person.spoken_language_ids:
            rows.append(
                (
                    person._fields["spoken_language_ids"]._description_string(request.env),
                    ", ".join(person.spoken_language_ids.mapped("name")),
                )
            )
        return rows

    def _render_relationship(
        self, relationship, message=None, form=None, values=None, errors=None, form_error=None
    ):
        """The page of ``relationship`` (superuser, one of the signed-in person's)."""
        party = self._party(relationship)
        other = relationship.mentor_id if party == "mentee" else relationship.mentee_id
        ongoing = relationship.stage_type in ONGOING_STAGE_TYPES
        tz = self._tz(relationship)
        now = fields.Datetime.now()
        planned = relationship._planned_calendar_events()
        goals = relationship.mentee_id.goal_ids
        if not (party == "mentee" or (party == "mentor" and relationship.is_open)):
            goals = goals.browse()
        if party == "mentor":
            profile = self._mentee_profile(relationship)
        else:
            profile = self._mentor_profile(relationship)
        questionnaires = [
            (answer, self._questionnaire_label(answer))
            for answer in relationship._pending_questionnaires(request.env.user.partner_id)
        ]
        today = fields.Date.context_today(relationship.with_context(tz=tz))
        default_duration = (relationship.weekly_minutes or 60) / 60.0
        values = values or {}
        page_values = self._prepare_portal_layout_values()
        page_values.update(
            {
                "page_name": "mentoring",
                "relationship": relationship,
                "party": party,
                "other": other,
                "show_contact": bool(party and relationship.is_open),
                "profile": profile,
                "goals": goals,
                "meetings": relationship.meeting_ids,
                "planned_events": planned,
                "confirmable_ids": {event.id for event in planned if event.start <= now},
                "questionnaires": questionnaires,
                "ongoing": ongoing,
                "can_act": bool(party and ongoing),
                "tz": tz,
                "today": fields.Date.to_string(today),
                "last_day": fields.Date.to_string(today + timedelta(days=MAX_DAYS_AHEAD)),
                "max_hours": schedule.MAX_MEETING_HOURS,
                "modes": list(self._choices("mentoring.meeting", "mode").items()),
                "goal_statuses": list(self._choices("mentoring.goal", "status").items()),
                "status_labels": self._choices("mentoring.goal", "status"),
                "mode_labels": self._choices("mentoring.meeting", "mode"),
                "format_hours": self._format_hours,
                "hours_input": self._hours_input,
                "format_start": lambda value: self._format_start(value, tz),
                "form": form,
                "form_values": values,
                "errors": errors or {},
                "form_error": form_error,
                "message": request.env._(MESSAGES[message]) if message in MESSAGES else False,
                "meeting_defaults": {
                    "date": fields.Date.to_string(today),
                    "duration": self._hours_input(default_duration),
                    "mode": "in_person",
                },
                "action_base": request.env["ir.http"]._url_for(
                    f"{MY_MENTORING_URL}/{relationship.id}"
                ),
                "list_url": request.env["ir.http"]._url_for(MY_MENTORING_URL),
            }
        )
        return request.render("mentoring_portal.portal_my_mentoring_relationship", page_values)
