import re

from odoo import models


def scrub(text, replacements):
    """``text`` with every former value of ``replacements`` replaced (case-insensitive).

    :param str text: text kept elsewhere (a tracked value, an activity summary); may be False
    :param dict replacements: former value -> what replaces it (values shorter than 3
        characters are ignored: they would match inside ordinary words)
    :return: the scrubbed text, or ``text`` itself when it is empty
    """
    if not text:
        return text
    for old, new in replacements.items():
        if old and len(old.strip()) >= 3:
            text = re.sub(re.escape(old.strip()), new, text, flags=re.IGNORECASE)
    return text


class Base(models.AbstractModel):
    """Anonymization of the records that hold personal information about a participant.

    Each model declares, in :meth:`_mentoring_anonymized_fields`, the one set of its fields
    that anonymization clears (empty by default). Addons that add such a field extend the
    set of its model::

        def _mentoring_anonymized_fields(self):
            return super()._mentoring_anonymized_fields() | {"my_notes"}

    Codes, dates, states and numbers stay out of the set: statistics keep them.
    """

    _inherit = "base"

    def _mentoring_anonymized_fields(self):
        """The fields of this model that anonymization clears.

        :return: set of names of stored, writable fields of this model
        """
        return set()

    def _mentoring_anonymized_values(self):
        """The values that replace the declared fields of one record.

        :return: dict field name -> value: False (0 for numbers), or a neutral word for the
            fields that cannot be empty
        """
        self.ensure_one()
        values = {}
        for name in self._mentoring_anonymized_fields():
            field = self._fields[name]
            if field.type in ("integer", "float", "monetary"):
                values[name] = 0
            elif field.required and field.type in ("char", "text", "html"):
                values[name] = self.env._("Anonymized")
            else:
                values[name] = False
        return values

    def _mentoring_anonymize_clear(self, replacements):
        """Clear what these records hold about a participant, as superuser.

        The caller has checked the user's rights. Declared fields are emptied without
        tracking (tracking would keep the former values). Chatter messages posted on the
        records lose their body, subject and attachments, and their tracked values of
        declared fields and of free text; e-mails kept or queued for those messages are
        deleted; activities
        lose their note; attachments of the records are deleted. The former values in
        ``replacements`` (name, e-mail, phone) are replaced in what is kept: other tracked
        values, activity summaries, senders.

        :param dict replacements: former value -> neutral label
        :return: True
        """
        records = self.sudo().with_context(
            active_test=False, mail_notrack=True, tracking_disable=True
        )
        if hasattr(records, "_track_discard"):
            # Changes made earlier in this transaction are tracked at commit, with their
            # former values: not for these records.
            records._track_discard()
        for record in records:
            values = record._mentoring_anonymized_values()
            if values:
                record.write(values)
        if "message_ids" in self._fields:
            messages = (
                self.env["mail.message"]
                .sudo()
                .search([("model", "=", self._name), ("res_id", "in", self.ids)])
            )
            cleared = self._mentoring_cleared_tracking_fields()
            messages._mentoring_anonymize_messages(cleared, replacements)
        if "activity_ids" in self._fields:
            activities = (
                self.env["mail.activity"]
                .sudo()
                .search([("res_model", "=", self._name), ("res_id", "in", self.ids)])
            )
            for activity in activities:
                activity.write({"note": False, "summary": scrub(activity.summary, replacements)})
            self._mentoring_refresh_activity_names()
        self.env["ir.attachment"].sudo().search(
            [("res_model", "=", self._name), ("res_id", "in", self.ids)]
        ).unlink()
        return True

    def _mentoring_cleared_tracking_fields(self):
        """Fields whose tracked values are dropped from these records' messages: the
        ones anonymization clears (:meth:`_mentoring_anonymized_fields`)."""
        return self._mentoring_anonymized_fields()

    def _mentoring_refresh_activity_names(self):
        """Recompute the record names kept on the activities of these records (e.g. a
        relationship named after a participant whose name was just erased).

        :return: the activities, as superuser
        """
        activities = (
            self.env["mail.activity"]
            .sudo()
            .search([("res_model", "=", self._name), ("res_id", "in", self.ids)])
        )
        self.env.add_to_compute(activities._fields["res_name"], activities)
        return activities
