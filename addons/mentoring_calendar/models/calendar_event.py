from datetime import datetime

import pytz

from odoo import Command, api, fields, models
from odoo.addons.mentoring_base.tools import language
from odoo.exceptions import AccessError, UserError

MENTORING_KINDS = [
    ("introduction", "Introduction meeting"),
    ("meeting", "Mentoring meeting"),
    ("orientation", "Orientation session"),
]
# Colour of each kind in the coordinators' mentoring calendar.
MENTORING_COLORS = {"introduction": 4, "meeting": 10, "orientation": 2}
RELATIONSHIP = "mentoring.relationship"
# Key of the coordinator's activity "hold the three-way introduction meeting"
# (mail.activity.mentoring_key).
INTRODUCTION_KEY = "introduction"
# What a meeting logged from its calendar event may say besides its date.
HELD_FIELDS = ("duration", "mode", "topics", "next_steps", "goal_ids")


class CalendarEvent(models.Model):
    _inherit = "calendar.event"

    mentoring_relationship_id = fields.Many2one(
        RELATIONSHIP,
        string="Mentoring relationship",
        index="btree_not_null",
        ondelete="set null",
    )
    mentoring_kind = fields.Selection(
        MENTORING_KINDS,
        string="Mentoring kind",
        index="btree_not_null",
        help="Meetings, three-way introductions and orientation sessions show in the "
        "coordinators' mentoring calendar.",
    )
    mentoring_meeting_ids = fields.One2many(
        "mentoring.meeting", "calendar_event_id", string="Meetings logged"
    )
    mentoring_meeting_id = fields.Many2one(
        "mentoring.meeting",
        string="Meeting logged",
        compute="_compute_mentoring_meeting_id",
        store=True,
        help="The meeting logged as held for this event (hours and weeks of the relationship).",
    )

    mentoring_color = fields.Integer(
        string="Colour of the mentoring kind", compute="_compute_mentoring_color"
    )

    @api.depends("mentoring_kind")
    def _compute_mentoring_color(self):
        """Colour of the event in the mentoring calendar, by kind."""
        for event in self:
            event.mentoring_color = MENTORING_COLORS.get(event.mentoring_kind, 0)

    @api.depends("mentoring_meeting_ids")
    def _compute_mentoring_meeting_id(self):
        for event in self:
            event.mentoring_meeting_id = event.mentoring_meeting_ids[:1]

    # -- creation: the relationship and the calendar's linked document agree -----------

    @api.model
    def default_get(self, fields):
        """From the relationship's "Schedule meeting" button or from an activity of the
        relationship (calendar's "Schedule" of a meeting activity): the event is linked to
        the relationship, its kind set and the mentee and mentor invited (the coordinator
        too for the three-way introduction).

        Only for a user who may read the relationship: for anyone else the context keys
        pointing at it are ignored (the defaults would name its mentee and mentor)."""
        context = self.env.context
        relationship_id = context.get("default_mentoring_relationship_id")
        if not relationship_id and context.get("default_res_model") == RELATIONSHIP:
            relationship_id = context.get("default_res_id")
        # The chatter's "Schedule" of a meeting activity gives only the activity.
        activities = self.env["mail.activity"].browse(context.get("orig_activity_ids") or [])
        activities = activities.sudo().exists()
        if not relationship_id and len(activities) == 1 and activities.res_model == RELATIONSHIP:
            relationship_id = activities.res_id
        relationship = self._mentoring_readable_relationship(relationship_id)
        if not relationship and relationship_id:
            # Nor does core's default_get echo them (an onchange would name the pair).
            hidden = {"default_mentoring_relationship_id", "default_mentoring_kind"}
            if context.get("default_res_model") == RELATIONSHIP:
                hidden |= {"default_res_model", "default_res_model_id", "default_res_id"}
            cleared = self.with_context(**dict.fromkeys(hidden, False))
            return super(CalendarEvent, cleared).default_get(fields)
        if not relationship:
            return super().default_get(fields)
        if not context.get("default_res_model_id"):
            self = self.with_context(
                default_res_model=RELATIONSHIP,
                default_res_model_id=self.env["ir.model"]._get_id(RELATIONSHIP),
                default_res_id=relationship.id,
            )
        defaults = super().default_get(fields)
        if "mentoring_relationship_id" in fields:
            defaults["mentoring_relationship_id"] = relationship.id
        kind = defaults.get("mentoring_kind") or context.get("default_mentoring_kind")
        if not kind:
            introduction = any(
                a.mentoring_key == INTRODUCTION_KEY and a.res_id == relationship.id
                for a in activities
                if a.res_model == RELATIONSHIP
            )
            kind = "introduction" if introduction else "meeting"
        if "mentoring_kind" in fields:
            defaults["mentoring_kind"] = kind
        if "partner_ids" in fields:
            given = self.new({"partner_ids": defaults.get("partner_ids") or []}).partner_ids
            partners = given | relationship.sudo()._mentoring_attendees(kind)
            defaults["partner_ids"] = [Command.set(partners.ids)]
        if "alarm_ids" in fields and not defaults.get("alarm_ids"):
            defaults["alarm_ids"] = [Command.set(self._mentoring_default_alarms().ids)]
        if "name" in fields and (not defaults.get("name") or defaults["name"] == relationship.name):
            defaults["name"] = relationship._mentoring_event_name(kind)
        return defaults

    @api.model
    def _mentoring_readable_relationship(self, relationship_id):
        """The relationship of id ``relationship_id`` if it exists and the current user may
        read it, else an empty recordset (ids from the context are the client's)."""
        Relationship = self.env[RELATIONSHIP]
        if not isinstance(relationship_id, int) or isinstance(relationship_id, bool):
            return Relationship
        relationship = Relationship.browse(relationship_id).exists()
        if not relationship or not relationship.has_access("read"):
            return Relationship
        return relationship

    @api.model_create_multi
    def create(self, vals_list):
        """Link each mentoring event to its relationship both ways: the mentoring field
        and calendar's document (``res_model``/``res_id``), so it shows on the
        relationship's chatter and activities as in CRM. An event linked to a relationship
        is a mentoring event (a meeting unless its kind says otherwise).

        :raise AccessError: linking an event to a relationship the user may not change
            (it would show on its participants' portal page and could be logged as held)
        """
        relationship_model_id = self.env["ir.model"]._get_id(RELATIONSHIP)
        # Calendar fills the document from the context's defaults when the values do not
        # give it: see which relationship each event will belong to.
        defaults = self.default_get(
            ["mentoring_relationship_id", "mentoring_kind", "res_model_id", "res_id"]
        )
        vals_list = [dict(vals) for vals in vals_list]
        for vals in vals_list:
            if "mentoring_relationship_id" not in vals and defaults.get(
                "mentoring_relationship_id"
            ):
                vals["mentoring_relationship_id"] = defaults["mentoring_relationship_id"]
            model_id = vals.get("res_model_id", defaults.get("res_model_id"))
            res_id = vals.get("res_id") or defaults.get("res_id")
            if (
                not vals.get("mentoring_relationship_id")
                and res_id
                and model_id == relationship_model_id
            ):
                vals["mentoring_relationship_id"] = res_id
            if vals.get("mentoring_relationship_id"):
                vals.update(
                    res_model_id=relationship_model_id,
                    res_model=RELATIONSHIP,
                    res_id=vals["mentoring_relationship_id"],
                    mentoring_kind=vals.get("mentoring_kind")
                    or defaults.get("mentoring_kind")
                    or "meeting",
                )
        linked = self.env[RELATIONSHIP].browse(
            {vals.get("mentoring_relationship_id") for vals in vals_list} - {False, None}
        )
        if not self.env.su:
            if linked:
                linked.check_access("write")
            if any(vals.get("mentoring_kind") for vals in vals_list):
                self._mentoring_check_staff()
        return super().create(vals_list)

    def _mentoring_check_staff(self):
        """Only mentoring staff make an event a mentoring one or not (an orientation
        session names the people invited to it).

        :raise AccessError: the user is not mentoring staff
        """
        if not self.env.user.has_group("mentoring_base.group_mentoring_user"):
            raise AccessError(
                self.env._("Only mentoring staff can change the mentoring kind of an event.")
            )

    def _mentoring_document_vals(self, vals):
        """``vals`` of a write that changes calendar's document (``res_model_id``,
        ``res_model``, ``res_id``) checked against the relationship: an event linked to a
        relationship stays its document; pointing an event at a relationship links it
        (and needs the right to change that relationship, see :meth:`write`).

        :return: the values to write
        :raise UserError: the document of a relationship's event would change
        """
        if not {"res_model_id", "res_model", "res_id"} & vals.keys():
            return vals
        relationship_model_id = self.env["ir.model"]._get_id(RELATIONSHIP)
        model_id = vals.get("res_model_id")
        if not model_id and vals.get("res_model"):
            model_id = self.env["ir.model"]._get_id(vals["res_model"])
        for event in self:
            target_model = model_id or event.res_model_id.id
            target_id = vals.get("res_id", event.res_id)
            relationship = event.mentoring_relationship_id
            if relationship and (
                target_model != relationship_model_id or target_id != relationship.id
            ):
                name = relationship.sudo().name
                raise UserError(
                    self.env._(
                        "%(event)s belongs to the mentoring relationship %(relationship)s: "
                        "it stays that relationship's document.",
                        event=event.name,
                        relationship=name,
                    )
                )
            if not relationship and target_model == relationship_model_id and target_id:
                vals = {**vals, "mentoring_relationship_id": target_id}
        return vals

    def write(self, vals):
        """Keep a relationship's events its mentoring events: linking an event to a
        relationship, unlinking it or changing its kind needs the right to change that
        relationship; a linked event is the relationship's document and keeps a kind (a
        meeting when cleared).

        :raise AccessError: the user may not change a relationship concerned
        """
        if not self.env.su:
            vals = self._mentoring_document_vals(vals)
        relationship_id = vals.get("mentoring_relationship_id")
        if not self.env.su and {"mentoring_relationship_id", "mentoring_kind"} & vals.keys():
            changed = self._mentoring_changed_relationships(vals)
            if changed:
                changed.check_access("write")
            if "mentoring_kind" in vals and any(
                not event.mentoring_relationship_id
                and event.mentoring_kind != vals["mentoring_kind"]
                for event in self
            ):
                self._mentoring_check_staff()
        if relationship_id:
            vals = {
                **vals,
                "res_model_id": self.env["ir.model"]._get_id(RELATIONSHIP),
                "res_id": relationship_id,
            }
        result = super().write(vals)
        if {"mentoring_relationship_id", "mentoring_kind"} & vals.keys():
            unkinded = self.filtered(
                lambda event: event.mentoring_relationship_id and not event.mentoring_kind
            )
            if unkinded:
                super(CalendarEvent, unkinded).write({"mentoring_kind": "meeting"})
        return result

    def _mentoring_changed_relationships(self, vals):
        """Relationships a write of ``vals`` on these events changes: those the events
        leave or join, and those whose events change kind."""
        relationships = self.env[RELATIONSHIP]
        if "mentoring_relationship_id" in vals:
            new = relationships.browse(vals["mentoring_relationship_id"] or [])
            for event in self:
                if event.mentoring_relationship_id != new:
                    relationships |= event.mentoring_relationship_id | new
        if "mentoring_kind" in vals:
            relationships |= self.filtered(
                lambda event: event.mentoring_kind != vals["mentoring_kind"]
            ).mentoring_relationship_id
        return relationships

    # -- logging the meeting that took place -------------------------------------------

    def _mentoring_local_start_date(self):
        """Day of the event's start in the event's time zone (its organizer's, else the
        current user's): the date of the meeting logged for it."""
        self.ensure_one()
        if self.allday:
            return self.start_date
        tz = pytz.timezone(self._mentoring_tz())
        return pytz.utc.localize(self.start).astimezone(tz).date()

    def _mentoring_tz(self):
        self.ensure_one()
        return self.event_tz or self.user_id.tz or self.env.user.tz or "UTC"

    def _mentoring_log_held(self, values=None):
        """Log the meeting this event planned as held: a ``mentoring.meeting`` of its
        relationship, dated the day the event started (in the event's time zone), lasting
        the event's duration unless ``values`` says otherwise; the event's open activities
        are marked done. Hours and weeks of the relationship add up from the meeting.

        :param dict values: optional ``duration`` (hours, float), ``mode``, ``topics``,
            ``next_steps``, ``goal_ids``; other keys are ignored
        :return: the new ``mentoring.meeting``
        :raise UserError: the event belongs to no relationship, has not started yet, or
            was already logged
        :raise ValidationError: a duration not in (0, ``MAX_MEETING_HOURS``]
        """
        self.ensure_one()
        relationship = self.mentoring_relationship_id
        if not relationship:
            raise UserError(
                self.env._(
                    "“%(event)s” is not a meeting of a mentoring relationship: there is "
                    "nothing to log.",
                    event=self.name,
                )
            )
        if self.mentoring_meeting_id:
            raise UserError(
                self.env._(
                    "“%(event)s” was already logged as held (%(date)s).",
                    event=self.name,
                    date=fields.Date.to_string(self.mentoring_meeting_id.date),
                )
            )
        if self.start > fields.Datetime.now():
            raise UserError(
                self.env._(
                    "“%(event)s” has not started yet: log it as held once it has taken place.",
                    event=self.name,
                )
            )
        values = {key: value for key, value in (values or {}).items() if key in HELD_FIELDS}
        if values.get("duration") is None:
            values["duration"] = self.duration
        meeting = (
            self.env["mentoring.meeting"]
            .with_context(tz=self._mentoring_tz())
            .create(
                {
                    **values,
                    "relationship_id": relationship.id,
                    "date": self._mentoring_local_start_date(),
                    "calendar_event_id": self.id,
                }
            )
        )
        self._mentoring_close_activities()
        return meeting.with_env(self.env)

    def _mentoring_close_activities(self):
        """The meeting these events planned was logged: their open activities are done,
        noted in the staff's language."""
        for event in self:
            activities = event.sudo().activity_ids
            if activities:
                staff_env = event.mentoring_relationship_id._staff_env()
                activities.with_context(lang=staff_env.lang).action_feedback(
                    feedback=staff_env._("Meeting held and logged.")
                )

    def action_mentoring_log_held(self):
        """Button of the event form: log the event as held with its own duration."""
        self.ensure_one()
        meeting = self._mentoring_log_held()
        return {
            "type": "ir.actions.act_window",
            "res_model": "mentoring.meeting",
            "res_id": meeting.id,
            "view_mode": "form",
            "target": "current",
        }

    @api.model
    def _mentoring_default_alarms(self):
        """Reminders of the mentoring events: an e-mail the day before (mentors and
        mentees) and a notification an hour before (staff in Odoo); those deleted are left
        out."""
        alarms = self.env["calendar.alarm"]
        for xmlid in ("mentoring_calendar.alarm_mail_1_day", "calendar.alarm_notif_3"):
            alarms |= self.env.ref(xmlid, raise_if_not_found=False) or alarms
        return alarms

    @api.model
    def _mentoring_name_lang(self, partners):
        """Language of an event's name: the one its attendees share, else the company's."""
        company_lang = self.env.company.sudo().partner_id.lang
        return language.note_language(
            partners.mapped("lang"), company_lang, self.env.lang or language.DEFAULT_LANG
        )


def naive_utc(value):
    """``value`` (a datetime, aware or naive UTC, or its string) as a naive UTC datetime."""
    if isinstance(value, str):
        value = fields.Datetime.to_datetime(value)
    if isinstance(value, datetime) and value.tzinfo:
        return value.astimezone(pytz.utc).replace(tzinfo=None)
    return value
