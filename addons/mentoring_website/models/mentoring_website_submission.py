from datetime import timedelta

from odoo import api, fields, models

# At most this many accepted applications per client address and per hour, both forms together.
DEFAULT_LIMIT_PER_HOUR = 5
LIMIT_PARAMETER = "mentoring_website.submission_limit_per_hour"
# Rows only serve the limit: they are deleted by the daily autovacuum after this many days.
KEEP_DAYS = 7


class MentoringWebsiteSubmission(models.Model):
    """One accepted application from the public website, kept a few days to limit abuse."""

    _name = "mentoring.website.submission"
    _description = "Website application (submission limit)"
    _order = "create_date desc, id desc"

    ip = fields.Char(string="IP address", required=True, readonly=True)
    form = fields.Selection(
        [("mentor", "Become a mentor"), ("mentee", "Self-referral")],
        required=True,
        readonly=True,
    )

    _ip_create_date_idx = models.Index("(ip, create_date)")

    @api.model
    def _limit_per_hour(self):
        value = self.env["ir.config_parameter"].sudo().get_param(LIMIT_PARAMETER)
        try:
            return int(value) if value else DEFAULT_LIMIT_PER_HOUR
        except ValueError:
            return DEFAULT_LIMIT_PER_HOUR

    @api.model
    def _is_over_limit(self, ip):
        """Whether ``ip`` already sent as many accepted applications as allowed this hour."""
        since = fields.Datetime.now() - timedelta(hours=1)
        count = self.sudo().search_count(
            [("ip", "=", ip or "unknown"), ("create_date", ">=", since)]
        )
        return count >= self._limit_per_hour()

    @api.model
    def _record_submission(self, ip, form):
        return self.sudo().create({"ip": ip or "unknown", "form": form})

    @api.autovacuum
    def _gc_old_submissions(self):
        limit = fields.Datetime.now() - timedelta(days=KEEP_DAYS)
        self.sudo().search([("create_date", "<", limit)]).unlink()
