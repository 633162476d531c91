"""First run: every website offers the pages in English and French (Canada) and carries
the organization's name instead of Odoo's placeholder."""

from odoo import Command
from odoo.addons.mentoring_base.hooks import MENTORING_LANGS

# Names Odoo gives the websites it creates, replaced by the company's name at first run.
PLACEHOLDER_NAMES = ("My Website",)


def post_init_hook(env):
    setup_website_languages(env)
    name_websites(env)


def name_websites(env):
    """Give each website still named with Odoo's placeholder ("My Website") its company's
    name (set by mentoring_base at first run), so that page and share titles read "Find a
    mentor | <organization>". A name someone chose is kept.

    :return: the websites renamed
    """
    placeholders = env["website"].search([("name", "in", PLACEHOLDER_NAMES)])
    for website in placeholders:
        website.name = website.company_id.name
    return placeholders


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
