"""First run: every website offers the pages in English and French (Canada)."""

from odoo import Command
from odoo.addons.mentoring_base.hooks import MENTORING_LANGS


def post_init_hook(env):
    setup_website_languages(env)


def setup_website_languages(env):
    """Add English and French (Canada) to every website's languages, so that ``/en/...``
    and ``/fr/...`` both answer, whatever languages the database was created with; each
    website keeps its default language (English on a database installed the README's
    way). ``mentoring_base`` activated both languages before.

    :return: the websites that got a language
    """
    langs = env["res.lang"].search([("code", "in", MENTORING_LANGS)])
    missing = env["website"].search([]).filtered(lambda site: langs - site.language_ids)
    for website in missing:
        website.language_ids = [Command.link(lang.id) for lang in langs - website.language_ids]
    return missing
