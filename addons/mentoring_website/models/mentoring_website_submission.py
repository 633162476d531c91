from datetime import timedelta

from odoo import api, fields, models

FORMS = [("mentor", "Become a mentor"), ("mentee", "Self-referral")]
# At most this many accepted applications per client address, per form and per hour. High
# enough for a job fair or an agency's computer lab, where many people share one address.
DEFAULT_LIMIT_PER_HOUR = 30
# One system parameter per form: ``mentoring_website.submission_limit_mentor`` and
# ``mentoring_website.submission_limit_mentee``.
LIMIT_PARAMETER = "mentoring_website.submission_limit_%s"
# Rows only serve the limit: they are deleted by the daily autovacuum after this many days.
KEEP_DAYS = 7


class MentoringWebsiteSubmission(models.Model):
    """One accepted application from the public website, kept a few days to limit abuse."""

    _name = "mentoring.website.submission"
    _description = "Website application (submission limit)"
    _order = "create_date desc, id desc"

    ip = fields.Char(string="IP address", required=True, readonly=True)
    form = fields.Selection(FORMS, required=True, readonly=True)

    _ip_create_date_idx = models.Index("(ip, create_date)")

    @api.model
    def _limit_per_hour(self, form):
        """How many applications one address may send on ``form`` in an hour: the system
        parameter of that form, else 30. A value below 1 or not a number is ignored."""
        value = self.env["ir.config_parameter"].sudo().get_param(LIMIT_PARAMETER % form)
        try:
            limit = int(value)
        except (TypeError, ValueError):
            return DEFAULT_LIMIT_PER_HOUR
        return limit if limit > 0 else DEFAULT_LIMIT_PER_HOUR

    @api.model
    def _is_over_limit(self, ip, form):
        """Whether ``ip`` already sent as many accepted applications on ``form`` as allowed
        this hour (the other form has its own count)."""
        since = fields.Datetime.now() - timedelta(hours=1)
        count = self.sudo().search_count(
            [("ip", "=", ip or "unknown"), ("form", "=", form), ("create_date", ">=", since)]
        )
        return count >= self._limit_per_hour(form)

    @api.model
    def _record_submission(self, ip, form):
        return self.sudo().create({"ip": ip or "unknown", "form": form})

    @api.autovacuum
    def _gc_old_submissions(self):
        limit = fields.Datetime.now() - timedelta(days=KEEP_DAYS)
        self.sudo().search([("create_date", "<", limit)]).unlink()
