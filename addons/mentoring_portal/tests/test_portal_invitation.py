from odoo.addons.mail.tests.common import MockEmail
from odoo.addons.mentoring_base.tests.common import MentoringCase
from odoo.exceptions import AccessError
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestPortalInvitation(MentoringCase, MockEmail):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_CA")
        cls.group_portal = cls.env.ref("base.group_portal")

    def _mentor_in_orientation(self, name, **vals):
        return self._mentor(
            name,
            state="orientation",
            staff_meeting_date="2026-05-04",
            orientation_training_date="2026-05-11",
            **vals,
        )

    def _mentee_in_orientation(self, name, **vals):
        return self._mentee(
            name,
            state="orientation",
            needs_assessment_date="2026-05-04",
            orientation_session_date="2026-05-11",
            action_plan_started=True,
            **vals,
        )

    def notes(self, person):
        return person.message_ids.filtered(
            lambda message: "portal invitation" in (message.body or "").lower()
        )

    def test_available_mentor_gets_portal_access_in_their_language(self):
        mentor = self._mentor_in_orientation("Sophie Gagnon", lang="fr_CA")
        with self.mock_mail_gateway():
            mentor.with_user(self.coordinator).action_mark_available()
        self.assertEqual(mentor.state, "available")
        user = mentor.partner_id.user_ids
        self.assertEqual(len(user), 1)
        self.assertTrue(user.has_group("base.group_portal"))
        self.assertFalse(user._is_internal())
        self.assertEqual(user.lang, "fr_CA")
        self.assertEqual(user.login, "sophie.gagnon@example.com")
        invitations = self._new_mails.filtered(lambda mail: mentor.partner_id in mail.recipient_ids)
        self.assertEqual(len(invitations), 1, "Odoo's portal invitation is e-mailed")
        self.assertIn("/web/signup", invitations.body_html + str(self._mails))
        self.assertIn("Mon mentorat", invitations.body_html, "the mentoring message, in French")
        self.assertIn("Portal invitation e-mailed", self.notes(mentor).body)
        # Becoming available again later (after a pause) sends nothing new.
        mentor.action_pause()
        with self.mock_mail_gateway():
            mentor.action_mark_available()
        self.assertFalse(
            self._new_mails.filtered(lambda mail: mentor.partner_id in mail.recipient_ids)
        )
        self.assertEqual(len(mentor.partner_id.user_ids), 1)

    def test_ready_mentee_gets_portal_access(self):
        mentee = self._mentee_in_orientation("Amina Haddad", lang="fr_CA")
        with self.mock_mail_gateway():
            mentee.with_user(self.coordinator).action_mark_ready()
        self.assertEqual(mentee.state, "ready")
        self.assertTrue(mentee.partner_id.user_ids.has_group("base.group_portal"))
        self.assertEqual(
            len(self._new_mails.filtered(lambda mail: mentee.partner_id in mail.recipient_ids)), 1
        )

    def test_opt_out_no_email_existing_user(self):
        opted_out = self._mentee_in_orientation("Omar Said", portal_invitation_opt_out=True)
        no_email = self._mentee_in_orientation("Lina Chen")
        no_email.email = False
        with_user = self._mentor_in_orientation("Paul Roy")
        existing = self.env["res.users"].create(
            {"name": "Paul Roy", "login": "paul.roy.login", "partner_id": with_user.partner_id.id}
        )
        with self.mock_mail_gateway():
            (opted_out | no_email).action_mark_ready()
            with_user.action_mark_available()
        self.assertEqual((opted_out | no_email).mapped("state"), ["ready", "ready"])
        self.assertEqual(with_user.state, "available")
        self.assertFalse(opted_out.partner_id.user_ids)
        self.assertFalse(self.notes(opted_out), "staff chose: nothing to say")
        self.assertFalse(no_email.partner_id.user_ids)
        self.assertIn("no valid e-mail address", self.notes(no_email).body)
        self.assertEqual(with_user.partner_id.user_ids, existing)
        self.assertIn("already has a user account", self.notes(with_user).body)
        self.assertFalse(self._new_mails)

    def test_invitation_problem_never_blocks_the_state_change(self):
        # Another user already logs in with this e-mail: the wizard refuses.
        self.env["res.users"].create({"name": "Homonym", "login": "nadia.benali@example.com"})
        mentee = self._mentee_in_orientation("Nadia Benali")
        mentee.action_mark_ready()
        self.assertEqual(mentee.state, "ready")
        self.assertFalse(mentee.partner_id.user_ids)
        self.assertIn("No portal invitation sent to Nadia Benali", self.notes(mentee).body)

    def test_opt_out_is_staff_only(self):
        mentee = self._mentee("Karim Diallo", agency=self.agency_a)
        with self.assertRaises(AccessError):
            mentee.with_user(self.referrer_a).write({"portal_invitation_opt_out": True})
        mentee.with_user(self.coordinator).write({"portal_invitation_opt_out": True})
        self.assertTrue(mentee.portal_invitation_opt_out)
        mentor = self._mentor("Eva Roy")
        with self.assertRaises(AccessError):
            mentor.with_user(self.mentoring_user).write({"portal_invitation_opt_out": True})

    def test_both_invited_when_the_agreement_is_signed(self):
        """People already available or ready before this addon was installed never got
        an invitation: they get it when they sign an agreement."""
        mentee = self._mentee("Amina Haddad", lang="fr_CA")
        mentor = self._mentor("Jean Tremblay")
        opted_out = self._mentor("Paul Roy", portal_invitation_opt_out=True)
        existing = self.env["res.users"].create(
            {"name": "Eva Roy", "login": "eva.roy.login", "email": "eva.roy@example.com"}
        )
        with_user = self._mentor("Eva Roy", partner_id=existing.partner_id.id)
        for person in (mentee, mentor, opted_out, with_user):
            self.assertFalse(self.notes(person))
        with self.mock_mail_gateway():
            relationship = self._agreed_relationship(mentee, mentor)
        self.assertEqual(relationship.stage_type, "active")
        for person, lang in ((mentee, "fr_CA"), (mentor, "en_US")):
            user = person.partner_id.user_ids
            self.assertTrue(user.has_group("base.group_portal"), person.name)
            self.assertEqual(user.lang, lang)
            self.assertEqual(
                len(
                    self._new_mails.filtered(
                        lambda mail, p=person: p.partner_id in mail.recipient_ids
                    )
                ),
                1,
            )
            self.assertIn("Portal invitation e-mailed", self.notes(person).body)
        # Staff's opt-out is respected; a person with an account is not invited again
        # (and no note repeats it at each agreement).
        other_mentee = self._mentee("Omar Said")
        third_mentee = self._mentee("Lina Chen")
        with self.mock_mail_gateway():
            self._agreed_relationship(other_mentee, opted_out)
            self._agreed_relationship(third_mentee, with_user)
        self.assertFalse(opted_out.partner_id.user_ids)
        self.assertFalse(self.notes(opted_out))
        self.assertEqual(with_user.partner_id.user_ids, existing)
        self.assertFalse(self.notes(with_user))
        self.assertFalse(
            self._new_mails.filtered(
                lambda mail: (opted_out.partner_id | existing.partner_id) & mail.recipient_ids
            )
        )
