from datetime import date, timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from .test_proposal import PortalTokenCase


@tagged("post_install", "-at_install")
class TestOutcomeForm(PortalTokenCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agreed_on = date.today() - timedelta(days=100)
        with freeze_time(cls.agreed_on):
            cls.relationship = cls.env["mentoring.relationship"].create(
                {
                    "mentee_id": cls.mentee_fr.id,
                    "mentor_id": cls.mentor.id,
                    "program_id": cls.program.id,
                    "coordinator_id": cls.coordinator.id,
                }
            )
            cls.relationship.action_mentee_accept()
            cls.relationship.action_mentor_accept()
        cls.relationship.action_close("objectives_met")
        cls.Outcome = cls.env["mentoring.outcome"]
        cls.Outcome._cron_request_due_outcomes()
        cls.outcome = cls.relationship.outcome_ids.filtered(
            lambda outcome: outcome.checkpoint == "exit"
        )
        cls.partner = cls.mentee_fr.partner_id

    def request_mail(self):
        return self.mails_to(self.partner, self.outcome).filtered(
            lambda mail: (
                "/mentoring/outcome/" in (mail.body_html or "")
                and not mail.subject.startswith("Rappel")
            )
        )

    def form_path(self, mail=None):
        mail = mail or self.request_mail()
        return next(
            self.path(link.get("href"))
            for link in self.links(mail)
            if "/mentoring/outcome/" in (link.get("href") or "")
        )

    def valid(self, **overrides):
        values = {
            "situation": "employed",
            "employer_name": "Rideau Test Software",
            "job_title": "Développeuse logicielle",
            "job_noc_label": self.noc_software.display_name,
            "job_noc_id": str(self.noc_software.id),
            "start_date": (date.today() - timedelta(days=10)).isoformat(),
            "hours_per_week": "37,5",
            "wage_band": "30_40",
            "interviews_count": "4",
        }
        values.update(overrides)
        return values

    def assertNotAnswered(self):
        self.outcome.invalidate_recordset()
        self.assertEqual(self.outcome.state, "requested")
        self.assertEqual(self.outcome.situation, "unknown")
        self.assertFalse(self.outcome.job_title)

    def test_request_links_to_the_form_in_french(self):
        self.assertEqual(self.outcome.state, "requested")
        mail = self.request_mail()
        self.assertEqual(len(mail), 1)
        self.assertIn("Répondre aux questions", mail.body_html)
        path = self.form_path(mail)
        self.assertTrue(path.startswith("/fr/mentoring/outcome/"), path)
        _response, doc = self.open_page(path)
        self.assertEqual(doc.get("lang"), "fr-CA")
        self.assertIn("Votre situation aujourd’hui", self.text(doc))
        # The occupation box of the website forms, with its search route.
        box = doc.xpath('//div[contains(@class, "o_mentoring_noc_autocomplete")]')
        self.assertEqual(len(box), 1)
        response = self.url_open(box[0].get("data-search-url") + "?q=21231")
        self.assertEqual(response.json()[0]["id"], self.noc_software.id)
        self.assertNotAnswered()

    def test_answers_fill_the_outcome_then_staff_confirm(self):
        response, doc = self.submit(self.form_path(), "mentoring_outcome_form", self.valid())
        self.assertEqual(response.status_code, 200)
        self.assertIn("Merci", self.text(doc))
        outcome = self.outcome
        outcome.invalidate_recordset()
        self.assertEqual(outcome.state, "answered")
        self.assertEqual(outcome.situation, "employed")
        self.assertEqual(outcome.employer_name, "Rideau Test Software")
        self.assertEqual(outcome.job_title, "Développeuse logicielle")
        self.assertEqual(outcome.job_noc_id, self.noc_software)
        self.assertEqual(outcome.start_date, date.today() - timedelta(days=10))
        self.assertEqual(outcome.hours_per_week, 37.5)
        self.assertEqual((outcome.wage_band, outcome.interviews_count), ("30_40", 4))
        self.assertEqual(outcome.answered_on, date.today())
        todos = outcome.activity_ids
        self.assertEqual(todos.mapped("summary"), ["Confirm the employment outcome"])
        self.assertEqual(todos.user_id, self.coordinator)
        note = outcome.message_ids.filtered(
            lambda message: "Amina Haddad answered the outcome form" in (message.body or "")
        )
        self.assertEqual(note.author_id, self.partner, "the note is written as the mentee")
        # Staff may still correct, then confirm with the existing button.
        as_staff = outcome.with_user(self.coordinator)
        as_staff.write({"hours_per_week": 35})
        as_staff.action_record()
        self.assertEqual(outcome.state, "done")
        self.assertFalse(outcome.activity_ids)

    def test_not_working_clears_job_fields(self):
        self.submit(
            self.form_path(),
            "mentoring_outcome_form",
            self.valid(situation="in_school", start_date="", hours_per_week=""),
        )
        self.outcome.invalidate_recordset()
        self.assertEqual(self.outcome.state, "answered")
        self.assertEqual(self.outcome.situation, "in_school")
        self.assertFalse(self.outcome.job_title)
        self.assertEqual(self.outcome.interviews_count, 4)

    def test_bad_input_is_kept_and_refused(self):
        path = self.form_path()
        before_start = (self.agreed_on - timedelta(days=1)).isoformat()
        cases = [
            ({"start_date": before_start}, "start_date", "avant le début"),
            ({"start_date": "2026-02-30"}, "start_date", "Entrez une date"),
            ({"hours_per_week": "-5"}, "hours_per_week", "de 1 à 80"),
            ({"hours_per_week": "500"}, "hours_per_week", "de 1 à 80"),
            ({"job_noc_id": "999999999"}, "job_noc_id", None),
            ({"job_noc_id": ""}, "job_noc_id", None),
            ({"interviews_count": "-1"}, "interviews_count", None),
            ({"situation": "retired"}, "situation", None),
            ({"job_title": ""}, "job_title", None),
        ]
        for changes, field, message in cases:
            with self.subTest(field=field, changes=changes):
                values = self.valid(**changes)
                response, doc = self.submit(path, "mentoring_outcome_form", values)
                self.assertEqual(response.status_code, 200)
                error = doc.xpath(f'//*[@id="mo_{field}_error"]')
                self.assertEqual(len(error), 1, f"no message next to {field}")
                if message:
                    self.assertIn(message, error[0].text_content())
                self.assertTrue(doc.xpath('//*[@id="mo_form_error"]'))
                kept = doc.xpath('//input[@name="job_title"]/@value')
                self.assertEqual(kept, [values["job_title"]] if values["job_title"] else kept)
                self.assertEqual(
                    doc.xpath('//input[@name="employer_name"]/@value'), [values["employer_name"]]
                )
                self.assertNotAnswered()

    def test_used_wrong_expired_tokens_change_nothing(self):
        path = self.form_path()
        token = path.rsplit("/", 1)[1]
        for bad in (
            token[:-3] + "abc",
            self.relationship._proposal_answer_url("mentee").rsplit("/", 1)[1],
        ):
            _response, doc = self.open_page(f"/mentoring/outcome/{bad}", status=404)
            response, _doc = self.post_to(
                f"/mentoring/outcome/{bad}", {"csrf_token": self.csrf(), **self.valid()}
            )
            self.assertEqual(response.status_code, 404)
        with freeze_time(date.today() + timedelta(days=31)):
            self.open_page(path, status=404)
        self.assertNotAnswered()
        # Answered: the link is used; a second submission changes nothing.
        _response, doc = self.open_page(path)
        form = doc.xpath('//form[@id="mentoring_outcome_form"]')[0]
        payload = {
            "csrf_token": form.xpath('.//input[@name="csrf_token"]/@value')[0],
            **self.valid(),
        }
        self.post_to(form.get("action"), payload)
        self.assertEqual(self.outcome.state, "answered")
        response, doc = self.post_to(form.get("action"), {**payload, "job_title": "Changed"})
        self.assertIn("déjà", self.text(doc))
        self.outcome.invalidate_recordset()
        self.assertEqual(self.outcome.job_title, "Développeuse logicielle")
        self.assertEqual(len(self.outcome.activity_ids), 1)

    def test_one_reminder_after_seven_days(self):
        def reminders():
            return self.mails_to(self.partner, self.outcome).filtered(
                lambda mail: "Rappel" in (mail.subject or "")
            )

        with freeze_time(date.today() + timedelta(days=6)):
            self.Outcome._cron_remind_outcomes()
        self.assertFalse(reminders())
        with freeze_time(date.today() + timedelta(days=7)):
            self.Outcome._cron_remind_outcomes()
            self.assertEqual(len(reminders()), 1)
            fresh = self.form_path(reminders())
            self.assertNotEqual(fresh, self.form_path())
        with freeze_time(date.today() + timedelta(days=35)):
            self.Outcome._cron_remind_outcomes()
            # The reminder's fresh link still works when the first one expired.
            self.open_page(fresh)
            self.open_page(self.form_path(), status=404)
        self.assertEqual(len(reminders()), 1, "one reminder only")

    def test_no_reminder_after_opt_out_or_blacklist(self):
        self.partner.mentoring_reminders_opt_out = True
        with freeze_time(date.today() + timedelta(days=8)):
            self.Outcome._cron_remind_outcomes()
        self.partner.mentoring_reminders_opt_out = False
        self.env["mail.blacklist"].sudo()._add(self.partner.email)
        with freeze_time(date.today() + timedelta(days=9)):
            self.Outcome._cron_remind_outcomes()
        self.assertFalse(self.outcome.reminder_sent_on)
        self.assertEqual(len(self.mails_to(self.partner, self.outcome)), 1, "the request only")
