from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged
from odoo.tools import mute_logger

from .common import PrivacyCase

MUTED = ("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
# Stored free-text fields that are not about the person and stay, with why.
KEPT = {
    ("mentoring.referral", "name"): "the referral's reference number",
    ("mentoring.checkin", "period"): "the month of the check-in",
}
TEXT_TYPES = ("char", "text", "html", "binary")


@tagged("post_install", "-at_install")
class TestAnonymize(PrivacyCase):
    def _statistics(self):
        """What managers and funders count: it must not move when someone is anonymized."""
        env = self.env
        return {
            "mentees": env["mentoring.mentee"]._read_group(
                [], ["target_noc_id", "state", "program_id", "referring_agency_id"], ["__count"]
            ),
            "clb": env["mentoring.mentee"]._read_group([], ["clb_min"], ["__count"]),
            "mentors": env["mentoring.mentor"]._read_group([], ["noc_id", "state"], ["__count"]),
            "relationships": env["mentoring.relationship"]._read_group(
                [],
                ["stage_id", "closure_reason"],
                ["__count", "hours_total:sum", "weeks_met:sum", "mentee_satisfaction:sum"],
            ),
            "meetings": env["mentoring.meeting"]._read_group(
                [], ["date:month"], ["__count", "duration:sum"]
            ),
            "checkins": env["mentoring.checkin"]._read_group(
                [], ["period"], ["__count", "mentee_rating:sum"]
            ),
            "outcomes": env["mentoring.outcome"]._read_group(
                [], ["checkpoint", "employment_status", "job_noc_id"], ["__count"]
            ),
            "referrals": env["mentoring.referral"]._read_group(
                [], ["state", "agency_id"], ["__count"]
            ),
            "goals": env["mentoring.goal"]._read_group([], ["status"], ["__count"]),
        }

    def _anonymize_with_dialog(self, people, user):
        action = people.with_user(user).action_open_anonymize_wizard()
        wizard_model = self.env[action["res_model"]].with_user(user)
        form = Form(wizard_model.with_context(**action["context"]))
        self.assertEqual(form.participant_count, len(people))
        result = form.save().action_anonymize()
        self.assertEqual(result["params"]["type"], "success")

    def test_anonymize_clears_personal_data_and_keeps_statistics(self):
        mentee, partner, relationship = self.mentee, self.mentee.partner_id, self.relationship
        consent_date = mentee.consent_date
        # Tracked changes, written at the end of a transaction: former values of cleared
        # fields (career objective, phone) and a link to Amina kept on another field.
        mentee.write({"career_objective": "Amina's second objective", "phone": "613 555 0199"})
        temp = self._mentee("Temp Client", self.agency_a)
        relinked = self._referral(temp, self.agency_a, "Relinked")
        self.env.cr.flush()
        relinked.mentee_id = mentee
        self.env.cr.flush()
        Tracking = self.env["mail.tracking.value"]
        self.assertTrue(Tracking.search([("new_value_text", "ilike", "second objective")]))
        self.assertTrue(Tracking.search([("new_value_char", "=", "Amina Ready")]))
        before = self._statistics()
        # A change tracked at the end of this transaction: its former value must not be kept.
        mentee.career_objective = "Amina's third objective"
        label = f"Anonymized participant #{partner.id}"
        self._anonymize_with_dialog(mentee, self.manager)
        self.env.cr.flush()

        # The contact: a neutral name, no contact data; province and country stay.
        self.assertEqual(mentee.name, label)
        self.assertEqual(partner.name, label)
        for field in ("email", "phone", "street", "city", "zip", "website", "function"):
            self.assertFalse(partner[field], field)
        self.assertFalse(partner.image_1920)
        self.assertFalse(partner.comment)
        self.assertEqual(partner.state_id, self.env.ref("base.state_ca_on"))
        # Each declared field of each record is cleared.
        records = [
            mentee,
            partner,
            self.referral,
            relationship,
            relationship.meeting_ids,
            relationship.checkin_ids,
            relationship.outcome_ids,
            self.goal,
        ]
        for record in (record for records_ in records for record in records_):
            for name, value in record._mentoring_anonymized_values().items():
                with self.subTest(model=record._name, field=name):
                    if name == "name" and record._name == "res.partner":
                        self.assertEqual(record.name, label)
                    elif value:
                        self.assertEqual(record[name], value)
                    else:
                        self.assertFalse(record[name])
        self.assertFalse(mentee.resume)
        self.assertFalse(mentee.career_objective)
        self.assertFalse(self.referral.notes)
        self.assertFalse(relationship.meeting_ids.mapped("topics")[0])
        self.assertFalse(self.goal.note)
        self.assertEqual(self.goal.name, "Anonymized")
        # Codes, dates, states and numbers stay.
        self.assertEqual(mentee.target_noc_id, self.noc_software)
        self.assertEqual(mentee.state, "completed")
        self.assertEqual((mentee.clb_listening, mentee.clb_min), (7, 6))
        self.assertEqual(mentee.referring_agency_id, self.agency_a)
        self.assertEqual((mentee.consent_share, mentee.consent_date), (True, consent_date))
        self.assertTrue(mentee.date_completed)
        self.assertEqual(relationship.stage_type, "completed")
        self.assertEqual(relationship.hours_total, 4.5)
        self.assertEqual(relationship.mentee_satisfaction, 5)
        self.assertEqual(self.goal.status, "todo")
        exit_outcome = relationship.outcome_ids.filtered(lambda o: o.checkpoint == "exit")
        self.assertEqual(
            (exit_outcome.employment_status, exit_outcome.hours_per_week),
            ("employed_in_field", 37.5),
        )
        self.assertEqual(self.referral.state, "draft")
        self.assertTrue(self.referral.name)
        self.assertEqual(self._statistics(), before, "counts by NOC, state, ... do not move")
        # The relationship's name follows the contact's; the mentor is untouched.
        self.assertEqual(relationship.name, f"{label} / Jean Available")
        self.assertEqual(self.mentor.motivation, "I was a newcomer too.")
        # Bola's records are untouched.
        self.assertEqual(self.other.name, "Bola Other")
        self.assertEqual(self.other_relationship.mentee_feedback, "Bola was great.")
        self.assertIn("Bola", self.other_referral.notes)

        # Nothing of Amina remains in the chatter, the tracked values or the attachments.
        self.assertFalse(self.mentee_attachment.exists())
        self.assertFalse(self.relationship_attachment.exists())
        Message = self.env["mail.message"]
        # (The demo data has another Amina: look for this one's texts.)
        texts = (
            "Amina Ready",
            "Amina's",
            "Amina was",
            "amina.ready@privacy-test.example.org",
            "613 555 0",
            "second objective",
            "third objective",
        )
        for text in texts:
            with self.subTest(text=text):
                self.assertFalse(Message.search([("body", "ilike", text)]))
                self.assertFalse(self.env["res.partner"].search([("name", "ilike", text)]))
                tracking = self.env["mail.tracking.value"].search(
                    [
                        "|",
                        "|",
                        ("old_value_char", "ilike", text),
                        ("new_value_char", "ilike", text),
                        "|",
                        ("old_value_text", "ilike", text),
                        ("new_value_text", "ilike", text),
                    ]
                )
                self.assertFalse(tracking)
        activity_names = filter(None, self.env["mail.activity"].search([]).mapped("res_name"))
        self.assertNotIn("Amina Ready", " ".join(activity_names))
        # The log: who and when, without the former name.
        log = mentee.message_ids[0]
        self.assertEqual(log.author_id, self.manager.partner_id)
        self.assertIn("Participant anonymized by", log.body)
        self.assertIn(self.manager.name, log.body)
        self.assertNotIn("Amina Ready", log.body)
        self.assertEqual(mentee.anonymized_on, date.today())
        self.assertEqual(mentee.anonymized_by_id, self.manager)

        # A second time is refused, cleanly.
        with self.assertRaisesText(UserError, "already anonymized"):
            mentee.with_user(self.manager).action_open_anonymize_wizard()
        with self.assertRaisesText(UserError, "already anonymized"):
            mentee.with_user(self.manager).action_anonymize()
        # The old name and e-mail find nothing any more.
        wizard = self.env["privacy.lookup.wizard"].create(
            {"name": "Amina Ready", "email": "amina.ready@privacy-test.example.org"}
        )
        wizard.action_lookup()
        self.assertFalse(wizard.line_ids)

    @mute_logger(*MUTED)
    def test_only_managers_anonymize(self):
        for user in (self.coordinator, self.mentoring_user, self.referrer_a, self.employee):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.mentee.with_user(user).action_open_anonymize_wizard()
                with self.assertRaises(AccessError):
                    self.mentee.with_user(user).action_anonymize()
                with self.assertRaises(AccessError):
                    self.env["mentoring.privacy.anonymize.wizard"].with_user(user).create(
                        {"res_model": "mentoring.mentee", "res_ids": self.mentee.ids}
                    )
        with self.assertRaisesText(AccessError, "Only a mentoring manager"):
            self.mentee.with_user(self.coordinator).action_anonymize()
        self.assertEqual(self.mentee.name, "Amina Ready")
        # Nobody writes the anonymization fields by hand, not even a manager.
        with self.assertRaises(AccessError):
            self.mentee.with_user(self.manager).write({"anonymized_on": date.today()})
        self.assertFalse(self.mentee.anonymized_on)

    def test_refused_while_in_an_open_relationship_or_with_an_internal_account(self):
        active = self._ready_mentee(self.env, "Chen Active", self.agency_a)
        third_mentor = self._available_mentor(self.env, "Marie Third")
        self._agree(self._propose(active, third_mentor))
        with self.assertRaisesText(UserError, "open mentoring relationship"):
            active.with_user(self.manager).action_anonymize()
        self.assertEqual(active.name, "Chen Active")
        with self.assertRaisesText(UserError, "internal user account"):
            self.env["mentoring.mentee"].create(
                {"partner_id": self.employee.partner_id.id}
            ).with_user(self.manager).action_anonymize()

    def test_mentee_who_became_a_mentor_is_one_person(self):
        portal = new_test_user(
            self.env,
            login="amina_portal",
            groups="base.group_portal",
            name="Amina Ready",
            partner_id=self.mentee.partner_id.id,
        )
        as_mentor = self.env["mentoring.mentor"].create(
            {"partner_id": self.mentee.partner_id.id, "motivation": "Give back, says Amina"}
        )
        self.mentee.with_user(self.manager).action_anonymize()
        self.assertTrue(as_mentor.anonymized_on)
        self.assertFalse(as_mentor.motivation)
        self.assertFalse(portal.active)
        self.assertNotIn("amina", portal.login)
        self.assertIn("anonymized by", as_mentor.message_ids[0].body)

    def test_list_action_anonymizes_a_selection(self):
        people = self.mentee | self.other
        action = people.with_user(self.manager).action_open_anonymize_wizard()
        self.assertEqual(action["context"]["default_res_ids"], people.ids)
        wizard = (
            self.env["mentoring.privacy.anonymize.wizard"]
            .with_user(self.manager)
            .with_context(**action["context"])
            .create({})
        )
        self.assertIn("Bola Other", wizard.participant_names)
        wizard.action_anonymize()
        self.assertTrue(all(people.mapped("anonymized_on")))
        # A manager's dialog is hers: another manager cannot read it.
        other_manager = new_test_user(
            self.env, login="other_manager", groups="mentoring_base.group_mentoring_manager"
        )
        with mute_logger(*MUTED), self.assertRaises(AccessError):
            wizard.with_user(other_manager).read(["participant_names"])

    def test_every_free_text_field_is_declared(self):
        """Each stored text, HTML or file field of a record about a participant is cleared
        or knowingly kept (fields of this addon and of the addons it depends on)."""
        closure = set()
        todo = self.env["ir.module.module"].search([("name", "=", "mentoring_privacy")])
        while todo:
            closure |= set(todo.mapped("name"))
            todo = todo.dependencies_id.depend_id.filtered(
                lambda module, known=frozenset(closure): module.name not in known
            )
        Fields = self.env["ir.model.fields"]
        models = [
            "res.partner",
            "mentoring.mentee",
            "mentoring.mentor",
            "mentoring.referral",
            "mentoring.relationship",
            "mentoring.meeting",
            "mentoring.checkin",
            "mentoring.outcome",
            "mentoring.goal",
            "mentoring.session.attendance",
            "mentoring.eligibility.result",
        ]
        for model_name in models:
            Model = self.env[model_name]
            declared = Model._mentoring_anonymized_fields()
            for name, field in Model._fields.items():
                if (
                    field.type not in TEXT_TYPES
                    or not field.store
                    or field.inherited
                    or field.related
                    or (field.compute and field.readonly)
                ):
                    continue
                modules = set((Fields._get(model_name, name).modules or "").split(", "))
                if not modules <= closure:
                    continue
                with self.subTest(model=model_name, field=name):
                    self.assertTrue(
                        name in declared or (model_name, name) in KEPT,
                        "declare it in _mentoring_anonymized_fields, or keep it knowingly",
                    )
