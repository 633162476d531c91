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

    @api.depends("all_group_ids")
    def _compute_is_mentoring_referrer(self):
        referrer_group = self.env.ref(REFERRER_GROUP, raise_if_not_found=False)
        for user in self:
            user.is_mentoring_referrer = referrer_group in user.all_group_ids
