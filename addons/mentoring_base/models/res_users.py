from odoo import api, fields, models

REFERRER_GROUP = "mentoring_base.group_mentoring_agency_referrer"


class ResUsers(models.Model):
    _inherit = "res.users"

    mentoring_agency_id = fields.Many2one(
        "res.partner",
        string="Referring agency",
        domain=[("is_service_agency", "=", True), ("is_company", "=", True)],
        index="btree_not_null",
        help="Service agency this agency referrer works for. It decides which clients, "
        "referrals and outcomes the user sees; only an administrator can change it.",
    )
    is_mentoring_referrer = fields.Boolean(
        string="Is an agency referrer", compute="_compute_is_mentoring_referrer"
    )

    @api.depends("group_ids")
    def _compute_is_mentoring_referrer(self):
        # From group_ids (and what they imply) so the user form shows the agency field as
        # soon as the group is picked, before saving.
        referrer_group = self.env.ref(REFERRER_GROUP, raise_if_not_found=False)
        for user in self:
            groups = user.group_ids._origin
            groups |= groups.all_implied_ids
            user.is_mentoring_referrer = referrer_group in groups
