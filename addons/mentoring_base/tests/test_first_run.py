from unittest.mock import patch

from odoo.tests import TransactionCase, tagged

from .. import hooks


@tagged("post_install", "-at_install")
class TestFirstRun(TransactionCase):
    """What installing the suite leaves in a database, however it was installed: English
    and French (Canada) active, English for contacts nothing else decides, each contact
    written to in their own language, and the company named (not "YourCompany")."""

    def test_english_and_french_active(self):
        active = self.env["res.lang"].search([]).mapped("code")
        self.assertIn("en_US", active)
        self.assertIn("fr_CA", active)

    def test_new_contact_in_english_unless_it_says_otherwise(self):
        Partner = self.env["res.partner"]
        self.assertEqual(self.env["ir.default"]._get("res.partner", "lang"), "en_US")
        self.assertEqual(Partner.create({"name": "No Preference"}).lang, "en_US")
        # Created by a francophone user: still English, the database's default.
        created_in_french = Partner.with_context(lang="fr_CA").create({"name": "Via Staff"})
        self.assertEqual(created_in_french.lang, "en_US")
        for lang in ("en_US", "fr_CA"):
            with self.subTest(lang=lang):
                self.assertEqual(
                    Partner.create({"name": f"Prefers {lang}", "lang": lang}).lang, lang
                )

    def test_mail_in_the_contacts_language(self):
        """An e-mail rendered for a contact is in the contact's language, not the sender's."""
        Partner = self.env["res.partner"]
        english = Partner.create({"name": "English Reader", "lang": "en_US"})
        french = Partner.create({"name": "Lectrice Française", "lang": "fr_CA"})
        template = self.env["mail.template"].create(
            {
                "name": "Language probe",
                "model_id": self.env.ref("base.model_res_partner").id,
                "subject": "{{ object.lang }}",
                "lang": "{{ object.lang }}",
            }
        )
        rendered = template.with_context(lang="fr_CA")._render_lang((english | french).ids)
        self.assertEqual(rendered, {english.id: "en_US", french.id: "fr_CA"})

    def test_french_only_database_gets_english_back(self):
        """A database created with ``--load-language=fr_CA`` alone: English is activated
        and becomes the default of new contacts again."""
        self.env["ir.default"].set("res.partner", "lang", "fr_CA")
        # English inactive as on such a database (its users and contacts left as they are).
        self.env.cr.execute("UPDATE res_lang SET active = FALSE WHERE code = 'en_US'")
        self.env["res.lang"].invalidate_model(["active"])
        self.env.registry.clear_cache("stable")
        self.assertEqual(hooks.setup_languages(self.env, modules=()), ["en_US"])
        self.assertTrue(self.env.ref("base.lang_en").active)
        self.assertEqual(self.env["ir.default"]._get("res.partner", "lang"), "en_US")
        self.assertEqual(self.env["res.partner"].create({"name": "Newcomer"}).lang, "en_US")

    def test_default_chosen_by_the_administrator_kept(self):
        self.env["ir.default"].set("res.partner", "lang", "fr_CA")
        self.assertEqual(hooks.setup_languages(self.env), [])
        self.assertEqual(self.env["ir.default"]._get("res.partner", "lang"), "fr_CA")

    def test_company_named_at_first_run(self):
        company = self.env.ref("base.main_company")
        self.assertNotIn(company.name, hooks.PLACEHOLDER_COMPANY_NAMES)
        company.partner_id.write(
            {
                "name": "YourCompany",
                "email": "info@yourcompany.com",
                "phone": "+1 555-555-5556",
                "city": "Brisbane",
                "country_id": self.env.ref("base.us").id,
            }
        )
        environ = {
            "MENTORING_COMPANY_NAME": "Ottawa Mentoring Collaborative",
            "MENTORING_COMPANY_EMAIL": "mentoring@example.org",
        }
        with patch.dict(hooks.os.environ, environ):
            self.assertEqual(hooks.setup_company(self.env), company)
        self.assertEqual(company.name, "Ottawa Mentoring Collaborative")
        self.assertEqual(company.email, "mentoring@example.org")
        self.assertFalse(company.phone)
        self.assertFalse(company.city)
        self.assertEqual(company.country_id, self.env.ref("base.ca"))

    def test_company_default_name_and_named_company_kept(self):
        company = self.env.ref("base.main_company")
        company.name = "My Company"
        with patch.dict(hooks.os.environ, {"MENTORING_COMPANY_NAME": ""}):
            hooks.setup_company(self.env)
        self.assertEqual(company.name, hooks.DEFAULT_COMPANY_NAME)
        company.name = "Agence de mentorat"
        self.assertFalse(hooks.setup_company(self.env))
        self.assertEqual(company.name, "Agence de mentorat")
