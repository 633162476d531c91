from ast import literal_eval
from datetime import date, timedelta
from unittest.mock import patch

from dateutil.relativedelta import relativedelta

from odoo.addons.mentoring_base.tests.common import MentoringCase
from odoo.exceptions import ValidationError
from odoo.tests import tagged

PERSON_MIXIN = "odoo.addons.mentoring_privacy.models.mentoring_person_mixin"
REVIEW = "mentoring_privacy.mail_activity_type_anonymization_review"


@tagged("post_install", "-at_install")
class TestRetention(MentoringCase):
    """With a 7-year retention period, the daily job lists those inactive for 7 years and
    more, gives the privacy officer one to-do each, and anonymizes nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].set_param("mentoring_privacy.retention_years", "7")
        cls.env["ir.config_parameter"].set_param("mentoring_privacy.officer_id", cls.manager.id)
        # The to-do is written in the officer's language: English here, whatever the
        # database's default language is.
        cls.env["res.lang"]._activate_lang("en_US")
        cls.manager.lang = "en_US"
        today = date.today()
        cls.cutoff = today - relativedelta(years=7)
        cls.old = cls._mentee(
            "Old Candidate", cls.agency_a, date_candidate=today - relativedelta(years=8)
        )
        cls.on_the_day = cls._mentee("On The Day", cls.agency_a, date_candidate=cls.cutoff)
        cls.recent = cls._mentee(
            "Recent Candidate", cls.agency_b, date_candidate=cls.cutoff + timedelta(days=1)
        )
        # An old state date but an orientation step last year: active last year.
        cls.returning = cls._mentee(
            "Returning Client",
            cls.agency_a,
            date_candidate=today - relativedelta(years=9),
            needs_assessment_date=today - relativedelta(years=1),
        )
        cls.old_mentor = cls._mentor(
            "Retired Mentor",
            state="retired",
            date_retired=today - relativedelta(years=10),
            active=False,
        )
        cls.trained_mentor = cls._mentor(
            "Trained Mentor",
            state="retired",
            date_retired=today - relativedelta(years=10),
            orientation_training_date=today - relativedelta(years=2),
        )
        cls.anonymized = cls._mentee(
            "Already Anonymized", cls.agency_b, date_candidate=today - relativedelta(years=12)
        )
        cls.anonymized.write({"anonymized_on": today - relativedelta(years=1)})

    def _run(self):
        return self.env["mentoring.person.mixin"]._cron_flag_retention_due()

    def _reviews(self, person):
        return person.activity_ids.filtered(
            lambda activity: activity.activity_type_id == self.env.ref(REVIEW)
        )

    def test_last_activity_is_the_latest_date_of_the_person(self):
        self.assertEqual(self.old.last_activity_date, date.today() - relativedelta(years=8))
        self.assertEqual(self.returning.last_activity_date, date.today() - relativedelta(years=1))
        self.assertEqual(
            self.trained_mentor.last_activity_date, date.today() - relativedelta(years=2)
        )
        fresh = self._mentee("Fresh Candidate", self.agency_a)
        self.assertEqual(fresh.last_activity_date, date.today())

    def test_cron_flags_only_those_past_the_period_and_anonymizes_nothing(self):
        due = self.old | self.on_the_day
        self._run()
        self.assertEqual((due | self.recent | self.returning).filtered("retention_due"), due)
        self.assertTrue(self.old_mentor.retention_due, "archived people too")
        self.assertFalse(self.trained_mentor.retention_due)
        self.assertFalse(self.anonymized.retention_due, "already anonymized")
        self.assertEqual(self.old.retention_flagged_on, date.today())
        # Nothing anonymized, nothing deleted.
        self.assertEqual(self.old.name, "Old Candidate")
        self.assertEqual(self.old.email, "old.candidate@example.com")
        self.assertFalse(due.filtered("anonymized_on") or self.old_mentor.anonymized_on)
        # One to-do each for the privacy officer, not repeated by the next runs.
        self._run()
        self._run()
        for person in (self.old, self.on_the_day, self.old_mentor):
            with self.subTest(person=person.name):
                review = self._reviews(person)
                self.assertEqual(len(review), 1)
                self.assertEqual(review.user_id, self.manager)
                self.assertIn("review for anonymization", review.summary)
        self.assertFalse(self._reviews(self.recent))
        # The managers' list "Due for anonymization" shows them, archived ones included.
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mentoring_privacy.mentoring_mentee_action_retention_due"
        )
        self.assertEqual(literal_eval(action["context"]), {"active_test": False})
        listed = (
            self.env["mentoring.mentee"]
            .with_user(self.manager)
            .with_context(active_test=False)
            .search(literal_eval(action["domain"]))
        )
        self.assertLessEqual(due, listed)
        self.assertNotIn(self.recent, listed)

    def test_new_activity_or_a_longer_period_unflags(self):
        self._run()
        self.assertTrue(self.old.retention_due)
        self.old.needs_assessment_date = date.today()
        self.assertEqual(self.old.last_activity_date, date.today())
        self._run()
        self.assertFalse(self.old.retention_due)
        self.assertFalse(self._reviews(self.old), "the to-do goes with the flag")
        self.env["ir.config_parameter"].set_param("mentoring_privacy.retention_years", "10")
        self._run()
        self.assertFalse(self.on_the_day.retention_due)
        self.assertTrue(self.old_mentor.retention_due, "10 years ago is still due")

    def test_batches_commit_and_resume(self):
        """Run by the scheduler, the job commits after each batch and stops when its time is
        up; the next run goes on where it stopped."""
        Cron = type(self.env["ir.cron"])
        with (
            patch(f"{PERSON_MIXIN}.CRON_BATCH", 1),
            patch.object(Cron, "_commit_progress", return_value=0) as commit,
        ):
            Person = self.env["mentoring.person.mixin"].with_context(cron_id=1)
            Person._cron_flag_retention_due()
            self.assertEqual(commit.call_count, 1, "stopped after the first batch")
            first = commit.call_args
            self.assertEqual(first.args, (1,))
            self.assertGreaterEqual(first.kwargs["remaining"], 2)
            for _run in range(20):
                Person._cron_flag_retention_due()
        self.assertTrue(all((self.old | self.on_the_day).mapped("retention_due")))
        self.assertTrue(self.old_mentor.retention_due)

    def test_settings(self):
        settings = self.env["res.config.settings"].create({"mentoring_retention_years": 10})
        settings.execute()
        self.assertEqual(
            self.env["ir.config_parameter"].get_param("mentoring_privacy.retention_years"), "10"
        )
        with self.assertRaises(ValidationError):
            self.env["res.config.settings"].create({"mentoring_retention_years": 0})
        self.env["ir.config_parameter"].set_param("mentoring_privacy.retention_years", "often")
        with self.assertLogs(PERSON_MIXIN, "WARNING"):
            years = self.env["mentoring.person.mixin"]._privacy_retention_years()
        self.assertEqual(years, 7)
