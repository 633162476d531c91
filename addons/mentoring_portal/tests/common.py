import re
from datetime import date, timedelta

from lxml import html

from odoo import http
from odoo.addons.mentoring_base.tests.common import MentoringCase
from odoo.addons.mentoring_website.tests.common import bilingual_websites
from odoo.tests import HttpCase, new_test_user

MY_MENTORING = "/my/mentoring"


class PortalCase(HttpCase, MentoringCase):
    """Two relationships under way, each with a mentee and a mentor who have portal
    accounts, on a website in English and French (Canada):

    - ``relationship``: Amina Haddad (``mentee_user``) with Jean Tremblay
      (``mentor_user``), agreed four weeks ago, two meetings logged, two goals;
    - ``other_relationship``: Omar Said with Lucie Roy, one meeting, one goal.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.lang_en, cls.lang_fr = bilingual_websites(
            env, ["mentoring_base", "mentoring_website", "mentoring_portal"]
        )
        cls.fr = "/" + cls.lang_fr.url_code
        cls.mentee_user = cls._portal_person("amina_portal", "Amina Haddad", "en_US")
        cls.mentor_user = cls._portal_person("jean_portal", "Jean Tremblay", "en_US")
        cls.other_mentee_user = cls._portal_person("omar_portal", "Omar Said", "en_US")
        cls.other_mentor_user = cls._portal_person("lucie_portal", "Lucie Roy", "en_US")
        cls.mentee = cls._mentee(
            "Amina Haddad",
            cls.agency_a,
            partner_id=cls.mentee_user.partner_id.id,
            target_noc_id=cls.noc_software.id,
            career_objective="Work as a software developer in Ottawa.",
            credentials="Master's degree in computer science (WES assessed)",
            immigration_status="permanent_resident",
            clb_speaking=7,
        )
        cls.mentor = cls._mentor(
            "Jean Tremblay",
            partner_id=cls.mentor_user.partner_id.id,
            state="available",
            max_mentees=2,
            noc_id=cls.noc_software.id,
            phone="613-555-0101",
        )
        cls.other_mentee = cls._mentee(
            "Omar Said", cls.agency_b, partner_id=cls.other_mentee_user.partner_id.id
        )
        cls.other_mentor = cls._mentor(
            "Lucie Roy",
            partner_id=cls.other_mentor_user.partner_id.id,
            state="available",
            max_mentees=2,
        )
        cls.relationship = cls._agreed_relationship(cls.mentee, cls.mentor, meetings=2)
        cls.other_relationship = cls._agreed_relationship(
            cls.other_mentee, cls.other_mentor, meetings=1, topics="Omar's secret topic"
        )
        Goal = env["mentoring.goal"]
        cls.goal = Goal.create({"name": "Polish the résumé", "mentee_id": cls.mentee.id})
        cls.goal_2 = Goal.create(
            {"name": "Three informational interviews", "mentee_id": cls.mentee.id}
        )
        cls.other_goal = Goal.create(
            {"name": "Omar's confidential goal", "mentee_id": cls.other_mentee.id}
        )

    @classmethod
    def _portal_person(cls, login, name, lang):
        return new_test_user(
            cls.env,
            login=login,
            name=name,
            email=f"{login}@example.com",
            groups="base.group_portal",
            lang=lang,
            tz="America/Toronto",
        )

    # -- HTTP helpers ---------------------------------------------------------------

    def login(self, user):
        self.authenticate(user.login, user.login)

    def page(self, response):
        return html.fromstring(response.content)

    def text(self, response):
        return " ".join(self.page(response).text_content().split())

    def detail_url(self, relationship=None, prefix=""):
        return f"{prefix}{MY_MENTORING}/{(relationship or self.relationship).id}"

    def post_form(self, action, values, relationship=None, prefix=""):
        """POST one of the relationship page's forms with a valid CSRF token."""
        data = {"csrf_token": http.Request.csrf_token(self), **values}
        response = self.url_open(
            f"{self.detail_url(relationship, prefix)}/{action}", data=data, allow_redirects=True
        )
        self.env.invalidate_all()
        return response

    def meeting_values(self, **overrides):
        values = {
            "date": (date.today() - timedelta(days=1)).isoformat(),
            "duration": "1.5",
            "mode": "video",
            "topics": "Mock interview",
            "next_steps": "Send two applications",
        }
        values.update(overrides)
        return {key: value for key, value in values.items() if value is not None}

    def _event(self, relationship, start, duration=1.0):
        """A planned meeting of ``relationship`` in the calendar, made by staff."""
        return (
            self.env["calendar.event"]
            .sudo()
            .create(
                {
                    "name": "Mentoring meeting",
                    "start": start,
                    "stop": start + timedelta(hours=duration),
                    "duration": duration,
                    "mentoring_relationship_id": relationship.id,
                    "mentoring_kind": "meeting",
                    "partner_ids": [
                        (4, relationship.mentee_id.partner_id.id),
                        (4, relationship.mentor_id.partner_id.id),
                    ],
                }
            )
        )

    def field_error(self, response, form, key):
        """The message under field ``key`` of form ``form``, or None (spaces collapsed;
        non-breaking spaces kept: French typography is part of the message)."""
        nodes = self.page(response).xpath(f'//*[@id="{form}_{key}_error"]')
        return re.sub(r"[ \t\r\n]+", " ", nodes[0].text_content()).strip() if nodes else None
