"""Availability became a weekly grid ticked by people (``availability_slots`` on mentees
and mentors) instead of being read from the free text: the grid of each person who has
none yet is ticked once from what they typed, the text staying as other details."""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for model in ("mentoring.mentee", "mentoring.mentor"):
        filled = env[model]._fill_empty_availability_slots()
        _logger.info("%s: weekly availability ticked from the text for %s.", model, filled)
