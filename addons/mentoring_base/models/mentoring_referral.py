from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

REFERRAL_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("review", "Under review"),
    ("accepted", "Accepted"),
    ("referred_back", "Referred back"),
    ("withdrawn", "Withdrawn"),
]
EDITABLE_STATES = ("draft", "referred_back")
# Changed only by the workflow methods below (with sudo, once they have checked), never
# directly by agency staff.
WORKFLOW_FIELDS = (
    "state",
    "date_submitted",
    "date_decision",
    "back_reason_ids",
    "back_note",
    "override_reason",
    "override_user_id",
    "eligibility_result_ids",
)


# Fields of the client shown (and typed) on the referral: one source, the mentee.
PERSON_FIELDS = (
    "resume",
    "resume_filename",
    "career_objective",
    "action_plan_started",
    "consent_share",
    "consent_date",
)


class MentoringReferral(models.Model):
    _name = "mentoring.referral"
    _description = "Referral"
    _inherit = [
        "mentoring.tenancy.mixin",
        "mentoring.staff.language.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "mentoring.eligibility.mixin",
    ]
    _order = "date_submitted desc, id desc"
    _staff_only_fields = ("agency_id", *WORKFLOW_FIELDS)
    _tenant_link_fields = ("mentee_id", "agency_contact_id")

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/", index=True
    )
    state = fields.Selection(
        REFERRAL_STATES,
        string="Status",
        default="draft",
        required=True,
        tracking=True,
        index=True,
        group_expand=True,
        copy=False,
    )
    mentee_id = fields.Many2one(
        "mentoring.mentee",
        string="Client",
        required=True,
        tracking=True,
        index=True,
        ondelete="restrict",
    )
    program_id = fields.Many2one(
        "mentoring.program",
        required=True,
        tracking=True,
        index=True,
        default=lambda self: self.env["mentoring.program"]._default_program(),
    )
    # Empty for a self-referral (the person applied without an agency, e.g. on the
    # website): reviewed like any referral, never seen by agency referrers (their rule
    # matches their own agency only).
    agency_id = fields.Many2one(
        "res.partner",
        string="Referring agency",
        tracking=True,
        index=True,
        domain=[("is_service_agency", "=", True)],
        default=lambda self: self.env["mentoring.mentee"]._default_referring_agency(),
        help="Empty for a self-referral: the person applied without an agency.",
    )
    agency_contact_id = fields.Many2one(
        "res.partner",
        string="Agency contact",
        tracking=True,
        domain="[('parent_id', '=', agency_id)]",
        default=lambda self: self._default_agency_contact(),
        help="Person at the agency who is told about decisions, in their own language.",
    )
    # What the agency must provide before submitting, kept on the client's profile.
    # Read with the user's rights (compute_sudo=False): a client's profile never shows
    # through a referral, or an onchange, to someone who may not read the client.
    resume = fields.Binary(related="mentee_id.resume", readonly=False, compute_sudo=False)
    resume_filename = fields.Char(
        related="mentee_id.resume_filename", readonly=False, compute_sudo=False
    )
    career_objective = fields.Text(
        related="mentee_id.career_objective", readonly=False, compute_sudo=False
    )
    action_plan_started = fields.Boolean(
        related="mentee_id.action_plan_started", readonly=False, compute_sudo=False
    )
    consent_share = fields.Boolean(
        related="mentee_id.consent_share", readonly=False, compute_sudo=False
    )
    consent_date = fields.Date(related="mentee_id.consent_date", readonly=False, compute_sudo=False)
    notes = fields.Html(string="Referral notes")

    date_submitted = fields.Date(string="Submitted on", copy=False, tracking=True)
    date_decision = fields.Date(string="Decided on", copy=False, tracking=True)
    days_to_decision = fields.Integer(
        compute="_compute_days_to_decision", store=True, aggregator="avg"
    )
    back_reason_ids = fields.Many2many(
        "mentoring.referral.back.reason", string="Reasons for referring back", copy=False
    )
    back_note = fields.Text(string="What to fix", copy=False)
    eligibility_result_ids = fields.One2many(
        "mentoring.eligibility.result", "referral_id", string="Eligibility check", copy=False
    )
    override_reason = fields.Text(
        string="Override reason",
        copy=False,
        tracking=True,
        help="Why a manager accepted the client although a mandatory criterion failed.",
    )
    override_user_id = fields.Many2one("res.users", string="Overridden by", copy=False)
    is_editable = fields.Boolean(compute="_compute_is_editable")

    @api.model
    def _default_agency_contact(self):
        if self.env.user.has_group("mentoring_base.group_mentoring_agency_referrer"):
            return self.env.user.partner_id
        return False

    @api.depends("date_submitted", "date_decision")
    def _compute_days_to_decision(self):
        for referral in self:
            if referral.date_submitted and referral.date_decision:
                referral.days_to_decision = (referral.date_decision - referral.date_submitted).days
            else:
                referral.days_to_decision = 0

    @api.depends("state")
    def _compute_is_editable(self):
        for referral in self:
            referral.is_editable = referral.state in EDITABLE_STATES

    @api.depends("name", "mentee_id")
    def _compute_display_name(self):
        for referral in self:
            referral.display_name = (
                f"{referral.name} – {referral.mentee_id.name}"
                if referral.mentee_id
                else referral.name
            )

    @api.model_create_multi
    def create(self, vals_list):
        """Create the referrals; the client's own data typed on them (résumé, consent,
        objective, action plan) is written on the client in one go."""
        person_vals_list = [self._pop_person_vals(vals) for vals in vals_list]
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("mentoring.referral") or "/"
        referrals = super().create(vals_list)
        for referral, person_vals in zip(referrals, person_vals_list, strict=True):
            if person_vals:
                referral.mentee_id.write(person_vals)
        return referrals

    def write(self, vals):
        if not self._is_mentoring_staff():
            self._check_locked()
        person_vals = self._pop_person_vals(vals)
        result = super().write(vals)
        if person_vals:
            self.mentee_id.write(person_vals)
        return result

    @api.model
    def _pop_person_vals(self, vals):
        """Remove from ``vals`` (a dict, changed in place) the fields the referral shows from
        its client, and return them: written on the client in a single ``write``, so that
        checks across them (consent and its date) see them together, whatever their order.
        """
        return {name: vals.pop(name) for name in PERSON_FIELDS if name in vals}

    def _check_locked(self):
        """Agency staff change a referral only while it is a draft or referred back."""
        locked = self.filtered(lambda referral: referral.state not in EDITABLE_STATES)
        if locked:
            raise UserError(
                self.env._(
                    "Referral %(referral)s was submitted: it can be changed again if it is "
                    "referred back.",
                    referral=locked[0].display_name,
                )
            )

    def _workflow_write(self, vals):
        """Write workflow fields on referrals the user may edit (checked here), as superuser:
        agency staff submit and withdraw their own referrals but never set a status."""
        self.check_access("write")
        return self.sudo().write(vals)

    @api.constrains("mentee_id", "agency_id")
    def _check_mentee_agency(self):
        for referral in self:
            agency = referral.mentee_id.referring_agency_id
            if agency and agency != referral.agency_id:
                raise ValidationError(
                    self.env._(
                        "%(person)s is already a client of another agency: a referral can "
                        "only be filed by the agency that referred them.",
                        person=referral.mentee_id.name,
                    )
                )

    # -- workflow ----------------------------------------------------------------------

    def _check_staff(self):
        """Review decisions belong to program staff, whatever the client sends."""
        if not self.env.su and not self.env.user.has_group(
            "mentoring_base.group_mentoring_coordinator"
        ):
            raise AccessError(self.env._("Only program staff can review referrals."))

    def _check_state(self, allowed, action):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for referral in self:
            if referral.state not in allowed:
                raise UserError(
                    self.env._(
                        "Referral %(referral)s is “%(state)s”: it cannot be %(action)s now.",
                        referral=referral.display_name,
                        state=labels[referral.state],
                        action=action,
                    )
                )

    def _missing_pieces(self):
        """What a referral still lacks before it can be submitted, as translated labels.

        The résumé and the action plan are what a referring agency prepares with its
        client; a self-referral (no agency) needs neither."""
        self.ensure_one()
        missing = []
        if self.agency_id and not self.resume:
            missing.append(self.env._("the client's résumé"))
        if not (self.career_objective or "").strip():
            missing.append(self.env._("a career objective"))
        if self.agency_id and not self.action_plan_started:
            missing.append(self.env._("an action plan started with the client"))
        if not self.consent_share:
            missing.append(self.env._("the client's consent to share information"))
        elif not self.consent_date:
            missing.append(self.env._("the date of the client's consent"))
        return missing

    def action_submit(self):
        self._check_state(EDITABLE_STATES, self.env._("submitted"))
        for referral in self:
            missing = referral._missing_pieces()
            if missing:
                raise UserError(
                    self.env._(
                        "Referral %(referral)s cannot be submitted yet. Still missing: "
                        "%(missing)s.",
                        referral=referral.display_name,
                        missing=", ".join(missing),
                    )
                )
        self._workflow_write(
            {"state": "submitted", "date_submitted": fields.Date.context_today(self)}
        )
        self._notify_coordinators()
        return True

    @api.model
    def _self_referral_values(self, program):
        """Values of the referral of a person who refers themselves (no agency, no agency
        contact), submitted today to ``program``: it enters the coordinators' review queue
        like an agency's referral, is checked for eligibility when reviewed, and counts in
        the referral figures. A résumé is optional. Created with the mentee (as a
        ``referral_ids`` command) by the website's self-referral form.

        :param program: ``mentoring.program``
        :return: dict of ``mentoring.referral`` values
        """
        return {
            "program_id": program.id,
            "agency_id": False,
            "agency_contact_id": False,
            "state": "submitted",
            "date_submitted": fields.Date.context_today(self),
        }

    def _staff_readers(self):
        """The coordinators of the referrals' programs."""
        return self.program_id.coordinator_ids

    def _notify_coordinators(self):
        """A review to-do for each coordinator of the program, in the coordinator's
        language (not the referrer's), once while it is open (agency staff cannot assign
        activities on their own, hence sudo on the referrals they just submitted)."""
        for referral in self.sudo():
            for coordinator in referral.program_id.coordinator_ids:
                referral._schedule_staff_todo(
                    coordinator,
                    "review",
                    _lt("Review referral of %s", referral.mentee_id.name),
                )

    def _close_review_activities(self, feedback):
        """Mark the review to-dos done with ``feedback`` (a lazy translation), noted in
        the staff's language when a referrer withdraws (``_note_env``)."""
        for referral in self:
            note_env = referral._note_env()
            referral.sudo().with_context(lang=note_env.lang).activity_feedback(
                ["mail.mail_activity_data_todo"], feedback=note_env._(feedback)
            )

    def action_start_review(self):
        self._check_staff()
        self._check_state(("submitted",), self.env._("reviewed"))
        self.write({"state": "review"})
        self.action_check_eligibility()
        return True

    def _eligibility_subject(self):
        return self.mentee_id, self.program_id, "mentee"

    def action_check_eligibility(self):
        self._check_staff()
        return super().action_check_eligibility()

    def action_accept(self):
        self._check_staff()
        self._check_state(("submitted", "review"), self.env._("accepted"))
        self.action_check_eligibility()
        for referral in self:
            if referral.eligibility_verdict == "ineligible" and not referral.override_reason:
                raise UserError(
                    self.env._(
                        "%(person)s does not meet these mandatory criteria: %(criteria)s. "
                        "Refer the client back, or ask a manager to override with a reason.",
                        person=referral.mentee_id.name,
                        criteria=referral._failed_mandatory_criteria(),
                    )
                )
        self.write({"state": "accepted", "date_decision": fields.Date.context_today(self)})
        for referral in self:
            referral._admit_mentee()
        self._close_review_activities(_lt("Accepted"))
        return True

    def _admit_mentee(self):
        """The client becomes an eligible mentee of the program and starts orientation.

        :raise UserError: the client belongs to another agency (never moved), or cannot
            start orientation from their current state
        """
        mentee = self.mentee_id
        if mentee.referring_agency_id and mentee.referring_agency_id != self.agency_id:
            raise UserError(
                self.env._(
                    "%(person)s is a client of %(agency)s: accepting this referral would move "
                    "them to another agency. Ask that agency to refer them instead.",
                    person=mentee.name,
                    agency=mentee.referring_agency_id.name,
                )
            )
        mentee.write(
            {
                "program_id": self.program_id.id,
                "referring_agency_id": self.agency_id.id,
                "referrer_id": self.agency_contact_id.id,
            }
        )
        if mentee.state == "candidate":
            mentee.action_confirm_eligible()
        if mentee.state == "eligible":
            mentee.action_start_orientation()
        if mentee.state != "orientation":
            raise UserError(
                self.env._(
                    "%(person)s is “%(state)s” and cannot start orientation.",
                    person=mentee.name,
                    state=mentee._state_label(mentee.state),
                )
            )

    def action_override_eligibility(self, reason):
        """A manager accepts a client who fails a mandatory criterion, with a written reason."""
        if not self.env.user.has_group("mentoring_base.group_mentoring_manager"):
            raise UserError(self.env._("Only a mentoring manager can override eligibility."))
        if not (reason or "").strip():
            raise UserError(self.env._("Write why the eligibility criteria are overridden."))
        self.write({"override_reason": reason.strip(), "override_user_id": self.env.uid})
        for referral in self:
            referral.message_post(
                body=referral._note_env()._(
                    "Eligibility overridden by %(user)s: %(reason)s",
                    user=self.env.user.name,
                    reason=reason.strip(),
                )
            )
        return self.action_accept()

    def action_refer_back(self, reasons, note=False):
        self._check_staff()
        self._check_state(("submitted", "review"), self.env._("referred back"))
        if not reasons:
            raise UserError(self.env._("Give at least one reason for referring the client back."))
        self.write(
            {
                "state": "referred_back",
                "back_reason_ids": [fields.Command.set(reasons.ids)],
                "back_note": note or False,
                "date_decision": fields.Date.context_today(self),
            }
        )
        self._close_review_activities(_lt("Referred back"))
        for referral in self:
            # The agency contact, or the person who referred themselves, is e-mailed in
            # their own language (the template's lang); the chatter keeps the decision.
            template = referral._referred_back_template()
            if template:
                template.send_mail(referral.id, email_layout_xmlid="mail.mail_notification_light")
            # The reasons' names in the note's language too.
            note_env = referral._note_env()
            reasons = ", ".join(referral.with_env(note_env).back_reason_ids.mapped("name"))
            note = f" {referral.back_note}" if referral.back_note else ""
            if referral.agency_id:
                body = note_env._(
                    "Referred back to the agency. Reasons: %(reasons)s.%(note)s",
                    reasons=reasons,
                    note=note,
                )
            else:
                body = note_env._(
                    "Returned to the person, who referred themselves. Reasons: "
                    "%(reasons)s.%(note)s",
                    reasons=reasons,
                    note=note,
                )
            referral.message_post(body=body, subtype_xmlid="mail.mt_note")
        return True

    def _referred_back_template(self):
        """The mail telling who referred the client that the referral is referred back:
        the agency contact's, or the person's own for a self-referral; none when there is
        nobody to write to."""
        self.ensure_one()
        if self.agency_id:
            xmlid = "mail_template_referral_referred_back" if self.agency_contact_id else None
        else:
            xmlid = "mail_template_self_referral_referred_back" if self.mentee_id.email else None
        return self.env.ref(f"mentoring_base.{xmlid}") if xmlid else self.env["mail.template"]

    def action_withdraw(self):
        self._check_state(
            ("draft", "submitted", "review", "referred_back"), self.env._("withdrawn")
        )
        self._workflow_write({"state": "withdrawn"})
        self._close_review_activities(_lt("Withdrawn"))
        return True

    def action_open_refer_back_wizard(self):
        self._check_state(("submitted", "review"), self.env._("referred back"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Refer back"),
            "res_model": "mentoring.referral.refer.back.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_referral_ids": self.ids},
        }

    def action_open_override_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Override eligibility"),
            "res_model": "mentoring.referral.override.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_referral_id": self.id},
        }
