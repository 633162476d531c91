from datetime import date, timedelta
from urllib.parse import urlparse

from freezegun import freeze_time
from lxml import html

from odoo import SUPERUSER_ID
from odoo.addons.mentoring_website.tests.common import MentoringWebsiteCase
from odoo.tests import tagged
from odoo.tools import mute_logger


class PortalTokenCase(MentoringWebsiteCase):
    """People, a proposal between them and helpers to use the e-mail links over HTTP,
    as a visitor who is not logged in. No test here: the other P1 test files reuse it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.module.module"]._load_module_terms(
            ["mentoring_matching", "mentoring_calendar", "mentoring_portal"],
            ["fr_CA"],
            overwrite=True,
        )
        cls.coordinator.lang = "en_US"
        cls.mentee_fr = cls._person(
            "mentoring.mentee", "Amina Haddad", lang="fr_CA", program_id=cls.program.id
        )
        cls.mentee_en = cls._person(
            "mentoring.mentee", "Bilal Rahman", lang="en_US", program_id=cls.program.id
        )
        cls.mentor = cls._person(
            "mentoring.mentor",
            "Jean Tremblay",
            lang="en_US",
            function="Senior software engineer",
            max_mentees=2,
            program_ids=[(4, cls.program.id)],
        )
        cls.other_mentor = cls._person(
            "mentoring.mentor", "Sophie Gagnon", lang="fr_CA", program_ids=[(4, cls.program.id)]
        )

    @classmethod
    def _person(cls, model, name, **vals):
        return cls.env[model].create(
            {"name": name, "email": f"{name.lower().replace(' ', '.')}@example.com", **vals}
        )

    def _proposal(self, mentee, mentor):
        return (
            self.env["mentoring.relationship"]
            .with_user(self.coordinator)
            .create(
                {
                    "mentee_id": mentee.id,
                    "mentor_id": mentor.id,
                    "program_id": self.program.id,
                    "coordinator_id": self.coordinator.id,
                }
            )
            .sudo()
        )

    def path(self, url):
        """The path (with its language prefix, if any) of an absolute URL."""
        return urlparse(url).path

    def open_page(self, path, status=200):
        response = self.url_open(path)
        self.assertEqual(response.status_code, status, response.text[:2000])
        return response, html.fromstring(response.content)

    def text(self, doc):
        return (
            " ".join(doc.xpath("//main")[0].text_content().split()) if doc.xpath("//main") else ""
        )

    def submit(self, page_path, form_id, data=None):
        """GET ``page_path``, then POST its form ``form_id`` (with its CSRF token) to the
        form's action; returns (response, page)."""
        _response, doc = self.open_page(page_path)
        forms = doc.xpath(f'//form[@id="{form_id}"]')
        self.assertEqual(len(forms), 1, f"no form {form_id} on {page_path}")
        payload = {"csrf_token": forms[0].xpath('.//input[@name="csrf_token"]/@value')[0]}
        payload.update(data or {})
        return self.post_to(forms[0].get("action"), payload)

    def post_to(self, action, payload):
        response = self.url_open(action, data=payload)
        self.env.invalidate_all()
        return response, html.fromstring(response.content)

    def csrf(self):
        """A valid CSRF token of the visitor's session (from any public page)."""
        _response, doc = self.open_page("/mentoring/become-a-mentor")
        return doc.xpath('//input[@name="csrf_token"]/@value')[0]

    def mails_to(self, partner, record):
        return (
            self.env["mail.mail"]
            .sudo()
            .search(
                [
                    ("model", "=", record._name),
                    ("res_id", "=", record.id),
                    ("recipient_ids", "in", partner.ids),
                ]
            )
        )

    def links(self, mail):
        return html.fromstring(mail.body_html).xpath("//a")


@tagged("post_install", "-at_install")
class TestProposalAnswer(PortalTokenCase):
    def setUp(self):
        super().setUp()
        self.relationship = self._proposal(self.mentee_fr, self.mentor)
        self.mentee_path = self.relationship._proposal_answer_url("mentee")
        self.mentor_path = self.relationship._proposal_answer_url("mentor")

    def assertPending(self, relationship=None):
        relationship = relationship or self.relationship
        relationship.invalidate_recordset()
        self.assertEqual(relationship.mentee_decision, "pending")
        self.assertEqual(relationship.mentor_decision, "pending")
        self.assertEqual(relationship.stage_type, "proposed")

    def notes(self):
        return self.relationship.message_ids.filtered(
            lambda message: "e-mail link" in (message.body or "")
        )

    def test_email_buttons_in_recipient_language(self):
        self.relationship._notify_match_proposal()
        mentee_mail = self.mails_to(self.mentee_fr.partner_id, self.relationship)
        mentor_mail = self.mails_to(self.mentor.partner_id, self.relationship)
        self.assertEqual(len(mentee_mail), 1)
        self.assertEqual(len(mentor_mail), 1)
        # The French mentee: French buttons leading to the French page.
        labels = {
            " ".join(link.text_content().split()): link.get("href")
            for link in self.links(mentee_mail)
        }
        self.assertIn("Accepter", labels)
        self.assertIn("Refuser", labels)
        self.assertIn("rencontre de présentation", mentee_mail.body_html)
        accept_path = self.path(labels["Accepter"])
        self.assertTrue(accept_path.startswith("/fr/mentoring/proposal/"), accept_path)
        _response, doc = self.open_page(accept_path)
        self.assertEqual(doc.get("lang"), "fr-CA")
        self.assertIn("Proposition de mentorat", self.text(doc))
        self.assertTrue(doc.xpath('//form[@id="mentoring_proposal_accept"]'))
        # The English mentor: English buttons, the page in English.
        labels = {
            " ".join(link.text_content().split()): link.get("href")
            for link in self.links(mentor_mail)
        }
        self.assertIn("Accept", labels)
        self.assertIn("Decline", labels)
        self.assertIn("introduction meeting of the three of you", mentor_mail.body_html)
        _response, doc = self.open_page(self.path(labels["Accept"]))
        self.assertEqual(doc.get("lang"), "en-US")
        self.assertIn("Amina Haddad", self.text(doc))
        # Opening a link (as mail scanners do) changed nothing.
        self.assertPending()

    def test_page_follows_the_person_language_not_the_browser(self):
        # The French mentee opens an unprefixed link with an English browser: French page.
        response, doc = self.open_page(self.mentee_path)
        self.assertTrue(self.path(response.url).startswith("/fr/"), response.url)
        self.assertEqual(doc.get("lang"), "fr-CA")
        # The English mentor opens a French link: English page.
        response, doc = self.open_page("/fr" + self.mentor_path)
        self.assertFalse(self.path(response.url).startswith("/fr/"), response.url)
        self.assertEqual(doc.get("lang"), "en-US")
        self.assertIn("If you accept", self.text(doc))

    def test_both_accept_signs_the_agreement(self):
        response, doc = self.submit(self.mentee_path, "mentoring_proposal_accept")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.relationship.mentee_decision, "accepted")
        self.assertEqual(self.relationship.stage_type, "proposed")
        self.assertIn("Nous attendons la réponse", self.text(doc))
        note = self.notes()
        self.assertEqual(len(note), 1)
        self.assertEqual(note.author_id, self.mentee_fr.partner_id)
        response, doc = self.submit(self.mentor_path, "mentoring_proposal_accept")
        self.assertEqual(self.relationship.mentor_decision, "accepted")
        self.assertEqual(self.relationship.stage_type, "active")
        self.assertEqual(self.relationship.agreement_date, date.today())
        self.assertIn("You both accepted", self.text(doc))
        self.assertIn("calendar invitation", self.text(doc))

    def test_decline_requires_a_reason(self):
        response, doc = self.submit(
            self.mentor_path, "mentoring_proposal_decline", {"reason": "  "}
        )
        self.assertEqual(response.status_code, 200)
        error = doc.xpath('//*[@id="mp_reason_error"]')
        self.assertEqual(len(error), 1)
        self.assertIn("why you decline", error[0].text_content())
        self.assertTrue(
            error[0].xpath('..//textarea[@name="reason"][contains(@class, "is-invalid")]')
        )
        self.assertPending()
        self.assertFalse(self.notes())
        response, doc = self.submit(
            self.mentor_path,
            "mentoring_proposal_decline",
            {"reason": "I move to Toronto next month."},
        )
        self.assertEqual(self.relationship.mentor_decision, "declined")
        self.assertEqual(self.relationship.decline_reason, "I move to Toronto next month.")
        self.assertEqual(self.relationship.stage_type, "cancelled")
        self.assertIn("You declined this proposal", self.text(doc))
        self.assertEqual(self.notes().author_id, self.mentor.partner_id)

    def test_french_decline_error_in_french(self):
        _response, doc = self.submit(
            "/fr" + self.mentee_path, "mentoring_proposal_decline", {"reason": ""}
        )
        self.assertIn(
            "pourquoi vous refusez", doc.xpath('//*[@id="mp_reason_error"]')[0].text_content()
        )
        self.assertPending()

    def test_double_submit_changes_nothing(self):
        response, doc = self.open_page(self.mentor_path)
        form = doc.xpath('//form[@id="mentoring_proposal_accept"]')[0]
        payload = {"csrf_token": form.xpath('.//input[@name="csrf_token"]/@value')[0]}
        self.post_to(form.get("action"), payload)
        self.assertEqual(self.relationship.mentor_decision, "accepted")
        messages = self.relationship.message_ids
        write_date = self.relationship.write_date
        response, doc = self.post_to(form.get("action"), payload)
        self.assertEqual(response.status_code, 200)
        self.assertIn("already accepted", self.text(doc))
        self.assertEqual(self.relationship.message_ids, messages)
        self.assertEqual(self.relationship.write_date, write_date)
        # Declining afterwards with the same link changes nothing either.
        decline = doc.xpath('//form[@id="mentoring_proposal_decline"]')
        self.assertFalse(decline, "no answer form once answered")
        action = form.get("action").replace("/accept", "/decline")
        response, doc = self.post_to(action, {**payload, "reason": "Changed my mind"})
        self.assertIn("already accepted", self.text(doc))
        self.assertEqual(self.relationship.mentor_decision, "accepted")
        self.assertFalse(self.relationship.decline_reason)

    def test_token_answers_only_for_its_party_and_record(self):
        other = self._proposal(self.mentee_en, self.mentor)
        # The mentee's link answers for the mentee only.
        self.submit(self.mentee_path, "mentoring_proposal_accept")
        self.assertEqual(self.relationship.mentee_decision, "accepted")
        self.assertEqual(self.relationship.mentor_decision, "pending")
        self.assertPending(other)
        # A token of another scope (the outcome form's, the opt-out's) opens nothing.
        opt_out = self.mentor.partner_id._mentoring_opt_out_token()
        self.open_page(f"/mentoring/proposal/{opt_out}", status=404)
        # The other relationship's mentor link works only on the other relationship.
        _response, doc = self.open_page(other._proposal_answer_url("mentor"))
        self.assertIn("Bilal Rahman", self.text(doc))
        self.assertNotIn("Amina Haddad", self.text(doc))

    def test_wrong_tampered_expired_tokens_refused(self):
        token = self.mentor_path.rsplit("/", 1)[1]
        tampered = token[:-3] + ("AAA" if token[-3:] != "AAA" else "BBB")
        csrf = self.csrf()
        for bad in ("nonsense", tampered, token[:40], "A" * 200):
            _response, doc = self.open_page(f"/mentoring/proposal/{bad}", status=404)
            self.assertIn("not valid or has expired", self.text(doc))
            response, doc = self.post_to(f"/mentoring/proposal/{bad}/accept", {"csrf_token": csrf})
            self.assertEqual(response.status_code, 404)
        self.assertPending()
        # Expired after 30 days.
        with freeze_time(date.today() + timedelta(days=31)):
            _response, doc = self.open_page(self.mentor_path, status=404)
            self.assertIn("not valid or has expired", self.text(doc))
            response, _doc = self.post_to(self.mentor_path + "/accept", {"csrf_token": self.csrf()})
            self.assertEqual(response.status_code, 404)
        self.assertPending()
        with freeze_time(date.today() + timedelta(days=29)):
            self.open_page(self.mentor_path)

    def test_post_without_csrf_refused(self):
        with mute_logger("odoo.http"):
            response = self.url_open(self.mentor_path + "/accept", data={"reason": "x"})
        self.assertEqual(response.status_code, 400)
        self.assertPending()

    def test_proposal_no_longer_pending(self):
        self.relationship.with_user(self.coordinator).write(
            {"stage_id": self.relationship._stage("cancelled").id}
        )
        _response, doc = self.open_page(self.mentee_path)
        self.assertIn("Cette proposition est close", self.text(doc))
        self.assertFalse(doc.xpath("//form[@id='mentoring_proposal_accept']"))
        self.post_to(self.mentee_path + "/accept", {"csrf_token": self.csrf()})
        self.assertEqual(self.relationship.mentee_decision, "pending")

    def test_agreement_refused_by_base_shows_a_friendly_message(self):
        late = self._proposal(self.mentee_en, self.mentor)
        late.action_mentee_accept()
        # Meanwhile staff started another relationship for the same mentee.
        started = self._proposal(self.mentee_en, self.other_mentor)
        started.write({"stage_id": started._stage("active").id})
        response, doc = self.submit(
            late._proposal_answer_url("mentor"), "mentoring_proposal_accept"
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("could not record your acceptance", self.text(doc))
        late.invalidate_recordset()
        self.assertEqual(late.mentor_decision, "pending")
        self.assertEqual(late.stage_type, "proposed")
        self.assertIn("tried to accept", late.message_ids[0].body)

    # -- the staff read what a click changes in their language, not authored "Public user"

    def tracking(self, field):
        return (
            self.env["mail.tracking.value"]
            .sudo()
            .search(
                [
                    ("mail_message_id.model", "=", "mentoring.relationship"),
                    ("mail_message_id.res_id", "=", self.relationship.id),
                    ("field_id.name", "=", field),
                ]
            )
        )

    def test_changes_from_links_read_in_the_coordinators_language(self):
        public = self.env.ref("base.public_user")
        # The French mentee clicks on the French page; the coordinator reads English.
        _response, doc = self.submit(self.mentee_path, "mentoring_proposal_accept")
        self.assertIn("Nous attendons la réponse", self.text(doc))
        tracking = self.tracking("mentee_decision")
        self.assertEqual(len(tracking), 1)
        self.assertEqual(
            (tracking.old_value_char, tracking.new_value_char), ("Pending", "Accepted")
        )
        self.assertEqual(tracking.mail_message_id.author_id, self.mentee_fr.partner_id)
        # The coordinator switches to French; the English mentor answers in English.
        self.coordinator.lang = "fr_CA"
        _response, doc = self.submit(self.mentor_path, "mentoring_proposal_accept")
        self.assertIn("You both accepted", self.text(doc))
        tracking = self.tracking("mentor_decision")
        self.assertEqual(tracking.new_value_char, "Accepté")
        self.assertEqual(tracking.mail_message_id.author_id, self.mentor.partner_id)
        self.assertNotEqual(tracking.mail_message_id.author_id, public.partner_id)
        note = self.relationship.message_ids.filtered(
            lambda message: (
                message.author_id == self.mentor.partner_id and not message.tracking_value_ids
            )
        )
        self.assertEqual(len(note), 1, "the person's own note")
        self.assertIn("Jean Tremblay", note.body)
        # The coordinator's introduction activity: in French, not assigned by "Public user".
        activity = self.relationship.activity_ids.filtered(
            lambda activity: activity.mentoring_key == "introduction"
        )
        self.assertEqual(activity.summary, "Tenir la rencontre de présentation à trois")
        self.assertEqual(activity.user_id, self.coordinator)
        self.assertEqual(activity.create_uid.id, SUPERUSER_ID)
        self.assertNotEqual(activity.create_uid, public)
        messages = self.relationship.message_ids.filtered(lambda message: message.author_id)
        self.assertNotIn(public.partner_id, messages.author_id)

    def test_decline_gives_the_coordinator_a_todo(self):
        # The French mentee declines from the French page; the coordinator reads English.
        _response, doc = self.submit(
            self.mentee_path,
            "mentoring_proposal_decline",
            {"reason": "Je préfère une mentore <b>francophone</b>."},
        )
        self.assertIn("Vous avez refusé cette proposition", self.text(doc))
        todo = self.relationship.activity_ids.filtered(
            lambda activity: activity.mentoring_key == "declined"
        )
        self.assertEqual(len(todo), 1)
        self.assertEqual(todo.user_id, self.coordinator)
        self.assertEqual(todo.summary, "Amina Haddad declined the proposal: propose another pair")
        self.assertIn("Je préfère une mentore &lt;b&gt;francophone&lt;/b&gt;.", todo.note)
        self.assertIn("Reason given", todo.note)
        self.assertEqual(todo.create_uid.id, SUPERUSER_ID)
        self.assertEqual(self.tracking("mentee_decision").new_value_char, "Declined")
        # Staff recording a decline in the back office get no to-do: they know.
        other = self._proposal(self.mentee_en, self.mentor)
        other.with_user(self.coordinator).action_mentor_decline("Too far")
        self.assertFalse(other.activity_ids.filtered(lambda a: a.mentoring_key == "declined"))

    # -- "My mentoring" after answering ---------------------------------------------

    def test_thank_you_page_leads_to_my_mentoring(self):
        # The mentor has no account yet: told the invitation comes once both accepted.
        _response, doc = self.submit(self.mentor_path, "mentoring_proposal_accept")
        self.assertFalse(doc.xpath('//a[@id="mentoring_my_mentoring_link"]'))
        self.assertIn(
            "Once you have both accepted, you will also receive an e-mail inviting you to "
            "“My mentoring”",
            self.text(doc),
        )
        self.assertFalse(self.mentor.partner_id.user_ids)
        # The mentee accepts second: both are invited to the portal as the agreement is
        # signed (in their language), and the page says the invitation is on its way.
        _response, doc = self.submit(self.mentee_path, "mentoring_proposal_accept")
        self.assertEqual(self.relationship.stage_type, "active")
        self.assertFalse(doc.xpath('//a[@id="mentoring_my_mentoring_link"]'))
        self.assertEqual(len(doc.xpath('//p[hasclass("o_mentoring_token_note")]')), 1)
        for person, lang in ((self.mentee_fr, "fr_CA"), (self.mentor, "en_US")):
            user = person.partner_id.user_ids
            self.assertTrue(user.has_group("base.group_portal"))
            self.assertEqual(user.lang, lang)
        # Someone who already has an account gets the link to "My mentoring".
        another = self._proposal(self.mentee_en, self.mentor)
        _response, doc = self.submit(
            another._proposal_answer_url("mentor"), "mentoring_proposal_accept"
        )
        link = doc.xpath('//a[@id="mentoring_my_mentoring_link"]')
        self.assertEqual(len(link), 1)
        self.assertEqual(self.path(link[0].get("href")), "/my/mentoring")
        self.assertIn("My mentoring", link[0].text_content())
        self.assertNotIn("inviting you", self.text(doc))

    # -- no access token on a relationship ------------------------------------------

    def test_relationship_has_no_access_token(self):
        relationship = self.relationship
        self.assertEqual(relationship.get_portal_url(), f"/my/mentoring/{relationship.id}")
        self.assertEqual(
            relationship.get_portal_url(suffix="/history", anchor="meetings"),
            f"/my/mentoring/{relationship.id}/history#meetings",
        )
        self.assertFalse(relationship._portal_ensure_token())
        self.assertNotIn("access_token", relationship._get_share_url())
        relationship._notify_match_proposal()
        relationship.invalidate_recordset()
        self.assertFalse(relationship.access_token)

    def test_chatter_token_routes_refused(self):
        """The chatter's public routes open a relationship neither with a token (even
        one stored before tokens were refused) nor with the signed hash of portal
        e-mails."""
        relationship = self.relationship
        self.env.cr.execute(
            "UPDATE mentoring_relationship SET access_token = %s WHERE id = %s",
            ("stored-before-1234", relationship.id),
        )
        relationship.invalidate_recordset()
        partner = self.mentee_fr.partner_id
        messages = relationship.message_ids
        for access in (
            {"token": "stored-before-1234"},
            {"token": "any-token"},
            {"hash": relationship._sign_token(partner.id), "pid": partner.id},
        ):
            with mute_logger("odoo.http"):
                response = self.url_open(
                    "/mail/message/post",
                    json={
                        "params": {
                            "thread_model": "mentoring.relationship",
                            "thread_id": relationship.id,
                            "post_data": {"body": "Posted from outside", "message_type": "comment"},
                            **access,
                        }
                    },
                )
            self.assertIn("error", response.json(), access)
        relationship.invalidate_recordset()
        self.assertEqual(relationship.message_ids, messages)
