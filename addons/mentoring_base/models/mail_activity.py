from odoo import fields, models

from .mentoring_tenancy_mixin import STAFF_GROUP


class MailActivity(models.Model):
    _inherit = "mail.activity"

    mentoring_key = fields.Char(
        readonly=True,
        copy=False,
        help="What a to-do planned by the mentoring suite is about (e.g. 'no_meeting', "
        "'checkin:2026-04'): the same to-do is not planned twice for a person on a record "
        "while it is open, whatever language its summary was written in.",
    )

    def _check_access(self, operation):
        """Outside users of the mentoring records (agency referrers, plain employees) may
        change, mark done or cancel only their own activities there: Odoo lets anyone who
        may write a document close every activity on it, which would let a referrer close
        the coordinator's "Review referral" to-do on their own agency's referral.

        :return: as ``models.Model._check_access``: None, or (forbidden activities,
            function making the error)
        """
        result = super()._check_access(operation)
        if operation not in ("write", "unlink") or not self or self.env.su:
            return result
        if self.env.user.has_group(STAFF_GROUP):
            return result
        others = self.sudo().filtered(
            lambda activity: (
                (activity.res_model or "").startswith("mentoring.")
                and activity.user_id != self.env.user
            )
        )
        if not others:
            return result
        forbidden = self.browse(others.ids)
        if result:
            forbidden |= result[0]
        return forbidden, lambda: forbidden._make_access_error(operation)
