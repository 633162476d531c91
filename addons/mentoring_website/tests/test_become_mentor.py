from odoo.fields import Date
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import MENTOR_URL, PDF, MentoringWebsiteCase


@tagged("post_install", "-at_install")
class TestBecomeMentor(MentoringWebsiteCase):
    """The "Become a mentor" page, over real HTTP."""

    def test_page_and_menu(self):
        response = self.url_open(MENTOR_URL)
        self.assertEqual(response.status_code, 200)
        doc = self.page(response)
        self.assertEqual(doc.xpath("//h1")[0].text_content().strip(), "Become a mentor")
        form = doc.xpath('//form[@id="mentoring_mentor_form"]')[0]
        self.assertEqual(form.get("method"), "post")
        self.assertEqual(form.get("enctype"), "multipart/form-data")
        self.assertTrue(form.xpath('.//input[@name="csrf_token"][@type="hidden"]/@value'))
        honeypot = form.xpath('.//input[@name="website_url_confirm"]')[0]
        self.assertEqual(honeypot.get("autocomplete"), "off")
        self.assertEqual(honeypot.get("tabindex"), "-1")
        self.assertIn("o_mentoring_hp", honeypot.getparent().get("class"))
        # Every visible input has a label.
        for element in form.xpath(".//input[@id] | .//select[@id] | .//textarea[@id]"):
            if element.get("type") in ("hidden",):
                continue
            self.assertTrue(form.xpath(f'.//label[@for="{element.get("id")}"]'), element.get("id"))
        # Provinces of Canada only; English and French first among the languages.
        provinces = form.xpath('.//select[@name="state_id"]/option/@value')[1:]
        self.assertIn(str(self.ontario.id), provinces)
        self.assertNotIn(str(self.california.id), provinces)
        languages = form.xpath('.//input[@name="spoken_language_ids"]/@value')
        self.assertEqual(languages[:2], [str(self.english.id), str(self.french.id)])
        sectors = form.xpath('.//select[@name="naics_id"]/option/@value')[1:]
        self.assertIn(str(self.naics_professional.id), sectors)
        self.assertNotIn(str(self.naics_subsector.id), sectors)
        # The website menu links to the page.
        self.assertTrue(doc.xpath(f'//header//a[contains(@href, "{MENTOR_URL}")]'))

    def test_noc_search(self):
        response = self.url_open("/mentoring/noc/search?q=software")
        self.assertEqual(response.status_code, 200)
        results = response.json()
        self.assertIn(
            {"id": self.noc_software.id, "label": "21231 – Software engineers and designers"},
            results,
        )
        self.assertLessEqual(len(results), 20)
        levels = self.env["mentoring.noc"].browse([row["id"] for row in results]).mapped("level")
        self.assertEqual(set(levels), {5})
        by_code = self.url_open("/mentoring/noc/search?q=2123").json()
        self.assertIn(self.noc_software.id, [row["id"] for row in by_code])
        self.assertEqual(self.url_open("/mentoring/noc/search?q=s").json(), [])
        self.assertLessEqual(len(self.url_open("/mentoring/noc/search?q=er").json()), 20)

    def test_application(self):
        before = self.counts()
        response = self.post(MENTOR_URL, self.mentor_values(), files=self.resume("cv-marie.pdf"))
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.url.endswith("/mentoring/thank-you"), response.url)
        self.assertIn("screening conversation", response.text)
        mentor = self.env["mentoring.mentor"].search([("email", "=", "marie.tremblay@example.org")])
        self.assertEqual(len(mentor), 1)
        self.assertRecordValues(
            mentor,
            [
                {
                    "state": "applicant",
                    "name": "Marie Tremblay",
                    "phone": "613-555-0123",
                    "city": "Ottawa",
                    "state_id": self.ontario.id,
                    "country_id": self.env.ref("base.ca").id,
                    "employer_id": self.employer.id,
                    "function": "Senior software engineer",
                    "noc_id": self.noc_software.id,
                    "naics_id": self.naics_professional.id,
                    "years_experience_region": 12,
                    "professional_networks": "Professional Engineers Ontario, Ottawa chapter",
                    "motivation": "I arrived in Canada myself twelve years ago.",
                    "availability": "Tuesday evenings, downtown or online",
                    "commitment_months": 6,
                    "recruitment_source": "mentor_referral",
                    "consent_share": True,
                    "consent_date": Date.today(),
                    "date_applicant": Date.today(),
                }
            ],
        )
        self.assertEqual(mentor.spoken_language_ids, self.english | self.french)
        self.assertEqual(mentor.program_ids, self.program)
        self.assertEqual(mentor.partner_id.lang, "en_US")
        self.assertFalse(mentor.partner_id.is_company)
        # The résumé is attached to the mentor.
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", "mentoring.mentor"), ("res_id", "=", mentor.id)]
        )
        self.assertEqual(attachment.name, "cv-marie.pdf")
        self.assertEqual(attachment.raw, PDF)
        self.assertEqual(attachment.mimetype, "application/pdf")
        # An acknowledgement in English is queued for the applicant.
        mail = self.env["mail.mail"].search(
            [
                ("model", "=", "mentoring.mentor"),
                ("res_id", "=", mentor.id),
                ("recipient_ids", "in", mentor.partner_id.ids),
            ]
        )
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.subject, "We received your application to become a mentor")
        self.assertEqual(mail.state, "outgoing")
        self.assertIn("Hello Marie Tremblay", mail.body_html)
        self.assertIn("screening conversation", mail.body_html)
        # The program's coordinator is asked to screen the application.
        activity = mentor.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.activity_type_id, self.env.ref("mail.mail_activity_data_todo"))
        self.assertEqual(activity.summary, "Screen mentor application")
        self.assertEqual(activity.user_id, self.coordinator)
        # The public user follows nothing; one accepted submission is counted for the limit.
        self.assertNotIn(self.env.ref("base.public_partner"), mentor.message_partner_ids)
        after = self.counts()
        self.assertEqual(after["mentors"], before["mentors"] + 1)
        self.assertEqual(after["partners"], before["partners"] + 1)
        self.assertEqual(after["submissions"], before["submissions"] + 1)

    def test_new_employer_and_no_resume(self):
        values = self.mentor_values(employer="Ottawa Newcomer Robotics", recruitment_source="")
        response = self.post(MENTOR_URL, values)
        self.assertTrue(response.url.endswith("/mentoring/thank-you"), response.url)
        mentor = self.env["mentoring.mentor"].search([("email", "=", "marie.tremblay@example.org")])
        self.assertRecordValues(
            mentor.employer_id,
            [{"name": "Ottawa Newcomer Robotics", "is_company": True, "is_employer": True}],
        )
        self.assertFalse(mentor.recruitment_source)
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", "mentoring.mentor"), ("res_id", "=", mentor.id)]
            )
        )

    def test_screening_without_coordinator(self):
        """Without a coordinator on the program, the administrator screens applications."""
        self.program.coordinator_ids = False
        response = self.post(MENTOR_URL, self.mentor_values())
        self.assertTrue(response.url.endswith("/mentoring/thank-you"), response.url)
        mentor = self.env["mentoring.mentor"].search([("email", "=", "marie.tremblay@example.org")])
        self.assertEqual(mentor.activity_ids.user_id, self.env.ref("base.user_admin"))

    def test_existing_contact_is_linked(self):
        partner = self.env["res.partner"].create(
            {"name": "Marie T.", "email": "Marie.Tremblay@Example.org", "city": "Kanata"}
        )
        before = self.counts()
        response = self.post(MENTOR_URL, self.mentor_values(email="MARIE.TREMBLAY@example.org"))
        self.assertTrue(response.url.endswith("/mentoring/thank-you"), response.url)
        self.assertEqual(self.counts()["partners"], before["partners"], "no duplicate contact")
        mentor = self.env["mentoring.mentor"].search([("partner_id", "=", partner.id)])
        self.assertEqual(len(mentor), 1)
        self.assertEqual(mentor.state, "applicant")
        # What staff recorded stays; only empty fields are completed.
        self.assertRecordValues(
            partner,
            [{"name": "Marie T.", "city": "Kanata", "phone": "613-555-0123", "state_id": False}],
        )
        notes = mentor.message_ids.filtered(
            lambda message: "linked to an existing contact" in message.body
        )
        self.assertEqual(len(notes), 1)
        self.assertIn("Marie Tremblay", notes.body)
        self.assertEqual(len(mentor.activity_ids), 1)

    def test_existing_mentor_is_not_duplicated(self):
        mentor = self.env["mentoring.mentor"].create(
            {"name": "Marie Tremblay", "email": "marie.tremblay@example.org", "phone": "555"}
        )
        state = mentor.state
        before = self.counts()
        values = self.mentor_values(motivation="I would like to mentor a second newcomer.")
        response = self.post(MENTOR_URL, values, files=self.resume("new-cv.pdf"))
        self.assertTrue(response.url.endswith("/mentoring/thank-you"), response.url)
        after = self.counts()
        for key in ("mentors", "partners", "mentees", "activities"):
            self.assertEqual(after[key], before[key], f"{key} changed")
        self.assertRecordValues(mentor, [{"state": state, "phone": "555", "noc_id": False}])
        note = mentor.message_ids.filtered(lambda message: "new mentor application" in message.body)
        self.assertEqual(len(note), 1)
        self.assertIn("linked to an existing contact", note.body)
        self.assertIn("I would like to mentor a second newcomer.", note.body)
        self.assertIn("21231", note.body)
        self.assertEqual(note.attachment_ids.name, "new-cv.pdf")
        self.assertIn(self.coordinator.partner_id, note.partner_ids)
        self.assertFalse(
            self.env["mail.mail"]
            .search([("model", "=", "mentoring.mentor"), ("res_id", "=", mentor.id)])
            .filtered(lambda mail: "We received" in (mail.subject or "")),
            "no second acknowledgement",
        )

    # -- rejected submissions -----------------------------------------------------------

    def test_missing_required_field(self):
        before = self.counts()
        values = self.mentor_values(name="   ")
        response = self.post(MENTOR_URL, values, files=self.resume())
        values["name"] = ""
        self.assertRejected(response, before, "name", "This field is required.", values)

    def test_missing_fields_each_get_a_message(self):
        before = self.counts()
        values = self.mentor_values(
            city="",
            function="",
            motivation="",
            availability="",
            spoken_language_ids=[],
            naics_id="",
            consent_share=None,
            commitment_confirmed=None,
        )
        response = self.post(MENTOR_URL, values)
        doc = self.assertRejected(response, before, "city", "This field is required.")
        for field in ("function", "motivation", "availability", "naics_id"):
            self.assertEqual(
                doc.get_element_by_id(f"mw_{field}_error").text_content().strip(),
                "This field is required.",
            )
        self.assertIn(
            "at least one language",
            doc.get_element_by_id("mw_spoken_language_ids_error").text_content(),
        )
        self.assertIn(
            "Your consent is needed", doc.get_element_by_id("mw_consent_share_error").text_content()
        )
        self.assertIn(
            "at least 3 months",
            doc.get_element_by_id("mw_commitment_confirmed_error").text_content(),
        )

    def test_bad_email(self):
        before = self.counts()
        values = self.mentor_values(email="marie.tremblay@example")
        response = self.post(MENTOR_URL, values)
        self.assertRejected(response, before, "email", "Enter a valid e-mail address", values)
        values = self.mentor_values(email="Marie <marie@example.com>")
        response = self.post(MENTOR_URL, values)
        self.assertRejected(response, before, "email", "Enter a valid e-mail address", values)

    def test_bad_phone(self):
        before = self.counts()
        values = self.mentor_values(phone="call me maybe")
        response = self.post(MENTOR_URL, values)
        self.assertRejected(response, before, "phone", "Enter a valid phone number", values)

    def test_negative_years(self):
        before = self.counts()
        values = self.mentor_values(years_experience_region="-1")
        response = self.post(MENTOR_URL, values)
        self.assertRejected(
            response, before, "years_experience_region", "Enter a number from 0 to 70.", values
        )
        values = self.mentor_values(years_experience_region="twelve")
        response = self.post(MENTOR_URL, values)
        self.assertRejected(
            response, before, "years_experience_region", "Enter a whole number.", values
        )

    def test_commitment_too_short(self):
        before = self.counts()
        values = self.mentor_values(commitment_months="2")
        response = self.post(MENTOR_URL, values)
        self.assertRejected(
            response,
            before,
            "commitment_months",
            "Enter a commitment from 3 to 60 months.",
            values,
        )

    def test_forged_province(self):
        before = self.counts()
        values = self.mentor_values(state_id=str(self.california.id))
        response = self.post(MENTOR_URL, values)
        self.assertRejected(
            response, before, "state_id", "Choose a Canadian province or territory", values
        )
        for forged in ("999999999", "99999999999", "1 OR 1=1", "-3"):
            response = self.post(MENTOR_URL, self.mentor_values(state_id=forged))
            self.assertRejected(response, before, "state_id")

    def test_forged_noc(self):
        before = self.counts()
        values = self.mentor_values(noc_id=str(self.noc_level3.id), noc_label="Some group")
        response = self.post(MENTOR_URL, values)
        self.assertRejected(response, before, "noc_id", "choose it from the suggestions", values)
        # Text typed without picking a suggestion.
        values = self.mentor_values(noc_id="", noc_label="software")
        response = self.post(MENTOR_URL, values)
        self.assertRejected(response, before, "noc_id", "choose it from the suggestions", values)

    def test_forged_industry_language_and_source(self):
        before = self.counts()
        values = self.mentor_values(naics_id=str(self.naics_subsector.id))
        self.assertRejected(self.post(MENTOR_URL, values), before, "naics_id", values=values)
        values = self.mentor_values(
            spoken_language_ids=[str(self.english.id), str(self.archived_language.id)]
        )
        self.assertRejected(self.post(MENTOR_URL, values), before, "spoken_language_ids")
        values = self.mentor_values(recruitment_source="bribe")
        self.assertRejected(
            self.post(MENTOR_URL, values), before, "recruitment_source", "Choose one of the"
        )

    def test_text_too_long(self):
        before = self.counts()
        values = self.mentor_values(motivation="x" * 4001)
        self.assertRejected(
            self.post(MENTOR_URL, values), before, "motivation", "4000 characters at most", values
        )

    def test_wrong_file_type(self):
        before = self.counts()
        values = self.mentor_values()
        for name, data in (
            ("setup.exe", b"MZ\x90\x00\x03\x00\x00\x00"),
            ("cv.pdf", b"Just plain text renamed as a PDF"),
            ("cv.docx", b"PK\x03\x04 but not a Word package"),
            ("cv.doc", PDF),
        ):
            response = self.post(MENTOR_URL, values, files=self.resume(name, data))
            self.assertRejected(
                response, before, "resume", "Attach a PDF, DOC or DOCX document.", values
            )

    def test_file_too_large(self):
        before = self.counts()
        values = self.mentor_values()
        big = PDF + b"0" * (5 * 1024 * 1024)
        response = self.post(MENTOR_URL, values, files=self.resume("big.pdf", big))
        self.assertRejected(response, before, "resume", "larger than 5 MB", values)

    def test_honeypot(self):
        before = self.counts()
        values = self.mentor_values(website_url_confirm="https://spam.example.com")
        response = self.post(MENTOR_URL, values, files=self.resume())
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.url.endswith("/mentoring/thank-you"), response.url)
        self.assertEqual(self.counts(), before, "a robot's submission must create nothing")

    def test_submission_limit(self):
        Submission = self.env["mentoring.website.submission"]
        for _index in range(4):
            Submission._record_submission("127.0.0.1", "mentee")
        # The fifth application of the hour is accepted...
        response = self.post(MENTOR_URL, self.mentor_values())
        self.assertTrue(response.url.endswith("/mentoring/thank-you"), response.url)
        # ... the sixth is not, whichever the form.
        before = self.counts()
        values = self.mentor_values(email="someone.else@example.com")
        response = self.post(MENTOR_URL, values)
        doc = self.assertRejected(response, before, values=values)
        self.assertIn(
            "Too many applications", doc.get_element_by_id("mw_form_error").text_content()
        )
        # Submissions from other addresses or older than an hour do not count.
        self.env.cr.execute(
            "UPDATE mentoring_website_submission SET create_date = now() - interval '2 hours'"
        )
        response = self.post(MENTOR_URL, values)
        self.assertTrue(response.url.endswith("/mentoring/thank-you"), response.url)

    def test_missing_csrf_token(self):
        before = self.counts()
        with mute_logger("odoo.http"):
            response = self.post(MENTOR_URL, self.mentor_values(), csrf=False)
            self.assertEqual(response.status_code, 400)
            values = {**self.mentor_values(), "csrf_token": "forged0123456789o9999999999"}
            response = self.url_open(MENTOR_URL, data=values)
            self.assertEqual(response.status_code, 400)
        self.assertEqual(self.counts(), before)

    def test_values_are_escaped(self):
        before = self.counts()
        values = self.mentor_values(city="<script>alert(1)</script>", email="bad")
        response = self.post(MENTOR_URL, values)
        self.assertRejected(response, before, "email", values=values)
        self.assertNotIn(b"<script>alert(1)</script>", response.content)
