from unittest.mock import Mock, patch

from odoo.addons.mentoring_base.tools.availability import slot_bit
from odoo.exceptions import UserError
from odoo.fields import Date
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import (
    DOCX,
    MENTEE_URL,
    MENTOR_URL,
    PDF,
    MentoringWebsiteCase,
    docx_bytes,
    png_bytes,
)


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
                    "phone": "+1 613-555-0123",
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
                    "availability_slots": slot_bit(1, 3),
                    "availability": "Downtown or online",
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

    def assertFlaggedDuplicate(self, record, existing, summary):
        """``record`` was made on a new contact, its coordinator is asked to check a
        possible duplicate and the note names each existing contact, links to it and
        explains how to merge them."""
        self.assertNotIn(record.partner_id, existing)
        note = record.message_ids.filtered(lambda message: "Possible duplicate" in message.body)
        self.assertEqual(len(note), 1)
        for contact in existing:
            self.assertIn(f'data-oe-model="res.partner" data-oe-id="{contact.id}"', note.body)
            self.assertIn(contact.display_name, note.body)
        self.assertIn("base.partner.merge.automatic.wizard", note.body)
        self.assertEqual(note.author_id, self.env.ref("base.partner_root"))
        self.assertEqual(note.subtype_id, self.env.ref("mail.mt_note"))
        self.assertFalse(note.partner_ids & existing, "existing contacts are not notified")
        self.assertRecordValues(
            record.activity_ids, [{"summary": summary, "user_id": self.coordinator.id}]
        )
        self.assertIn("Possible duplicate", record.activity_ids.note)
        return note

    def test_existing_contact_is_not_reused(self):
        partner = self.env["res.partner"].create(
            {"name": "Marie T.", "email": "Marie.Tremblay@Example.org", "city": "Kanata"}
        )
        before_partner = self.snapshot(partner)
        before = self.counts()
        response = self.post(MENTOR_URL, self.mentor_values(email="MARIE.TREMBLAY@example.org"))
        self.assertTrue(response.url.endswith("/mentoring/thank-you"), response.url)
        self.assertEqual(self.counts()["partners"], before["partners"] + 1, "a new contact")
        self.assertUnchanged(partner, before_partner)
        self.assertFalse(self.env["mentoring.mentor"].search([("partner_id", "=", partner.id)]))
        mentor = self.env["mentoring.mentor"].search([("email", "=", "MARIE.TREMBLAY@example.org")])
        self.assertEqual(len(mentor), 1)
        self.assertRecordValues(
            mentor,
            [
                {
                    "name": "Marie Tremblay",
                    "city": "Ottawa",
                    "phone": "+1 613-555-0123",
                    "state_id": self.ontario.id,
                    "state": "applicant",
                }
            ],
        )
        note = self.assertFlaggedDuplicate(
            mentor, partner, "Screen mentor application (possible duplicate)"
        )
        self.assertNotIn("Kanata", note.body, "the existing contact's data is not copied")

    def test_internal_and_portal_users_are_never_touched(self):
        """A public form posted with the e-mail of a user (internal, portal, archived) never
        writes on that user's contact: a new contact is flagged as a possible duplicate."""
        admin = self.env.ref("base.user_admin")
        admin.email = "mitchell.admin@example.com"
        portal = new_test_user(
            self.env,
            login="mw_portal",
            name="Paula Portal",
            email="paula.portal@example.org",
            groups="base.group_portal",
        )
        former = new_test_user(
            self.env, login="former.coordinator@example.org", name="Former Coordinator"
        )
        former.partner_id.email = False
        former.action_archive()
        for user, role in (
            (admin, "internal user"),
            (portal, "portal user"),
            (former, "internal user"),
        ):
            with self.subTest(user=user.login):
                email = user.email or user.login
                before_partner = self.snapshot(user.partner_id)
                before_user = user.with_context(active_test=False).read(["write_date"])
                before = self.counts()
                values = self.mentor_values(
                    name="Somebody Else", email=email.upper(), phone="819-555-0100"
                )
                response = self.post(MENTOR_URL, values, files=self.resume("cv-other.pdf"))
                self.assertTrue(response.url.endswith("/mentoring/thank-you"), response.url)
                self.assertIn("screening conversation", response.text)
                self.assertUnchanged(user.partner_id, before_partner)
                self.assertEqual(
                    user.with_context(active_test=False).read(["write_date"]), before_user
                )
                after = self.counts()
                self.assertEqual(after["partners"], before["partners"] + 1)
                self.assertEqual(after["mentors"], before["mentors"] + 1)
                mentor = self.env["mentoring.mentor"].search(
                    [("email", "=", email.upper())], order="id desc", limit=1
                )
                self.assertEqual(mentor.name, "Somebody Else")
                note = self.assertFlaggedDuplicate(
                    mentor, user.partner_id, "Screen mentor application (possible duplicate)"
                )
                self.assertIn(role, note.body)
                self.assertNotIn(self.env.ref("base.partner_admin").email or "-", note.body)
                # The résumé is on the new mentor, never on the user's contact.
                attachment = self.env["ir.attachment"].search(
                    [("res_model", "=", "mentoring.mentor"), ("res_id", "=", mentor.id)]
                )
                self.assertEqual(attachment.name, "cv-other.pdf")

    def test_thank_you_page_does_not_tell_known_addresses(self):
        known = self.post(MENTOR_URL, self.mentor_values(email=self.coordinator.email))
        unknown = self.post(MENTOR_URL, self.mentor_values(email="nobody.yet@example.org"))
        self.assertEqual(known.url, unknown.url)
        self.assertEqual(
            self.page(known).xpath('//*[@id="mentoring_thank_you"]')[0].text_content(),
            self.page(unknown).xpath('//*[@id="mentoring_thank_you"]')[0].text_content(),
        )

    def test_existing_mentor_is_flagged(self):
        mentor = self.env["mentoring.mentor"].create(
            {"name": "Marie Tremblay", "email": "marie.tremblay@example.org", "phone": "555"}
        )
        before_partner = self.snapshot(mentor.partner_id)
        before_messages = mentor.message_ids
        state = mentor.state
        before = self.counts()
        values = self.mentor_values(motivation="I would like to mentor a second newcomer.")
        response = self.post(MENTOR_URL, values, files=self.resume("new-cv.pdf"))
        self.assertTrue(response.url.endswith("/mentoring/thank-you"), response.url)
        after = self.counts()
        for key in ("mentors", "partners", "activities"):
            self.assertEqual(after[key], before[key] + 1, f"{key}: one new record")
        # The existing mentor and its contact are untouched.
        self.assertUnchanged(mentor.partner_id, before_partner)
        self.assertEqual(mentor.message_ids, before_messages)
        self.assertRecordValues(mentor, [{"state": state, "phone": "555", "noc_id": False}])
        self.assertFalse(mentor.activity_ids)
        new = self.env["mentoring.mentor"].search(
            [("email", "=", "marie.tremblay@example.org"), ("id", "!=", mentor.id)]
        )
        self.assertRecordValues(
            new,
            [
                {
                    "motivation": "I would like to mentor a second newcomer.",
                    "noc_id": self.noc_software.id,
                    "state": "applicant",
                }
            ],
        )
        note = self.assertFlaggedDuplicate(
            new, mentor.partner_id, "Screen mentor application (possible duplicate)"
        )
        self.assertIn("already has a mentor record", note.body)
        self.assertIn(f'data-oe-model="mentoring.mentor" data-oe-id="{mentor.id}"', note.body)

    def test_employer_must_be_a_marked_employer(self):
        """The employer typed is linked only to an active company marked as employer;
        the name of an agency or any other organization gives a new company for review."""
        agency = self.env["res.partner"].create(
            {"name": "Ottawa Newcomer Services", "is_company": True, "is_service_agency": True}
        )
        agency_employer = self.env["res.partner"].create(
            {
                "name": "Capital Settlement Agency",
                "is_company": True,
                "is_service_agency": True,
                "is_employer": True,
            }
        )
        funder = self.env["res.partner"].create(
            {"name": "Ontario Career Fund", "is_company": True, "is_funder": True}
        )
        person = self.env["res.partner"].create({"name": "Bytown Tech", "is_employer": True})
        archived = self.env["res.partner"].create(
            {"name": "Old Employer", "is_company": True, "is_employer": True, "active": False}
        )
        for index, existing in enumerate((agency, agency_employer, funder, person, archived)):
            with self.subTest(organization=existing.name):
                before = self.snapshot(existing)
                email = f"mentor{index}@example.org"
                values = self.mentor_values(email=email, employer=existing.name.upper())
                response = self.post(MENTOR_URL, values)
                self.assertTrue(response.url.endswith("/mentoring/thank-you"), response.url)
                self.assertUnchanged(existing, before)
                mentor = self.env["mentoring.mentor"].search([("email", "=", email)])
                employer = mentor.employer_id
                self.assertNotEqual(employer, existing)
                self.assertRecordValues(
                    employer,
                    [
                        {
                            "name": existing.name.upper(),
                            "is_company": True,
                            "is_employer": True,
                            "is_service_agency": False,
                            "is_funder": False,
                        }
                    ],
                )
                review = employer.message_ids.filtered(
                    lambda message: "Created from a mentor application" in message.body
                )
                self.assertEqual(len(review), 1)
                self.assertIn(
                    f'data-oe-model="mentoring.mentor" data-oe-id="{mentor.id}"', review.body
                )
                note = mentor.message_ids.filtered(
                    lambda message: "a new company was created for review" in message.body
                )
                self.assertEqual(len(note), 1)
                self.assertIn(f'data-oe-model="res.partner" data-oe-id="{employer.id}"', note.body)
                self.assertEqual(mentor.activity_ids.summary, "Screen mentor application")

    def test_captcha_hook(self):
        """Installed captcha addons protect the form: the route declares its captcha action
        and the form carries it in ``data-captcha`` for their scripts."""
        rules = [
            rule
            for rule in self.env["ir.http"].routing_map().iter_rules()
            if rule.rule == MENTOR_URL and "POST" in (rule.methods or ())
        ]
        self.assertEqual(len(rules), 1)
        self.assertEqual(rules[0].endpoint.routing["captcha"], "mentoring_mentor_application")
        form = self.page(self.url_open(MENTOR_URL)).xpath('//form[@id="mentoring_mentor_form"]')
        self.assertEqual(form[0].get("data-captcha"), "mentoring_mentor_application")
        # Odoo calls the captcha check of the installed addons before the form is read.
        before = self.counts()
        IrHttp = type(self.env["ir.http"])
        verify = Mock(side_effect=UserError("Suspicious activity detected."))
        with (
            patch.object(IrHttp, "_verify_request_recaptcha_token", verify),
            mute_logger("odoo.http"),
        ):
            response = self.post(MENTOR_URL, self.mentor_values())
        verify.assert_called_once_with("mentoring_mentor_application")
        self.assertFalse(response.url.endswith("/mentoring/thank-you"), response.url)
        self.assertEqual(self.counts(), before)

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
            slot_1_3=None,
            spoken_language_ids=[],
            naics_id="",
            consent_share=None,
            commitment_confirmed=None,
        )
        response = self.post(MENTOR_URL, values)
        doc = self.assertRejected(response, before, "city", "This field is required.")
        for field in ("function", "motivation", "naics_id"):
            self.assertEqual(
                doc.get_element_by_id(f"mw_{field}_error").text_content().strip(),
                "This field is required.",
            )
        self.assertIn(
            "Tick at least one time of the week",
            doc.get_element_by_id("mw_availability_slots_error").text_content(),
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

    # -- weekly availability grid -------------------------------------------------------

    def test_availability_grid_is_an_accessible_table(self):
        doc = self.page(self.url_open(MENTOR_URL))
        fieldset = doc.xpath('//form//fieldset[@name="availability_slots"]')[0]
        self.assertIn("available to meet", fieldset.xpath("./legend")[0].text_content())
        table = fieldset.xpath(".//table")[0]
        self.assertEqual(
            [th.text_content() for th in table.xpath(".//thead//th[@scope='col']")],
            ["Morning", "Midday", "Afternoon", "Evening"],
        )
        rows = table.xpath(".//tbody/tr")
        self.assertEqual(
            [row.xpath("./th[@scope='row']")[0].text_content() for row in rows],
            ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        )
        names = table.xpath(".//input[@type='checkbox']/@name")
        self.assertEqual(names, [f"slot_{day}_{part}" for day in range(7) for part in range(4)])
        # Each checkbox is named for screen readers: "Tuesday evening".
        label = table.xpath(".//label[@for='mw_slot_1_3']")[0]
        self.assertEqual(" ".join(label.text_content().split()), "Tuesday evening")
        self.assertFalse(table.xpath(".//input[@checked]"))
        self.assertFalse(doc.xpath('//textarea[@name="availability"]/@required'))

    def test_availability_grid_creates_the_ticked_slots(self):
        values = self.mentor_values(
            email="grid@example.org",
            slot_1_3=None,
            slot_0_0="1",
            slot_2_1="on",
            slot_6_3="1",
            slot_4_2="0",  # not ticked: a browser only sends ticked boxes
            availability=None,
        )
        response = self.post(MENTOR_URL, values)
        self.assertTrue(response.url.endswith("/mentoring/thank-you"), response.url)
        mentor = self.env["mentoring.mentor"].search([("email", "=", "grid@example.org")])
        self.assertEqual(
            mentor.availability_slots, slot_bit(0, 0) | slot_bit(2, 1) | slot_bit(6, 3)
        )
        self.assertFalse(mentor.availability)

    def test_availability_grid_ignores_forged_cells(self):
        names = (
            "slot_7_0",
            "slot_0_4",
            "slot_-1_0",
            "slot_01_1",
            "slot_1_3x",
            "slot_0_0_0",
            "slot_9999999999_3",
            "availability_slots",
        )
        forged = dict.fromkeys(names, "1")
        before = self.counts()
        values = self.mentor_values(slot_1_3=None, **forged)
        response = self.post(MENTOR_URL, values)
        doc = self.assertRejected(
            response, before, "availability_slots", "Tick at least one time of the week"
        )
        self.assertFalse(doc.xpath("//form//input[@checked][starts-with(@name, 'slot_')]"))
        response = self.post(MENTOR_URL, self.mentor_values(email="forged@example.org", **forged))
        self.assertTrue(response.url.endswith("/mentoring/thank-you"), response.url)
        mentor = self.env["mentoring.mentor"].search([("email", "=", "forged@example.org")])
        self.assertEqual(mentor.availability_slots, slot_bit(1, 3))

    def test_availability_grid_required(self):
        before = self.counts()
        values = self.mentor_values(slot_1_3=None, availability="Any evening")
        response = self.post(MENTOR_URL, values)
        doc = self.assertRejected(
            response,
            before,
            "availability_slots",
            "Tick at least one time of the week when you could meet.",
            values,
        )
        fieldset = doc.xpath('//fieldset[@name="availability_slots"]')[0]
        self.assertIn("mw_availability_slots_error", fieldset.get("aria-describedby"))

    def test_availability_grid_kept_on_error(self):
        """The cells ticked are ticked again when another field is wrong."""
        before = self.counts()
        values = self.mentor_values(email="marie@example", slot_0_0="1", slot_5_2="1")
        response = self.post(MENTOR_URL, values)
        doc = self.assertRejected(response, before, "email", "Enter a valid e-mail address", values)
        ticked = doc.xpath("//form//input[@checked][starts-with(@name, 'slot_')]/@name")
        self.assertEqual(sorted(ticked), ["slot_0_0", "slot_1_3", "slot_5_2"])
        self.assertFalse(doc.xpath('//*[@id="mw_availability_slots_error"]'))

    def test_bad_email(self):
        before = self.counts()
        values = self.mentor_values(email="marie.tremblay@example")
        response = self.post(MENTOR_URL, values)
        self.assertRejected(response, before, "email", "Enter a valid e-mail address", values)
        values = self.mentor_values(email="Marie <marie@example.com>")
        response = self.post(MENTOR_URL, values)
        self.assertRejected(response, before, "email", "Enter a valid e-mail address", values)

    def test_bad_phone(self):
        """Numbers ``phone_validation`` cannot parse for Canada are refused next to the field."""
        before = self.counts()
        for phone in ("call me maybe", "613 555", "123-456-7890", "+1 613 555 01"):
            values = self.mentor_values(phone=phone)
            response = self.post(MENTOR_URL, values)
            self.assertRejected(response, before, "phone", "Enter a valid phone number", values)

    def test_phone_formats(self):
        """Phone numbers are stored in international format; a French extension is read."""
        for index, (typed, stored) in enumerate(
            (
                ("(613) 555 0123 poste 42", "+1 613-555-0123 ext. 42"),
                ("6135550123", "+1 613-555-0123"),
                ("+33 1 23 45 67 89", "+33 1 23 45 67 89"),
            )
        ):
            email = f"phone{index}@example.org"
            response = self.post(MENTOR_URL, self.mentor_values(email=email, phone=typed))
            self.assertTrue(response.url.endswith("/mentoring/thank-you"), response.url)
            mentor = self.env["mentoring.mentor"].search([("email", "=", email)])
            self.assertEqual(mentor.phone, stored)
        response = self.post(MENTOR_URL, self.mentor_values(email="nophone@example.org", phone=""))
        self.assertTrue(response.url.endswith("/mentoring/thank-you"), response.url)
        mentor = self.env["mentoring.mentor"].search([("email", "=", "nophone@example.org")])
        self.assertFalse(mentor.phone)

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
        """The content of the file, as ``guess_mimetype`` reads it, must be a PDF, DOC or
        DOCX document matching the file's extension."""
        before = self.counts()
        values = self.mentor_values()
        for name, data in (
            ("setup.exe", b"MZ\x90\x00\x03\x00\x00\x00"),
            ("cv.pdf", png_bytes()),
            ("cv.pdf", b"Just plain text renamed as a PDF"),
            ("cv.docx", b"PK\x03\x04 but not a Word package"),
            ("cv.docx", PDF),
            ("cv.doc", PDF),
            ("cv.pdf", docx_bytes()),
        ):
            with self.subTest(name=name, data=data[:8]), mute_logger("odoo.tools.mimetypes"):
                response = self.post(MENTOR_URL, values, files=self.resume(name, data))
            self.assertRejected(
                response, before, "resume", "Attach a PDF, DOC or DOCX document.", values
            )

    def test_accepted_file_types(self):
        for index, (name, data, mimetype) in enumerate(
            (
                ("cv.docx", docx_bytes(), DOCX),
                ("CV.PDF", PDF, "application/pdf"),
            )
        ):
            email = f"file{index}@example.org"
            response = self.post(
                MENTOR_URL, self.mentor_values(email=email), files=self.resume(name, data)
            )
            self.assertTrue(response.url.endswith("/mentoring/thank-you"), response.url)
            mentor = self.env["mentoring.mentor"].search([("email", "=", email)])
            attachment = self.env["ir.attachment"].search(
                [("res_model", "=", "mentoring.mentor"), ("res_id", "=", mentor.id)]
            )
            self.assertRecordValues(attachment, [{"name": name, "mimetype": mimetype}])

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

    def test_submission_limit_is_per_form_and_configurable(self):
        """A job fair: six people apply from one address, which the default limit allows;
        a lower configured limit stops the next one, on this form only."""
        for index in range(6):
            values = self.mentor_values(email=f"fair{index}@example.org")
            response = self.post(MENTOR_URL, values)
            self.assertTrue(response.url.endswith("/mentoring/thank-you"), response.url)
        self.assertEqual(
            self.env["mentoring.website.submission"].search_count(
                [("ip", "=", "127.0.0.1"), ("form", "=", "mentor")]
            ),
            6,
        )
        Parameters = self.env["ir.config_parameter"]
        Parameters.set_param("mentoring_website.submission_limit_mentor", "6")
        before = self.counts()
        values = self.mentor_values(email="someone.else@example.com")
        response = self.post(MENTOR_URL, values)
        doc = self.assertRejected(response, before, values=values)
        self.assertIn(
            "Too many applications", doc.get_element_by_id("mw_form_error").text_content()
        )
        # The self-referral form has its own limit.
        response = self.post(MENTEE_URL, self.mentee_values(), files=self.resume())
        self.assertTrue(response.url.endswith("/mentoring/self-referral/thank-you"), response.url)
        # A higher limit lets the next person in; submissions older than an hour do not count.
        Parameters.set_param("mentoring_website.submission_limit_mentor", "7")
        response = self.post(MENTOR_URL, values)
        self.assertTrue(response.url.endswith("/mentoring/thank-you"), response.url)
        values = self.mentor_values(email="third.person@example.com")
        self.assertRejected(self.post(MENTOR_URL, values), self.counts(), values=values)
        self.env.cr.execute(
            "UPDATE mentoring_website_submission SET create_date = now() - interval '2 hours'"
        )
        response = self.post(MENTOR_URL, values)
        self.assertTrue(response.url.endswith("/mentoring/thank-you"), response.url)

    def test_submission_limit_default(self):
        Submission = self.env["mentoring.website.submission"]
        Parameters = self.env["ir.config_parameter"]
        self.assertEqual(Submission._limit_per_hour("mentor"), 30)
        self.assertEqual(Submission._limit_per_hour("mentee"), 30)
        for wrong in ("", "many", "0", "-4"):
            Parameters.set_param("mentoring_website.submission_limit_mentee", wrong)
            self.assertEqual(Submission._limit_per_hour("mentee"), 30)
        Parameters.set_param("mentoring_website.submission_limit_mentee", "2")
        self.assertEqual(Submission._limit_per_hour("mentee"), 2)
        self.assertEqual(Submission._limit_per_hour("mentor"), 30)
        for _index in range(2):
            Submission._record_submission("192.0.2.7", "mentee")
        self.assertTrue(Submission._is_over_limit("192.0.2.7", "mentee"))
        self.assertFalse(Submission._is_over_limit("192.0.2.7", "mentor"))
        self.assertFalse(Submission._is_over_limit("192.0.2.8", "mentee"))

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
