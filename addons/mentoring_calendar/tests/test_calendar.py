from datetime import date, datetime, timedelta, timezone

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import SUPERUSER_ID
from odoo.addons.mentoring_base.tools import schedule
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from ..models.mentoring_relationship import MAX_DAYS_AHEAD
from .common import CalendarCase

MEETING_ACTIVITY = "mail.mail_activity_data_meeting"


@tagged("post_install", "-at_install")
class TestScheduleMeeting(CalendarCase):
    def _invitations(self, event):
        return self.env["mail.mail"].search(
            [("model", "=", "calendar.event"), ("res_id", "=", event.id)]
        )

    def test_schedule_meeting_invites_both_with_reminders(self):
        relationship = self._agreed()
        start = self.NOW + timedelta(days=2)
        with freeze_time(self.NOW):
            event = relationship.with_user(self.coordinator)._schedule_calendar_meeting(start, 1.5)
        self.assertEqual(event.mentoring_kind, "meeting")
        self.assertEqual(event.mentoring_relationship_id, relationship)
        self.assertEqual((event.res_model, event.res_id), (relationship._name, relationship.id))
        self.assertEqual(event.partner_ids, self.mentee.partner_id | self.mentor.partner_id)
        self.assertEqual((event.start, event.stop), (start, start + timedelta(hours=1.5)))
        self.assertEqual(event.user_id, self.coordinator)
        self.assertIn(self.env.ref("mentoring_calendar.alarm_mail_1_day"), event.alarm_ids)
        self.assertEqual(set(event.alarm_ids.mapped("alarm_type")), {"email", "notification"})
        self.assertEqual(relationship.calendar_event_ids, event)
        self.assertEqual(relationship.calendar_event_count, 1)
        self.assertEqual(relationship._planned_calendar_events(), event)
        # Calendar's invitation, .ics attached, for each attendee.
        mails = self._invitations(event)
        self.assertEqual(mails.recipient_ids, self.mentee.partner_id | self.mentor.partner_id)
        for mail in mails:
            self.assertEqual(mail.attachment_ids.mapped("name"), ["invitation.ics"])
            self.assertIn(event.name, mail.subject)
        # The meeting shows among the relationship's planned activities (as in CRM).
        self.assertIn(event, relationship.activity_ids.calendar_event_id)

    def test_invitation_in_each_attendees_language(self):
        """Calendar renders the invitation in the attendee's language (the template has no
        language of its own: the attendee's contact gives it)."""
        self.env["res.lang"]._activate_lang("fr_CA")
        template = self.env.ref("calendar.calendar_template_meeting_invitation")
        template.with_context(lang="fr_CA").subject = "Invitation à {{ object.event_id.name }}"
        self.mentee.partner_id.lang = "fr_CA"
        self.mentor.partner_id.lang = "en_US"
        relationship = self._agreed()
        with freeze_time(self.NOW):
            event = relationship._schedule_calendar_meeting(self.NOW + timedelta(days=1), 1)
        subjects = {mail.recipient_ids: mail.subject for mail in self._invitations(event)}
        self.assertTrue(subjects[self.mentee.partner_id].startswith("Invitation à "))
        self.assertTrue(subjects[self.mentor.partner_id].startswith("Invitation to "))

    def test_participant_schedules_from_the_portal(self):
        """Scheduled by the mentee (the portal calls the method as superuser for them):
        the coordinator organizes, both people get their invitation."""
        mentee_user = new_test_user(
            self.env,
            login="amina_portal",
            groups="base.group_portal",
            partner_id=self.mentee.partner_id.id,
        )
        relationship = self._agreed()
        with freeze_time(self.NOW):
            event = (
                relationship.with_user(mentee_user)
                .sudo()
                ._schedule_calendar_meeting(self.NOW + timedelta(days=1), 1)
            )
        self.assertEqual(event.user_id, self.coordinator)
        self.assertEqual(
            self._invitations(event).recipient_ids,
            self.mentee.partner_id | self.mentor.partner_id,
        )

    def test_scheduler_from_the_portal_has_accepted(self):
        """The person who planned the meeting from the portal has accepted it (they are
        not asked to answer their own invitation) and the event says who planned it; the
        coordinator stays the organizer, the other person is invited as usual."""
        relationship = self._agreed()
        with freeze_time(self.NOW):
            event = relationship.sudo()._schedule_calendar_meeting(
                self.NOW + timedelta(days=1), 1, scheduled_by=self.mentee.partner_id
            )
        states = {attendee.partner_id: attendee.state for attendee in event.attendee_ids}
        self.assertEqual(
            states,
            {self.mentee.partner_id: "accepted", self.mentor.partner_id: "needsAction"},
        )
        self.assertEqual(event.user_id, self.coordinator)
        self.assertIn("Planned by Amina Haddad from My mentoring", event.description)

    def test_schedule_refused(self):
        relationship = self._agreed()
        with freeze_time(self.NOW):
            with self.assertRaisesText(ValidationError, "planned in the future"):
                relationship._schedule_calendar_meeting(self.NOW - timedelta(hours=1), 1)
            tomorrow = self.NOW + timedelta(days=1)
            for duration in (0, schedule.MAX_MEETING_HOURS + 0.5):
                with self.assertRaisesText(ValidationError, "at most 8 hours"):
                    relationship._schedule_calendar_meeting(tomorrow, duration)
            relationship._schedule_calendar_meeting(tomorrow, schedule.MAX_MEETING_HOURS)
            proposal = self.env["mentoring.relationship"].create(
                {
                    "mentee_id": self.mentee.id,
                    "mentor_id": self._mentor("Paul Other", state="available").id,
                    "program_id": self.program.id,
                }
            )
            with self.assertRaisesText(UserError, "while a relationship is under way"):
                proposal._schedule_calendar_meeting(tomorrow, 1)
            with self.assertRaisesText(UserError, "not “Orientation session”"):
                relationship._schedule_calendar_meeting(tomorrow, 1, kind="orientation")
        self.assertEqual(len(relationship.calendar_event_ids), 1, "only the valid one")

    def test_schedule_at_most_a_year_ahead(self):
        """A meeting is planned at most ``MAX_DAYS_AHEAD`` days ahead; a start the calendar
        cannot even hold (year 9999) gets the same clear message, not a crash."""
        relationship = self._agreed()
        limit = self.NOW + timedelta(days=MAX_DAYS_AHEAD)
        far_starts = (
            limit + timedelta(hours=1),
            datetime(9999, 12, 31, 23, 0),
            # 23:00 in Toronto (winter time): 04:00 the next day in UTC, after year 9999.
            datetime(9999, 12, 31, 23, 0, tzinfo=timezone(timedelta(hours=-5))),
        )
        with freeze_time(self.NOW):
            for start in far_starts:
                with (
                    self.subTest(start=start),
                    self.assertRaisesText(ValidationError, f"at most {MAX_DAYS_AHEAD} days ahead"),
                ):
                    relationship._schedule_calendar_meeting(start, 1)
            event = relationship._schedule_calendar_meeting(limit - timedelta(hours=1), 1)
        self.assertEqual(relationship.calendar_event_ids, event)

    def test_schedule_meeting_button(self):
        relationship = self._agreed()
        # The introduction is planned first (the coordinator's activity is open).
        action = relationship.with_user(self.coordinator).action_schedule_meeting()
        self.assertEqual(action["res_model"], "calendar.event")
        context = action["context"]
        self.assertEqual(context["default_mentoring_kind"], "introduction")
        defaults = (
            self.Event.with_user(self.coordinator)
            .with_context(**context)
            .default_get(["mentoring_relationship_id", "mentoring_kind", "partner_ids", "res_id"])
        )
        self.assertEqual(defaults["mentoring_relationship_id"], relationship.id)
        self.assertEqual(defaults["res_id"], relationship.id)
        self.assertEqual(
            set(defaults["partner_ids"][0][2]),
            set(
                (self.mentee.partner_id | self.mentor.partner_id | self.coordinator.partner_id).ids
            ),
        )
        with freeze_time(self.NOW):
            relationship._schedule_calendar_meeting(self.NOW + timedelta(days=1), 1, "introduction")
        context = relationship.with_user(self.coordinator).action_schedule_meeting()["context"]
        self.assertEqual(context["default_mentoring_kind"], "meeting")
        self.assertEqual(
            set(context["default_partner_ids"]),
            set((self.mentee.partner_id | self.mentor.partner_id).ids),
        )


@tagged("post_install", "-at_install")
class TestLogHeld(CalendarCase):
    def _event(self, relationship, start, duration=1.25):
        with freeze_time(start - timedelta(days=1)):
            return relationship.with_user(self.coordinator)._schedule_calendar_meeting(
                start, duration
            )

    def test_log_held_dated_in_the_events_time_zone(self):
        relationship = self._agreed()
        # Tuesday 3 March, 21:30 in Toronto, is Wednesday 4 March, 02:30 UTC.
        start = datetime(2026, 3, 4, 2, 30)
        event = self._event(relationship, start)
        self.assertEqual(event.user_id.tz, "America/Toronto", "the organizer's time zone")
        with freeze_time(start + timedelta(hours=2)):
            meeting = event.with_user(self.coordinator)._mentoring_log_held({"mode": "video"})
        self.assertEqual(meeting.date, date(2026, 3, 3))
        self.assertEqual((meeting.duration, meeting.mode), (1.25, "video"))
        self.assertEqual((meeting.calendar_event_id, event.mentoring_meeting_id), (event, meeting))
        self.assertEqual(relationship.meeting_count, 1)
        self.assertEqual(relationship.hours_total, 1.25)
        self.assertEqual(relationship.weeks_met, 1)
        self.assertFalse(relationship._planned_calendar_events())
        self.assertFalse(
            relationship.activity_ids.filtered(lambda a: a.calendar_event_id == event),
            "the meeting's activity is done",
        )

    def test_log_held_with_another_duration_adds_up(self):
        relationship = self._agreed()
        first = self._event(relationship, datetime(2026, 3, 3, 17, 0))
        second = self._event(relationship, datetime(2026, 3, 10, 17, 0))
        with freeze_time(datetime(2026, 3, 11)):
            first._mentoring_log_held({"duration": 0.5, "topics": "CV review"})
            second.action_mentoring_log_held()
            for duration in (0, schedule.MAX_MEETING_HOURS + 1):
                with self.assertRaisesText(ValidationError, "at most 8 hours"):
                    self._event_held_again_with(relationship, duration)
        self.assertEqual(relationship.hours_total, 1.75)
        self.assertEqual(relationship.weeks_met, 2)
        self.assertEqual(first.mentoring_meeting_id.topics, "CV review")

    def _event_held_again_with(self, relationship, duration):
        event = self._event(relationship, datetime(2026, 3, 10, 20, 0))
        return event._mentoring_log_held({"duration": duration})

    def test_meeting_logged_by_hand_on_a_planned_day_is_that_event(self):
        """A meeting logged with the plain form on the day of a planned meeting (in the
        event's time zone) is that meeting: the event is logged (not "to confirm" any
        more, its activity done) and its hours count once."""
        relationship = self._agreed()
        # Tuesday 3 March, 21:30 in Toronto (Wednesday 02:30 UTC), and a week later.
        first = self._event(relationship, datetime(2026, 3, 4, 2, 30))
        second = self._event(relationship, datetime(2026, 3, 11, 1, 30))
        with freeze_time(datetime(2026, 3, 12)):
            elsewhere = self.env["mentoring.meeting"].create(
                {"relationship_id": relationship.id, "date": date(2026, 3, 4), "duration": 1}
            )
            meeting = self.env["mentoring.meeting"].create(
                {"relationship_id": relationship.id, "date": date(2026, 3, 3), "duration": 2}
            )
        self.assertFalse(elsewhere.calendar_event_id, "no planned meeting that day")
        self.assertEqual((meeting.calendar_event_id, first.mentoring_meeting_id), (first, meeting))
        self.assertFalse(
            relationship.activity_ids.filtered(lambda a: a.calendar_event_id == first),
            "the event's activity is done",
        )
        self.assertTrue(relationship.activity_ids.filtered(lambda a: a.calendar_event_id == second))
        self.assertEqual(relationship._planned_calendar_events(), second)
        with freeze_time(datetime(2026, 3, 12)):
            with self.assertRaisesText(UserError, "already logged as held"):
                first._mentoring_log_held({})
        self.assertEqual(relationship.hours_total, 3)

    def test_log_held_refused(self):
        relationship = self._agreed()
        start = datetime(2026, 3, 4, 17, 0)
        event = self._event(relationship, start)
        with freeze_time(start - timedelta(minutes=5)):
            with self.assertRaisesText(UserError, "has not started yet"):
                event._mentoring_log_held({})
        with freeze_time(start + timedelta(hours=1)):
            event._mentoring_log_held({})
            with self.assertRaisesText(UserError, "already logged as held"):
                event._mentoring_log_held({})
            other = self.Event.create(
                {"name": "Lunch", "start": start, "stop": start + timedelta(hours=1)}
            )
            with self.assertRaisesText(UserError, "not a meeting of a mentoring relationship"):
                other._mentoring_log_held({})
        self.assertEqual(relationship.meeting_count, 1)


@tagged("post_install", "-at_install")
class TestIntroduction(CalendarCase):
    def _introduction_activity(self, relationship):
        return relationship.activity_ids.filtered(lambda a: a.mentoring_key == "introduction")

    def test_both_accept_plans_the_introduction_for_the_coordinator(self):
        relationship = self._agreed()
        activity = self._introduction_activity(relationship)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.activity_type_id, self.env.ref(MEETING_ACTIVITY))
        self.assertEqual(activity.user_id, self.coordinator)
        self.assertEqual(activity.summary, "Hold the three-way introduction meeting")

    def test_introduction_activity_assigned_by_odoobot_from_a_token_link(self):
        """The last acceptance comes from the e-mail's link (no login: the public user,
        as superuser): the coordinator's activity is assigned by OdooBot, not by "Public
        user"."""
        public = self.env.ref("base.public_user")
        with freeze_time(self.NOW):
            relationship = self.env["mentoring.relationship"].create(
                {
                    "mentee_id": self.mentee.id,
                    "mentor_id": self.mentor.id,
                    "program_id": self.program.id,
                    "coordinator_id": self.coordinator.id,
                }
            )
            relationship.action_mentee_accept()
            relationship.with_user(public).sudo().action_mentor_accept()
        activity = self._introduction_activity(relationship)
        self.assertEqual(activity.user_id, self.coordinator)
        self.assertNotEqual(activity.create_uid, public)
        self.assertEqual(activity.create_uid.id, SUPERUSER_ID)
        notice = self.env["mail.message"].search(
            [
                ("model", "=", relationship._name),
                ("res_id", "=", relationship.id),
                ("partner_ids", "in", self.coordinator.partner_id.id),
                ("message_type", "=", "user_notification"),
            ]
        )
        self.assertTrue(notice)
        self.assertNotIn(public.partner_id, notice.author_id)
        self.assertNotIn(public.name, "".join(notice.mapped("body")))

    def test_french_coordinator_gets_french_summary_and_messages(self):
        self.env["res.lang"]._activate_lang("fr_CA")
        self.env["ir.module.module"]._load_module_terms(["mentoring_calendar"], ["fr_CA"])
        self.coordinator.lang = "fr_CA"
        relationship = self._agreed()
        activity = self._introduction_activity(relationship)
        self.assertEqual(activity.summary, "Tenir la rencontre de présentation à trois")
        with freeze_time(self.NOW), self.assertRaisesText(ValidationError, "dans le futur"):
            relationship.with_user(self.coordinator).with_context(
                lang="fr_CA"
            )._schedule_calendar_meeting(self.NOW - timedelta(days=1), 1)

    def test_schedule_introduction_from_the_activity(self):
        """Calendar's flow: "Schedule" on the Meeting activity opens the calendar; the
        event created is the relationship's introduction with the three invited, and the
        activity follows the event (linked, on the event's day); logging it as held marks
        it done."""
        relationship = self._agreed()
        activity = self._introduction_activity(relationship)
        action = activity.with_user(self.coordinator).action_create_calendar_event()
        start = datetime(2026, 3, 5, 18, 0)
        with freeze_time(self.NOW):
            event = (
                self.Event.with_user(self.coordinator)
                .with_context(**action["context"])
                .create({"start": start, "stop": start + timedelta(hours=1)})
            )
        self.assertEqual(event.mentoring_kind, "introduction")
        self.assertEqual(event.mentoring_relationship_id, relationship)
        self.assertEqual((event.res_model, event.res_id), (relationship._name, relationship.id))
        self.assertEqual(
            event.partner_ids,
            self.mentee.partner_id | self.mentor.partner_id | self.coordinator.partner_id,
        )
        self.assertEqual(activity.calendar_event_id, event)
        self.assertEqual(activity.date_deadline, date(2026, 3, 5))
        self.assertEqual(
            len(relationship.activity_ids), 1, "no second activity for the same meeting"
        )
        self.assertEqual(relationship._planned_calendar_events(), event)
        with freeze_time(start + timedelta(hours=1)):
            event._mentoring_log_held({})
        self.assertFalse(activity.exists() and activity.active, "the activity is done")
        self.assertEqual(relationship.meeting_count, 1)

    def test_schedule_introduction_with_the_method(self):
        relationship = self._agreed()
        activity = self._introduction_activity(relationship)
        with freeze_time(self.NOW):
            event = relationship._schedule_calendar_meeting(
                self.NOW + timedelta(days=3), 1, kind="introduction"
            )
        self.assertIn(self.coordinator.partner_id, event.partner_ids)
        self.assertEqual(activity.calendar_event_id, event)


@tagged("post_install", "-at_install")
class TestCoordinatorCalendar(CalendarCase):
    def test_calendar_action_lists_the_mentoring_kinds(self):
        relationship = self._agreed()
        tomorrow = self.NOW + timedelta(days=1)
        with freeze_time(self.NOW):
            meeting = relationship._schedule_calendar_meeting(tomorrow, 1)
            introduction = relationship._schedule_calendar_meeting(tomorrow, 1, "introduction")
            action = self.mentor.with_user(self.coordinator).action_schedule_orientation()
            orientation = (
                self.Event.with_user(self.coordinator)
                .with_context(**action["context"])
                .create({"start": tomorrow, "stop": tomorrow + timedelta(hours=2)})
            )
            self.Event.create(
                {"name": "Staff lunch", "start": tomorrow, "stop": tomorrow + timedelta(hours=1)}
            )
        self.assertEqual(orientation.mentoring_kind, "orientation")
        self.assertEqual(
            (orientation.res_model, orientation.res_id), ("mentoring.mentor", self.mentor.id)
        )
        self.assertIn(self.mentor.partner_id, orientation.partner_ids)
        self.assertFalse(orientation.mentoring_relationship_id)
        calendar_action = self.env["ir.actions.actions"]._for_xml_id(
            "mentoring_calendar.mentoring_calendar_event_action"
        )
        seen = self.Event.with_user(self.coordinator).search(safe_eval(calendar_action["domain"]))
        self.assertEqual(seen, meeting | introduction | orientation)
        self.assertEqual(
            set(seen.mapped("mentoring_kind")), {"meeting", "introduction", "orientation"}
        )
        self.assertEqual(len(set(seen.mapped("mentoring_color"))), 3, "a colour per kind")
        smart = relationship.action_view_calendar_events()
        self.assertEqual(self.Event.search(smart["domain"]), meeting | introduction)

    def test_meeting_logged_once_per_event(self):
        relationship = self._agreed()
        start = self.NOW + timedelta(days=1)
        with freeze_time(self.NOW):
            event = relationship._schedule_calendar_meeting(start, 1)
        with freeze_time(start + timedelta(hours=2)):
            event._mentoring_log_held({})
            with (
                mute_logger("odoo.sql_db"),
                self.assertRaises(IntegrityError),
                self.cr.savepoint(),
            ):
                self.env["mentoring.meeting"].create(
                    {"relationship_id": relationship.id, "calendar_event_id": event.id}
                )
                self.env.flush_all()

    def test_mentoring_events_only_for_staff_and_attendees(self):
        """Core calendar shows every non-private event to employees; a mentoring event
        names a mentee and a mentor, so another agency's referrer, and an employee outside
        the program, neither find nor read it; its attendees (portal users included) do."""
        self.mentee.referring_agency_id = self.agency_a
        relationship = self._agreed()
        with freeze_time(self.NOW):
            event = relationship._schedule_calendar_meeting(self.NOW + timedelta(days=1), 1)
            other = self.Event.create(
                {"name": "Team lunch", "start": self.NOW, "stop": self.NOW + timedelta(hours=1)}
            )
        for outsider in (self.referrer_b, self.employee):
            with self.subTest(user=outsider.login):
                self.assertEqual(
                    self.Event.with_user(outsider).search([("id", "in", (event | other).ids)]),
                    other,
                )
                with self.assertRaises(AccessError):
                    event.with_user(outsider).read(["name"])
        self.assertFalse(relationship.with_user(self.referrer_b).has_access("read"))
        self.assertEqual(event.with_user(self.coordinator).read(["name"])[0]["id"], event.id)
        mentor_user = new_test_user(
            self.env,
            login="calendar_mentor",
            groups="base.group_portal",
            partner_id=self.mentor.partner_id.id,
        )
        self.assertTrue(event.with_user(mentor_user).has_access("read"))
        self.assertFalse(
            self.env.ref("mentoring_calendar.menu_mentoring_calendar")
            .with_user(self.referrer_b)
            ._filter_visible_menus()
        )
