"""Databases installed before 19.0.1.3.0 get what a first run now gives (issue #11):
English and French (Canada) both active; on a database created French-only
(``--load-language=fr_CA``), English becomes again the language of new contacts."""

import logging

from odoo import SUPERUSER_ID, api
from odoo.addons.mentoring_base.hooks import setup_languages

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    activated = setup_languages(env, modules=())
    _logger.info("Languages activated: %s.", ", ".join(activated) or "none")
