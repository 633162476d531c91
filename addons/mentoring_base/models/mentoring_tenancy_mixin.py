from odoo import api, models
from odoo.exceptions import AccessError

STAFF_GROUP = "mentoring_base.group_mentoring_coordinator"


class MentoringTenancyMixin(models.AbstractModel):
    """Guards the line between agencies on records that outside parties may write.

    Record rules decide which records a user may touch; they do not look at the values
    written. This mixin closes that gap for users outside program staff (agency referrers
    today, portal users later):

    - ``_staff_only_fields``: fields that decide tenancy or workflow (an agency, a state, a
      decision). Outside users cannot write them, and on create may only leave them at
      their default (which is their own agency, the first state, ...), unless they are
      also link fields;
    - ``_tenant_link_fields``: many2one fields that attach the record to another one (a
      contact, a mentee). Outside users may only point them at records they may write
      themselves, so nobody can attach data to, or read through, another agency's records.

    Workflow methods check their preconditions and then write with ``sudo()``; no context
    key unlocks these guards.
    """

    _name = "mentoring.tenancy.mixin"
    _description = "Mentoring tenancy guard"
    _staff_only_fields = ()
    _tenant_link_fields = ()

    def _is_mentoring_staff(self):
        """True for the superuser and program staff (Mentoring coordinators and managers)."""
        return self.env.su or self.env.user.has_group(STAFF_GROUP)

    @api.model
    def _check_tenancy_create(self, vals_list):
        """Refuse, for outside users, creation values that cross the tenancy line.

        The values checked are those the record will get: the given ones and, for the
        guarded fields left out, the defaults ``create`` will add, including ``default_*``
        keys of the context (so no context key can plant a value either).

        :param list vals_list: the dicts given to ``create``
        :raise AccessError: a staff-only field set to something else than its own default,
            or a link to a record the user may not write (translated message naming the
            field)
        """
        if self._is_mentoring_staff():
            return
        guarded = set(self._staff_only_fields) | set(self._tenant_link_fields)
        staff_only = set(self._staff_only_fields) - set(self._tenant_link_fields)
        plain_context = {
            key: value for key, value in self.env.context.items() if not key.startswith("default_")
        }
        own_defaults = self.env(context=plain_context)[self._name].default_get(list(staff_only))
        for vals in vals_list:
            effective = {**self.default_get([name for name in guarded if name not in vals]), **vals}
            for name in staff_only:
                if (effective.get(name) or False) != (own_defaults.get(name) or False):
                    self._raise_staff_only(name)
            self._check_tenant_links(effective)

    def _check_tenancy_write(self, vals):
        """Refuse, for outside users, a write of a staff-only field or a link that crosses
        the tenancy line.

        :param dict vals: the values given to ``write``
        :raise AccessError: as in :meth:`_check_tenancy_create`
        """
        if self._is_mentoring_staff():
            return
        for name in self._staff_only_fields:
            if name in vals:
                self._raise_staff_only(name)
        self._check_tenant_links(vals)

    def _check_tenant_links(self, vals):
        for name in self._tenant_link_fields:
            target_id = vals.get(name)
            if not target_id:
                continue
            target = self.env[self._fields[name].comodel_name].browse(target_id)
            if not target.exists() or not target.has_access("write"):
                raise AccessError(
                    self.env._(
                        "%(field)s: you can only choose records of your own agency.",
                        field=self._field_label(name),
                    )
                )

    def _field_label(self, name):
        return self._fields[name]._description_string(self.env)

    def _raise_staff_only(self, name):
        raise AccessError(
            self.env._(
                "“%(field)s” is set by program staff: it cannot be changed from an agency "
                "or portal account.",
                field=self._field_label(name),
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_tenancy_create(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._check_tenancy_write(vals)
        return super().write(vals)
