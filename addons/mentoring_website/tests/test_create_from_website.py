import base64

from odoo import Command
from odoo.addons.mentoring_base.tools.availability import slot_bit
from odoo.tests import TransactionCase, new_test_user, tagged

from .common import DOCX, PDF, coordinated_program, docx_bytes


@tagged("post_install", "-at_install")
class TestCreateFromWebsite(TransactionCase):
    """``_create_from_website`` of mentors and mentees called directly, without HTTP (as
    an import or another addon would): everything a website application creates."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        env["res.lang"]._activate_lang("fr_CA")
        env["ir.module.module"]._load_module_terms(
            ["mentoring_base", "mentoring_website"], ["fr_CA"], overwrite=True
        )
        cls.coordinator, cls.program = coordinated_program(
            env, "mw_direct_coordinator", "claire.direct@example.com"
        )
        cls.public_user = env.ref("base.public_user")
        cls.quebec = env.ref("base.state_ca_qc")
        cls.noc = env["mentoring.noc"].search([("code", "=", "21231")])
        cls.naics = env["mentoring.naics"].search([("code", "=", "54")])
        cls.english = env.ref("mentoring_base.language_en")
        cls.french = env.ref("mentoring_base.language_fr")
        cls.employer = env["res.partner"].create(
            {"name": "Logiciels Outaouais", "is_company": True, "is_employer": True}
        )

    def person(self, **values):
        return {
            "name": "Geneviève Lapointe",
            "email": "genevieve.lapointe@example.org",
            "phone": "+1 819-555-0142",
            "city": "Gatineau",
            "state": self.quebec,
            **values,
        }

    def mentor_data(self, **overrides):
        values = {
            "employer": "logiciels OUTAOUAIS",
            "function": "Développeuse principale",
            "noc": self.noc,
            "naics": self.naics,
            "years_experience_region": 9,
            "languages": self.english | self.french,
            "professional_networks": "Ordre des ingénieurs du Québec",
            "motivation": "J'ai été accompagnée à mon arrivée.",
            "availability_slots": slot_bit(3, 1),
            "availability": "Le jeudi midi, en ligne",
            "commitment_confirmed": True,
            "commitment_months": 6,
            "recruitment_source": "association",
            "consent": True,
            "resume": {"name": "cv-genevieve.pdf", "raw": PDF, "mimetype": "application/pdf"},
        }
        return self.person(**{**values, **overrides})

    def mentee_data(self, **overrides):
        values = {
            "immigration_status": "permanent_resident",
            "education_country": self.env.ref("base.dz"),
            "education_level": "master",
            "clb_listening": 8,
            "clb_speaking": 7,
            "clb_reading": 9,
            "clb_writing": 0,
            "career_objective": "Travailler comme développeuse à Gatineau.",
            "noc": self.noc,
            "naics": self.env["mentoring.naics"],
            "job_search_workshop": False,
            "languages": self.french,
            "service_language": "fr",
            "consent": True,
            "resume": {"name": "CV Geneviève.docx", "raw": docx_bytes(), "mimetype": DOCX},
        }
        return self.person(**{**values, **overrides})

    def acknowledgement(self, record):
        return self.env["mail.mail"].search(
            [
                ("model", "=", record._name),
                ("res_id", "=", record.id),
                ("recipient_ids", "in", record.partner_id.ids),
            ]
        )

    def duplicate_note(self, record):
        return record.message_ids.filtered(lambda message: "Possible duplicate" in message.body)

    def existing_contact(self, mentor=False):
        """A contact already using the applicant's e-mail (written differently), maybe a
        mentor, and what must stay as it is on it."""
        contact = self.env["res.partner"].create(
            {"name": "G. Lapointe", "email": "Genevieve.Lapointe@Example.org", "city": "Hull"}
        )
        if mentor:
            self.env["mentoring.mentor"].create({"partner_id": contact.id})
        self.env.flush_all()
        attached = [("res_model", "=", "res.partner"), ("res_id", "=", contact.id)]
        before = {
            "values": contact.read(["name", "email", "city", "phone", "lang", "write_date"]),
            "messages": contact.message_ids,
            "followers": contact.message_follower_ids,
            "activities": contact.activity_ids,
            "attachments": self.env["ir.attachment"].search(attached),
        }
        return contact, before

    def assertUntouched(self, contact, before):
        self.env.invalidate_all()
        attached = [("res_model", "=", "res.partner"), ("res_id", "=", contact.id)]
        self.assertEqual(
            contact.read(["name", "email", "city", "phone", "lang", "write_date"]),
            before["values"],
        )
        self.assertEqual(contact.message_ids, before["messages"])
        self.assertEqual(contact.message_follower_ids, before["followers"])
        self.assertEqual(contact.activity_ids, before["activities"])
        self.assertEqual(self.env["ir.attachment"].search(attached), before["attachments"])

    def assertNamedInNote(self, record, contact):
        note = self.duplicate_note(record)
        self.assertEqual(len(note), 1)
        self.assertIn(f'data-oe-model="res.partner" data-oe-id="{contact.id}"', note.body)
        self.assertIn("base.partner.merge.automatic.wizard", note.body)
        self.assertNotIn("Hull", note.body, "the existing contact's data is not copied")
        self.assertEqual(note.author_id, self.env.ref("base.partner_root"))
        self.assertEqual(note.subtype_id, self.env.ref("mail.mt_note"))
        return note

    # -- mentors ----------------------------------------------------------------------

    def test_mentor(self):
        """A visitor's application on the French page, saved as the public user."""
        Mentor = self.env["mentoring.mentor"].with_user(self.public_user)
        mentor = Mentor._create_from_website(self.mentor_data(), "fr_CA")
        self.assertEqual(mentor._name, "mentoring.mentor")
        mentor = mentor.with_env(self.env)
        self.assertRecordValues(
            mentor.partner_id,
            [
                {
                    "name": "Geneviève Lapointe",
                    "email": "genevieve.lapointe@example.org",
                    "phone": "+1 819-555-0142",
                    "city": "Gatineau",
                    "state_id": self.quebec.id,
                    "country_id": self.env.ref("base.ca").id,
                    "function": "Développeuse principale",
                    "lang": "fr_CA",
                    "is_company": False,
                }
            ],
        )
        self.assertRecordValues(
            mentor,
            [
                {
                    "state": "applicant",
                    "employer_id": self.employer.id,
                    "noc_id": self.noc.id,
                    "naics_id": self.naics.id,
                    "years_experience_region": 9,
                    "professional_networks": "Ordre des ingénieurs du Québec",
                    "motivation": "J'ai été accompagnée à mon arrivée.",
                    "availability_slots": slot_bit(3, 1),
                    "availability": "Le jeudi midi, en ligne",
                    "commitment_months": 6,
                    "recruitment_source": "association",
                    "consent_share": True,
                }
            ],
        )
        self.assertTrue(mentor.consent_date)
        self.assertEqual(mentor.spoken_language_ids, self.english | self.french)
        self.assertEqual(mentor.program_ids, self.program)
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", "mentoring.mentor"), ("res_id", "=", mentor.id)]
        )
        self.assertRecordValues(
            attachment, [{"name": "cv-genevieve.pdf", "mimetype": "application/pdf"}]
        )
        self.assertEqual(attachment.raw, PDF)
        # No duplicate: no note; the coordinator screens the application.
        self.assertFalse(self.duplicate_note(mentor))
        self.assertRecordValues(
            mentor.activity_ids,
            [
                {
                    "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
                    "summary": "Screen mentor application",
                    "user_id": self.coordinator.id,
                }
            ],
        )
        # The acknowledgement is queued in the page's language.
        mail = self.acknowledgement(mentor)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.state, "outgoing")
        self.assertEqual(mail.subject, "Nous avons bien reçu votre candidature de mentor")
        self.assertNotIn(self.public_user.partner_id, mentor.message_partner_ids)

    def test_mentor_duplicate(self):
        """An import (a coordinator) of an application whose e-mail a contact already
        uses: a new contact, the existing one named in a note and left as it was."""
        contact, before = self.existing_contact()
        Mentor = self.env["mentoring.mentor"].with_user(self.coordinator)
        mentor = Mentor._create_from_website(self.mentor_data(resume=None), "en_US")
        mentor = mentor.with_env(self.env)
        self.assertNotEqual(mentor.partner_id, contact)
        self.assertEqual(mentor.partner_id.lang, "en_US")
        self.assertUntouched(contact, before)
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", "mentoring.mentor"), ("res_id", "=", mentor.id)]
            )
        )
        self.assertNamedInNote(mentor, contact)
        self.assertRecordValues(
            mentor.activity_ids,
            [
                {
                    "summary": "Screen mentor application (possible duplicate)",
                    "user_id": self.coordinator.id,
                }
            ],
        )
        self.assertIn("Possible duplicate", mentor.activity_ids.note)
        mail = self.acknowledgement(mentor)
        self.assertEqual(mail.subject, "We received your application to become a mentor")
        self.assertEqual(mail.recipient_ids, mentor.partner_id)

    def test_mentor_new_employer(self):
        Mentor = self.env["mentoring.mentor"].with_user(self.public_user)
        data = self.mentor_data(employer="Robotique Gatineau", resume=None)
        mentor = Mentor._create_from_website(data, "fr_CA").with_env(self.env)
        self.assertRecordValues(
            mentor.employer_id,
            [{"name": "Robotique Gatineau", "is_company": True, "is_employer": True}],
        )
        self.assertNotEqual(mentor.employer_id, self.employer)
        review = mentor.employer_id.message_ids.filtered(
            lambda message: "Created from a mentor application" in message.body
        )
        self.assertEqual(len(review), 1)
        self.assertIn(f'data-oe-model="mentoring.mentor" data-oe-id="{mentor.id}"', review.body)
        note = mentor.message_ids.filtered(
            lambda message: "a new company was created for review" in message.body
        )
        self.assertEqual(len(note), 1)

    def test_reviewer_and_program(self):
        """Without a coordinator, the salesperson given (the website's) screens, else the
        administrator; another program may be given."""
        salesperson = new_test_user(self.env, login="mw_salesperson", name="Sam Salesperson")
        self.program.coordinator_ids = False
        Mentor = self.env["mentoring.mentor"].with_user(self.public_user)
        mentor = Mentor._create_from_website(
            self.mentor_data(email="one@example.org"), "en_US", salesperson=salesperson
        )
        self.assertEqual(mentor.activity_ids.user_id, salesperson)
        portal = new_test_user(self.env, login="mw_portal_sp", groups="base.group_portal")
        mentor = Mentor._create_from_website(
            self.mentor_data(email="two@example.org"), "en_US", salesperson=portal
        )
        self.assertEqual(mentor.activity_ids.user_id, self.env.ref("base.user_admin"))
        other = self.env["mentoring.program"].create(
            {
                "name": "Engineers Mentoring Program",
                "program_type": "open_access",
                "coordinator_ids": [Command.set(salesperson.ids)],
            }
        )
        mentor = Mentor._create_from_website(
            self.mentor_data(email="three@example.org"), "en_US", program=other
        )
        self.assertEqual(mentor.program_ids, other)
        self.assertEqual(mentor.activity_ids.user_id, salesperson)

    # -- mentees ----------------------------------------------------------------------

    def test_mentee(self):
        Mentee = self.env["mentoring.mentee"].with_user(self.public_user)
        data = self.mentee_data()
        mentee = Mentee._create_from_website(data, "fr_CA")
        self.assertEqual(mentee._name, "mentoring.mentee")
        mentee = mentee.with_env(self.env)
        self.assertRecordValues(
            mentee.partner_id,
            [
                {
                    "name": "Geneviève Lapointe",
                    "email": "genevieve.lapointe@example.org",
                    "city": "Gatineau",
                    "state_id": self.quebec.id,
                    "country_id": self.env.ref("base.ca").id,
                    "lang": "fr_CA",
                }
            ],
        )
        self.assertRecordValues(
            mentee,
            [
                {
                    "state": "candidate",
                    "self_referred": True,
                    "referring_agency_id": False,
                    "program_id": self.program.id,
                    "immigration_status": "permanent_resident",
                    "education_country_id": self.env.ref("base.dz").id,
                    "education_level": "master",
                    "clb_listening": 8,
                    "clb_speaking": 7,
                    "clb_reading": 9,
                    "clb_writing": 0,
                    "career_objective": "Travailler comme développeuse à Gatineau.",
                    "target_noc_id": self.noc.id,
                    "target_naics_id": False,
                    "job_search_workshop": False,
                    "service_language": "fr",
                    "consent_share": True,
                    "resume_filename": "CV Geneviève.docx",
                }
            ],
        )
        self.assertEqual(mentee.spoken_language_ids, self.french)
        # The résumé is the attachment of the mentee's résumé field.
        self.assertEqual(base64.b64decode(mentee.resume), data["resume"]["raw"])
        attachment = mentee._website_attach_resume(data["resume"])
        self.assertRecordValues(
            attachment,
            [{"res_model": "mentoring.mentee", "res_id": mentee.id, "res_field": "resume"}],
        )
        self.assertFalse(self.duplicate_note(mentee))
        self.assertRecordValues(
            mentee.referral_ids.activity_ids,
            [{"summary": "Review self-referral", "user_id": self.coordinator.id}],
        )
        mail = self.acknowledgement(mentee)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.state, "outgoing")
        self.assertEqual(mail.subject, "Nous avons bien reçu votre demande d'auto-aiguillage")

    def test_mentee_duplicate(self):
        contact, before = self.existing_contact(mentor=True)
        existing_mentor = self.env["mentoring.mentor"].search([("partner_id", "=", contact.id)])
        self.coordinator.lang = "fr_CA"
        Mentee = self.env["mentoring.mentee"].with_user(self.coordinator)
        mentee = Mentee._create_from_website(self.mentee_data(), "en_US").with_env(self.env)
        self.assertNotEqual(mentee.partner_id, contact)
        # Sent from the English page, but asking for service in French: e-mails in French.
        self.assertEqual(mentee.partner_id.lang, "fr_CA")
        self.assertUntouched(contact, before)
        self.assertFalse(self.env["mentoring.mentee"].search([("partner_id", "=", contact.id)]))
        # Staff texts follow the coordinator's language.
        note = mentee.message_ids.filtered(lambda message: "Doublon possible" in message.body)
        self.assertEqual(len(note), 1)
        self.assertIn(f'data-oe-model="res.partner" data-oe-id="{contact.id}"', note.body)
        self.assertIn(
            f'data-oe-model="mentoring.mentor" data-oe-id="{existing_mentor.id}"', note.body
        )
        self.assertRecordValues(
            mentee.referral_ids.activity_ids,
            [
                {
                    "summary": "Examiner l'auto-aiguillage (doublon possible)",
                    "user_id": self.coordinator.id,
                }
            ],
        )
        mail = self.acknowledgement(mentee)
        self.assertEqual(mail.subject, "Nous avons bien reçu votre demande d'auto-aiguillage")
        self.assertEqual(mail.recipient_ids, mentee.partner_id)
