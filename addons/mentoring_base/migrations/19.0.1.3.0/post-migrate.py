"""A self-referral enters the coordinators' review queue as a referral without agency:
each self-referred candidate still waiting for a review, without any referral, gets one,
submitted on the day they applied (the empty satisfaction ratings: pre-migrate.py)."""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
    waiting = (
        env["mentoring.mentee"]
        .with_context(active_test=False)
        .search(
            [
                ("self_referred", "=", True),
                ("state", "=", "candidate"),
                ("referral_ids", "=", False),
            ]
        )
    )
    Referral = env["mentoring.referral"]
    default_program = env["mentoring.program"]._default_program()
    values = []
    for mentee in waiting:
        program = mentee.program_id or default_program
        if not program:
            continue
        values.append(
            {
                **Referral._self_referral_values(program),
                "mentee_id": mentee.id,
                "date_submitted": mentee.date_candidate or mentee.create_date.date(),
            }
        )
    Referral.create(values)
    _logger.info("Self-referrals put in the review queue: %s.", len(values))
