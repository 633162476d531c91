from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _mentoring_anonymized_fields(self):
        """The contact data of a person: name, company link, addresses, e-mail, phone,
        identifiers, notes and picture. Province, country, language and tags stay.

        The company link (``parent_id``) is cleared first so that clearing the address of a
        company's contact never clears the company's own address (Odoo copies a contact's
        address and tax ID up to its company).
        """
        return super()._mentoring_anonymized_fields() | {
            "name",
            "parent_id",
            "function",
            "email",
            "phone",
            "street",
            "street2",
            "zip",
            "city",
            "partner_latitude",
            "partner_longitude",
            "website",
            "comment",
            "image_1920",
            "ref",
            "vat",
            "company_registry",
            "company_name",
            "barcode",
        }

    def _mentoring_anonymized_values(self):
        values = super()._mentoring_anonymized_values()
        values["name"] = self._mentoring_anonymized_label()
        return values

    def _mentoring_anonymized_label(self):
        """The neutral name an anonymized person's contact takes.

        :return: str, e.g. "Anonymized participant #42" (the contact's id), in the language of
            the user who anonymizes
        """
        self.ensure_one()
        return self.env._("Anonymized participant #%s", self.id)

    def _mentoring_anonymize_replacements(self):
        """The person's former name, e-mail and phone, each mapped to the neutral name.

        :return: dict former value -> neutral label
        """
        self.ensure_one()
        label = self._mentoring_anonymized_label()
        return {value: label for value in (self.name, self.email, self.phone) if value}

    def _mentoring_anonymize_clear(self, replacements):
        """Also empty the messages the person wrote anywhere, and stop them following
        anything (their address would receive nothing, but the list of what they followed
        tells about them)."""
        result = super()._mentoring_anonymize_clear(replacements)
        authored = self.env["mail.message"].sudo().search([("author_id", "in", self.ids)])
        authored._mentoring_anonymize_messages(set(), replacements)
        self.env["mail.followers"].sudo().search([("partner_id", "in", self.ids)]).unlink()
        return result
