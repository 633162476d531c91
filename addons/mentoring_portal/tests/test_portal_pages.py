import json
from datetime import date, datetime, timedelta

import pytz

from odoo.addons.mentoring_base.tests.common import call_kw
from odoo.addons.mentoring_base.tools import schedule
from odoo.addons.mentoring_calendar.models.mentoring_relationship import MAX_DAYS_AHEAD
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
        # A visitor is sent to the login page, with or without a token.
        self.relationship.sudo().access_token = "a-token-set-in-the-database"
        self.authenticate(None, None)
        for url in (
            self.detail_url(),
            f"{self.detail_url()}?access_token=a-token-set-in-the-database",
        ):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertIn("/web/login", response.url)
                self.assertNotIn(b"Amina", response.content)

    @mute_logger(*MUTED)
    def test_staff_and_referrers_use_the_back_office(self):
        """A relationship's page is its mentee's and mentor's only: program staff and the
        mentee's agency referrer (who would read meeting topics and planned meetings) get
        the "not found" page, as does a declined proposal for the person who declined."""
        for user in (self.referrer_a, self.mentoring_user, self.coordinator, self.manager):
            with self.subTest(user=user.login):
                self.authenticate(user.login, user.login)
                response = self.url_open(self.detail_url())
                self.assertEqual(response.status_code, 404)
                self.assertNotIn(b"Amina Haddad", response.content)
                response = self.post_form("meeting", self.meeting_values())
                self.assertEqual(response.status_code, 404)
        self.assertEqual(self.relationship.meeting_count, 2)
        declined = self.env["mentoring.relationship"].create(
            {
                "mentee_id": self.other_mentee.id,
                "mentor_id": self.mentor.id,
                "program_id": self.program.id,
            }
        )
        declined.action_mentor_decline("No time this month")
        self.assertEqual(declined.stage_type, "cancelled")
        self.login(self.mentor_user)
        self.assertEqual(self.url_open(self.detail_url(declined)).status_code, 404)
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["mentoring_count"]})
        self.assertEqual(counters["mentoring_count"], 1)

    def test_time_zone_and_formats(self):
        """Portal users have no time zone of their own: the page uses the coordinator's,
        says which, shows planned meetings in it without seconds, and hours with the
        language's decimal separator."""
        self.mentor_user.tz = False
        self.coordinator.tz = "America/Vancouver"
        start = datetime(2099, 3, 14, 1, 30)  # 18:30 the day before in Vancouver
        self._event(self.relationship, start, 2.5)
        self.login(self.mentor_user)
        response = self.url_open(self.detail_url())
        page = self.page(response)
        self.assertIn(
            "America/Vancouver", page.xpath("//*[hasclass('o_mentoring_tz')]")[0].text_content()
        )
        shown = page.xpath("//*[hasclass('o_mentoring_event_start')]")[0].text_content()
        self.assertEqual(shown, "03/13/2099 06:30 PM")
        self.assertIn("(2.50 h)", self.text(response))
        self.mentor_user.lang = "fr_CA"
        response = self.url_open(self.detail_url(prefix=self.fr))
        page = self.page(response)
        self.assertEqual(
            page.xpath("//*[hasclass('o_mentoring_event_start')]")[0].text_content(),
            "2099-03-13 18:30",
        )
        self.assertIn("(2,50 h)", self.text(response))
        self.assertEqual(page.xpath("//*[hasclass('o_mentoring_hours')]")[0].text, "2,00")
        # Without a coordinator's either: the company's, else UTC.
        self.coordinator.tz = False
        self.env.company.partner_id.tz = "America/Halifax"
        page = self.page(self.url_open(self.detail_url()))
        self.assertIn(
            "America/Halifax", page.xpath("//*[hasclass('o_mentoring_tz')]")[0].text_content()
        )

    def test_questionnaires_to_answer(self):
        """The monthly check-ins and the closing questionnaire the person has to answer,
        each said for what it is."""
        month = date.today().replace(day=1)
        checkin = self.env["mentoring.checkin"].create(
            {"relationship_id": self.relationship.id, "date": month}
        )
        survey = self.env.ref("mentoring_survey.survey_monthly_checkin")
        self.relationship._invite_to_questionnaire(survey, checkin=checkin)
        self.relationship._invite_to_questionnaire(
            self.relationship.program_id.sudo().closing_survey_id
        )
        self.login(self.mentee_user)
        page = self.page(self.url_open(self.detail_url()))
        section = page.xpath("//section[@id='mentoring_questionnaires']")[0]
        self.assertEqual(section.xpath("h4")[0].text, "Questionnaires to answer")
        labels = {
            item.get("data-kind"): " ".join(item.xpath("a")[0].text_content().split())
            for item in section.xpath(".//li")
        }
        self.assertEqual(
            labels,
            {
                "checkin": f"Monthly check-in of {month:%B %Y}",
                "closing": "Closing questionnaire",
            },
        )


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
            ({"date": too_early}, "date", "cannot have taken place before"),
            ({"date": "14/03/2025"}, "date", "Enter a date"),
            ({"duration": "0"}, "duration", "more than 0 and at most 8 hours"),
            ({"duration": "8.5"}, "duration", "more than 0 and at most 8 hours"),
            ({"duration": "abc"}, "duration", "more than 0"),
            ({"duration": "1 h 75"}, "duration", "more than 0"),
            ({"duration": ""}, "duration", "more than 0"),
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

    def test_meeting_before_the_agreement_says_when_it_started(self):
        self.login(self.mentee_user)
        agreed = self.relationship.agreement_date
        response = self.post_form(
            "meeting", self.meeting_values(date=(agreed - timedelta(days=3)).isoformat())
        )
        self.assertEqual(
            self.field_error(response, "meeting", "date"),
            f"Your mentoring relationship started on {agreed:%m/%d/%Y}: the meeting cannot "
            "have taken place before.",
        )

    def test_duration_in_hours_and_minutes(self):
        self.login(self.mentor_user)
        for typed, hours in (("1 h 30", 1.5), ("1h30", 1.5), ("2 h", 2.0), ("0h45", 0.75)):
            with self.subTest(typed=typed):
                response = self.post_form(
                    "meeting", self.meeting_values(duration=typed, topics=f"Topic {typed}")
                )
                self.assertIn("message=meeting_logged", response.url)
                meeting = self.relationship.meeting_ids.sorted("id")[-1]
                self.assertEqual(meeting.duration, hours)

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
        self.assertEqual(
            self.field_error(response, "meeting", "duration"),
            "Entrez une durée supérieure à 0 et d’au plus 8 heures (par exemple 1,5).",
        )
        agreed = self.relationship.agreement_date
        response = self.post_form(
            "meeting",
            self.meeting_values(date=(agreed - timedelta(days=1)).isoformat()),
            prefix=self.fr,
        )
        self.assertEqual(
            self.field_error(response, "meeting", "date"),
            f"Votre relation de mentorat a commencé le {agreed:%Y-%m-%d}\u00a0: la rencontre "
            "ne peut pas avoir eu lieu avant.",
        )
        response = self.post_form("meeting", self.meeting_values(), prefix=self.fr)
        self.assertIn(f"{self.fr}{MY_MENTORING}/{self.relationship.id}", response.url)
        self.assertIn("La rencontre est consignée", self.text(response))
        response = self.post_form("meeting", self.meeting_values(), prefix=self.fr)
        self.assertIn("a déjà été consignée", self.text(response))
        self.assertIn("Mon mentorat", self.text(self.url_open(f"{self.fr}{MY_MENTORING}")))

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

    def test_cancelled_meeting_cannot_be_confirmed(self):
        """A planned meeting staff cancelled (archived) is neither shown nor loggable."""
        event = self._event(self.relationship, Datetime.now() - timedelta(days=1))
        event.active = False
        hours = self.relationship.hours_total
        self.login(self.mentee_user)
        response = self.post_form("held", {"event_id": str(event.id), "duration": "8"})
        self.assertIn("not one of this relationship", self.text(response))
        self.assertFalse(event.with_context(active_test=False).mentoring_meeting_ids)
        self.assertEqual(self.relationship.hours_total, hours)

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
        # The mentee planned it: their invitation is accepted, the mentor's awaits.
        states = {attendee.partner_id: attendee.state for attendee in event.attendee_ids}
        self.assertEqual(states[self.mentee_user.partner_id], "accepted")
        self.assertEqual(states[self.mentor_user.partner_id], "needsAction")
        # Sent twice: scheduled once.
        response = self.post_form(
            "schedule", {"start_date": day.isoformat(), "start_time": "18:30", "duration": "1,5"}
        )
        self.assertIn("message=already_scheduled", response.url)
        self.assertEqual(len(self.relationship.calendar_event_ids), 1)

    def test_schedule_in_the_coordinators_time_zone_without_ones_own(self):
        """A mentor without a time zone of their own types 18:30: the event is at 18:30
        where the relationship's coordinator works, not 18:30 UTC."""
        self.mentor_user.tz = False
        self.coordinator.tz = "America/Vancouver"
        self.login(self.mentor_user)
        day = date.today() + timedelta(days=7)
        response = self.post_form(
            "schedule", {"start_date": day.isoformat(), "start_time": "18:30", "duration": "1"}
        )
        self.assertIn("message=scheduled", response.url)
        event = self.relationship.calendar_event_ids
        local = pytz.utc.localize(event.start).astimezone(pytz.timezone("America/Vancouver"))
        self.assertEqual((local.date(), local.hour, local.minute), (day, 18, 30))

    def test_schedule_bad_input(self):
        self.login(self.mentor_user)
        yesterday = (date.today() - timedelta(days=1)).isoformat()
        next_week = (date.today() + timedelta(days=7)).isoformat()
        too_far = (date.today() + timedelta(days=MAX_DAYS_AHEAD + 1)).isoformat()
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
            (
                {"start_date": too_far, "start_time": "10:00", "duration": "1"},
                "start_date",
                f"within the next {MAX_DAYS_AHEAD} days",
            ),
            (
                {"start_date": "9999-12-31", "start_time": "23:30", "duration": "1"},
                "start_date",
                f"within the next {MAX_DAYS_AHEAD} days",
            ),
            (
                {"start_date": "0001-01-01", "start_time": "00:10", "duration": "1"},
                "start_date",
                "to come",
            ),
            (
                {"start_date": next_week, "start_time": "", "duration": "1"},
                "start_time",
                "This field is required.",
            ),
            (
                {"start_date": "", "start_time": "10:00", "duration": "1"},
                "start_date",
                "This field is required.",
            ),
        ):
            with self.subTest(field=field):
                response = self.post_form("schedule", values)
                self.assertEqual(response.status_code, 200)
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
        return call_kw(self, model, method, *args, **kwargs)

    @mute_logger(*MUTED)
    def test_rpc_reads_no_relationship(self):
        """No relationship over RPC, not even one's own (its staff-only fields would
        leak); one's own meetings and goals (not the mentor's comment), nobody else's."""
        self.relationship.sudo().write({"mentee_feedback": "Private feedback"})
        self.login(self.mentor_user)
        Relationship = "mentoring.relationship"
        for method, args, kwargs in (
            ("search_read", [[]], {"fields": ["name"]}),
            ("read", [self.relationship.ids, ["name"]], {}),
            ("read", [self.other_relationship.ids, ["name"]], {}),
            ("name_search", [""], {}),
            ("search_count", [[]], {}),
            ("export_data", [self.relationship.ids, ["name", "mentee_feedback"]], {}),
        ):
            with self.subTest(method=method, args=args):
                answer = self._call(Relationship, method, *args, **kwargs)
                self.assertIn("error", answer)
                self.assertNotIn("Private feedback", json.dumps(answer))
                self.assertNotIn("Omar", json.dumps(answer))
        answer = self._call("mentoring.meeting", "search_read", [], ["topics", "relationship_id"])
        self.assertEqual(
            {row["relationship_id"][0] for row in answer["result"]}, set(self.relationship.ids)
        )
        self.assertEqual(len(answer["result"]), 2)
        self.assertNotIn("Omar's secret topic", json.dumps(answer))
        answer = self._call("mentoring.goal", "search_read", [], ["name", "status"])
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
        for field in ("note", "mentor_comment"):
            with self.subTest(field=field):
                answer = self._call("mentoring.goal", "read", self.goal.ids, [field])
                self.assertIn("error", answer)

    @mute_logger(*MUTED)
    def test_mentor_comment_is_the_mentors(self):
        """Agency referrers write their clients' goals, not the mentor's comment; program
        staff read it; the mentor writes it from the page only."""
        self.goal._portal_set_mentor_comment("Good progress")
        self.authenticate(self.referrer_a.login, self.referrer_a.login)
        answer = self._call("mentoring.goal", "write", self.goal.ids, {"mentor_comment": "Forged"})
        self.assertIn("error", answer)
        answer = self._call("mentoring.goal", "read", self.goal.ids, ["mentor_comment"])
        self.assertIn("error", answer)
        # What they may do still works.
        answer = self._call("mentoring.goal", "write", self.goal.ids, {"status": "in_progress"})
        self.assertIs(answer.get("result"), True)
        self.authenticate(self.mentoring_user.login, self.mentoring_user.login)
        answer = self._call("mentoring.goal", "read", self.goal.ids, ["mentor_comment"])
        self.assertEqual(answer["result"][0]["mentor_comment"], "Good progress")
        self.env.invalidate_all()
        self.assertEqual(self.goal.mentor_comment, "Good progress")
        self.assertEqual(self.goal.status, "in_progress")

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
