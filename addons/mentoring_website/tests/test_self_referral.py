import base64

from odoo.exceptions import AccessError
from odoo.fields import Date
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import MENTEE_URL, MentoringWebsiteCase, docx_bytes


@tagged("post_install", "-at_install")
class TestSelfReferral(MentoringWebsiteCase):
    """The self-referral page for newcomers who heard of the program by word of mouth."""

    def test_page(self):
        doc = self.page(self.url_open(MENTEE_URL))
        form = doc.xpath('//form[@id="mentoring_self_referral_form"]')[0]
        self.assertTrue(form.xpath('.//input[@name="csrf_token"]/@value'))
        self.assertTrue(form.xpath('.//input[@name="website_url_confirm"]'))
        # The résumé is optional, as the page says ("apply anyway").
        self.assertTrue(form.xpath('.//input[@name="resume"]'))
        self.assertFalse(form.xpath('.//input[@name="resume"][@required]'))
        self.assertIn(
            "Your résumé (optional)", form.xpath('.//label[@for="mw_resume"]')[0].text_content()
        )
        # English page: English service by default.
        self.assertEqual(form.xpath('.//input[@name="service_language"][@checked]/@value'), ["en"])
        for field in ("clb_listening", "clb_speaking", "clb_reading", "clb_writing"):
            options = form.xpath(f'.//select[@name="{field}"]/option/@value')
            self.assertEqual(options, ["", *[str(level) for level in range(1, 13)]])
        self.assertTrue(doc.xpath(f'//header//a[contains(@href, "{MENTEE_URL}")]'))

    def test_self_referral(self):
        before = self.counts()
        docx = docx_bytes()
        response = self.post(
            MENTEE_URL,
            self.mentee_values(),
            files=self.resume(
                "CV Leïla.docx",
                docx,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ),
        )
        self.assertTrue(response.url.endswith("/mentoring/self-referral/thank-you"), response.url)
        self.assertIn("needs assessment", response.text)
        mentee = self.env["mentoring.mentee"].search(
            [("email", "=", "leila.ouedraogo@example.org")]
        )
        self.assertEqual(len(mentee), 1)
        self.assertRecordValues(
            mentee,
            [
                {
                    "state": "candidate",
                    "self_referred": True,
                    "referring_agency_id": False,
                    "program_id": self.program.id,
                    "name": "Leïla Ouédraogo",
                    "phone": "+1 613-555-0199",
                    "city": "Ottawa",
                    "state_id": self.ontario.id,
                    "country_id": self.env.ref("base.ca").id,
                    "immigration_status": "permanent_resident",
                    "education_country_id": self.morocco.id,
                    "education_level": "master",
                    "clb_listening": 8,
                    "clb_speaking": 7,
                    "clb_reading": 9,
                    "clb_writing": 0,
                    "career_objective": "Work as a software developer in Ottawa within a year.",
                    "target_noc_id": self.noc_software.id,
                    "target_naics_id": self.naics_professional.id,
                    "job_search_workshop": True,
                    "service_language": "en",
                    "consent_share": True,
                    "consent_date": Date.today(),
                    "resume_filename": "CV Leïla.docx",
                }
            ],
        )
        self.assertEqual(mentee.spoken_language_ids, self.english | self.french)
        self.assertEqual(base64.b64decode(mentee.resume), docx)
        self.assertEqual(mentee.partner_id.lang, "en_US")
        mail = self.env["mail.mail"].search(
            [
                ("model", "=", "mentoring.mentee"),
                ("res_id", "=", mentee.id),
                ("recipient_ids", "in", mentee.partner_id.ids),
            ]
        )
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.subject, "We received your self-referral")
        self.assertIn("needs assessment", mail.body_html)
        # Reviewed like an agency's referral: a submitted referral without agency, the
        # review to-do on it.
        self.assertRecordValues(
            mentee.referral_ids,
            [
                {
                    "state": "submitted",
                    "agency_id": False,
                    "agency_contact_id": False,
                    "program_id": self.program.id,
                    "date_submitted": Date.today(),
                }
            ],
        )
        self.assertFalse(mentee.activity_ids)
        self.assertRecordValues(
            mentee.referral_ids.activity_ids,
            [{"summary": "Review self-referral", "user_id": self.coordinator.id}],
        )
        after = self.counts()
        self.assertEqual(after["mentees"], before["mentees"] + 1)
        self.assertEqual(after["submissions"], before["submissions"] + 1)

    def test_review_queue_of_coordinators_only(self):
        """The self-referral waits in the coordinators' review queue (the "To review"
        referrals), never in an agency referrer's: it has no agency."""
        agency = self.env["res.partner"].create(
            {"name": "Test Newcomer Agency", "is_company": True, "is_service_agency": True}
        )
        referrer = new_test_user(
            self.env, login="mw_referrer", groups="mentoring_base.group_mentoring_agency_referrer"
        )
        referrer.mentoring_agency_id = agency
        self.post(MENTEE_URL, self.mentee_values(clb_writing="6"), files=self.resume())
        referral = self.env["mentoring.referral"].search(
            [("mentee_id.email", "=", "leila.ouedraogo@example.org")]
        )
        self.assertEqual(len(referral), 1)
        to_review = [("state", "in", ("submitted", "review"))]  # the "To review" filter
        Referral = self.env["mentoring.referral"]
        self.assertIn(referral, Referral.with_user(self.coordinator).search(to_review))
        self.assertNotIn(referral, Referral.with_user(referrer).search([]))
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            referral.with_user(referrer).read(["name"])
        # Reviewed as a referral: eligibility checked, then accepted into orientation.
        referral.with_user(self.coordinator).action_start_review()
        self.assertTrue(referral.eligibility_result_ids)
        referral.with_user(self.coordinator).action_accept()
        self.assertEqual(referral.mentee_id.state, "orientation")
        self.assertFalse(referral.activity_ids, "the review to-do is done")

    def test_existing_mentee_is_flagged(self):
        """A self-referral with the e-mail of an existing mentee never writes on that
        mentee or their contact: a new mentee on a new contact is flagged for staff."""
        mentee = self.env["mentoring.mentee"].create(
            {"name": "Leïla Ouédraogo", "email": "leila.ouedraogo@example.org", "clb_reading": 6}
        )
        before_partner = self.snapshot(mentee.partner_id)
        before_messages = mentee.message_ids
        before = self.counts()
        response = self.post(
            MENTEE_URL, self.mentee_values(email="Leila.Ouedraogo@example.org"), files=self.resume()
        )
        self.assertTrue(response.url.endswith("/mentoring/self-referral/thank-you"))
        after = self.counts()
        for key in ("mentees", "partners", "activities"):
            self.assertEqual(after[key], before[key] + 1, f"{key}: one new record")
        self.assertEqual(after["mentors"], before["mentors"])
        self.assertUnchanged(mentee.partner_id, before_partner)
        self.assertEqual(mentee.message_ids, before_messages)
        self.assertRecordValues(mentee, [{"clb_reading": 6, "self_referred": False}])
        self.assertFalse(mentee.activity_ids)
        new = self.env["mentoring.mentee"].search([("email", "=", "Leila.Ouedraogo@example.org")])
        self.assertRecordValues(
            new,
            [
                {
                    "clb_reading": 9,
                    "self_referred": True,
                    "state": "candidate",
                    "resume_filename": "cv.pdf",
                }
            ],
        )
        self.assertNotEqual(new.partner_id, mentee.partner_id)
        note = new.message_ids.filtered(lambda message: "Possible duplicate" in message.body)
        self.assertEqual(len(note), 1)
        self.assertIn(f'data-oe-model="res.partner" data-oe-id="{mentee.partner_id.id}"', note.body)
        self.assertIn(f'data-oe-model="mentoring.mentee" data-oe-id="{mentee.id}"', note.body)
        self.assertIn("already has a mentee record", note.body)
        self.assertIn("base.partner.merge.automatic.wizard", note.body)
        self.assertRecordValues(
            new.referral_ids.activity_ids,
            [
                {
                    "summary": "Review self-referral (possible duplicate)",
                    "user_id": self.coordinator.id,
                }
            ],
        )
        # The acknowledgement goes to the new contact, as for anyone.
        mail = self.env["mail.mail"].search(
            [
                ("model", "=", "mentoring.mentee"),
                ("res_id", "=", new.id),
                ("subject", "=", "We received your self-referral"),
            ]
        )
        self.assertEqual(mail.recipient_ids, new.partner_id)

    def test_mentor_applying_as_mentee_is_flagged(self):
        mentor = self.env["mentoring.mentor"].create(
            {"name": "Leïla O.", "email": "leila.ouedraogo@example.org"}
        )
        before_partner = self.snapshot(mentor.partner_id)
        response = self.post(MENTEE_URL, self.mentee_values(), files=self.resume())
        self.assertTrue(response.url.endswith("/mentoring/self-referral/thank-you"))
        self.assertUnchanged(mentor.partner_id, before_partner)
        new = self.env["mentoring.mentee"].search([("email", "=", "leila.ouedraogo@example.org")])
        note = new.message_ids.filtered(lambda message: "Possible duplicate" in message.body)
        self.assertIn(f'data-oe-model="mentoring.mentor" data-oe-id="{mentor.id}"', note.body)
        self.assertNotIn("already has a mentee record", note.body)
        self.assertEqual(
            new.referral_ids.activity_ids.summary, "Review self-referral (possible duplicate)"
        )

    def test_clb_out_of_range(self):
        before = self.counts()
        values = self.mentee_values(clb_reading="13")
        response = self.post(MENTEE_URL, values, files=self.resume())
        self.assertRejected(response, before, "clb_reading", "Choose a level from 1 to 12", values)
        values = self.mentee_values(clb_speaking="0.5")
        response = self.post(MENTEE_URL, values, files=self.resume())
        self.assertRejected(response, before, "clb_speaking", "Enter a whole number.", values)

    def test_resume_optional(self):
        """Without a résumé the self-referral is saved and enters the review queue (it
        was refused before, although the page promises a coordinator checks the rest)."""
        before = self.counts()
        response = self.post(MENTEE_URL, self.mentee_values())
        self.assertTrue(response.url.endswith("/mentoring/self-referral/thank-you"), response.url)
        mentee = self.env["mentoring.mentee"].search(
            [("email", "=", "leila.ouedraogo@example.org")]
        )
        self.assertRecordValues(mentee, [{"resume": False, "resume_filename": False}])
        self.assertEqual(mentee.referral_ids.state, "submitted")
        self.assertEqual(self.counts()["mentees"], before["mentees"] + 1)

    def test_career_objective_required(self):
        before = self.counts()
        values = self.mentee_values(career_objective="")
        response = self.post(MENTEE_URL, values, files=self.resume())
        self.assertRejected(response, before, "career_objective", "This field is required.", values)

    def test_forged_choices(self):
        before = self.counts()
        for field, forged in (
            ("immigration_status", "tourist"),
            ("education_level", "kindergarten"),
            ("education_country_id", "999999999"),
            ("service_language", "de"),
            ("target_noc_id", str(self.noc_level3.id)),
            ("target_naics_id", str(self.naics_subsector.id)),
            ("state_id", str(self.california.id)),
        ):
            values = self.mentee_values(**{field: forged})
            response = self.post(MENTEE_URL, values, files=self.resume())
            self.assertRejected(response, before, field)

    def test_consent_required(self):
        before = self.counts()
        values = self.mentee_values(consent_share=None)
        response = self.post(MENTEE_URL, values, files=self.resume())
        self.assertRejected(response, before, "consent_share", "Your consent is needed", values)

    def test_honeypot_and_csrf(self):
        before = self.counts()
        values = self.mentee_values(website_url_confirm="x")
        response = self.post(MENTEE_URL, values, files=self.resume())
        self.assertTrue(response.url.endswith("/mentoring/self-referral/thank-you"))
        self.assertEqual(self.counts(), before)
        with mute_logger("odoo.http"):
            response = self.post(MENTEE_URL, self.mentee_values(), self.resume(), csrf=False)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.counts(), before)

    def test_limit_is_per_form(self):
        """Mentor applications from the same address do not count for this form."""
        Submission = self.env["mentoring.website.submission"]
        for _index in range(30):
            Submission._record_submission("127.0.0.1", "mentor")
        response = self.post(MENTEE_URL, self.mentee_values(), files=self.resume())
        self.assertTrue(response.url.endswith("/mentoring/self-referral/thank-you"))
        for _index in range(29):
            Submission._record_submission("127.0.0.1", "mentee")
        before = self.counts()
        values = self.mentee_values(email="someone.else@example.org")
        response = self.post(MENTEE_URL, values, files=self.resume())
        doc = self.assertRejected(response, before, values=values)
        self.assertIn(
            "Too many applications", doc.get_element_by_id("mw_form_error").text_content()
        )

    def test_captcha_hook(self):
        rules = [
            rule
            for rule in self.env["ir.http"].routing_map().iter_rules()
            if rule.rule == MENTEE_URL and "POST" in (rule.methods or ())
        ]
        self.assertEqual(len(rules), 1)
        self.assertEqual(rules[0].endpoint.routing["captcha"], "mentoring_self_referral")
        form = self.page(self.url_open(MENTEE_URL)).xpath(
            '//form[@id="mentoring_self_referral_form"]'
        )
        self.assertEqual(form[0].get("data-captcha"), "mentoring_self_referral")
