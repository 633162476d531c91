from odoo import models
from odoo.http import request
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

# Share titles (``og:title``, ``twitter:title``) of the pages, by view key: the same titles
# as the pages' ``additional_title``, which the view's own name (untranslated) replaced.
PAGE_TITLES = {
    "mentoring_website.become_a_mentor": _lt("Become a mentor"),
    "mentoring_website.mentor_thank_you": _lt("Thank you"),
    "mentoring_website.self_referral": _lt("Find a mentor"),
    "mentoring_website.mentee_thank_you": _lt("Thank you"),
}


class IrUiView(models.Model):
    _inherit = "ir.ui.view"

    def _default_website_meta(self):
        """The share title of this module's pages in the visitor's language, "<title> |
        <website>" like Odoo's default (which takes the view's name, never translated).
        A title set in the page's SEO settings (``website_meta_title``) still wins."""
        meta = super()._default_website_meta()
        title = PAGE_TITLES.get(self.key)
        if title:
            text = f"{self.env._(title)} | {request.website.name}"
            meta["default_opengraph"]["og:title"] = text
            meta["default_twitter"]["twitter:title"] = text
        return meta
