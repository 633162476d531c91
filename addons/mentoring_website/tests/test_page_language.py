from odoo.addons.mentoring_base.tools.language import collation_key
from odoo.tests import tagged

from .common import MENTEE_URL, MENTOR_URL, MentoringWebsiteCase


@tagged("post_install", "-at_install")
class TestPageLanguage(MentoringWebsiteCase):
    """What a francophone visitor sees beyond the form's labels: the share titles of the
    pages and the names of the provinces."""

    def _open(self, url):
        # A page seen in French sets the visitor's language cookie, which would send the
        # English URL to the French page: every request starts afresh.
        self.opener.cookies.pop("frontend_lang", None)
        return self.url_open(url)

    def _og_title(self, url):
        doc = self.page(self._open(url))
        return doc.xpath('//meta[@property="og:title"]/@content')

    def _provinces(self, url):
        doc = self.page(self._open(url))
        return [
            option.text_content()
            for option in doc.xpath('//select[@name="state_id"]/option[@value!=""]')
        ]

    def test_share_titles_in_the_visitors_language(self):
        website = self.env["website"].get_current_website()
        self.assertEqual(self._og_title(self.fr + MENTOR_URL), [f"Devenir mentor | {website.name}"])
        self.assertEqual(
            self._og_title(self.fr + MENTEE_URL), [f"Trouver un mentor | {website.name}"]
        )
        self.assertEqual(self._og_title(MENTOR_URL), [f"Become a mentor | {website.name}"])
        doc = self.page(self._open(self.fr + MENTEE_URL))
        self.assertEqual(
            doc.xpath('//meta[@name="twitter:title"]/@content'),
            [f"Trouver un mentor | {website.name}"],
        )

    def test_province_names_in_french_and_sorted(self):
        french = self._provinces(self.fr + MENTOR_URL)
        self.assertEqual(len(french), 13)
        for name in ("Québec", "Colombie-Britannique", "Île-du-Prince-Édouard", "Ontario"):
            self.assertIn(name, french)
        self.assertNotIn("Quebec", french)
        self.assertEqual(french, sorted(french, key=collation_key))
        self.assertLess(french.index("Île-du-Prince-Édouard"), french.index("Manitoba"))
        english = self._provinces(MENTEE_URL)
        self.assertIn("Quebec", english)
        self.assertIn("British Columbia", english)
        self.assertEqual(english, sorted(english, key=collation_key))
