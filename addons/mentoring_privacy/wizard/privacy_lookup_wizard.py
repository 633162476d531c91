from odoo import models
from odoo.tools import SQL


class PrivacyLookupWizard(models.TransientModel):
    """The privacy lookup also lists the mentoring records of the person searched.

    Odoo's lookup finds the contacts matching a name or an e-mail (the ``indirect_references``
    of its query) and the records pointing to them. Mentoring records point to a mentee or a
    mentor, not to the contact: they are found here, through the "hub" models below.
    """

    _inherit = "privacy.lookup.wizard"

    def _get_query_mentoring_hubs(self):
        """Models whose records belong to a person, in order: each is found from the
        contact (models delegating to ``res.partner``: mentees, mentors) or from the earlier
        hubs (relationships through their mentee and mentor, referrals through their
        mentee). Every model with a stored many2one to a hub is then listed (meetings,
        check-ins, outcomes, goals, attendances, eligibility results, and models of other
        addons alike). Extend the list to add a hub.

        :return: list of model names
        """
        return [
            "mentoring.mentee",
            "mentoring.mentor",
            "mentoring.relationship",
            "mentoring.referral",
        ]

    def _get_query_mentoring_hub_ids(self):
        """For each hub, the SQL selecting the ids of the person's records.

        :return: dict model name -> ``SQL`` (uses the ``indirect_references`` of
            :meth:`_get_query`)
        """
        hubs = {}
        for name in self._get_query_mentoring_hubs():
            if name not in self.env:
                continue
            model = self.env[name]
            conditions = []
            partner_field = model._inherits.get("res.partner")
            if partner_field:
                conditions.append(
                    SQL(
                        "%s IN (SELECT id FROM indirect_references)",
                        SQL.identifier(partner_field),
                    )
                )
            conditions += [
                SQL("%s IN (%s)", SQL.identifier(field_name), hubs[field.comodel_name])
                for field_name, field in model._fields.items()
                if field.type == "many2one" and field.store and field.comodel_name in hubs
            ]
            if conditions:
                hubs[name] = SQL(
                    "SELECT id FROM %s WHERE %s",
                    SQL.identifier(model._table),
                    SQL(" OR ").join(conditions),
                )
        return hubs

    def _get_query(self):
        query = super()._get_query()
        hubs = self._get_query_mentoring_hub_ids()
        if not hubs:
            return query
        blacklisted_models = self._get_query_models_blacklist()
        for model_name in self.env:
            model = self.env[model_name]
            if (
                model_name in blacklisted_models
                or model._transient
                or model._abstract
                or not model._auto
            ):
                continue
            conditions = [
                SQL(
                    "%s IN (%s)",
                    model._field_to_sql(model._table, field_name),
                    hubs[field.comodel_name],
                )
                for field_name, field in model._fields.items()
                if field.type == "many2one" and field.store and field.comodel_name in hubs
            ]
            if not conditions:
                continue
            query = SQL(
                """
                %s
                UNION ALL
                SELECT
                    %s AS res_model_id,
                    id AS res_id,
                    %s AS is_active
                FROM %s
                WHERE %s
                """,
                query,
                self.env["ir.model"]._get_id(model_name),
                SQL.identifier("active") if "active" in model else True,
                SQL.identifier(model._table),
                SQL(" OR ").join(conditions),
            )
        return query

    def action_lookup(self):
        """Look the person up, listing each record once.

        A record can be found twice: once because it points to a contact with the name
        searched, once as a mentoring record of the person.

        :return: window action of the lines found
        """
        action = super().action_lookup()
        seen = set()
        duplicates = self.env["privacy.lookup.wizard.line"]
        for line in self.line_ids:
            key = (line.res_model_id.id, line.res_id)
            if key in seen:
                duplicates |= line
            seen.add(key)
        # Lines of this wizard only, which the user just created.
        duplicates.sudo().unlink()
        return action
