from datetime import timedelta

from markupsafe import Markup

from odoo import SUPERUSER_ID, Command, api, fields, models
from odoo.addons.mentoring_base.models.mentoring_relationship import (
    ONGOING_STAGE_TYPES,
    UNFINISHED_STAGE_TYPES,
)
from odoo.addons.mentoring_base.tools import schedule
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from .calendar_event import INTRODUCTION_KEY, MENTORING_KINDS, naive_utc

_lt = LazyTranslate(__name__)
# The coordinator's activity once both people accepted, in the coordinator's language.
TODO_INTRODUCTION = _lt("Hold the three-way introduction meeting")
MEETING_ACTIVITY = "mail.mail_activity_data_meeting"
# How far ahead (days) a meeting of a relationship may be planned: a year and a day, so that
# the same date next year can still be chosen. The portal's scheduling form checks it too.
MAX_DAYS_AHEAD = 366
# Which stages each kind of meeting may be planned in: the three-way introduction from the
# proposal on (the base's "Plan the three-way meeting"), the mentoring meetings while the
# relationship is under way.
KIND_STAGE_TYPES = {"introduction": UNFINISHED_STAGE_TYPES, "meeting": ONGOING_STAGE_TYPES}


class MentoringRelationship(models.Model):
    _inherit = "mentoring.relationship"

    calendar_event_ids = fields.One2many(
        "calendar.event", "mentoring_relationship_id", string="Calendar events"
    )
    calendar_event_count = fields.Integer(
        string="Calendar events count", compute="_compute_calendar_event_count"
    )

    @api.depends("calendar_event_ids")
    def _compute_calendar_event_count(self):
        counts = dict(
            self.env["calendar.event"]._read_group(
                [("mentoring_relationship_id", "in", self.ids)],
                ["mentoring_relationship_id"],
                ["__count"],
            )
        )
        for relationship in self:
            relationship.calendar_event_count = counts.get(relationship, 0)

    # -- introduction ------------------------------------------------------------------

    def _sign_agreement(self):
        """Both accepted: the coordinator also gets a Meeting activity to hold the three-way
        introduction meeting (in their language); scheduling it from the activity plans
        the calendar event with the three as attendees."""
        result = super()._sign_agreement()
        self._schedule_introduction_activity()
        return result

    def _schedule_introduction_activity(self):
        """The coordinator's activity of type Meeting "Hold the three-way introduction
        meeting", once per relationship while it is open: the relationship's coordinator,
        else the program's first, else the current user when on staff.

        Planned by the current user, or by OdooBot when the last acceptance came from a
        person without a back-office account (the e-mail's link, the portal): the
        coordinator is not told "Public user has just assigned you…".

        :return: the new ``mail.activity``, or an empty recordset"""
        self.ensure_one()
        user = self.env.user
        assignee = self.coordinator_id or self.program_id.coordinator_ids[:1]
        if not assignee and not user.share:
            assignee = user
        relationship = self.with_user(SUPERUSER_ID) if user.share else self
        activity = relationship._schedule_staff_todo(
            assignee,
            INTRODUCTION_KEY,
            TODO_INTRODUCTION,
            activity_type=MEETING_ACTIVITY,
        )
        return activity.with_env(self.env)

    def _introduction_activity(self):
        """The open introduction activity not yet planned in the calendar, if any."""
        self.ensure_one()
        return self.sudo().activity_ids.filtered(
            lambda activity: (
                activity.mentoring_key == INTRODUCTION_KEY and not activity.calendar_event_id
            )
        )[:1]

    # -- scheduling --------------------------------------------------------------------

    def _mentoring_attendees(self, kind):
        """Partners invited to a meeting of ``kind``: the mentee and the mentor, and the
        coordinator for the three-way introduction."""
        self.ensure_one()
        partners = self.mentee_id.partner_id | self.mentor_id.partner_id
        if kind == "introduction" and self.coordinator_id:
            partners |= self.coordinator_id.partner_id
        return partners

    def _mentoring_event_name(self, kind):
        """Name of a calendar event of ``kind`` for this relationship, in the language its
        attendees share (else the company's)."""
        self.ensure_one()
        event_env = self._mentoring_event_env(kind)
        labels = dict(
            event_env["calendar.event"]._fields["mentoring_kind"]._description_selection(event_env)
        )
        return f"{labels.get(kind, '')} – {self.name}"

    def _mentoring_event_env(self, kind):
        """This environment in the language of a calendar event of ``kind`` for this
        relationship: the one its attendees share, else the company's."""
        self.ensure_one()
        lang = self.env["calendar.event"]._mentoring_name_lang(
            self.sudo()._mentoring_attendees(kind)
        )
        return self.env(context=dict(self.env.context, lang=lang))

    def _mentoring_organizer(self):
        """Organizer of the events planned for this relationship: the current user when
        on staff (as in CRM), else the coordinator (a mentor or mentee scheduling from the
        portal, a scheduled action)."""
        self.ensure_one()
        user = self.env.user
        if user.share or user._is_superuser() or not user.active:
            return self.coordinator_id or self.program_id.coordinator_ids[:1] or user
        return user

    def _check_calendar_meeting(self, start, duration, kind):
        """Refuse a meeting that cannot be planned (see :meth:`_schedule_calendar_meeting`)."""
        self.ensure_one()
        if kind not in KIND_STAGE_TYPES:
            kinds = dict(MENTORING_KINDS)
            raise UserError(
                self.env._(
                    "A mentoring relationship plans meetings and introductions, not “%(kind)s”.",
                    kind=kinds.get(kind, kind),
                )
            )
        now = fields.Datetime.now()
        if not start or start < now:
            raise ValidationError(
                self.env._("A meeting is planned in the future: choose a later start.")
            )
        if start > now + timedelta(days=MAX_DAYS_AHEAD):
            raise self._too_far_ahead()
        if not duration or not 0 < duration <= schedule.MAX_MEETING_HOURS:
            raise ValidationError(
                self.env._(
                    "A meeting lasts more than 0 and at most %(hours)s hours.",
                    hours=schedule.MAX_MEETING_HOURS,
                )
            )
        if self.stage_type not in KIND_STAGE_TYPES[kind]:
            labels = dict(self._fields["stage_type"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "%(relationship)s is “%(stage)s”: meetings are planned while a "
                    "relationship is under way.",
                    relationship=self.name,
                    stage=labels.get(self.stage_type, ""),
                )
            )

    def _too_far_ahead(self):
        """The error of a meeting planned more than :data:`MAX_DAYS_AHEAD` days ahead."""
        return ValidationError(
            self.env._(
                "A meeting is planned at most %(days)s days ahead: choose an earlier start.",
                days=MAX_DAYS_AHEAD,
            )
        )

    def _schedule_calendar_meeting(self, start, duration, kind="meeting", *, scheduled_by=None):
        """Plan a meeting of this relationship in the calendar.

        The mentee and the mentor are invited (and the coordinator for the three-way
        introduction, which also plans the coordinator's open introduction activity);
        calendar sends each attendee its invitation (.ics attached, in their language) and
        the reminders (:meth:`calendar.event._mentoring_default_alarms`). The event is the
        relationship's (``res_model``/``res_id``): it shows in its activities.

        :param datetime start: start, naive UTC (an aware datetime is converted)
        :param float duration: hours, more than 0 and at most
            ``schedule.MAX_MEETING_HOURS``
        :param str kind: ``"meeting"`` (relationship under way) or ``"introduction"``
            (from the proposal on)
        :param scheduled_by: optional ``res.partner``, the attendee who planned the
            meeting (a mentee or mentor from "My mentoring"): their invitation is
            accepted and the event's description says they planned it; the coordinator
            stays the organizer
        :return: the new ``calendar.event``
        :raise ValidationError: a start in the past or more than :data:`MAX_DAYS_AHEAD`
            days ahead, a duration out of range
        :raise UserError: a relationship not under way, another kind
        """
        self.ensure_one()
        try:
            start = naive_utc(start)
        except OverflowError:
            # An aware start on the last representable day (year 9999).
            raise self._too_far_ahead() from None
        self._check_calendar_meeting(start, duration, kind)
        organizer = self._mentoring_organizer()
        values = {
            "name": self._mentoring_event_name(kind),
            "start": start,
            "stop": start + timedelta(hours=duration),
            "duration": duration,
            "user_id": organizer.id,
            "partner_ids": [Command.set(self._mentoring_attendees(kind).ids)],
            "alarm_ids": [Command.set(self.env["calendar.event"]._mentoring_default_alarms().ids)],
            "mentoring_relationship_id": self.id,
            "mentoring_kind": kind,
        }
        if scheduled_by:
            values["description"] = Markup("<p>%s</p>") % self._scheduled_by_note(
                scheduled_by, kind
            )
        introduction = kind == "introduction" and self._introduction_activity()
        if introduction:
            values["activity_ids"] = [Command.set(introduction.ids)]
        # Created as the organizer: calendar invites every attendee but the current user,
        # so a mentee planning from the portal gets their invitation too. The caller's
        # privilege is kept (the portal pages call this as superuser once they have
        # checked the person).
        events = self.env["calendar.event"]
        if organizer != self.env.user:
            events = events.with_user(organizer).sudo(self.env.su)
        event = events.create(values)
        if scheduled_by:
            event.attendee_ids.filtered(
                lambda attendee: attendee.partner_id == scheduled_by
            ).do_accept()
        return event.with_env(self.env)

    def _scheduled_by_note(self, partner, kind):
        """The event's description "Planned by … from My mentoring", in the language of
        the event's name (the one its attendees share, else the company's)."""
        self.ensure_one()
        return self._mentoring_event_env(kind)._(
            "Planned by %(person)s from My mentoring.", person=partner.sudo().name
        )

    def _planned_calendar_events(self):
        """Calendar events of this relationship not logged as held yet, by start: those to
        come and those past but not confirmed.

        :return: ``calendar.event`` recordset"""
        self.ensure_one()
        return self.calendar_event_ids.filtered(
            lambda event: not event.mentoring_meeting_id
        ).sorted("start")

    # -- buttons -----------------------------------------------------------------------

    def action_schedule_meeting(self):
        """Open the calendar to plan a meeting of this relationship (as CRM's "Meeting"):
        mentee and mentor invited, the relationship linked; the three-way introduction
        while the coordinator's introduction activity is still to plan (it is then linked
        to the event and follows it).

        :return: the calendar's window action"""
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id("calendar.action_calendar_event")
        introduction = self._introduction_activity()
        kind = "introduction" if introduction else "meeting"
        partners = self._mentoring_attendees(kind)
        if kind == "introduction":
            partners |= self.env.user.partner_id
        context = {
            "default_mentoring_relationship_id": self.id,
            "default_res_model": self._name,
            "default_res_id": self.id,
            "default_mentoring_kind": kind,
            "default_partner_ids": partners.ids,
            "default_name": self._mentoring_event_name(kind),
            "search_default_mentoring_relationship_id": self.id,
        }
        if introduction:
            context.update(
                default_activity_ids=[Command.set(introduction.ids)],
                orig_activity_ids=introduction.ids,
            )
        action["context"] = context
        return action

    def action_view_calendar_events(self):
        """Smart button: the relationship's calendar events, as a list."""
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "mentoring_calendar.mentoring_calendar_event_action"
        )
        action.update(
            domain=[("mentoring_relationship_id", "=", self.id)],
            views=sorted(action["views"], key=lambda view: view[1] != "list"),
            context={
                "default_mentoring_relationship_id": self.id,
                "default_res_model": self._name,
                "default_res_id": self.id,
                "default_partner_ids": self._mentoring_attendees("meeting").ids,
            },
        )
        return action
