"""Carry the line between agencies over to the new keys, so nobody loses what they saw:

- each agency referrer's agency, set on their user, is the service agency their contact
  belonged to (the key of 19.0.1.0.0);
- each mentee's contact is a client of the mentee's referring agency.
"""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    referrer_group = env.ref("mentoring_base.group_mentoring_agency_referrer")
    for user in referrer_group.with_context(active_test=False).all_user_ids:
        agency = user.partner_id.commercial_partner_id
        if not user.mentoring_agency_id and agency.is_company and agency.is_service_agency:
            user.mentoring_agency_id = agency
    mentees = env["mentoring.mentee"].with_context(active_test=False).search([])
    mentees._sync_client_of_agency()
