from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, split_every
from odoo.tools.sql import column_exists

from ..tools import availability


def lifecycle_field(states, default):
    """The ``state`` field of a participant model: its lifecycle, tracked and dated."""
    return fields.Selection(
        states,
        string="Status",
        default=default,
        required=True,
        tracking=True,
        index=True,
        group_expand=True,
        copy=False,
    )


class MentoringPersonMixin(models.AbstractModel):
    """What mentees and mentors share: a contact, languages, occupation and a dated lifecycle.

    Each concrete model delegates to ``res.partner`` through ``partner_id`` so a person's
    contact data lives once in Contacts, and one person can be a mentee and later a mentor.
    Its ``state`` selection lists the lifecycle, ``_state_transitions`` the allowed moves,
    and one ``date_<state>`` field per state keeps when the person last reached it.
    """

    _name = "mentoring.person.mixin"
    _description = "Mentoring participant"
    _inherit = ["mentoring.staff.language.mixin", "mail.thread", "mail.activity.mixin"]
    _state_transitions = {}

    # Own ``active``: archiving a participant must not archive the contact.
    active = fields.Boolean(default=True, tracking=True)
    spoken_language_ids = fields.Many2many("mentoring.language", string="Languages spoken")
    consent_share = fields.Boolean(
        string="Consents to share information with partner agencies", tracking=True
    )
    consent_date = fields.Date(string="Consent date", tracking=True)
    # Set by program staff's "Record consent withdrawal" (mentoring_privacy); agency
    # referrers stop seeing the person's relationship, outcomes and evaluations from then.
    consent_withdrawn_date = fields.Date(
        string="Consent withdrawn on",
        readonly=True,
        copy=False,
        tracking=True,
        index="btree_not_null",
        help="The person withdrew their consent to share information with partner agencies "
        "on this date; exports and shares leave out their personal details since.",
    )
    # Computed with ``orientation_step`` by each model's ``_compute_orientation_step``.
    orientation_step_since = fields.Date(
        string="Waiting for this step since",
        compute="_compute_orientation_step",
        store=True,
        help="When the previous orientation step was done (or orientation started).",
    )
    state_date = fields.Date(
        string="In this state since",
        compute="_compute_state_date",
        help="When the person reached their current state.",
    )
    days_in_state = fields.Integer(
        string="Days in this state",
        compute="_compute_state_date",
    )
    # Ticked in a grid (widget ``mentoring_availability_grid``, website mentor form); the
    # free text ``availability`` of mentees and mentors only keeps other details.
    availability_slots = fields.Integer(
        string="Weekly availability",
        default=0,
        help="When the person can usually meet, ticked in a weekly grid: each day, morning "
        "(before 11 a.m.), midday (11 a.m. to 2 p.m.), afternoon (2 to 5 p.m.) and evening "
        "(after 5 p.m.). The matching compares the mentee's and the mentor's grids.",
    )

    def _staff_readers(self):
        """The coordinators of the people's programs (a mentee's program, a mentor's
        programs)."""
        for field in ("program_id", "program_ids"):
            if field in self._fields:
                return self.mapped(field).coordinator_ids
        return self.env["res.users"]

    def _state_date_fields(self):
        if "state" not in self._fields:  # the abstract mixin itself
            return []
        return [f"date_{state}" for state, _label in self._fields["state"].selection]

    @api.depends(lambda self: ["state", *self._state_date_fields()])
    def _compute_state_date(self):
        today = fields.Date.context_today(self)
        for person in self:
            date = person[f"date_{person.state}"] if person.state else False
            person.state_date = date
            person.days_in_state = (today - date).days if date else 0

    @api.model_create_multi
    def create(self, vals_list):
        today = fields.Date.context_today(self)
        default_state = self._fields["state"].default(self)
        for vals in vals_list:
            state = vals.get("state") or default_state
            if not vals.get(f"date_{state}"):
                vals[f"date_{state}"] = today
        return super().create(vals_list)

    @api.constrains("consent_share", "consent_date")
    def _check_consent_date(self):
        for person in self:
            if person.consent_share and not person.consent_date:
                raise ValidationError(
                    self.env._(
                        "Enter the date %(person)s gave consent to share information "
                        "with partner agencies.",
                        person=person.display_name,
                    )
                )

    @api.constrains("availability_slots")
    def _check_availability_slots(self):
        for person in self:
            if not availability.is_valid_slots(person.availability_slots):
                raise ValidationError(
                    self.env._(
                        "The weekly availability of %(person)s holds time slots outside the "
                        "week's grid.",
                        person=person.display_name,
                    )
                )

    def _prefill_availability_slots(self):
        """Tick the weekly grid from the free text ``availability`` (as
        :func:`~odoo.addons.mentoring_base.tools.availability.parse_availability` reads it)
        for the persons whose grid is still empty; a grid with a slot ticked is left alone.

        For the ``availability`` onchange of the models that have that text (mentors here,
        mentees in ``mentoring_matching``).
        """
        for person in self:
            if not person.availability_slots and person.availability:
                person.availability_slots = availability.parse_availability(person.availability)

    @api.model
    def _fill_empty_availability_slots(self):
        """Tick the weekly grid from the free text ``availability`` in the database, for
        every person (archived too) whose grid is empty: what people typed before the grid
        existed (migration to 19.0.1.2.0).

        Works in SQL on the model's table, whether the text column exists or not (mentees
        get it from ``mentoring_matching``, which may not be installed, or not loaded yet
        while ``mentoring_base`` is migrated).

        :return: number of persons whose grid was filled
        """
        cr = self.env.cr
        if not column_exists(cr, self._table, "availability"):
            return 0
        self.flush_model(["availability_slots"])
        table = SQL.identifier(self._table)
        cr.execute(
            SQL(
                "SELECT id, availability FROM %s "
                "WHERE COALESCE(availability_slots, 0) = 0 AND availability IS NOT NULL",
                table,
            )
        )
        found = [(id_, availability.parse_availability(text)) for id_, text in cr.fetchall()]
        found = [(id_, bits) for id_, bits in found if bits]
        for batch in split_every(1000, found):
            cr.execute(
                SQL(
                    "UPDATE %s AS person SET availability_slots = grid.bits "
                    "FROM (VALUES %s) AS grid(id, bits) WHERE person.id = grid.id",
                    table,
                    SQL(", ").join(SQL("(%s, %s)", id_, bits) for id_, bits in batch),
                )
            )
        self.invalidate_model(["availability_slots"])
        return len(found)

    @api.onchange("consent_share")
    def _onchange_consent_share(self):
        if self.consent_share and not self.consent_date:
            self.consent_date = fields.Date.context_today(self)

    def _check_orientation_done(self):
        """Refuse to leave orientation before its last step (``orientation_step`` "done")."""
        steps = dict(self._fields["orientation_step"]._description_selection(self.env))
        for person in self.filtered(lambda person: person.state == "orientation"):
            if person.orientation_step != "done":
                raise UserError(
                    self.env._(
                        "%(person)s has not finished orientation: next step is “%(step)s”.",
                        person=person.display_name,
                        step=steps[person.orientation_step],
                    )
                )

    def _state_label(self, state):
        return dict(self._fields["state"]._description_selection(self.env))[state]

    def _change_state(self, new_state):
        """Move to ``new_state`` if the lifecycle allows it, and date the move."""
        for person in self:
            if new_state not in self._state_transitions.get(person.state, ()):
                raise UserError(
                    self.env._(
                        "%(person)s cannot go from “%(current)s” to “%(target)s”.",
                        person=person.display_name,
                        current=person._state_label(person.state),
                        target=person._state_label(new_state),
                    )
                )
        self.write({"state": new_state, f"date_{new_state}": fields.Date.context_today(self)})
        return True
