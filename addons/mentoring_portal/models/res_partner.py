from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.tools import SQL
from odoo.tools.misc import hash_sign, verify_hash_signed

# Reminders can be stopped from a link in each reminder. Canada's anti-spam law (CASL)
# wants an unsubscribe mechanism to keep working for at least 60 days after the message
# was sent: the link is valid for 90 days.
OPT_OUT_SCOPE = "mentoring_portal.reminders_opt_out"
OPT_OUT_TOKEN_DAYS = 90


def read_signed_token(env, scope, token, length):
    """The values a token signed with ``hash_sign`` carries, or ``None``.

    :param env: any environment (the signature key is read as superuser)
    :param str scope: the scope it was signed for (a token of another scope fails)
    :param str token: the token as received in a URL (any text: nothing is trusted)
    :param int length: number of values expected: a list of that many integers, except
        strings where the caller checks them
    :return: the list of values, or ``None`` when the token is malformed, tampered with,
        of another scope or expired
    """
    if not isinstance(token, str) or not 20 <= len(token) <= 1000:
        return None
    try:
        values = verify_hash_signed(env(su=True), scope, token)
    except (ValueError, TypeError):
        return None
    if not isinstance(values, list) or len(values) != length:
        return None
    return values


def lock_for_answer(records):
    """Lock the rows of ``records`` until the end of the transaction, then read them
    again: of two submissions of the same answer at once, the second waits for the first
    and sees it (a double submit changes nothing)."""
    records.env.cr.execute(
        SQL(
            "SELECT id FROM %s WHERE id IN %s FOR UPDATE",
            SQL.identifier(records._table),
            tuple(records.ids),
        )
    )
    records.invalidate_recordset()
    return records


def sign_token(env, scope, values, days):
    """A URL-safe token signed for ``scope`` carrying ``values``, valid ``days`` days."""
    return hash_sign(env(su=True), scope, values, expiration=timedelta(days=days))


class ResPartner(models.Model):
    _inherit = "res.partner"

    mentoring_reminders_opt_out = fields.Boolean(
        string="No mentoring reminders",
        tracking=True,
        help="This person asked not to receive mentoring reminders (meetings to log, "
        "outcome questions not answered yet). E-mails they must receive, such as a "
        "proposal, are still sent.",
    )

    def _mentoring_accepts_reminders(self):
        """Whether a mentoring reminder may be e-mailed to this person: they did not opt
        out, have an e-mail address, and are not on Odoo's mail blacklist.

        :return: bool
        """
        self.ensure_one()
        return bool(self._mentoring_accepting_reminders())

    def _mentoring_accepting_reminders(self):
        """Those of these people a mentoring reminder may be e-mailed to (see
        :meth:`_mentoring_accepts_reminders`), with one query on the blacklist.

        :return: ``res.partner`` (superuser), a subset of ``self``
        """
        partners = self.sudo().filtered(
            lambda partner: partner.email_normalized and not partner.mentoring_reminders_opt_out
        )
        if not partners:
            return partners
        # Read from the blacklist itself: ``is_blacklisted`` is not recomputed when an
        # address is added to it.
        blacklisted = set(
            self.env["mail.blacklist"]
            .sudo()
            .search([("email", "in", list(set(partners.mapped("email_normalized"))))])
            .mapped("email")
        )
        return partners.filtered(lambda partner: partner.email_normalized not in blacklisted)

    def _mentoring_opt_out_token(self):
        """Token of the link that stops this person's reminders (90 days)."""
        self.ensure_one()
        return sign_token(self.env, OPT_OUT_SCOPE, [self.id], OPT_OUT_TOKEN_DAYS)

    @api.model
    def _mentoring_from_opt_out_token(self, token):
        """The partner an opt-out token was made for, with the superuser's identity
        (``SUPERUSER_ID``: the change is not authored "Public user"), or an empty
        recordset."""
        empty = self.with_user(SUPERUSER_ID).browse()
        values = read_signed_token(self.env, OPT_OUT_SCOPE, token, 1)
        if not values or not isinstance(values[0], int):
            return empty
        return empty.browse(values[0]).exists()

    def _mentoring_public_url(self, path):
        """Absolute URL of the public page ``path`` in this person's language: the
        website's ``/fr/...`` prefix when their language is one of the website's and not
        its default, so that the page opens in their language whatever the browser's.

        :param str path: a path starting with ``/``
        :return: str, e.g. ``https://example.org/fr/mentoring/proposal/abc``
        """
        self.ensure_one()
        website = self.env["website"].sudo().get_current_website()
        lang_code = self.sudo().lang
        prefix = ""
        if lang_code and lang_code != website.default_lang_id.code:
            lang = website.language_ids.filtered(lambda language: language.code == lang_code)
            if lang:
                prefix = f"/{lang.url_code}"
        return f"{website.get_base_url()}{prefix}{path}"
