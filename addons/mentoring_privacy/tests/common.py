import base64
from datetime import date, timedelta

from odoo.addons.mentoring_base.tests.test_relationship import RelationshipCase

PIXEL = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
    "+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


class PrivacyCase(RelationshipCase):
    """Amina (a mentee of agency A with a completed relationship with Jean, a referral, a
    goal, a session, chatter and attachments) and Bola (another mentee of agency B with
    Paul): every record of the one must be found and cleared, none of the other."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mentee.write(
            {
                "email": "amina.ready@privacy-test.example.org",
                "phone": "+1 613 555 0101",
                "street": "12 Rideau Street",
                "city": "Ottawa",
                "zip": "K1N 5Y3",
                "state_id": cls.env.ref("base.state_ca_on").id,
                "country_id": cls.env.ref("base.ca").id,
                "website": "https://amina.example.com",
                "comment": "<p>Prefers mornings.</p>",
                "function": "Engineer",
                "image_1920": PIXEL,
                "credentials": "P.Eng. (Lebanon), WES assessment done",
                "career_objective": "Software developer in Ottawa",
                "action_plan": "<p>Meet three developers.</p>",
                "resume": base64.b64encode(b"Amina Haddad resume"),
                "resume_filename": "amina_resume.pdf",
                "clb_listening": 7,
                "clb_speaking": 7,
                "clb_reading": 8,
                "clb_writing": 6,
                "consent_share": True,
                "consent_date": date.today() - timedelta(days=60),
            }
        )
        cls.mentee.career_objective = "Full-stack developer, Amina's second objective"
        cls.mentee.message_post(body="Amina Ready called about her résumé.")
        cls.mentee_attachment = cls._attach(cls.mentee, "amina_notes.txt")
        cls.mentor.write(
            {
                "email": "jean.available@example.com",
                "professional_networks": "IEEE Ottawa",
                "motivation": "I was a newcomer too.",
                "availability": "Weekday evenings",
            }
        )
        cls.relationship = cls._completed(cls.mentee, cls.mentor, "Amina was great.")
        cls.relationship.message_post(body="Amina Ready and Jean met at the library.")
        cls.relationship_attachment = cls._attach(cls.relationship, "agreement.pdf")
        exit_outcome = cls.relationship.outcome_ids.filtered(lambda o: o.checkpoint == "exit")
        exit_outcome.write(
            {
                "situation": "employed",
                "employer_name": "Amina's Employer Inc.",
                "job_title": "Junior developer",
                "job_noc_id": cls.noc_software.id,
                "hours_per_week": 37.5,
            }
        )
        cls.goal = cls.env["mentoring.goal"].create(
            {"mentee_id": cls.mentee.id, "name": "Update Amina's LinkedIn", "note": "By May"}
        )
        cls.session = cls.env["mentoring.session"].create(
            {"name": "Speed networking", "session_type": "speed_networking"}
        )
        cls.attendance = cls.env["mentoring.session.attendance"].create(
            {"session_id": cls.session.id, "mentee_id": cls.mentee.id}
        )
        # Filed last: a referral not yet accepted holds the mentee back from matching.
        cls.referral = cls._referral(cls.mentee, cls.agency_a, "Amina is very motivated.")

        cls.other = cls._ready_mentee(cls.env, "Bola Other", cls.agency_b)
        cls.other.email = "bola.other@example.com"
        cls.other_relationship = cls._completed(cls.other, cls.other_mentor, "Bola was great.")
        cls.other_goal = cls.env["mentoring.goal"].create(
            {"mentee_id": cls.other.id, "name": "Bola's goal"}
        )
        cls.other_referral = cls._referral(cls.other, cls.agency_b, "Bola's referral.")

    @classmethod
    def _attach(cls, record, name):
        return cls.env["ir.attachment"].create(
            {
                "name": name,
                "datas": base64.b64encode(b"private"),
                "res_model": record._name,
                "res_id": record.id,
            }
        )

    @classmethod
    def _completed(cls, mentee, mentor, feedback):
        relationship = cls._agreed_relationship(
            mentee,
            mentor,
            meetings=3,
            duration=1.5,
            topics=f"{mentee.name}'s résumé",
            next_steps="Call two employers",
        )
        start = relationship.planned_start
        cls.env["mentoring.checkin"].create(
            {
                "relationship_id": relationship.id,
                "date": start + timedelta(days=20),
                "mentee_rating": 5,
                "mentor_rating": 4,
                "progress": f"{mentee.name} has two interviews",
                "concerns": "Childcare on Tuesdays",
            }
        )
        relationship.action_close(
            "objectives_met", mentee_feedback=feedback, mentor_feedback="A good match."
        )
        relationship.write({"mentee_satisfaction": 5, "mentor_satisfaction": 4})
        return relationship

    @classmethod
    def _referral(cls, mentee, agency, notes):
        return cls.env["mentoring.referral"].create(
            {
                "mentee_id": mentee.id,
                "agency_id": agency.id,
                "program_id": cls.program.id,
                "notes": f"<p>{notes}</p>",
                "back_note": "Add the résumé",
            }
        )
