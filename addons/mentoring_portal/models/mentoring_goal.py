from odoo import fields, models

# What a mentor may write on a goal from the portal; what a mentee may change.
MAX_COMMENT_LENGTH = 2000


class MentoringGoal(models.Model):
    _inherit = "mentoring.goal"

    # Program staff read it in the back office. Nobody else reads or writes it over RPC
    # (agency referrers write their clients' goals, but not the mentor's word): the
    # mentor writes it from "My mentoring" (``_portal_set_mentor_comment``), the mentee
    # reads it there.
    mentor_comment = fields.Text(
        string="Mentor's comment",
        groups="mentoring_base.group_mentoring_user",
        copy=False,
        help="Written by the mentor from “My mentoring”; the mentee and program staff read it.",
    )

    def _portal_set_status(self, status):
        """Set the progress of these goals as the mentee marked it in the portal.

        The caller (the portal controller) has checked that the goals belong to the
        mentee of a relationship under way of the current user; hence ``sudo``.

        :param str status: a value of the ``status`` selection
        :raise ValueError: an unknown status (the controller validates first)
        """
        if status not in dict(self._fields["status"].selection):
            raise ValueError(status)
        self.sudo().write({"status": status})

    def _portal_set_mentor_comment(self, comment):
        """Store the mentor's comment (text, ``MAX_COMMENT_LENGTH`` characters at most,
        empty clears it); checked records only, see :meth:`_portal_set_status`."""
        self.sudo().write({"mentor_comment": (comment or "")[:MAX_COMMENT_LENGTH] or False})

    def _mentoring_anonymized_fields(self):
        """Hook of ``mentoring_privacy`` (defined on every model when it is installed):
        the mentor's comment is free text about the mentee, erased with the rest."""
        parent = getattr(super(), "_mentoring_anonymized_fields", None)
        return (parent() if parent else set()) | {"mentor_comment"}
