"""Websites of databases installed before 19.0.1.2.0 offer English and French (Canada),
as a first run now does (issue #11): ``/en/...`` no longer answers 404 on a database
created French-only; a website still called "My Website" takes its company's name."""

import logging

from odoo import SUPERUSER_ID, api
from odoo.addons.mentoring_website.hooks import name_websites, setup_website_languages

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    websites = setup_website_languages(env)
    _logger.info("Websites given English and French: %s.", ", ".join(websites.mapped("name")))
    renamed = name_websites(env)
    _logger.info("Websites named after their company: %s.", ", ".join(renamed.mapped("name")))
