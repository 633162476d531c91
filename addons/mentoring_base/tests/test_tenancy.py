import base64
import io
import json

import openpyxl

from odoo import http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, HttpCase, tagged
from odoo.tools import mute_logger

from .common import MentoringCase, call_kw

MUTED = (
    "odoo.addons.base.models.ir_model",
    "odoo.addons.base.models.ir_rule",
    "odoo.http",
    "odoo.addons.web.controllers.export",
    "odoo.addons.mentoring_base.models.mentoring_tenancy_mixin",
)


@tagged("post_install", "-at_install")
class TestTenancyOverRpc(MentoringCase, HttpCase):
    """An agency referrer tries to cross the line between agencies, as an attacker would:
    through JSON-RPC, /web/content, exports and name_search. Every attempt gets a clear
    error and leaves the database as it was."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client_a = cls._mentee("Rpc Client A", cls.agency_a)
        cls.client_b = cls._mentee(
            "Rpc Client B",
            cls.agency_b,
            resume=base64.b64encode(b"%PDF-1.4 secret resume of B"),
            resume_filename="resume.pdf",
            career_objective="Nurse in Gatineau",
        )
        cls.staff_b = cls.referrer_b.partner_id

    def setUp(self):
        super().setUp()
        self.authenticate(self.referrer_a.login, self.referrer_a.login)

    def _rpc(self, model, method, *args, **kwargs):
        """``call_kw`` as the web client sends it; the decoded answer (result or error)."""
        return call_kw(self, model, method, *args, **kwargs)

    def _assert_refused(self, answer, exception, text):
        self.assertIn("error", answer, f"the call was accepted: {answer}")
        data = answer["error"]["data"]
        self.assertEqual(data["name"], f"odoo.exceptions.{exception.__name__}")
        self.assertIn(text, data["message"])

    def _snapshot(self, *records):
        return [record.sudo().read(list(fields))[0] for record, fields in records]

    # -- reading across the line -------------------------------------------------------

    @mute_logger(*MUTED)
    def test_another_agencys_contact_is_invisible(self):
        partner_b = self.client_b.partner_id
        answer = self._rpc("res.partner", "read", [partner_b.id], ["name", "email"])
        self._assert_refused(answer, AccessError, "doesn't have 'read' access")
        self.assertNotIn("Rpc Client B", json.dumps(answer))
        for model, domain in (
            ("res.partner", [("id", "=", partner_b.id)]),
            ("res.partner", [("email", "ilike", "rpc.client.b")]),
            ("mentoring.mentee", [("id", "=", self.client_b.id)]),
        ):
            self.assertEqual(self._rpc(model, "search_read", domain, ["name"])["result"], [])
        names = self._rpc("res.partner", "name_search", "Rpc Client")["result"]
        self.assertEqual([name for _id, name in names], ["Rpc Client A"])
        self.assertEqual(
            self._rpc("mentoring.mentee", "name_search", "Rpc Client")["result"],
            [[self.client_a.id, "Rpc Client A"]],
        )
        # Their own agency's client, the agency, its staff and internal users stay readable.
        visible = self._rpc(
            "res.partner",
            "read",
            [self.client_a.partner_id.id, self.agency_a.id, self.referrer_a.partner_id.id],
            ["name"],
        )
        self.assertEqual(len(visible["result"]), 3)
        # Another agency's staff are not part of the directory.
        self._assert_refused(
            self._rpc("res.partner", "read", [self.staff_b.id], ["email"]), AccessError, ""
        )

    @mute_logger(*MUTED)
    def test_files_and_exports_of_another_agency(self):
        response = self.url_open(
            f"/web/content/mentoring.mentee/{self.client_b.id}/resume?download=true"
        )
        self.assertIn(response.status_code, (403, 404))
        self.assertNotIn(b"secret resume", response.content)
        # Even with the right to export, the export reads with the referrer's rights.
        self.referrer_a.group_ids += self.env.ref("base.group_allow_export")
        response = self.url_open(
            "/web/export/csv",
            data={
                "data": json.dumps(
                    {
                        "model": "mentoring.mentee",
                        "fields": [{"name": "name", "label": "Name"}],
                        "ids": [self.client_b.id],
                        "domain": [],
                        "import_compat": False,
                    }
                ),
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertNotIn(b"Rpc Client B", response.content)
        self.assertNotEqual(response.status_code, 200)
        # Related fields do not open a way round: a referral's résumé is the client's.
        answer = self._rpc(
            "mentoring.referral",
            "create",
            {"mentee_id": self.client_b.id, "agency_id": self.agency_a.id},
        )
        self._assert_refused(answer, AccessError, "you can only choose records of your own")

    # -- writing across the line -------------------------------------------------------

    @mute_logger(*MUTED)
    def test_referral_on_another_agencys_client(self):
        count = self.env["mentoring.referral"].search_count([])
        answer = self._rpc(
            "mentoring.referral",
            "create",
            {"mentee_id": self.client_b.id, "program_id": self.program.id},
        )
        self._assert_refused(answer, AccessError, "Client: you can only choose records of your")
        # Another agency named on one's own referral: refused as well.
        answer = self._rpc(
            "mentoring.referral",
            "create",
            {
                "mentee_id": self.client_a.id,
                "program_id": self.program.id,
                "agency_id": self.agency_b.id,
            },
        )
        self._assert_refused(answer, AccessError, "is set by program staff")
        self.assertEqual(self.env["mentoring.referral"].search_count([]), count)

    @mute_logger(*MUTED)
    def test_reparenting_and_tenancy_fields(self):
        own = self.referrer_a.partner_id
        client = self.client_a.partner_id
        before = self._snapshot(
            (own, ("parent_id", "client_of_agency_id")),
            (client, ("parent_id", "client_of_agency_id")),
            (self.client_a, ("referring_agency_id", "state", "program_id", "facilitator_id")),
            (self.referrer_a, ("mentoring_agency_id",)),
        )
        for model, record, values, text in (
            ("res.partner", own, {"parent_id": self.agency_b.id}, "you can only choose"),
            ("res.partner", client, {"parent_id": self.agency_b.id}, "you can only choose"),
            ("res.partner", client, {"client_of_agency_id": self.agency_b.id}, "program staff"),
            ("mentoring.mentee", self.client_a, {"referring_agency_id": self.agency_b.id}, ""),
            ("mentoring.mentee", self.client_a, {"state": "ready"}, "program staff"),
            ("mentoring.mentee", self.client_a, {"program_id": False}, "program staff"),
            ("mentoring.mentee", self.client_a, {"facilitator_id": self.referrer_a.id}, ""),
            ("mentoring.mentee", self.client_a, {"partner_id": self.staff_b.id}, ""),
        ):
            with self.subTest(model=model, values=values):
                answer = self._rpc(model, "write", [record.id], values)
                self._assert_refused(answer, AccessError, text)
        # Their own user's agency is set by an administrator only.
        answer = self._rpc(
            "res.users", "write", [self.referrer_a.id], {"mentoring_agency_id": self.agency_b.id}
        )
        self.assertIn("error", answer)
        # A new contact is a client of their own agency, never of another.
        answer = self._rpc("res.partner", "create", {"name": "Fresh Client"})
        created = self.env["res.partner"].browse(answer["result"])
        self.assertEqual(created.client_of_agency_id, self.agency_a)
        answer = self._rpc(
            "res.partner",
            "create",
            {"name": "Planted Contact", "client_of_agency_id": self.agency_b.id},
        )
        self._assert_refused(answer, AccessError, "program staff")
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Planted Contact")]))
        after = self._snapshot(
            (own, ("parent_id", "client_of_agency_id")),
            (client, ("parent_id", "client_of_agency_id")),
            (self.client_a, ("referring_agency_id", "state", "program_id", "facilitator_id")),
            (self.referrer_a, ("mentoring_agency_id",)),
        )
        self.assertEqual(after, before)

    @mute_logger(*MUTED)
    def test_goal_and_referral_workflow_fields(self):
        goal = self.env["mentoring.goal"].create({"name": "Résumé", "mentee_id": self.client_a.id})
        answer = self._rpc("mentoring.goal", "write", [goal.id], {"mentee_id": self.client_b.id})
        self._assert_refused(answer, AccessError, "")
        answer = self._rpc(
            "mentoring.goal", "create", {"name": "Planted", "mentee_id": self.client_b.id}
        )
        self._assert_refused(answer, AccessError, "you can only choose")
        self.assertEqual(goal.mentee_id, self.client_a)
        referral = self.env["mentoring.referral"].create(
            {"mentee_id": self.client_a.id, "agency_id": self.agency_a.id}
        )
        for values in ({"state": "accepted"}, {"override_reason": "x"}, {"agency_id": False}):
            with self.subTest(values=values):
                answer = self._rpc("mentoring.referral", "write", [referral.id], values)
                self._assert_refused(answer, AccessError, "program staff")
        # No context key unlocks a workflow write any more.
        answer = self._rpc(
            "mentoring.referral",
            "write",
            [referral.id],
            {"state": "accepted"},
            context={"mentoring_referral_workflow": True},
        )
        self._assert_refused(answer, AccessError, "program staff")
        self.assertEqual(referral.state, "draft")

    @mute_logger(*MUTED)
    def test_onchange_does_not_open_another_agencys_client(self):
        """A referral's fields that show the client's profile follow the user's rights."""
        answer = self._rpc(
            "mentoring.referral",
            "onchange",
            [],
            {"mentee_id": self.client_b.id},
            ["mentee_id"],
            {
                "mentee_id": {"fields": {"display_name": {}}},
                "resume": {},
                "career_objective": {},
                "consent_share": {},
            },
        )
        # The client is dropped (or the call refused): nothing of their profile comes back.
        self.assertFalse(answer.get("result", {}).get("value", {}).get("mentee_id"))
        self.assertNotIn(self.client_b.sudo().resume.decode(), json.dumps(answer))
        self.assertNotIn("Nurse in Gatineau", json.dumps(answer))
        self.assertNotIn("Rpc Client B", json.dumps(answer))

    @mute_logger(*MUTED)
    def test_mass_mail_about_another_agencys_records(self):
        relationship = self.env["mentoring.relationship"].create(
            {
                "mentee_id": self.client_b.id,
                "mentor_id": self._mentor("Rpc Mentor", state="available", max_mentees=1).id,
                "program_id": self.program.id,
            }
        )
        template = self.env["mail.template"].search(
            [("model", "=", "mentoring.relationship")], limit=1
        ) or self.env["mail.template"].create(
            {
                "name": "Proposal",
                "model_id": self.env["ir.model"]._get_id("mentoring.relationship"),
                "body_html": "<p><t t-out='object.mentee_id.name'/></p>",
            }
        )
        messages = self.env["mail.message"].search_count([])
        answer = self._rpc(
            "mail.compose.message",
            "create",
            {
                "model": "mentoring.relationship",
                "res_ids": str([relationship.id]),
                "composition_mode": "mass_mail",
                "template_id": template.id,
                "partner_ids": [(6, 0, self.referrer_a.partner_id.ids)],
            },
        )
        if "result" in answer:
            answer = self._rpc("mail.compose.message", "action_send_mail", [answer["result"]])
        self._assert_refused(answer, AccessError, "")
        self.assertEqual(self.env["mail.message"].search_count([]), messages)
        self.assertFalse(
            self.env["mail.mail"].sudo().search([("body_html", "ilike", "Rpc Client B")])
        )

    @mute_logger(*MUTED)
    def test_followers_of_another_agencys_records(self):
        self.client_b.message_subscribe(partner_ids=self.staff_b.ids)
        self.client_a.message_subscribe(partner_ids=self.referrer_a.partner_id.ids)
        for domain in (
            [("res_model", "=", "mentoring.mentee")],
            [("res_model", "=", "res.partner")],
            [("email", "ilike", "referrer_b")],
        ):
            with self.subTest(domain=domain):
                answer = self._rpc("mail.followers", "search_read", domain, ["res_id", "name"])
                self.assertEqual(answer["result"], [])

    @mute_logger(*MUTED)
    def test_context_defaults_cannot_plant_values(self):
        """``default_*`` context keys are values like any other: checked the same way."""
        counts = {
            model: self.env[model].search_count([])
            for model in ("res.partner", "mentoring.mentee", "mentoring.referral")
        }
        for model, values, context, text in (
            ("res.partner", {"name": "Fake Desk"}, {"default_parent_id": self.agency_b.id}, ""),
            (
                "mentoring.referral",
                {"program_id": self.program.id},
                {"default_mentee_id": self.client_b.id},
                "you can only choose",
            ),
            (
                "mentoring.referral",
                {"mentee_id": self.client_a.id},
                {"default_agency_contact_id": self.staff_b.id},
                "you can only choose",
            ),
            (
                "mentoring.referral",
                {"mentee_id": self.client_a.id},
                {"default_state": "accepted", "default_override_reason": "x"},
                "program staff",
            ),
            ("mentoring.mentee", {"name": "Planted"}, {"default_state": "matched"}, "staff"),
            (
                "mentoring.mentee",
                {"name": "Planted"},
                {"default_referrer_id": self.staff_b.id},
                "you can only choose",
            ),
            (
                "mentoring.mentee",
                {"name": "Planted"},
                {"default_program_id": self.program.id},
                "program staff",
            ),
        ):
            with self.subTest(model=model, context=context):
                answer = self._rpc(model, "create", values, context=context)
                self._assert_refused(answer, AccessError, text)
                # No message names the other agency's client.
                self.assertNotIn("Rpc Client B", json.dumps(answer))
        self.assertEqual({model: self.env[model].search_count([]) for model in counts}, counts)

    @mute_logger(*MUTED)
    def test_fields_of_the_contact_rules(self):
        client = self.client_a.partner_id
        for values in (
            {"commercial_partner_id": self.agency_b.id},
            {"is_company": True},
        ):
            with self.subTest(values=values):
                answer = self._rpc("res.partner", "write", [client.id], values)
                self._assert_refused(answer, AccessError, "program staff")
        self.assertEqual(client.commercial_partner_id, client)
        self.assertFalse(client.is_company)
        # Counters on the agency and the program read what the referrer may read only.
        answer = self._rpc(
            "res.partner",
            "read",
            [self.agency_a.id],
            ["referred_mentee_count", "employee_mentor_count"],
        )
        self.assertEqual(answer["result"][0]["referred_mentee_count"], 1)
        self.assertEqual(answer["result"][0]["employee_mentor_count"], 0)

    @mute_logger(*MUTED)
    def test_errors_in_french(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(["mentoring_base"], ["fr_FR"])
        self.referrer_a.lang = "fr_FR"
        answer = self._rpc(
            "mentoring.referral",
            "create",
            {"mentee_id": self.client_b.id, "program_id": self.program.id},
            context={"lang": "fr_FR"},  # as the web client sends it
        )
        self._assert_refused(answer, AccessError, "vous ne pouvez choisir que")


@tagged("post_install", "-at_install")
class TestTenancyRules(MentoringCase):
    """The rules behind the line, in the ORM: agency of the user, acceptance, gate."""

    @mute_logger(*MUTED)
    def test_referrer_without_agency_sees_nothing(self):
        self._mentee("Someone", self.agency_a)
        self.referrer_a.mentoring_agency_id = False
        self.assertFalse(self.env["mentoring.mentee"].with_user(self.referrer_a).search([]))
        self.assertFalse(
            self.env["res.partner"]
            .with_user(self.referrer_a)
            .search([("client_of_agency_id", "!=", False)])
        )
        self.assertTrue(self.referrer_a.is_mentoring_referrer)

    @mute_logger(*MUTED)
    def test_own_contact_company_no_longer_decides(self):
        """The agency comes from the user, not from their own (editable) contact."""
        client_b = self._mentee("Client Of B", self.agency_b)
        self.referrer_a.partner_id.sudo().parent_id = self.agency_b
        Mentee = self.env["mentoring.mentee"].with_user(self.referrer_a)
        self.assertNotIn(client_b, Mentee.search([]))

    @mute_logger(*MUTED)
    def test_consent_withdrawal_closes_the_follow_up_to_the_agency(self):
        mentee = self._mentee("Withdrawing Client", self.agency_a, state="ready")
        mentee.write({"consent_share": True, "consent_date": "2026-01-05"})
        relationship = self.env["mentoring.relationship"].create(
            {
                "mentee_id": mentee.id,
                "mentor_id": self._mentor("Mentor W", state="available", max_mentees=1).id,
                "program_id": self.program.id,
            }
        )
        Relationship = self.env["mentoring.relationship"].with_user(self.referrer_a)
        self.assertEqual(Relationship.search([("mentee_id", "=", mentee.id)]), relationship)
        # Recorded by staff (mentoring_privacy's action writes it as superuser).
        mentee.sudo().write({"consent_share": False, "consent_withdrawn_date": "2026-03-01"})
        self.assertFalse(Relationship.search([("mentee_id", "=", mentee.id)]))
        as_referrer = mentee.with_user(self.referrer_a)
        with self.assertRaisesText(AccessError, "only program staff can record"):
            as_referrer.write({"consent_share": True, "consent_date": "2026-03-02"})
        with self.assertRaisesText(AccessError, "is set by program staff"):
            as_referrer.write({"consent_withdrawn_date": False})
        self.assertFalse(Relationship.search([("mentee_id", "=", mentee.id)]))
        self.assertFalse(mentee.consent_share)

    def test_user_form_shows_the_agency_once_the_group_is_picked(self):
        with Form(
            self.env["res.users"].with_context(no_reset_password=True),
            view="mentoring_base.res_users_view_form_mentoring",
        ) as form:
            form.name = "New Referrer"
            form.login = "new.referrer"
            self.assertFalse(form.is_mentoring_referrer)
            form.group_ids.add(self.env.ref("mentoring_base.group_mentoring_agency_referrer"))
            self.assertTrue(form.is_mentoring_referrer)
            form.mentoring_agency_id = self.agency_a

    def test_mentee_contact_follows_the_referring_agency(self):
        mentee = self._mentee("Moving Client", self.agency_a)
        self.assertEqual(mentee.partner_id.client_of_agency_id, self.agency_a)
        mentee.referring_agency_id = self.agency_b
        self.assertEqual(mentee.partner_id.client_of_agency_id, self.agency_b)

    def test_acceptance_never_moves_a_client_of_another_agency(self):
        client_b = self._mentee("Client Of B", self.agency_b)
        with self.assertRaisesText(ValidationError, "already a client of another agency"):
            self.env["mentoring.referral"].create(
                {"mentee_id": client_b.id, "agency_id": self.agency_a.id}
            )
        client = self._mentee("Shared Client", self.agency_a)
        referral = self.env["mentoring.referral"].create(
            {
                "mentee_id": client.id,
                "agency_id": self.agency_a.id,
                "state": "submitted",
                "override_reason": "Accepted by a manager",
            }
        )
        client.referring_agency_id = self.agency_b  # moved by staff after the referral
        with self.assertRaisesText(UserError, "would move them to another agency"):
            referral.with_user(self.coordinator).action_accept()
        self.assertEqual(client.referring_agency_id, self.agency_b)
        self.assertEqual(referral.state, "submitted")

    def test_eligibility_gate_from_the_mentee_form(self):
        mentee = self._mentee("Gated Client", self.agency_a)
        self.env["mentoring.referral"].create(
            {"mentee_id": mentee.id, "agency_id": self.agency_a.id, "state": "submitted"}
        )
        as_coordinator = mentee.with_user(self.coordinator)
        as_coordinator.action_confirm_eligible()
        with self.assertRaisesText(UserError, "referral has not been accepted"):
            as_coordinator.action_start_orientation()
        self.assertEqual(mentee.state, "eligible")
        # Without any referral (self-referred or created by staff), staff decide.
        direct = self._mentee("Direct Client", state="eligible")
        direct.with_user(self.coordinator).action_start_orientation()
        self.assertEqual(direct.state, "orientation")


@tagged("post_install", "-at_install")
class TestExportFormulas(MentoringCase, HttpCase):
    """Text typed by the public (a name, an objective) never becomes a spreadsheet formula
    in Odoo's standard export."""

    def test_xlsx_export_writes_text_as_text(self):
        mentee = self._mentee('=HYPERLINK("http://example.com","Click")', self.agency_a)
        mentee.career_objective = "+1+1"
        self.coordinator.group_ids += self.env.ref("base.group_allow_export")
        self.authenticate(self.coordinator.login, self.coordinator.login)
        for groupby in ([], ["referring_agency_id"]):
            with self.subTest(groupby=groupby):
                response = self.url_open(
                    "/web/export/xlsx",
                    data={
                        "data": json.dumps(
                            {
                                "model": "mentoring.mentee",
                                "fields": [
                                    {"name": "name", "label": "Name", "type": "char"},
                                    {
                                        "name": "career_objective",
                                        "label": "Objective",
                                        "type": "text",
                                    },
                                ],
                                "ids": mentee.ids,
                                "domain": [("id", "=", mentee.id)],
                                "groupby": groupby,
                                "import_compat": False,
                            }
                        ),
                        "csrf_token": http.Request.csrf_token(self),
                    },
                )
                self.assertEqual(response.status_code, 200)
                sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
                cells = {
                    cell.value: cell.data_type
                    for row in sheet.iter_rows()
                    for cell in row
                    if cell.value in (mentee.name, "+1+1")
                }
                self.assertEqual(cells, {mentee.name: "s", "+1+1": "s"})


@tagged("post_install", "-at_install")
class TestOutsidersOverHttp(MentoringCase, HttpCase):
    """Portal users and visitors reach no mentoring data, whatever id they put in a URL."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client = cls._mentee(
            "Outsider Target",
            cls.agency_a,
            resume=base64.b64encode(b"%PDF-1.4 private resume"),
            resume_filename="resume.pdf",
        )
        cls.referral = cls.env["mentoring.referral"].create(
            {"mentee_id": cls.client.id, "agency_id": cls.agency_a.id}
        )
        # The portal user is the client themselves: still no access to program records.
        cls.portal_user.partner_id = cls.client.partner_id

    def _call(self, model, method, *args):
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "id": 1,
                    "params": {"model": model, "method": method, "args": args, "kwargs": {}},
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        return response.json()

    @mute_logger(*MUTED)
    def test_portal_user_and_visitor(self):
        for login in (self.portal_user.login, None):
            with self.subTest(user=login or "visitor"):
                self.authenticate(login, login)
                for model, record in (
                    ("mentoring.mentee", self.client),
                    ("mentoring.referral", self.referral),
                ):
                    answer = self._call(model, "read", [record.id], ["name"])
                    self.assertIn("error", answer)
                    self.assertNotIn("Outsider Target", json.dumps(answer))
                    answer = self._call(model, "search_read", [], ["name"])
                    self.assertIn("error", answer)
                response = self.url_open(
                    f"/web/content/mentoring.mentee/{self.client.id}/resume?download=true"
                )
                self.assertNotIn(b"private resume", response.content)
                self.assertNotEqual(response.status_code, 200)
