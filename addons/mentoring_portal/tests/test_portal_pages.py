import json
from datetime import date, datetime, timedelta

from odoo.addons.mentoring_base.tools import schedule
from odoo.fields import Datetime
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import MY_MENTORING, PortalCase

MUTED = ("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule", "odoo.http")


@tagged("post_install", "-at_install")
class TestMyMentoringPages(PortalCase):
    """What a mentor and a mentee see in “My mentoring”, and what nobody else sees."""

    def test_list_shows_own_relationships_only(self):
        self.login(self.mentor_user)
        response = self.url_open(MY_MENTORING)
        self.assertEqual(response.status_code, 200)
        text = self.text(response)
        self.assertIn("Amina Haddad", text)
        self.assertNotIn("Omar Said", text)
        self.assertNotIn("Lucie Roy", text)
        links = self.page(response).xpath("//section[@id='mentoring_current']//td/a/@href")
        self.assertEqual(links, [f"{MY_MENTORING}/{self.relationship.id}"])
        self.login(self.mentee_user)
        text = self.text(self.url_open(MY_MENTORING))
        self.assertIn("Jean Tremblay", text)
        self.assertNotIn("Omar Said", text)

    def test_list_past_and_proposals(self):
        self.relationship.action_close("objectives_met")
        proposal = self.env["mentoring.relationship"].create(
            {
                "mentee_id": self.other_mentee.id,
                "mentor_id": self.mentor.id,
                "program_id": self.program.id,
            }
        )
        self.other_relationship.action_close("mismatch")
        proposal.action_mentee_accept()
        self.login(self.mentor_user)
        page = self.page(self.url_open(MY_MENTORING))
        past = " ".join(page.xpath("//section[@id='mentoring_past']")[0].text_content().split())
        self.assertIn("Amina Haddad", past)
        answer = page.xpath(
            "//section[@id='mentoring_proposals']//a[hasclass('o_mentoring_answer')]"
        )
        self.assertEqual(len(answer), 1)
        self.assertTrue(answer[0].get("href").startswith("/mentoring/proposal/"))
        # The mentee already answered: no button for them.
        self.login(self.other_mentee_user)
        page = self.page(self.url_open(MY_MENTORING))
        self.assertFalse(page.xpath("//a[hasclass('o_mentoring_answer')]"))
        self.assertIn("Jean Tremblay", page.text_content())

    def test_home_counter(self):
        self.login(self.mentor_user)
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["mentoring_count"]})
        self.assertEqual(counters["mentoring_count"], 1)
        self.assertIn(b"/my/mentoring", self.url_open("/my").content)

    def test_mentor_reads_mentee_profile_as_consent_allows(self):
        self.login(self.mentor_user)
        response = self.url_open(self.detail_url())
        self.assertEqual(response.status_code, 200)
        text = self.text(response)
        self.assertIn("Your mentee: Amina Haddad", text)
        self.assertIn("Work as a software developer in Ottawa.", text)
        self.assertIn("Software engineers and designers", text)
        self.assertIn(self.mentee.email, text)
        self.assertIn("Polish the résumé", text)
        self.assertIn("Three informational interviews", text)
        # Never: immigration status or language levels; credentials need consent.
        self.assertNotIn("permanent resident", text.lower())
        self.assertNotIn("CLB", text)
        self.assertNotIn("WES assessed", text)
        self.mentee.write({"consent_share": True, "consent_date": date.today()})
        self.assertIn("WES assessed", self.text(self.url_open(self.detail_url())))

    def test_mentee_reads_mentor_profile_and_totals(self):
        self.login(self.mentee_user)
        response = self.url_open(self.detail_url())
        text = self.text(response)
        self.assertIn("Your mentor: Jean Tremblay", text)
        self.assertIn("613-555-0101", text)
        self.assertIn("Software engineers and designers", text)
        page = self.page(response)
        self.assertEqual(page.xpath("//*[hasclass('o_mentoring_hours')]")[0].text, "2.00")
        self.assertEqual(page.xpath("//*[hasclass('o_mentoring_weeks')]")[0].text, "2")
        self.assertEqual(len(page.xpath("//table[hasclass('o_mentoring_meetings')]//tbody/tr")), 2)
        self.assertNotIn("Omar", text)

    def test_past_relationship_has_no_contact_nor_forms(self):
        self.relationship.action_close("objectives_met")
        self.login(self.mentor_user)
        response = self.url_open(self.detail_url())
        page = self.page(response)
        self.assertFalse(page.xpath("//form[hasclass('o_mentoring_meeting_form')]"))
        self.assertNotIn(self.mentee.email, self.text(response))
        # Goals of a mentee are read by their mentor while the relationship is under way.
        self.assertNotIn("Polish the résumé", self.text(response))
        before = self.relationship.meeting_count
        response = self.post_form("meeting", self.meeting_values())
        self.assertIn("not under way", self.text(response))
        self.assertEqual(self.relationship.meeting_count, before)

    @mute_logger(*MUTED)
    def test_other_participants_relationship_is_not_found(self):
        self.login(self.mentor_user)
        response = self.url_open(self.detail_url(self.other_relationship))
        self.assertEqual(response.status_code, 404)
        self.assertNotIn(b"Omar", response.content)
        self.assertNotIn(b"Lucie", response.content)
        for action, values in (
            ("meeting", self.meeting_values()),
            ("schedule", {"start_date": "2099-01-01", "start_time": "10:00", "duration": "1"}),
            ("goal", {"goal_id": str(self.other_goal.id), "mentor_comment": "Hacked"}),
        ):
            with self.subTest(action=action):
                response = self.post_form(action, values, relationship=self.other_relationship)
                self.assertEqual(response.status_code, 404)
        self.assertEqual(self.other_relationship.meeting_count, 1)
        self.assertFalse(self.other_goal.mentor_comment)
        # A visitor is sent to the login page; a wrong token opens nothing.
        self.authenticate(None, None)
        response = self.url_open(self.detail_url())
        self.assertIn("/web/login", response.url)
        response = self.url_open(f"{self.detail_url()}?access_token=wrong")
        self.assertEqual(response.status_code, 404)

    def test_access_token_opens_the_page_read_only(self):
        self.relationship._portal_ensure_token()
        self.authenticate(None, None)
        response = self.url_open(
            f"{self.detail_url()}?access_token={self.relationship.access_token}"
        )
        self.assertEqual(response.status_code, 200)
        page = self.page(response)
        self.assertFalse(page.xpath("//form[@method='post']"))
        self.assertNotIn(self.mentee.email, self.text(response))
        self.assertNotIn("Polish the résumé", self.text(response))
        # The token of one relationship opens no other.
        response = self.url_open(
            f"{self.detail_url(self.other_relationship)}"
            f"?access_token={self.relationship.access_token}"
        )
        self.assertEqual(response.status_code, 404)


@tagged("post_install", "-at_install")
class TestMyMentoringForms(PortalCase):
    """Logging, confirming and scheduling meetings, and goals, from the relationship page."""

    def test_log_meeting_adds_up(self):
        self.login(self.mentor_user)
        hours, weeks = self.relationship.hours_total, self.relationship.weeks_met
        response = self.post_form("meeting", self.meeting_values())
        self.assertEqual(response.status_code, 200)
        self.assertIn("message=meeting_logged", response.url)
        meeting = self.relationship.meeting_ids.sorted("id")[-1]
        self.assertEqual(meeting.duration, 1.5)
        self.assertEqual(meeting.mode, "video")
        self.assertEqual(meeting.topics, "Mock interview")
        self.assertEqual(meeting.next_steps, "Send two applications")
        self.assertEqual(self.relationship.hours_total, hours + 1.5)
        new_week = schedule.week_start(date.today() - timedelta(days=1)) not in {
            schedule.week_start(day)
            for day in (self.relationship.meeting_ids - meeting).mapped("date")
        }
        self.assertEqual(self.relationship.weeks_met, weeks + (1 if new_week else 0))
        page = self.page(response)
        self.assertTrue(page.xpath("//*[hasclass('o_mentoring_message')]"))
        self.assertEqual(
            page.xpath("//*[hasclass('o_mentoring_hours')]")[0].text, f"{hours + 1.5:.2f}"
        )

    def test_log_meeting_bad_input_changes_nothing(self):
        self.login(self.mentee_user)
        tomorrow = (date.today() + timedelta(days=1)).isoformat()
        too_early = (self.relationship.agreement_date - timedelta(days=1)).isoformat()
        cases = [
            ({"date": tomorrow}, "date", "still to come"),
            ({"date": too_early}, "date", "cannot be earlier"),
            ({"date": "14/03/2025"}, "date", "Enter a date"),
            ({"duration": "0"}, "duration", "more than 0 and at most 8 hours"),
            ({"duration": "8.5"}, "duration", "more than 0 and at most 8 hours"),
            ({"duration": "abc"}, "duration", "more than 0"),
            ({"mode": "carrier_pigeon"}, "mode", "Choose one of the options"),
        ]
        count = self.relationship.meeting_count
        for overrides, field, message in cases:
            with self.subTest(field=field, value=overrides[field]):
                response = self.post_form("meeting", self.meeting_values(**overrides))
                self.assertEqual(response.status_code, 200)
                self.assertIn(message, self.field_error(response, "meeting", field) or "")
                page = self.page(response)
                # What was typed is kept.
                self.assertEqual(
                    page.xpath(
                        "//form[hasclass('o_mentoring_meeting_form')]//textarea[@name='topics']"
                    )[0].text,
                    "Mock interview",
                )
                if field != "mode":
                    typed = page.xpath(
                        f"//form[hasclass('o_mentoring_meeting_form')]//input[@name='{field}']/@value"
                    )
                    self.assertEqual(typed, [overrides[field]])
                self.assertEqual(self.relationship.meeting_count, count)

    def test_double_submit_logs_one_meeting(self):
        self.login(self.mentor_user)
        count = self.relationship.meeting_count
        self.post_form("meeting", self.meeting_values())
        response = self.post_form("meeting", self.meeting_values())
        self.assertIn("message=already_logged", response.url)
        self.assertEqual(self.relationship.meeting_count, count + 1)
        # Another meeting (other topics) the same day is a meeting of its own.
        self.post_form("meeting", self.meeting_values(topics="Networking event"))
        self.assertEqual(self.relationship.meeting_count, count + 2)

    def test_french_messages(self):
        self.mentor_user.lang = "fr_CA"
        self.login(self.mentor_user)
        tomorrow = (date.today() + timedelta(days=1)).isoformat()
        response = self.post_form("meeting", self.meeting_values(date=tomorrow), prefix=self.fr)
        self.assertIn("encore à venir", self.field_error(response, "meeting", "date"))
        response = self.post_form("meeting", self.meeting_values(duration="0"), prefix=self.fr)
        self.assertIn("plus de 0", self.field_error(response, "meeting", "duration"))
        response = self.post_form("meeting", self.meeting_values(), prefix=self.fr)
        self.assertIn(f"{self.fr}{MY_MENTORING}/{self.relationship.id}", response.url)
        self.assertIn("La rencontre est consignée", self.text(response))
        self.assertIn("Mon mentorat", self.text(self.url_open(f"{self.fr}{MY_MENTORING}")))

    def _event(self, relationship, start, duration=1.0):
        return (
            self.env["calendar.event"]
            .sudo()
            .create(
                {
                    "name": "Mentoring meeting",
                    "start": start,
                    "stop": start + timedelta(hours=duration),
                    "duration": duration,
                    "mentoring_relationship_id": relationship.id,
                    "mentoring_kind": "meeting",
                    "partner_ids": [
                        (4, relationship.mentee_id.partner_id.id),
                        (4, relationship.mentor_id.partner_id.id),
                    ],
                }
            )
        )

    def test_confirm_planned_meeting_as_held(self):
        event = self._event(self.relationship, Datetime.now() - timedelta(days=1), 2.0)
        other_event = self._event(self.other_relationship, Datetime.now() - timedelta(days=1))
        self.login(self.mentee_user)
        page = self.page(self.url_open(self.detail_url()))
        self.assertEqual(
            page.xpath("//div[hasclass('o_mentoring_planned_event')]/@data-event-id"),
            [str(event.id)],
        )
        hours = self.relationship.hours_total
        # Another relationship's event: refused, nothing logged.
        response = self.post_form(
            "held", {"event_id": str(other_event.id), "mode": "phone", "duration": ""}
        )
        self.assertIn("not one of this relationship", self.text(response))
        self.assertFalse(other_event.mentoring_meeting_id)
        response = self.post_form(
            "held", {"event_id": str(event.id), "mode": "phone", "duration": "", "topics": "CV"}
        )
        self.assertIn("message=held_logged", response.url)
        self.assertEqual(event.mentoring_meeting_id.duration, 2.0)
        self.assertEqual(event.mentoring_meeting_id.mode, "phone")
        self.assertEqual(self.relationship.hours_total, hours + 2.0)
        # Sent twice: counted once.
        response = self.post_form("held", {"event_id": str(event.id), "mode": "phone"})
        self.assertIn("message=already_logged", response.url)
        self.assertEqual(self.relationship.hours_total, hours + 2.0)

    def test_meeting_to_come_cannot_be_confirmed(self):
        event = self._event(self.relationship, Datetime.now() + timedelta(days=2))
        self.login(self.mentor_user)
        response = self.post_form("held", {"event_id": str(event.id), "mode": "phone"})
        self.assertIn("has not started yet", self.text(response))
        self.assertFalse(event.mentoring_meeting_id)

    def test_schedule_next_meeting_in_own_time_zone(self):
        self.login(self.mentee_user)
        day = date.today() + timedelta(days=7)
        response = self.post_form(
            "schedule", {"start_date": day.isoformat(), "start_time": "18:30", "duration": "1,5"}
        )
        self.assertIn("message=scheduled", response.url, self.text(response)[-1500:])
        event = self.relationship.calendar_event_ids
        self.assertEqual(len(event), 1)
        # 18:30 in Toronto is 22:30 or 23:30 UTC (summer or winter time).
        self.assertIn(event.start.hour, (22, 23))
        self.assertEqual(event.start.minute, 30)
        self.assertEqual(event.duration, 1.5)
        self.assertEqual(
            event.partner_ids, self.mentee_user.partner_id | self.mentor_user.partner_id
        )
        # Sent twice: scheduled once.
        response = self.post_form(
            "schedule", {"start_date": day.isoformat(), "start_time": "18:30", "duration": "1,5"}
        )
        self.assertIn("message=already_scheduled", response.url)
        self.assertEqual(len(self.relationship.calendar_event_ids), 1)

    def test_schedule_bad_input(self):
        self.login(self.mentor_user)
        yesterday = (date.today() - timedelta(days=1)).isoformat()
        for values, field, message in (
            (
                {"start_date": yesterday, "start_time": "10:00", "duration": "1"},
                "start_date",
                "to come",
            ),
            (
                {"start_date": "2099-01-01", "start_time": "25:00", "duration": "1"},
                "start_time",
                "Enter a time",
            ),
            (
                {"start_date": "2099-01-01", "start_time": "10:00", "duration": "9"},
                "duration",
                "at most 8",
            ),
        ):
            with self.subTest(field=field):
                response = self.post_form("schedule", values)
                self.assertIn(message, self.field_error(response, "schedule", field) or "")
                typed = self.page(response).xpath(
                    f"//form[hasclass('o_mentoring_schedule_form')]//input[@name='{field}']/@value"
                )
                self.assertEqual(typed, [values[field]])
        self.assertFalse(self.relationship.calendar_event_ids)

    def test_goal_progress_and_comment(self):
        self.login(self.mentee_user)
        response = self.post_form(
            "goal",
            {"goal_id": str(self.goal.id), "status": "done", "mentor_comment": "Self-praise"},
        )
        self.assertIn("message=goal_saved", response.url)
        self.assertEqual(self.goal.status, "done")
        self.assertFalse(self.goal.mentor_comment, "a mentee does not write the mentor's comment")
        response = self.post_form("goal", {"goal_id": str(self.goal.id), "status": "finished"})
        self.assertIn(
            "Choose one of the options",
            self.field_error(response, f"goal_{self.goal.id}", "status"),
        )
        self.assertEqual(self.goal.status, "done")

        self.login(self.mentor_user)
        response = self.post_form(
            "goal",
            {"goal_id": str(self.goal.id), "mentor_comment": "Great work!", "status": "dropped"},
        )
        self.assertIn("message=comment_saved", response.url)
        self.assertEqual(self.goal.mentor_comment, "Great work!")
        self.assertEqual(self.goal.status, "done", "a mentor does not set the progress")
        self.assertIn("Great work!", self.text(response))
        # Another mentee's goal through one's own relationship: refused.
        response = self.post_form(
            "goal", {"goal_id": str(self.other_goal.id), "mentor_comment": "Hacked"}
        )
        self.assertIn("not in this mentee's action plan", self.text(response))
        self.assertFalse(self.other_goal.mentor_comment)

    def test_form_without_csrf_is_refused(self):
        self.login(self.mentor_user)
        count = self.relationship.meeting_count
        with mute_logger("odoo.http"):
            response = self.url_open(
                f"{self.detail_url()}/meeting", data=self.meeting_values(), allow_redirects=False
            )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.relationship.meeting_count, count)


@tagged("post_install", "-at_install")
class TestPortalRpcAttacks(PortalCase):
    """A portal user reads only their own relationships and what hangs off them over RPC,
    and writes nothing."""

    def _call(self, model, method, *args, **kwargs):
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "id": 1,
                    "params": {"model": model, "method": method, "args": args, "kwargs": kwargs},
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        return response.json()

    @mute_logger(*MUTED)
    def test_rpc_reads_own_records_only(self):
        self.login(self.mentor_user)
        Relationship = "mentoring.relationship"
        answer = self._call(Relationship, "search_read", [], ["name"])
        self.assertEqual([row["id"] for row in answer["result"]], self.relationship.ids)
        answer = self._call(Relationship, "read", self.other_relationship.ids, ["name"])
        self.assertIn("error", answer)
        self.assertNotIn("Omar", json.dumps(answer))
        answer = self._call(Relationship, "name_search", "")
        self.assertEqual([row[0] for row in answer["result"]], self.relationship.ids)
        answer = self._call(
            Relationship, "export_data", self.other_relationship.ids, ["name", "mentee_id"]
        )
        self.assertIn("error", answer)
        answer = self._call("mentoring.meeting", "search_read", [], ["topics", "relationship_id"])
        self.assertEqual(
            {row["relationship_id"][0] for row in answer["result"]}, set(self.relationship.ids)
        )
        self.assertNotIn("Omar's secret topic", json.dumps(answer))
        answer = self._call("mentoring.goal", "search_read", [], ["name"])
        self.assertEqual({row["id"] for row in answer["result"]}, {self.goal.id, self.goal_2.id})
        for model, record in (
            ("mentoring.goal", self.other_goal),
            ("mentoring.meeting", self.other_relationship.meeting_ids),
            ("mentoring.mentee", self.mentee),
            ("mentoring.mentor", self.mentor),
        ):
            with self.subTest(model=model):
                answer = self._call(model, "read", record.ids, ["display_name"])
                self.assertIn("error", answer)

    @mute_logger(*MUTED)
    def test_rpc_hides_staff_fields_of_own_relationship(self):
        self.relationship.sudo().write({"mentee_feedback": "Private feedback"})
        self.login(self.mentor_user)
        for field in (
            "decline_reason",
            "mentee_feedback",
            "mentor_feedback",
            "mentee_satisfaction",
            "referring_agency_id",
            "at_risk",
            "in_alert",
        ):
            with self.subTest(field=field):
                answer = self._call(
                    "mentoring.relationship", "read", self.relationship.ids, [field]
                )
                self.assertIn("error", answer)
        answer = self._call("mentoring.relationship", "read", self.relationship.ids)
        self.assertNotIn("Private feedback", json.dumps(answer))
        self.assertNotIn("Agency A", json.dumps(answer))
        answer = self._call("mentoring.goal", "read", self.goal.ids, ["note"])
        self.assertIn("error", answer)

    @mute_logger(*MUTED)
    def test_rpc_writes_nothing(self):
        self.login(self.mentee_user)
        for model, method, args in (
            ("mentoring.relationship", "write", [self.relationship.ids, {"weekly_minutes": 1}]),
            ("mentoring.meeting", "create", [{"relationship_id": self.relationship.id}]),
            ("mentoring.meeting", "unlink", [self.relationship.meeting_ids.ids]),
            ("mentoring.goal", "write", [self.goal.ids, {"status": "done"}]),
        ):
            with self.subTest(model=model, method=method):
                self.assertIn("error", self._call(model, method, *args))
        self.assertEqual(self.goal.status, "todo")
        self.assertEqual(self.relationship.meeting_count, 2)

    @mute_logger(*MUTED)
    def test_calendar_events_over_rpc_only_their_own(self):
        """Over RPC a participant reads the events they attend (as calendar allows its
        attendees), never another relationship's."""
        start = datetime.combine(date.today() + timedelta(days=3), datetime.min.time())
        own = self.relationship._schedule_calendar_meeting(start, 1.0)
        other = self.other_relationship._schedule_calendar_meeting(start, 1.0)
        self.login(self.mentor_user)
        answer = self._call("calendar.event", "search_read", [], ["name"])
        self.assertEqual([row["id"] for row in answer.get("result", [])], own.ids)
        self.assertIn("error", self._call("calendar.event", "read", other.ids, ["name"]))

    @mute_logger(*MUTED)
    def test_web_content_of_other_records(self):
        self.login(self.mentor_user)
        for model, record, field in (
            ("mentoring.relationship", self.other_relationship, "name"),
            ("mentoring.meeting", self.other_relationship.meeting_ids, "topics"),
            ("mentoring.goal", self.other_goal, "name"),
            ("mentoring.mentee", self.mentee, "credentials"),
        ):
            with self.subTest(model=model):
                response = self.url_open(f"/web/content/{model}/{record.id}/{field}")
                self.assertNotEqual(response.status_code, 200)
                self.assertNotIn(b"Omar", response.content)
                self.assertNotIn(b"WES assessed", response.content)
