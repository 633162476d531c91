import base64

from freezegun import freeze_time

from odoo.tests import Form, new_test_user, tagged

from .common import MentoringCase

RESUME = base64.b64encode(b"%PDF-1.4 resume")


@tagged("post_install", "-at_install")
class TestLanguageOfMessages(MentoringCase):
    """What the system writes is in the reader's language (issue #11): to-dos in their
    receiver's, notes caused by a scheduled action or a referrer in the staff's; a to-do
    is recognized as planned whatever its language; service and e-mail languages agree."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_CA")
        cls.env["ir.module.module"]._load_module_terms(
            ["mentoring_base"], ["fr_CA"], overwrite=True
        )
        cls.env.company.partner_id.lang = "en_US"
        cls.coordinator.lang = "fr_CA"
        cls.referrer_a.lang = "en_US"
        cls.program.coordinator_ids = cls.coordinator
        cls.mentee = cls._mentee("Amina Silence", cls.agency_a, state="ready")
        cls.mentor = cls._mentor("Jean Silence", state="available")
        # Scheduled actions run with an empty context.
        cls.cron_env = cls.env(context={})

    def _agreed(self):
        with freeze_time("2026-03-02"):
            return self._agreed_relationship(self.mentee, self.mentor)

    def _todos(self, record, key=None):
        todo = self.env.ref("mail.mail_activity_data_todo")
        return record.sudo().activity_ids.filtered(
            lambda activity: (
                activity.activity_type_id == todo and (key is None or activity.mentoring_key == key)
            )
        )

    # -- scheduled actions -------------------------------------------------------------

    def test_cron_todo_in_the_coordinators_language(self):
        relationship = self._agreed()
        with freeze_time("2026-03-30"):
            self.cron_env["mentoring.relationship"]._cron_alert_without_meeting()
        todo = self._todos(relationship, "no_meeting")
        self.assertEqual(todo.summary, "Aucune rencontre consignée depuis 21 jours")
        self.assertEqual(todo.user_id, self.coordinator)

    def test_logging_a_meeting_closes_the_silence_todo(self):
        relationship = self._agreed()
        with freeze_time("2026-03-30"):
            self.cron_env["mentoring.relationship"]._cron_alert_without_meeting()
            todo = self._todos(relationship, "no_meeting")
            self.assertTrue(todo)
            self.env["mentoring.meeting"].create(
                {"relationship_id": relationship.id, "date": "2026-03-29", "duration": 1.0}
            )
        self.assertFalse(self._todos(relationship, "no_meeting"))
        done = relationship.message_ids.filtered(
            lambda message: (
                message.mail_activity_type_id and "Rencontre consignée" in str(message.body)
            )
        )
        self.assertTrue(done, "the to-do is marked done with the coordinator's French note")

    def test_cron_twice_in_two_languages_gives_one_todo(self):
        relationship = self._agreed()
        Relationship = self.cron_env["mentoring.relationship"]
        with freeze_time("2026-03-30"):
            Relationship.with_context(lang="fr_CA")._cron_alert_without_meeting()
            # The coordinator switched to English meanwhile; the run is in English too.
            self.coordinator.lang = "en_US"
            Relationship.with_context(lang="en_US")._cron_alert_without_meeting()
        self.assertEqual(len(self._todos(relationship)), 1)

    def test_todo_planned_before_keys_is_recognized(self):
        """A to-do planned before this change (no key, English summary) is not doubled by
        a run for a French coordinator."""
        relationship = self._agreed()
        relationship.activity_schedule(
            "mail.mail_activity_data_todo",
            user_id=self.coordinator.id,
            summary="No meeting logged for 21 days",
        )
        with freeze_time("2026-03-30"):
            self.cron_env["mentoring.relationship"]._cron_alert_without_meeting()
        self.assertEqual(len(self._todos(relationship)), 1)

    def test_monthly_checkin_and_outcome_todos_in_french(self):
        relationship = self._agreed()
        with freeze_time("2026-03-16"):
            self.cron_env["mentoring.relationship"]._cron_plan_monthly_checkins()
            self.cron_env["mentoring.relationship"]._cron_plan_monthly_checkins()
        checkin_todo = self._todos(relationship, "checkin:2026-03")
        self.assertEqual(checkin_todo.summary, "Point de suivi mensuel 2026-03")
        checkin = relationship.checkin_ids
        self.assertTrue(
            checkin.message_ids.filtered(lambda m: "fiche créée" in (m.body or "")),
            "announced in French too",
        )
        checkin.with_user(self.coordinator).write({"at_risk": True})
        self.assertEqual(
            self._todos(relationship, "at_risk").summary,
            "Le point de suivi a signalé que la relation de mentorat est à risque",
        )
        with freeze_time("2026-04-20"):
            relationship.action_close("objectives_met")
            self.cron_env["mentoring.outcome"]._cron_request_due_outcomes()
        exit_outcome = relationship.outcome_ids.filtered(lambda o: o.checkpoint == "exit")
        self.assertEqual(
            self._todos(exit_outcome).summary, "Consigner le résultat en matière d'emploi"
        )
        # The checkpoint in the outcome's name is in the reader's language.
        mentee = relationship.mentee_id.name
        self.assertEqual(
            exit_outcome.with_context(lang="fr_CA").display_name,
            f"{mentee} – À la fin du programme",
        )
        self.assertEqual(
            exit_outcome.with_context(lang="en_US").display_name, f"{mentee} – At exit"
        )

    # -- referrals ---------------------------------------------------------------------

    def _referral_by_english_referrer(self):
        Mentee = self.env["mentoring.mentee"].with_user(self.referrer_a)
        mentee = Mentee.create(
            {
                "name": "Client Anglophone",
                "email": "client.anglophone@example.com",
                "career_objective": "Work as a software developer",
                "resume": RESUME,
                "resume_filename": "resume.pdf",
                "action_plan_started": True,
                "consent_share": True,
                "consent_date": "2026-09-01",
            }
        )
        with Form(self.env["mentoring.referral"].with_user(self.referrer_a)) as form:
            form.mentee_id = mentee
            form.program_id = self.program
        return form.record

    def test_referral_by_english_referrer_reads_in_french_for_the_coordinator(self):
        referral = self._referral_by_english_referrer()
        created = referral.message_ids.filtered(lambda m: "fiche créée" in (m.body or ""))
        self.assertEqual(len(created), 1, "the creation line is in the staff's French")
        self.assertIn("Aiguillage", created.body)
        referral.action_submit()
        todo = self._todos(referral)
        self.assertEqual(todo.user_id, self.coordinator)
        self.assertEqual(todo.summary, "Examiner l'aiguillage de Client Anglophone")
        self.assertEqual(todo.mentoring_key, "review")
        # The referrer withdraws it: the note closing the to-do is French for staff too.
        referral.action_withdraw()
        self.assertFalse(self._todos(referral))
        done = referral.message_ids.filtered(lambda m: "Désisté" in (m.body or ""))
        self.assertEqual(len(done), 1)

    def test_staff_note_in_company_language_when_coordinators_differ(self):
        english_coordinator = new_test_user(
            self.env,
            login="coordinator_en",
            groups="mentoring_base.group_mentoring_coordinator",
            lang="en_US",
        )
        self.program.coordinator_ids |= english_coordinator
        referral = self._referral_by_english_referrer()
        self.assertTrue(
            referral.message_ids.filtered(lambda m: "Referral created" in (m.body or "")),
            "the coordinators read different languages: the company's",
        )
        referral.action_submit()
        summaries = {todo.user_id: todo.summary for todo in self._todos(referral)}
        self.assertEqual(
            summaries,
            {
                self.coordinator: "Examiner l'aiguillage de Client Anglophone",
                english_coordinator: "Review referral of Client Anglophone",
            },
        )

    # -- service language and language for e-mails --------------------------------------

    def test_service_language_sets_and_follows_the_language_for_emails(self):
        french = self._mentee("Nadia Francophone", service_language="fr")
        self.assertEqual(french.partner_id.lang, "fr_CA")
        english = self._mentee("Bola Anglophone", lang="en_US")
        self.assertEqual(english.service_language, "en")
        by_lang = self._mentee("Luc Francophone", lang="fr_CA")
        self.assertEqual(by_lang.service_language, "fr", "derived from the e-mail language")
        by_lang.partner_id.lang = "en_US"
        self.assertEqual(by_lang.service_language, "en")
        by_lang.service_language = "fr"
        self.assertEqual(by_lang.lang, "fr_CA")
        by_lang.service_language = "en"
        self.assertEqual(by_lang.lang, "en_US")
        # Keeping a variant of the chosen language (fr_FR): tests/offline/test_language_tools.py
        fields = (
            self.env["mentoring.mentee"]
            .with_context(lang="fr_CA")
            .fields_get(["service_language"], ["help"])
        )
        self.assertIn("langue des courriels", fields["service_language"]["help"])
