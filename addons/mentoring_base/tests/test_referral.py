import base64
import importlib.util
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger
from odoo.tools.misc import file_path

from .common import MentoringCase

RESUME = base64.b64encode(b"%PDF-1.4 resume")


@tagged("post_install", "-at_install")
class TestReferral(MentoringCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.open_program = cls.env.ref("mentoring_base.program_open_access")
        cls.open_program.coordinator_ids = cls.coordinator
        cls.contact_a = cls.referrer_a.partner_id
        cls.contact_a.lang = "en_US"  # the French case is tested on its own
        cls.ontario = cls.env.ref("base.state_ca_on")

    @classmethod
    def _eligible_profile(cls, **vals):
        return {
            "immigration_status": "permanent_resident",
            "education_country_id": cls.env.ref("base.in").id,
            "clb_listening": 6,
            "clb_speaking": 5,
            "clb_reading": 7,
            "clb_writing": 5,
            "state_id": cls.ontario.id,
            "country_id": cls.env.ref("base.ca").id,
            "job_search_workshop": True,
            "career_objective": "Work as a software developer",
            "resume": RESUME,
            "resume_filename": "resume.pdf",
            "action_plan_started": True,
            "consent_share": True,
            "consent_date": "2026-09-01",
            **vals,
        }

    def _referral(self, name="Client Person", user=None, **profile):
        """A referral by agency A's referrer, made through the forms as they would."""
        user = user or self.referrer_a
        mentee = (
            self.env["mentoring.mentee"]
            .with_user(user)
            .create(
                {"name": name, "email": "client@example.com", **self._eligible_profile(**profile)}
            )
        )
        with Form(self.env["mentoring.referral"].with_user(user)) as form:
            form.mentee_id = mentee
            self.assertEqual(form.agency_id, user.partner_id.parent_id)
            self.assertEqual(form.agency_contact_id, user.partner_id)
            self.assertEqual(form.program_id, self.open_program)
        return form.record

    def _referred_back_mail(self, referral):
        return self.env["mail.mail"].search(
            [
                ("model", "=", "mentoring.referral"),
                ("res_id", "=", referral.id),
                ("recipient_ids", "in", self.contact_a.ids),
            ]
        )

    def test_consent_typed_on_the_referral_in_any_order(self):
        """The web client sends consent before its date (view order): both reach the
        client together, so the check between them is satisfied."""
        referral = self._referral(consent_share=False, consent_date=False)
        self.assertFalse(referral.mentee_id.consent_share)
        referral.with_user(self.referrer_a).write(
            {"consent_share": True, "consent_date": "2026-11-20"}
        )
        self.assertEqual(
            (referral.mentee_id.consent_share, str(referral.mentee_id.consent_date)),
            (True, "2026-11-20"),
        )
        mentee = (
            self.env["mentoring.mentee"]
            .with_user(self.referrer_a)
            .create({"name": "Second Client", "email": "second.client@example.com"})
        )
        created = (
            self.env["mentoring.referral"]
            .with_user(self.referrer_a)
            .create({"mentee_id": mentee.id, "consent_share": True, "consent_date": "2026-11-21"})
        )
        self.assertEqual(str(created.mentee_id.consent_date), "2026-11-21")
        with self.assertRaisesText(ValidationError, "gave consent"):
            created.with_user(self.referrer_a).write({"consent_date": False})

    def test_refer_review_accept(self):
        referral = self._referral()
        self.assertEqual(referral.state, "draft")
        self.assertTrue(referral.name.startswith("REF/"))
        referral.action_submit()
        self.assertEqual((referral.state, referral.date_submitted), ("submitted", date.today()))
        activity = referral.activity_ids
        self.assertEqual(activity.user_id, self.coordinator)
        # The coordinator reviews: every criterion of the program is listed with its value.
        as_coordinator = referral.with_user(self.coordinator)
        as_coordinator.action_start_review()
        results = referral.eligibility_result_ids
        self.assertEqual(len(results), 5)
        self.assertTrue(all(results.mapped("passed")))
        self.assertEqual(results.filtered(lambda r: "Benchmark" in r.explanation).value_seen, "5")
        self.assertEqual(
            results.filtered(lambda r: "Ontario" in r.explanation).value_seen,
            self.ontario.display_name,
        )
        as_coordinator.action_accept()
        mentee = referral.mentee_id
        self.assertEqual(referral.state, "accepted")
        self.assertEqual(referral.days_to_decision, 0)
        self.assertEqual(mentee.state, "orientation", "accepted means eligible, then orientation")
        self.assertTrue(mentee.date_eligible and mentee.date_orientation)
        self.assertEqual(mentee.program_id, self.open_program)
        self.assertFalse(referral.activity_ids, "the review to-do is done")

    def test_submission_needs_every_piece(self):
        referral = self._referral(resume=False, action_plan_started=False)
        with self.assertRaisesText(UserError, "the client's résumé") as caught:
            referral.action_submit()
        self.assertIn("an action plan started", str(caught.exception))
        self.assertEqual(referral.state, "draft")
        self.assertFalse(referral.activity_ids)
        referral.mentee_id.action_plan_started = True
        referral.write({"resume": RESUME, "resume_filename": "cv.pdf"})
        referral.action_submit()
        self.assertEqual(referral.state, "submitted")

    def test_benchmark_boundary(self):
        for level, expected in ((4, False), (5, True)):
            with self.subTest(level=level):
                referral = self._referral(f"Level {level}", clb_writing=level)
                referral.action_submit()
                referral.with_user(self.coordinator).action_start_review()
                result = referral.eligibility_result_ids.filtered(
                    lambda r: r.rule_id.field_name == "clb_min"
                )
                self.assertEqual((result.passed, result.value_seen), (expected, str(level)))
                self.assertEqual(
                    referral.eligibility_verdict, "eligible" if expected else "ineligible"
                )

    def test_each_mentee_criterion(self):
        cases = [
            ({"immigration_status": "convention_refugee"}, "immigration_status", True),
            ({"immigration_status": "work_permit"}, "immigration_status", False),
            ({"immigration_status": False}, "immigration_status", False),
            (
                {"education_country_id": self.env.ref("base.ca").id},
                "internationally_educated",
                False,
            ),
            ({"state_id": self.env.ref("base.state_ca_qc").id}, "state_id", False),
            ({"job_search_workshop": False}, "job_search_workshop", False),
            ({"clb_reading": 0}, "clb_min", False),
        ]
        for index, (profile, field, expected) in enumerate(cases):
            with self.subTest(profile=profile):
                referral = self._referral(f"Case {index}", **profile)
                referral.action_submit()
                referral.with_user(self.coordinator).action_start_review()
                result = referral.eligibility_result_ids.filtered(
                    lambda r, field=field: r.rule_id.field_name == field
                )
                self.assertEqual(result.passed, expected)

    def test_mandatory_failure_blocks_until_manager_overrides(self):
        referral = self._referral(clb_speaking=3)
        referral.action_submit()
        as_coordinator = referral.with_user(self.coordinator)
        as_coordinator.action_start_review()
        with self.assertRaisesText(UserError, "Canadian Language Benchmark 5 or higher"):
            as_coordinator.action_accept()
        self.assertEqual(referral.state, "review")
        self.assertEqual(referral.mentee_id.state, "candidate")
        with self.assertRaisesText(UserError, "Only a mentoring manager"):
            as_coordinator.action_override_eligibility("Strong candidate")
        wizard_action = referral.with_user(self.manager).action_open_override_wizard()
        wizard = Form(
            self.env[wizard_action["res_model"]]
            .with_user(self.manager)
            .with_context(**wizard_action["context"])
        )
        self.assertIn("Canadian Language Benchmark", wizard.failed_criteria)
        wizard.reason = "CLB 3 speaking but works in English daily; assessed by facilitator."
        with self.assertRaises(UserError):
            referral.with_user(self.manager).action_override_eligibility("   ")
        wizard.save().action_override()
        self.assertEqual(referral.state, "accepted")
        self.assertEqual(referral.override_user_id, self.manager)
        self.assertTrue(
            any("assessed by facilitator" in body for body in referral.message_ids.mapped("body"))
        )

    def test_refer_back_and_resubmit(self):
        referral = self._referral()
        referral.action_submit()
        wizard_action = referral.with_user(self.coordinator).action_open_refer_back_wizard()
        Wizard = self.env[wizard_action["res_model"]].with_user(self.coordinator)
        wizard = Wizard.with_context(**wizard_action["context"]).create({})
        with self.assertRaisesText(UserError, "at least one reason"):
            referral.with_user(self.coordinator).action_refer_back(
                self.env["mentoring.referral.back.reason"]
            )
        wizard.reason_ids = self.env.ref("mentoring_base.back_reason_resume")
        wizard.note = "Please use the Canadian format."
        wizard.action_refer_back()
        self.assertEqual(referral.state, "referred_back")
        mail = self._referred_back_mail(referral)
        self.assertEqual(len(mail), 1)
        self.assertIn("Résumé not ready", str(mail.body_html))
        self.assertIn("Please use the Canadian format.", str(mail.body_html))
        self.assertIn("Résumé not ready", referral.message_ids[0].body)
        # The agency sees the reasons, fixes and submits again; history is kept.
        as_referrer = referral.with_user(self.referrer_a)
        self.assertEqual(as_referrer.back_reason_ids.name, "Résumé not ready")
        as_referrer.career_objective = "Junior software developer in Ottawa"
        as_referrer.action_submit()
        self.assertEqual(referral.state, "submitted")
        self.assertGreaterEqual(len(referral.message_ids), 3)

    def test_refer_back_email_in_french(self):
        self.env["res.lang"]._activate_lang("fr_CA")
        self.env["ir.module.module"]._load_module_terms(
            ["mentoring_base"], ["fr_CA"], overwrite=True
        )
        self.contact_a.lang = "fr_CA"
        self.contact_a.email = "agent@agency-a.example.com"
        referral = self._referral()
        referral.action_submit()
        referral.with_user(self.coordinator).action_refer_back(
            self.env.ref("mentoring_base.back_reason_language"), "Suivre un cours de langue."
        )
        mail = self._referred_back_mail(referral)
        self.assertIn("renvoyé", mail.subject)
        body = str(mail.body_html)
        self.assertIn("Bonjour", body)
        self.assertIn("Niveaux de compétence linguistique", body)
        self.assertIn("Suivre un cours de langue.", body)

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
    def test_referrer_cannot_close_the_coordinators_review_todo(self):
        referral = self._referral()
        referral.with_user(self.referrer_a).action_submit()
        review = referral.activity_ids
        self.assertEqual(review.user_id, self.coordinator)
        as_referrer = review.with_user(self.referrer_a)
        with self.assertRaises(AccessError):
            as_referrer.action_feedback("done")
        with self.assertRaises(AccessError):
            as_referrer.unlink()
        with self.assertRaises(AccessError):
            as_referrer.write({"date_deadline": "2030-01-01"})
        self.assertTrue(review.exists() and review.active)
        # Withdrawing still closes it, on the referrer's behalf.
        referral.with_user(self.referrer_a).action_withdraw()
        self.assertFalse(referral.activity_ids)

    def test_self_referral_referred_back_tells_the_person(self):
        self.env["res.lang"]._activate_lang("fr_CA")
        self.env["ir.module.module"]._load_module_terms(
            ["mentoring_base"], ["fr_CA"], overwrite=True
        )
        mentee = self.env["mentoring.mentee"].create(
            {"name": "Self Applicant", "email": "self.applicant@example.com", "lang": "fr_CA"}
        )
        Referral = self.env["mentoring.referral"]
        referral = Referral.create(
            {"mentee_id": mentee.id, **Referral._self_referral_values(self.open_program)}
        )
        self.assertFalse(referral.agency_id)
        referral.with_user(self.coordinator).action_refer_back(
            self.env.ref("mentoring_base.back_reason_language"), "Faire évaluer vos niveaux."
        )
        mail = self.env["mail.mail"].search(
            [
                ("model", "=", "mentoring.referral"),
                ("res_id", "=", referral.id),
                ("recipient_ids", "in", mentee.partner_id.ids),
            ]
        )
        self.assertEqual(len(mail), 1)
        body = str(mail.body_html)
        self.assertIn("Bonjour", body)
        self.assertNotIn("organisme", body)
        self.assertIn("Faire évaluer vos niveaux.", body)
        note = referral.message_ids.filtered(lambda message: "Reasons" in str(message.body))
        self.assertIn("who referred themselves", str(note.body))

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
    def test_agency_isolation_and_locked_decisions(self):
        referral_a = self._referral("Client A")
        referral_b = self._referral("Client B", user=self.referrer_b)
        Referral_a = self.env["mentoring.referral"].with_user(self.referrer_a)
        self.assertEqual(Referral_a.search([]), referral_a)
        with self.assertRaises(AccessError):
            referral_b.with_user(self.referrer_a).read(["name"])
        with self.assertRaises(AccessError):
            referral_a.with_user(self.referrer_a).write({"state": "accepted"})
        with self.assertRaises(AccessError):
            referral_a.with_user(self.referrer_a).action_accept()
        referral_a.with_user(self.referrer_a).action_submit()
        with self.assertRaisesText(UserError, "was submitted"):
            referral_a.with_user(self.referrer_a).write({"notes": "<p>late change</p>"})
        self.assertEqual(referral_a.state, "submitted")
        self.assertEqual(
            self.env["mentoring.referral"]
            .with_user(self.coordinator)
            .search_count([("id", "in", (referral_a | referral_b).ids)]),
            2,
        )

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
    def test_self_referral_is_a_referral_without_agency(self):
        """A person who refers themselves enters the coordinators' review queue like an
        agency's client: checked for eligibility and accepted there, a résumé optional.
        Agency referrers neither see it nor file a referral without their agency."""
        Referral = self.env["mentoring.referral"]
        mentee = self.env["mentoring.mentee"].create(
            {
                "name": "Self Person",
                "email": "self.person@example.com",
                "self_referred": True,
                **self._eligible_profile(resume=False, action_plan_started=False),
                "referral_ids": [Command.create(Referral._self_referral_values(self.open_program))],
            }
        )
        referral = mentee.referral_ids
        self.assertRecordValues(
            referral,
            [{"agency_id": False, "state": "submitted", "date_submitted": date.today()}],
        )
        to_review = [("state", "in", ("submitted", "review"))]  # the "To review" filter
        self.assertIn(referral, Referral.with_user(self.coordinator).search(to_review))
        self.assertNotIn(referral, Referral.with_user(self.referrer_a).search([]))
        with self.assertRaises(AccessError):
            referral.with_user(self.referrer_a).read(["name"])
        as_coordinator = referral.with_user(self.coordinator)
        as_coordinator.action_start_review()
        self.assertEqual(referral.eligibility_verdict, "eligible")
        as_coordinator.action_accept()
        self.assertEqual((referral.state, mentee.state), ("accepted", "orientation"))
        self.assertFalse(mentee.referring_agency_id)
        # Recorded by staff (a phone call): submitted without résumé or action plan.
        phoned = Referral.with_user(self.coordinator).create(
            {
                "mentee_id": self.env["mentoring.mentee"]
                .create({"name": "Phone Person", **self._eligible_profile(resume=False)})
                .id,
                "agency_id": False,
            }
        )
        phoned.action_submit()
        self.assertEqual(phoned.state, "submitted")
        client = (
            self.env["mentoring.mentee"]
            .with_user(self.referrer_a)
            .create({"name": "Agency Client", **self._eligible_profile()})
        )
        with self.assertRaisesText(AccessError, "set by program staff"):
            Referral.with_user(self.referrer_a).create({"mentee_id": client.id, "agency_id": False})

    def test_upgrade_puts_waiting_self_referrals_in_the_queue(self):
        """Upgrading to 19.0.1.3.0 gives each self-referred candidate still waiting, and
        without referral, a referral submitted on the day they applied."""
        Mentee = self.env["mentoring.mentee"]
        waiting = Mentee.create(
            {
                "name": "Waiting Self",
                "self_referred": True,
                "program_id": self.open_program.id,
                "date_candidate": "2026-02-03",
            }
        )
        admitted = Mentee.create(
            {"name": "Admitted Self", "self_referred": True, "state": "eligible"}
        )
        path = file_path("mentoring_base/migrations/19.0.1.3.0/post-migrate.py")
        spec = importlib.util.spec_from_file_location("post_migrate_19_0_1_3_0", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for _run in range(2):
            module.migrate(self.env.cr, "19.0.1.2.0")
            self.env.invalidate_all()
            self.assertRecordValues(
                waiting.referral_ids,
                [
                    {
                        "agency_id": False,
                        "program_id": self.open_program.id,
                        "state": "submitted",
                        "date_submitted": date(2026, 2, 3),
                    }
                ],
            )
        self.assertFalse(admitted.referral_ids)

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
    def test_portal_and_public_read_nothing(self):
        self._referral()
        public = self.env.ref("base.public_user")
        for user in (self.portal_user, public, self.employee):
            for model in ("mentoring.referral", "mentoring.mentee", "mentoring.eligibility.result"):
                with self.subTest(user=user.login, model=model), self.assertRaises(AccessError):
                    self.env[model].with_user(user).search([])


@tagged("post_install", "-at_install")
class TestEligibilityRules(MentoringCase):
    def test_rule_values_validated(self):
        program = self.program
        clb_min = self.env.ref("mentoring_base.field_mentoring_mentee__clb_min")
        Rule = self.env["mentoring.eligibility.rule"]
        with self.assertRaisesText(ValidationError, "not a valid value"):
            Rule.create(
                {
                    "program_id": program.id,
                    "role": "mentee",
                    "field_id": clb_min.id,
                    "operator": "gte",
                    "value": "five",
                    "explanation": "CLB 5",
                }
            )
        with self.assertRaisesText(ValidationError, "must look at a field of the Mentor profile"):
            Rule.create(
                {
                    "program_id": program.id,
                    "role": "mentor",
                    "field_id": clb_min.id,
                    "operator": "gte",
                    "value": "5",
                    "explanation": "CLB 5",
                }
            )
        rule = Rule.create(
            {
                "program_id": program.id,
                "role": "mentee",
                "field_id": clb_min.id,
                "operator": "gte",
                "value": "5",
                "explanation": "CLB 5",
                "mandatory": False,
            }
        )
        mentee = self._mentee(
            "Advisory Person", clb_listening=4, clb_speaking=4, clb_reading=4, clb_writing=4
        )
        self.assertEqual(rule._evaluate(mentee)["passed"], False)

    def test_mentor_screening_rules(self):
        program = self.env.ref("mentoring_base.program_open_access")
        for years, commitment, ok in ((1, 3, False), (2, 2, False), (2, 3, True)):
            with self.subTest(years=years, commitment=commitment):
                mentor = self._mentor(
                    f"Mentor {years} {commitment}",
                    years_experience_region=years,
                    commitment_months=commitment,
                    program_ids=[program.id],
                )
                if ok:
                    mentor.action_start_orientation()
                    self.assertEqual(mentor.state, "orientation")
                else:
                    with self.assertRaisesText(UserError, "does not meet"):
                        mentor.action_start_orientation()
                    self.assertEqual(mentor.state, "screening")
                    mentor.action_check_eligibility()
                    self.assertEqual(mentor.eligibility_verdict, "ineligible")

    def test_open_access_program_ships_the_source_rules(self):
        rules = self.env.ref("mentoring_base.program_open_access").eligibility_rule_ids
        self.assertEqual(
            sorted((r.role, r.field_id.name, r.operator, r.value) for r in rules),
            [
                ("mentee", "clb_min", "gte", "5"),
                ("mentee", "immigration_status", "in", "permanent_resident,convention_refugee"),
                ("mentee", "internationally_educated", "eq", "true"),
                ("mentee", "job_search_workshop", "eq", "true"),
                ("mentee", "state_id", "eq", "ON"),
                ("mentor", "commitment_months", "gte", "3"),
                ("mentor", "years_experience_region", "gte", "2"),
            ],
        )
        self.assertTrue(all(rules.mapped("mandatory")))


@tagged("post_install", "-at_install")
class TestOrientation(MentoringCase):
    def test_mentee_orientation_steps(self):
        mentee = self._mentee("Orientation Person", self.agency_a)
        mentee.action_confirm_eligible()
        mentee.action_start_orientation()
        self.assertEqual(mentee.orientation_step, "needs_assessment")
        with self.assertRaisesText(UserError, "next step is “Needs assessment”"):
            mentee.action_mark_ready()
        self.assertEqual(mentee.orientation_step_since, date.today())
        mentee.needs_assessment_date = "2026-06-01"
        self.assertEqual(mentee.orientation_step, "session")
        self.assertEqual(mentee.orientation_step_since, max(date(2026, 6, 1), date.today()))
        mentee.orientation_session_date = "2026-06-08"
        self.assertEqual(mentee.orientation_step, "action_plan")
        with self.assertRaisesText(UserError, "next step is “Action plan”"):
            mentee.action_mark_ready()
        self.assertEqual(mentee.state, "orientation")
        mentee.action_plan_started = True
        mentee.action_mark_ready()
        self.assertEqual((mentee.state, mentee.date_ready), ("ready", date.today()))
        waiting = self.env["mentoring.mentee"].search(
            [("state", "=", "orientation"), ("orientation_step", "=", "session")]
        )
        self.assertNotIn(mentee, waiting)
