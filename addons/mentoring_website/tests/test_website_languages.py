from odoo import Command
from odoo.tests import HttpCase, tagged

from .. import hooks
from .common import MENTEE_URL, MENTOR_URL


@tagged("post_install", "-at_install")
class TestWebsiteLanguages(HttpCase):
    """The website as installed, without a test setting its languages: the pages answer in
    English and in French, under /en/... and /fr/... alike."""

    def test_every_website_offers_both_languages(self):
        for website in self.env["website"].search([]):
            with self.subTest(website=website.name):
                self.assertIn("en_US", website.language_ids.mapped("code"))
                self.assertIn("fr_CA", website.language_ids.mapped("code"))
                self.assertIn(website.default_lang_id, website.language_ids)

    def test_pages_in_both_languages(self):
        website = self.env["website"].get_current_website()
        for lang in website.language_ids.filtered(lambda lang: lang.code in hooks.MENTORING_LANGS):
            for url in (MENTOR_URL, MENTEE_URL):
                with self.subTest(lang=lang.code, url=url):
                    response = self.url_open(f"/{lang.url_code}{url}")
                    self.assertEqual(response.status_code, 200)
                    self.assertIn(f'lang="{lang.code.replace("_", "-")}"', response.text)

    def test_language_added_back_to_a_website(self):
        """A website left in French only (a database created French-only) offers English
        again after the first run."""
        website = self.env["website"].create({"name": "French-only site"})
        french = self.env.ref("base.lang_fr_CA")
        website.write({"language_ids": [Command.set(french.ids)], "default_lang_id": french.id})
        self.assertIn(website, hooks.setup_website_languages(self.env))
        self.assertEqual(
            set(website.language_ids.mapped("code")), {"en_US", "fr_CA"}, website.language_ids
        )
        self.assertEqual(website.default_lang_id, french)
        self.assertFalse(hooks.setup_website_languages(self.env))

    def test_placeholder_website_named_after_the_company(self):
        placeholder = self.env["website"].create({"name": "My Website"})
        chosen = self.env["website"].create({"name": "Mentoring Ottawa"})
        self.assertIn(placeholder, hooks.name_websites(self.env))
        self.assertEqual(placeholder.name, placeholder.company_id.name)
        self.assertEqual(chosen.name, "Mentoring Ottawa")
