from datetime import timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import CalendarCase

RULE_LOGGERS = ("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
DEFAULT_FIELDS = ["name", "partner_ids", "mentoring_relationship_id", "mentoring_kind", "res_id"]


@tagged("post_install", "-at_install")
class TestCalendarSecurity(CalendarCase):
    """What a user who may not read a relationship learns or changes through its
    calendar events: nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.participants = cls.mentee.partner_id | cls.mentor.partner_id
        cls.relationship_model_id = cls.env["ir.model"]._get_id("mentoring.relationship")

    def _event(self, relationship, **values):
        with freeze_time(self.NOW):
            event = relationship._schedule_calendar_meeting(self.NOW + timedelta(days=1), 1)
        if values:
            event.write(values)
        return event

    # -- F1: the form's defaults --------------------------------------------------------

    def test_default_get_tells_nothing_of_an_unreadable_relationship(self):
        """The defaults of a new event name the relationship's mentee and mentor only for
        a user who may read the relationship, whichever context key points at it."""
        relationship = self._agreed()
        activity = relationship.activity_ids.filtered(lambda a: a.mentoring_key == "introduction")
        self.assertTrue(activity)
        contexts = {
            "relationship": {"default_mentoring_relationship_id": relationship.id},
            "document": {
                "default_res_model": "mentoring.relationship",
                "default_res_id": relationship.id,
            },
            "activity": {"orig_activity_ids": activity.ids},
        }
        names = (self.mentee.name, self.mentor.name)
        for user in (self.portal_user, self.employee, self.referrer_b):
            for label, context in contexts.items():
                with self.subTest(user=user.login, context=label):
                    defaults = (
                        self.Event.with_user(user)
                        .with_context(**context)
                        .default_get(DEFAULT_FIELDS)
                    )
                    # Not even the context's own value (an onchange would name it).
                    self.assertFalse(defaults.get("mentoring_relationship_id"))
                    self.assertFalse(defaults.get("mentoring_kind"))
                    partner_ids = set(self.Event.new(defaults).partner_ids.ids)
                    self.assertFalse(partner_ids & set(self.participants.ids))
                    self.assertFalse(any(name in (defaults.get("name") or "") for name in names))
        # Mentoring staff still get the relationship's attendees.
        for label, context in contexts.items():
            with self.subTest(user="coordinator", context=label):
                defaults = (
                    self.Event.with_user(self.coordinator)
                    .with_context(**context)
                    .default_get(DEFAULT_FIELDS)
                )
                self.assertEqual(defaults["mentoring_relationship_id"], relationship.id)
                self.assertLessEqual(set(self.participants.ids), set(defaults["partner_ids"][0][2]))

    # -- F2: attendees and their invitation tokens ---------------------------------------

    @mute_logger(*RULE_LOGGERS)
    def test_attendees_of_mentoring_events_only_for_staff_and_attendees(self):
        """An attendee's invitation token opens and answers the invitation without login:
        an employee outside the relationship (another agency's referrer included) neither
        finds nor reads the attendees of a mentoring event; those of other events stay as
        core calendar has them."""
        self.mentee.referring_agency_id = self.agency_a
        relationship = self._agreed()
        event = self._event(relationship)
        with freeze_time(self.NOW):
            lunch = self.Event.create(
                {
                    "name": "Team lunch",
                    "start": self.NOW,
                    "stop": self.NOW + timedelta(hours=1),
                    "partner_ids": [(6, 0, self.coordinator.partner_id.ids)],
                }
            )
        Attendee = self.env["calendar.attendee"]
        for outsider in (self.referrer_b, self.referrer_a, self.employee):
            with self.subTest(user=outsider.login):
                found = Attendee.with_user(outsider).search_read(
                    [("event_id", "in", (event | lunch).ids)], ["partner_id", "access_token"]
                )
                self.assertEqual({row["id"] for row in found}, set(lunch.attendee_ids.ids))
                with self.assertRaises(AccessError):
                    event.attendee_ids.with_user(outsider).read(["access_token"])
        # Mentoring staff, and an employee attending the event, read them all.
        attending = new_test_user(self.env, login="attending_employee", groups="base.group_user")
        event.partner_ids |= attending.partner_id
        for user in (self.coordinator, self.mentoring_user, attending):
            with self.subTest(user=user.login):
                self.assertEqual(
                    Attendee.with_user(user).search([("event_id", "=", event.id)]),
                    event.attendee_ids,
                )
        # The organizer too, though not attending.
        organizer = new_test_user(self.env, login="organizer_employee", groups="base.group_user")
        event.user_id = organizer
        self.assertEqual(
            Attendee.with_user(organizer).search([("event_id", "=", event.id)]),
            event.attendee_ids,
        )

    # -- F3: linking an event to a relationship ------------------------------------------

    @mute_logger(*RULE_LOGGERS)
    def test_link_to_a_relationship_needs_write_access_to_it(self):
        """An employee cannot plant a meeting in a relationship they may not change (it
        would show on the participants' portal page and could be confirmed as held), even
        pointing calendar's document elsewhere."""
        relationship = self._agreed()
        start = self.NOW + timedelta(days=1)
        # A document without activities: calendar plans none there, nothing else objects.
        users_model_id = self.env["ir.model"]._get_id("res.users")
        for user in (self.employee, self.referrer_b, self.mentoring_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.Event.with_user(user).create(
                    {
                        "name": "Planted",
                        "start": start,
                        "stop": start + timedelta(hours=1),
                        "mentoring_relationship_id": relationship.id,
                        "res_model_id": users_model_id,
                        "res_id": user.id,
                    }
                )
        own = self.Event.with_user(self.employee).create(
            {"name": "Mine", "start": start, "stop": start + timedelta(hours=1)}
        )
        with self.assertRaises(AccessError):
            own.write({"mentoring_relationship_id": relationship.id})
        self.assertFalse(relationship.calendar_event_ids)
        # A coordinator links it; the event is then the relationship's document.
        event = self.Event.with_user(self.coordinator).create(
            {
                "name": "Planned",
                "start": start,
                "stop": start + timedelta(hours=1),
                "mentoring_relationship_id": relationship.id,
                "res_model_id": users_model_id,
                "res_id": self.coordinator.id,
            }
        )
        self.assertEqual((event.res_model, event.res_id), (relationship._name, relationship.id))
        self.assertEqual(event.mentoring_kind, "meeting")
        own.with_user(self.coordinator).write({"mentoring_relationship_id": relationship.id})
        self.assertEqual((own.res_model, own.res_id), (relationship._name, relationship.id))
        self.assertEqual(own.mentoring_kind, "meeting")

    @mute_logger(*RULE_LOGGERS)
    def test_mentoring_event_stays_one_whatever_its_kind(self):
        """An attendee employee cannot unmark a mentoring event to show it to everyone; a
        relationship's event is a mentoring event whatever its kind says."""
        relationship = self._agreed()
        attending = new_test_user(self.env, login="attending_employee", groups="base.group_user")
        event = self._event(relationship)
        event.partner_ids |= attending.partner_id
        with self.assertRaises(AccessError):
            event.with_user(attending).write({"mentoring_kind": False})
        # Staff clearing the kind: it stays a mentoring meeting.
        event.with_user(self.coordinator).write({"mentoring_kind": False})
        self.assertEqual(event.mentoring_kind, "meeting")
        # Even without a kind (data of an older version), outsiders do not see it.
        self.env.cr.execute(
            "UPDATE calendar_event SET mentoring_kind = NULL WHERE id = %s", [event.id]
        )
        event.invalidate_recordset(["mentoring_kind"])
        self.assertFalse(self.Event.with_user(self.employee).search([("id", "=", event.id)]))
        self.assertFalse(
            self.env["calendar.attendee"]
            .with_user(self.employee)
            .search([("event_id", "=", event.id)])
        )
        with self.assertRaises(AccessError):
            event.with_user(self.employee).read(["name"])

    # -- second review ------------------------------------------------------------------

    def test_onchange_tells_nothing_of_an_unreadable_relationship(self):
        """The form's onchange of a new event neither names the pair nor echoes the
        relationship given in the context to a user who may not read it."""
        relationship = self._agreed()
        spec = {"mentoring_relationship_id": {"fields": {"display_name": {}}}, "name": {}}
        for user in (self.employee, self.referrer_b):
            with self.subTest(user=user.login):
                result = (
                    self.Event.with_user(user)
                    .with_context(default_mentoring_relationship_id=relationship.id)
                    .onchange({}, [], spec)
                )
                self.assertFalse(result["value"].get("mentoring_relationship_id"))
                self.assertNotIn(self.mentee.name, str(result))
        result = (
            self.Event.with_user(self.coordinator)
            .with_context(default_mentoring_relationship_id=relationship.id)
            .onchange({}, [], spec)
        )
        self.assertEqual(result["value"]["mentoring_relationship_id"]["id"], relationship.id)

    @mute_logger("odoo.models")
    def test_only_staff_change_the_kind_of_an_orientation_session(self):
        """An employee invited to an orientation session cannot make it a plain event
        (its attendees would then show to every employee)."""
        with freeze_time(self.NOW):
            session = self.Event.create(
                {
                    "name": "Orientation",
                    "start": self.NOW + timedelta(days=2),
                    "stop": self.NOW + timedelta(days=2, hours=1),
                    "mentoring_kind": "orientation",
                    "partner_ids": [(6, 0, (self.participants | self.employee.partner_id).ids)],
                }
            )
        with self.assertRaises(AccessError):
            session.with_user(self.employee).write({"mentoring_kind": False})
        self.assertEqual(session.mentoring_kind, "orientation")
        with self.assertRaises(AccessError):
            self.Event.with_user(self.employee).create(
                {
                    "name": "Fake orientation",
                    "start": self.NOW,
                    "stop": self.NOW + timedelta(hours=1),
                    "mentoring_kind": "orientation",
                }
            )
        session.with_user(self.coordinator).write({"mentoring_kind": False})
        self.assertFalse(session.mentoring_kind)

    @mute_logger("odoo.models")
    def test_calendar_document_of_a_relationship_event(self):
        """A relationship's event stays its document; pointing another event at a
        relationship links it, which needs the right to change that relationship."""
        relationship = self._agreed()
        event = self._event(relationship, partner_ids=[(4, self.employee.partner_id.id)])
        with self.assertRaises(UserError):
            event.with_user(self.employee).write({"res_id": relationship.id + 1})
        self.assertEqual(event.res_id, relationship.id)
        with freeze_time(self.NOW):
            own = self.Event.with_user(self.employee).create(
                {"name": "Mine", "start": self.NOW, "stop": self.NOW + timedelta(hours=1)}
            )
        with self.assertRaises(AccessError):
            own.write({"res_model_id": self.relationship_model_id, "res_id": relationship.id})
        self.assertFalse(own.mentoring_relationship_id)
        own.sudo().write({"user_id": self.coordinator.id})
        own.with_user(self.coordinator).write(
            {"res_model_id": self.relationship_model_id, "res_id": relationship.id}
        )
        self.assertEqual(own.mentoring_relationship_id, relationship)
        self.assertEqual(own.mentoring_kind, "meeting")
