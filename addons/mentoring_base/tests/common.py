import json
from contextlib import contextmanager, nullcontext
from datetime import date, timedelta

from freezegun import freeze_time

from odoo.tests import TransactionCase, new_test_user


def call_kw(http_case, model, method, *args, **kwargs):
    """``model.method(*args, **kwargs)`` over JSON-RPC, as the web client sends it, in
    ``http_case``'s session.

    :param http_case: an ``HttpCase`` (authenticated as the user to try)
    :return: the decoded answer: a dict with ``result`` or ``error``
    """
    response = http_case.url_open(
        f"/web/dataset/call_kw/{model}/{method}",
        data=json.dumps(
            {
                "jsonrpc": "2.0",
                "method": "call",
                "id": 1,
                "params": {"model": model, "method": method, "args": args, "kwargs": kwargs},
            }
        ),
        headers={"Content-Type": "application/json"},
    )
    http_case.assertEqual(response.status_code, 200)
    return response.json()


class MentoringCase(TransactionCase):
    """Organizations, users of every mentoring role, and helpers to make participants."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.agency_a = Partner.create(
            {"name": "Agency A Newcomer Services", "is_company": True, "is_service_agency": True}
        )
        cls.agency_b = Partner.create(
            {"name": "Agency B Employment Centre", "is_company": True, "is_service_agency": True}
        )
        cls.employer = Partner.create(
            {"name": "Rideau Test Software", "is_company": True, "is_employer": True}
        )
        cls.operator = Partner.create(
            {
                "name": "Lead Agency",
                "is_company": True,
                "is_program_operator": True,
                "is_service_agency": True,
            }
        )
        cls.program = cls.env["mentoring.program"].create(
            {"name": "Career Mentoring Test Program", "operator_id": cls.operator.id}
        )
        cls.noc_software = cls.env["mentoring.noc"].search([("code", "=", "21231")])
        cls.naics_design = cls.env["mentoring.naics"].search([("code", "=", "541514")])
        cls.referrer_a = cls._agency_user("referrer_a", cls.agency_a)
        cls.referrer_b = cls._agency_user("referrer_b", cls.agency_b)
        cls.mentoring_user = new_test_user(
            cls.env, login="mentoring_user", groups="mentoring_base.group_mentoring_user"
        )
        cls.coordinator = new_test_user(
            cls.env, login="coordinator", groups="mentoring_base.group_mentoring_coordinator"
        )
        cls.manager = new_test_user(
            cls.env, login="mentoring_manager", groups="mentoring_base.group_mentoring_manager"
        )
        cls.employee = new_test_user(cls.env, login="plain_employee", groups="base.group_user")
        cls.portal_user = new_test_user(cls.env, login="portal_person", groups="base.group_portal")

    @contextmanager
    def assertRaisesText(self, exception, text):
        """``assertRaises`` (rolling back what the failed call did), then check the message."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertIn(text, str(caught.exception))

    @classmethod
    def _agency_user(cls, login, agency):
        user = new_test_user(
            cls.env, login=login, groups="mentoring_base.group_mentoring_agency_referrer"
        )
        user.write({"mentoring_agency_id": agency.id})
        user.partner_id.parent_id = agency
        return user

    @classmethod
    def _mentee(cls, name, agency=None, **vals):
        return cls.env["mentoring.mentee"].create(
            {
                "name": name,
                "email": f"{name.lower().replace(' ', '.')}@example.com",
                "referring_agency_id": agency.id if agency else False,
                "program_id": cls.program.id,
                **vals,
            }
        )

    @classmethod
    def _mentor(cls, name, **vals):
        return cls.env["mentoring.mentor"].create(
            {"name": name, "email": f"{name.lower().replace(' ', '.')}@example.com", **vals}
        )

    @classmethod
    def _agreed_relationship(cls, mentee, mentor, meetings=0, duration=1.0, **meeting_values):
        """A relationship both people accepted (agreement signed), with ``meetings`` weekly
        meetings of ``duration`` hours from its planned start. The agreement is signed
        ``meetings`` weeks ago, so that every meeting logged has taken place (a meeting
        cannot be logged in the future)."""
        signed = (
            freeze_time(date.today() - timedelta(weeks=meetings)) if meetings else nullcontext()
        )
        with signed:
            relationship = cls.env["mentoring.relationship"].create(
                {
                    "mentee_id": mentee.id,
                    "mentor_id": mentor.id,
                    "program_id": cls.program.id,
                    "coordinator_id": cls.coordinator.id,
                }
            )
            relationship.action_mentee_accept()
            relationship.action_mentor_accept()
        cls.env["mentoring.meeting"].create(
            [
                {
                    "relationship_id": relationship.id,
                    "date": relationship.planned_start + timedelta(weeks=week),
                    "duration": duration,
                    **meeting_values,
                }
                for week in range(meetings)
            ]
        )
        return relationship
